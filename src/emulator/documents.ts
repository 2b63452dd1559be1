// The documents API (PDSm) of the emulator: ITI-105 simplified publish, ITI-65 provide bundle, ITI-67 find and
// ITI-68 retrieve, with OperationOutcome errors (400/404/422) as PDSm lists them.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkSimplifiedPublish, decodeBase64, documentPatient } from '../mes/documents.js';
import { fillTemplate } from '../mes/spec.js';
import type { MesErrorEntry } from '../mes/spec.js';
import type { EmulatorContext, Session } from './context.js';
import { patientAllowed } from './context.js';
import type { OutcomeIssue } from './http.js';
import { operationOutcome, sendJson, sendOutcome } from './http.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function issue(
  ctx: EmulatorContext,
  id: string,
  params: Record<string, string> = {},
  expression?: string,
): OutcomeIssue {
  const entry = ctx.spec.documents.errors[id] as MesErrorEntry;
  const codes = ctx.spec.mesures.responses['outcome-codes'];
  const code = entry.outcome ? (codes[entry.outcome] ?? entry.outcome.toLowerCase()) : 'invalid';
  return {
    severity: entry.severity ?? 'error',
    code,
    diagnostics: fillTemplate(entry.diagnostic ?? '', params),
    ...(expression ? { expression: [expression] } : {}),
  };
}

function fail(
  ctx: EmulatorContext,
  res: ServerResponse,
  id: string,
  params: Record<string, string> = {},
): void {
  sendOutcome(res, ctx.spec.documents.errors[id]?.status ?? 400, issue(ctx, id, params));
}

/** ITI-105: validates the DocumentReference, extracts the document to a Binary, answers 201 with the resource. */
export async function publishSimplified(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: Session,
  body: unknown,
): Promise<void> {
  if (!isObject(body) || body.resourceType !== 'DocumentReference')
    return fail(ctx, res, 'not-a-document-reference');
  const patient = documentPatient(body);
  if (!patientAllowed(ctx, res, session, patient?.value)) return;
  if (!ctx.misbehave.has('accept-everything')) {
    const violations = checkSimplifiedPublish(body, ctx.spec.documents).filter((v) => v.severity === 'error');
    const issues = violations.map((v) => {
      let expression = 'DocumentReference';
      for (const seg of v.path) expression += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
      return issue(ctx, v.id, v.params, expression);
    });
    if (ctx.validateProfile) {
      const profiles = isObject(body.meta) && Array.isArray(body.meta.profile) ? body.meta.profile : [];
      for (const profile of profiles.filter((p): p is string => typeof p === 'string')) {
        for (const i of await ctx.validateProfile(body, profile)) {
          if (i.severity === 'error' || i.severity === 'fatal')
            issues.push({
              code: i.code,
              diagnostics: i.diagnostics,
              ...(i.expression ? { expression: [i.expression] } : {}),
            });
        }
      }
    }
    if (issues.length > 0) {
      sendJson(res, 422, operationOutcome(issues));
      return;
    }
  }
  const stored = storeDocument(ctx, session, body);
  // Flux 10: 201 with the created resource, its id, meta.versionId and meta.lastUpdated (a FHIR create answer:
  // Location of the version, ETag and Last-Modified).
  const meta = stored.resource.meta as { versionId: string; lastUpdated: string };
  sendJson(res, 201, stored.resource, {
    location: `${ctx.fhirBase()}/DocumentReference/${stored.id}/_history/${meta.versionId}`,
    etag: `W/"${meta.versionId}"`,
    'last-modified': new Date(meta.lastUpdated).toUTCString(),
  });
}

function storeDocument(
  ctx: EmulatorContext,
  session: Session,
  resource: Json,
  binaryData?: Buffer,
  contentTypeOf?: string,
) {
  const content = (resource.content as Json[])[0] as Json;
  const attachment = content.attachment as Json;
  const data = binaryData ?? decodeBase64(String(attachment.data ?? '')) ?? Buffer.alloc(0);
  const contentType = contentTypeOf ?? String(attachment.contentType ?? 'application/octet-stream');
  const binary = ctx.store.addBinary(contentType, data);
  const { data: _dropped, ...kept } = attachment;
  const published = {
    ...resource,
    meta: {
      ...(isObject(resource.meta) ? resource.meta : {}),
      versionId: '1',
      lastUpdated: new Date().toISOString(),
    },
    content: [
      {
        ...content,
        attachment: {
          ...kept,
          url: `Binary/${binary.id}`,
          size: data.length,
          hash: createHash('sha1').update(data).digest('base64'),
        },
      },
    ],
  };
  const patient = documentPatient(resource);
  const stored = ctx.store.addDocument({
    idpe: patient?.value ?? session.idpe,
    status: String(resource.status ?? 'current'),
    resource: published,
    binaryId: binary.id,
  });
  // The server creates the SubmissionSet of a simplified publish (ITI-105).
  ctx.store.submissionSets.push({
    resourceType: 'List',
    id: randomUUID(),
    status: 'current',
    mode: 'working',
    entry: [{ item: { reference: `DocumentReference/${stored.id}` } }],
  });
  return stored;
}

/** ITI-65: a transaction Bundle with a SubmissionSet List, DocumentReferences and the Binaries they point to. */
export function provideBundle(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: Session,
  bundle: Json,
): void {
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]).filter(isObject) : [];
  const byType = (type: string) =>
    entries.filter((e) => isObject(e.resource) && e.resource.resourceType === type);
  const lists = byType('List');
  const documents = byType('DocumentReference');
  const binaries = new Map(byType('Binary').map((e) => [String(e.fullUrl), e.resource as Json]));
  const resolved = documents.map((d) => {
    const resource = d.resource as Json;
    const content = Array.isArray(resource.content) ? (resource.content[0] as Json | undefined) : undefined;
    const url = isObject(content?.attachment) ? String(content.attachment.url ?? '') : '';
    return { resource, binary: binaries.get(url) };
  });
  if (
    bundle.type !== 'transaction' ||
    lists.length === 0 ||
    documents.length === 0 ||
    resolved.some((r) => !r.binary)
  )
    return fail(ctx, res, 'provide-bundle-invalid');
  for (const { resource } of resolved) {
    if (!patientAllowed(ctx, res, session, documentPatient(resource)?.value)) return;
  }
  const response: Json[] = [];
  for (const { resource, binary } of resolved) {
    const data = decodeBase64(String(binary?.data ?? '')) ?? Buffer.alloc(0);
    const stored = storeDocument(
      ctx,
      session,
      resource,
      data,
      String(binary?.contentType ?? 'application/octet-stream'),
    );
    response.push({ response: { status: '201 Created', location: `DocumentReference/${stored.id}` } });
  }
  sendJson(res, 200, { resourceType: 'Bundle', type: 'transaction-response', entry: response });
}

/** ITI-67: DocumentReference?patient.identifier=system|value[&status=…]. */
export function findDocuments(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: Session,
  query: URLSearchParams,
): void {
  const patient = query.get('patient.identifier');
  if (!patient) return fail(ctx, res, 'search-patient');
  const idpe = patient.includes('|') ? patient.slice(patient.indexOf('|') + 1) : patient;
  if (!patientAllowed(ctx, res, session, idpe)) return;
  const statuses = query.get('status')?.split(',');
  const found = ctx.misbehave.has('lose-documents')
    ? []
    : [...ctx.store.documents.values()].filter(
        (d) => d.idpe === idpe && (!statuses || statuses.includes(d.status)),
      );
  sendJson(res, 200, {
    resourceType: 'Bundle',
    type: 'searchset',
    total: found.length,
    link: [{ relation: 'self', url: `${ctx.fhirBase()}/DocumentReference?${query.toString()}` }],
    entry: found.map((d) => ({
      fullUrl: `${ctx.fhirBase()}/DocumentReference/${d.id}`,
      resource: d.resource,
      search: { mode: 'match' },
    })),
  });
}

export function readDocument(ctx: EmulatorContext, res: ServerResponse, session: Session, id: string): void {
  const doc = ctx.store.documents.get(id);
  if (!doc) return fail(ctx, res, 'not-found', { type: 'DocumentReference', id });
  if (!patientAllowed(ctx, res, session, doc.idpe)) return;
  sendJson(res, 200, doc.resource);
}

/** ITI-68: the document itself, or a Binary resource when FHIR JSON is asked for. */
export function retrieveDocument(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  id: string,
): void {
  const binary = ctx.store.binaries.get(id);
  const doc = [...ctx.store.documents.values()].find((d) => d.binaryId === id);
  if (!binary || !doc) return fail(ctx, res, 'not-found', { type: 'Binary', id });
  if (!patientAllowed(ctx, res, session, doc.idpe)) return;
  if (/application\/(fhir\+)?json/.test(req.headers.accept ?? '')) {
    sendJson(res, 200, {
      resourceType: 'Binary',
      id,
      contentType: binary.contentType,
      data: binary.data.toString('base64'),
    });
    return;
  }
  res.writeHead(200, { 'content-type': binary.contentType, 'content-length': binary.data.length });
  res.end(binary.data);
}

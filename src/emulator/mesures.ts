// The mesures API of the emulator: POST of a transaction Bundle (alimentation) and GET Observation (read-back),
// answering as the published flow says, errors included.
import type { ServerResponse } from 'node:http';
import { checkMesuresBundle, parseIfNoneExist } from '../mes/mesures.js';
import { fillTemplate } from '../mes/spec.js';
import type { MesErrorEntry } from '../mes/spec.js';
import type { MesViolation } from '../mes/violation.js';
import { translator } from '../messages.js';
import type { EmulatorContext, Session } from './context.js';
import { patientAllowed } from './context.js';
import { operationOutcome, sendJson, sendOutcome } from './http.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const english = translator('en');

/** The heading message of a violation of a resource of this type (the catalogue's "Message" column). */
const HEADINGS: Record<string, string> = {
  Observation: 'Observation resource not valid.',
  Device: 'Device resource not valid.',
  Bundle: 'Bundle not valid.',
};

export async function postMesures(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: Session,
  bundle: Json,
): Promise<void> {
  const spec = ctx.spec.mesures;
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]).filter(isObject) : [];
  const observationEntry = entries.find(
    (e) => isObject(e.resource) && e.resource.resourceType === 'Observation',
  );
  const observation = observationEntry?.resource as Json | undefined;
  const subject = isObject(observation?.subject) ? (observation.subject as Json) : undefined;
  const identifier = isObject(subject?.identifier) ? (subject.identifier as Json) : undefined;
  const idpe = typeof identifier?.value === 'string' ? identifier.value : undefined;
  if (!patientAllowed(ctx, res, session, idpe)) return;

  if (!ctx.misbehave.has('accept-everything')) {
    const violations = checkMesuresBundle(bundle, { spec, editorOid: session.client.editorOid }).filter(
      (v) => v.severity === 'error',
    );
    const issues = violations.map((v) => outcomeEntry(ctx, v, bundle));
    issues.push(...(await profileIssues(ctx, entries)));
    if (issues.length > 0) {
      sendJson(res, 422, { resourceType: 'Bundle', type: 'transaction-response', entry: issues });
      return;
    }
  }

  // Devices first, so the Observation can point at the stored Device; answers keep the request's order.
  const responses: Json[] = new Array<Json>(entries.length);
  const isDevice = (e: Json) => (e.resource as Json).resourceType === 'Device';
  for (const pass of [true, false])
    entries.forEach((entry, i) => {
      if (isDevice(entry) === pass) responses[i] = store(ctx, session, entry, entries);
    });
  sendJson(res, 200, { resourceType: 'Bundle', type: 'transaction-response', entry: responses });
}

function store(ctx: EmulatorContext, session: Session, entry: Json, all: Json[]): Json {
  const resource = entry.resource as Json;
  const request = entry.request as Json;
  if (resource.resourceType === 'Device') {
    const identity = parseIfNoneExist(ctx.spec.mesures, String(request.ifNoneExist ?? ''));
    const key = identity ? `${identity.oid}|${identity.id}` : String(resource.id);
    const { created } = ctx.store.upsertDevice(key, resource);
    const fresh = created || ctx.misbehave.has('device-always-created');
    return {
      response: {
        status: fresh ? '201 Created' : '200 Success',
        location: `Device/urn:oid:${identity?.oid ?? ''}|${identity?.id ?? String(resource.id)}`,
      },
    };
  }
  // Observation: the Device reference now points at the stored Device; meta.source is filled when absent.
  const deviceEntry = all.find((e) => isObject(e.resource) && e.resource.resourceType === 'Device');
  let device: Json | undefined;
  if (deviceEntry) {
    const identity = parseIfNoneExist(
      ctx.spec.mesures,
      String((deviceEntry.request as Json).ifNoneExist ?? ''),
    );
    const stored = identity ? ctx.store.devices.get(`${identity.oid}|${identity.id}`) : undefined;
    if (stored) device = { reference: `Device/${stored.id}` };
  }
  const meta = isObject(resource.meta) ? resource.meta : {};
  const codes = codesOf(resource);
  const saved = ctx.store.addObservation({
    idpe: String(((resource.subject as Json).identifier as Json).value),
    code: codes,
    effective: typeof resource.effectiveDateTime === 'string' ? resource.effectiveDateTime : '',
    resource: {
      ...resource,
      meta: { ...meta, source: meta.source ?? `urn:oid:${session.client.solutionOid}` },
      ...(device ? { device } : {}),
    },
  });
  return {
    response: {
      status: '201 Created',
      location: `Observation/urn:oid:${ctx.spec.mesures.responses['mes-oid']}|${saved.id}`,
    },
  };
}

function codesOf(resource: Json): string[] {
  const coding = isObject(resource.code) && Array.isArray(resource.code.coding) ? resource.code.coding : [];
  return coding.filter(isObject).map((c) => String(c.code ?? ''));
}

/** One transaction-response entry per error: status 422 and an OperationOutcome, as the IG describes. */
function outcomeEntry(ctx: EmulatorContext, v: MesViolation, bundle: Json): Json {
  const codes = ctx.spec.mesures.responses['outcome-codes'];
  const entry: MesErrorEntry | undefined = v.entry;
  const resourceType = resourceTypeAt(bundle, v);
  const heading = entry?.message || HEADINGS[resourceType] || (HEADINGS.Bundle as string);
  const diagnostics = v.entry
    ? fillTemplate(v.entry.diagnostic ?? heading, v.params)
    : english(`mes.advisory.${v.id}`, { ...v.params, status: v.status });
  return {
    response: {
      status: '422 Unprocessable Entity',
      outcome: operationOutcome([
        {
          code: (entry?.outcome && codes[entry.outcome]) || 'invalid',
          details: heading,
          diagnostics,
          expression: [expressionOf(v.path)],
        },
      ]),
    },
  };
}

function resourceTypeAt(bundle: Json, v: MesViolation): string {
  if (v.path[0] !== 'entry' || typeof v.path[1] !== 'number' || v.path[2] !== 'resource') return 'Bundle';
  const entry = (bundle.entry as unknown[])[v.path[1]];
  return isObject(entry) && isObject(entry.resource) ? String(entry.resource.resourceType) : 'Bundle';
}

function expressionOf(path: readonly (string | number)[]): string {
  let out = 'Bundle';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
  return out;
}

/** The injected profile validator's errors, one entry per issue (warnings do not refuse, as MES says). */
async function profileIssues(ctx: EmulatorContext, entries: Json[]): Promise<Json[]> {
  if (!ctx.validateProfile) return [];
  const out: Json[] = [];
  for (const [index, entry] of entries.entries()) {
    const resource = entry.resource as Json | undefined;
    const profiles =
      isObject(resource?.meta) && Array.isArray(resource.meta.profile) ? resource.meta.profile : [];
    for (const profile of profiles.filter((p): p is string => typeof p === 'string')) {
      const issues = await ctx.validateProfile(resource as Json, profile);
      for (const issue of issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')) {
        out.push({
          response: {
            status: '422 Unprocessable Entity',
            outcome: operationOutcome([
              {
                code: issue.code,
                details: HEADINGS[String(resource?.resourceType)] ?? HEADINGS.Bundle,
                diagnostics: issue.diagnostics,
                expression: [issue.expression ?? `Bundle.entry[${index}].resource`],
              },
            ]),
          },
        });
      }
    }
  }
  return out;
}

/** GET Observation: the « all » (date range) and « last » (_sort=-date&_count=1) search modes. */
export function searchObservations(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: Session,
  query: URLSearchParams,
): void {
  const search = ctx.spec.mesures.search;
  const fail = (id: string, params: Record<string, string | number> = {}) => {
    const entry = search.errors[id] as MesErrorEntry;
    sendOutcome(res, entry.status, {
      code: 'invalid',
      details: entry.message ?? '',
      diagnostics: fillTemplate(entry.diagnostic ?? '', params),
    });
  };
  const subject = query.get('subject.identifier');
  if (!subject) {
    sendOutcome(res, 400, {
      code: 'required',
      details: 'Request not valid',
      diagnostics: english('emulator.search-subject'),
    });
    return;
  }
  const idpe = subject.includes('|') ? subject.slice(subject.indexOf('|') + 1) : subject;
  if (!patientAllowed(ctx, res, session, idpe)) return;

  const dates = query.getAll('date');
  const sort = query.get('_sort');
  const countText = query.get('_count');
  const count = countText === null ? search['default-count'] : Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > search['max-count'])
    return fail('page-size', { max: search['max-count'], actual: countText ?? '' });
  const last = sort !== null;
  if (last && dates.length > 0) return fail('concurrent-modes');
  if (last && (sort !== '-date' || count !== 1)) return fail('last-sort');
  if (!last && dates.length === 0) return fail('no-mode');

  const code = query.get('code');
  const codes = code?.split(',');
  const matches = ctx.store
    .observationsOf(idpe)
    .filter(
      (o) =>
        (codes === undefined || codes.some((c) => o.code.includes(c))) &&
        dates.every((d) => dateMatches(o.effective, d)),
    );
  const offset = Math.max(0, Number(query.get('_offset') ?? '0') || 0);
  const page = last ? matches.slice(0, 1) : matches.slice(offset * count, offset * count + count);
  const include = query.getAll('_include').some((i) => /^Observation[:.]device$/.test(i));
  const entry: Json[] = page.map((o) => ({ resource: o.resource, search: { mode: 'match' } }));
  if (include) {
    const seen = new Set<string>();
    for (const o of page) {
      const ref = isObject(o.resource.device) ? String(o.resource.device.reference ?? '') : '';
      const id = ref.startsWith('Device/') ? ref.slice(7) : '';
      const device = id && !seen.has(id) ? ctx.store.deviceById(id) : undefined;
      if (device) {
        seen.add(id);
        entry.push({ resource: device, search: { mode: 'include' } });
      }
    }
  }
  const self = `${ctx.fhirBase()}/Observation?${query.toString()}`;
  const link = [{ relation: 'self', url: self }];
  if (!last && (offset + 1) * count < matches.length) {
    const next = new URLSearchParams(query);
    next.set('_offset', String(offset + 1));
    link.unshift({ relation: 'next', url: `${ctx.fhirBase()}/Observation?${next.toString()}` });
  }
  sendJson(res, 200, { resourceType: 'Bundle', type: 'searchset', total: matches.length, link, entry });
}

/** FHIR date search prefixes (eq, ge, gt, le, lt) on an instant. */
function dateMatches(effective: string, param: string): boolean {
  const match = /^(eq|ge|gt|le|lt)?(.+)$/.exec(param);
  if (!match) return false;
  const value = Date.parse(effective);
  const bound = Date.parse(match[2] as string);
  if (Number.isNaN(value) || Number.isNaN(bound)) return false;
  switch (match[1] ?? 'eq') {
    case 'ge':
      return value >= bound;
    case 'gt':
      return value > bound;
    case 'le':
      return value <= bound;
    case 'lt':
      return value < bound;
    default:
      return value === bound;
  }
}

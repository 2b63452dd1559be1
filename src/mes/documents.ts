// The PDSm simplified publish (ITI-105, « usage MES ») rules applied to one DocumentReference: the profile's
// mandatory elements and IHE MHD's checks on the embedded document (rules/mes/documents.yml). Pure, shared by the
// offline check and the emulator.
import { createHash } from 'node:crypto';
import type { DataPath } from '../util/yaml-source.js';
import type { DocumentsSpec } from './spec.js';
import type { MesViolation } from './violation.js';
import { advisory, catalogueViolation } from './violation.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64(data: string): Buffer | undefined {
  const compact = data.replace(/\s+/g, '');
  return BASE64.test(compact) ? Buffer.from(compact, 'base64') : undefined;
}

export function checkSimplifiedPublish(resource: unknown, spec: DocumentsSpec): MesViolation[] {
  const errors = spec.errors;
  if (!isObject(resource) || resource.resourceType !== 'DocumentReference') {
    return [catalogueViolation('not-a-document-reference', errors['not-a-document-reference'], [])];
  }
  const out: MesViolation[] = [];
  const push = (id: string, path: DataPath, params: Record<string, string> = {}) =>
    out.push(catalogueViolation(id, errors[id], path, params));

  const profiles = (
    Array.isArray((resource.meta as Json | undefined)?.profile)
      ? ((resource.meta as Json).profile as unknown[])
      : []
  ).filter(str) as string[];
  const current = spec.profiles['simplified-publish'];
  if (!profiles.includes(current)) {
    const legacy = profiles.findIndex((p) => spec.profiles.legacy[p] === 'simplified-publish');
    if (legacy >= 0)
      out.push(
        advisory('profile-legacy', 'warning', 201, ['meta', 'profile', legacy], {
          profile: profiles[legacy] as string,
          canonical: current,
        }),
      );
    else push('profile-missing', ['meta', 'profile'], { canonical: current });
  }
  if (!isObject(resource.masterIdentifier) || !str(resource.masterIdentifier.value))
    push('master-identifier', ['masterIdentifier']);
  if (resource.status !== 'current') push('status-current', ['status']);

  const subject = isObject(resource.subject) ? resource.subject : undefined;
  if (!subject) push('subject-missing', ['subject']);
  else if (!identifiesPatient(subject, resource)) push('subject-identifier', ['subject']);

  if (!Array.isArray(resource.author) || resource.author.length === 0) push('author-missing', ['author']);

  const content = Array.isArray(resource.content) ? resource.content : [];
  if (content.length !== 1) {
    push('content-count', ['content']);
  }
  const attachment =
    isObject(content[0]) && isObject(content[0].attachment) ? content[0].attachment : undefined;
  if (attachment) {
    const at = (...p: string[]): DataPath => ['content', 0, 'attachment', ...p];
    if (!str(attachment.contentType)) push('content-type', at('contentType'));
    if (!str(attachment.title)) push('title-missing', at('title'));
    const data = str(attachment.data);
    if (data === undefined) push('data-missing', at('data'));
    else {
      const bytes = decodeBase64(data);
      if (!bytes) push('data-not-base64', at('data'));
      else {
        if (typeof attachment.size === 'number' && attachment.size !== bytes.length)
          push('size-mismatch', at('size'), { size: String(attachment.size), actual: String(bytes.length) });
        const hash = str(attachment.hash);
        if (hash !== undefined && hash !== createHash('sha1').update(bytes).digest('base64'))
          push('hash-mismatch', at('hash'));
      }
    }
  } else if (content.length === 1) {
    push('data-missing', ['content', 0]);
  }
  return out;
}

/** The patient is identified by an identifier, or by a contained Patient that carries one. */
function identifiesPatient(subject: Json, resource: Json): boolean {
  if (isObject(subject.identifier) && str(subject.identifier.value)) return true;
  const ref = str(subject.reference);
  if (ref?.startsWith('#') && Array.isArray(resource.contained)) {
    const patient = resource.contained.find((c) => isObject(c) && `#${String(c.id)}` === ref);
    return isObject(patient) && Array.isArray(patient.identifier) && patient.identifier.length > 0;
  }
  return false;
}

/** The patient identifier (`system|value`) a DocumentReference is published for, when it says it. */
export function documentPatient(resource: Json): { system?: string; value: string } | undefined {
  const subject = isObject(resource.subject) ? resource.subject : undefined;
  if (!subject) return undefined;
  if (isObject(subject.identifier) && str(subject.identifier.value)) {
    const system = str(subject.identifier.system);
    return { ...(system ? { system } : {}), value: subject.identifier.value as string };
  }
  const ref = str(subject.reference);
  if (ref?.startsWith('#') && Array.isArray(resource.contained)) {
    const patient = resource.contained.find((c) => isObject(c) && `#${String(c.id)}` === ref) as
      Json | undefined;
    const id = Array.isArray(patient?.identifier) ? (patient.identifier[0] as Json | undefined) : undefined;
    if (id && str(id.value)) {
      const system = str(id.system);
      return { ...(system ? { system } : {}), value: id.value as string };
    }
  }
  return undefined;
}

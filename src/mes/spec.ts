// The MES API specification as data (rules/mes/<domain>.yml): profiles, endpoints, business-rule parameters and
// the published error catalogue. The offline rules and the emulator both read it, so they cannot drift apart.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError, combineErrors } from '../errors.js';
import { rulesDir } from '../util/project.js';
import { lazySchema, schemaErrorsToUserErrors } from '../util/schema-errors.js';
import { readYamlFile } from '../util/yaml-source.js';
import { mesSpecSchema } from './spec-schema.js';

export type MesDomain = 'mesures' | 'documents' | 'agenda' | 'appariement';
export const MES_DOMAINS: readonly MesDomain[] = ['mesures', 'documents', 'agenda', 'appariement'];

/** FHIR issue types the IG writes in capitals (NOTSUPPORTED…), see `responses.outcome-codes`. */
export type OutcomeType = 'NOTSUPPORTED' | 'INVALID' | 'VALUE' | 'INCOMPLETE' | 'REQUIRED' | 'NOT-FOUND';

export interface SpecSource {
  title: string;
  url?: string;
  ref?: string;
  kind?: 'secondaire';
}

export interface MesErrorEntry {
  status: number;
  /** The catalogue's "Error" column (HTTP-level errors). */
  error?: string;
  /** The catalogue's "Message" column; for validation errors it heads every outcome of the same kind. */
  message?: string;
  outcome?: OutcomeType;
  /** Verbatim diagnostic, with `{name}` placeholders. */
  diagnostic?: string;
  /** `warning` entries anticipate a likely refusal that the source does not state as an error. */
  severity?: 'error' | 'warning';
  meaning?: string;
  note?: string;
  sources: string[];
}

export interface EndpointEntry {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  description: string;
  sources: string[];
}

export interface ObservationProfile {
  id: string;
  measure: string;
  loinc: string[];
  create?: boolean;
  components?: boolean;
  legacy?: string[];
}

export interface GlucoseType {
  code: string;
  name: string;
  unit: string;
  moment: 'required' | 'forbidden';
  'number-of-days': 'required' | 'forbidden';
}

interface BaseSpec {
  domain: MesDomain;
  title: { fr: string; en: string };
  status: 'documented' | 'partial' | 'unconfirmed';
  sources: Record<string, SpecSource>;
  packages: { id: string; version: string; canonical?: string; sources: string[] }[];
  endpoints: EndpointEntry[];
  /** Folder-relative display path, for messages. */
  file: string;
}

export interface MesuresSpec extends BaseSpec {
  domain: 'mesures';
  'canonical-base': string;
  profiles: ObservationProfile[];
  'legacy-roots': string[];
  'device-profile': string;
  parameters: {
    'if-none-exist': { original: string; pattern: string; example: string; sources: string[] };
    'idpe-system-example': string;
    'bp-components': { systolic: string; diastolic: string; unit: string };
    extensions: { moment: string; 'number-of-days': string };
    glucose: { sources: string[]; types: GlucoseType[] };
  };
  responses: {
    basis: string;
    note: string;
    'mes-oid': string;
    'outcome-codes': Record<string, string>;
  };
  errors: Record<string, MesErrorEntry>;
  search: { 'max-count': number; 'default-count': number; errors: Record<string, MesErrorEntry> };
  security: {
    basis: string;
    'id-token-header': string;
    'id-token-claims': { idpe: string; oid: string };
    sources: string[];
  };
}

export interface DocumentsSpec extends BaseSpec {
  domain: 'documents';
  profiles: {
    'simplified-publish': string;
    'provide-bundle': string;
    legacy: Record<string, string>;
  };
  responses: { basis: string; note: string };
  errors: Record<string, MesErrorEntry>;
}

export interface AgendaSpec extends BaseSpec {
  domain: 'agenda';
}

export interface PairingError {
  status?: number;
  /** Answered as a redirect to the client's redirect_uri (RFC 6749 §4.1.2.1) rather than a 400. */
  redirect?: boolean;
  error: string;
  description: string;
  sources: string[];
}

export interface PairingSpec extends BaseSpec {
  domain: 'appariement';
  facts: { text: string; sources: string[] }[];
  flow: {
    basis: string;
    grant: 'authorization_code';
    pkce: 'S256';
    'code-ttl-seconds': number;
    'patient-parameter': string;
    refresh: boolean;
    sources: string[];
  };
  errors: {
    basis: string;
    authorize: Record<string, PairingError>;
    token: Record<string, PairingError>;
  };
}

export interface MesSpec {
  mesures: MesuresSpec;
  documents: DocumentsSpec;
  agenda: AgendaSpec;
  appariement: PairingSpec;
}

const SPEC_MAX_BYTES = 512 * 1024;
const validate = lazySchema(mesSpecSchema);
const cache = new Map<string, MesSpec>();

/** Loads rules/mes/*.yml once per rules folder; a broken file is a located UserError. */
export function loadMesSpec(rules = rulesDir()): MesSpec {
  const cached = cache.get(rules);
  if (cached) return cached;
  const loaded: Partial<Record<MesDomain, BaseSpec>> = {};
  const problems: UserError[] = [];
  for (const domain of MES_DOMAINS) {
    const absolute = path.join(rules, 'mes', `${domain}.yml`);
    const file = path.relative(path.dirname(rules), absolute).split(path.sep).join('/');
    if (!existsSync(absolute)) {
      problems.push(new UserError('file.not-found', { file }));
      continue;
    }
    const source = readYamlFile(absolute, { displayPath: file, maxBytes: SPEC_MAX_BYTES });
    if (!validate(source.data)) {
      problems.push(...schemaErrorsToUserErrors(validate.errors ?? [], source));
      continue;
    }
    const data = source.data as BaseSpec;
    if (data.domain !== domain) {
      problems.push(new UserError('mes.spec-domain', { file, domain }, source.locate(['domain'])));
      continue;
    }
    // Every cited source must exist, so a report can always show where a rule comes from.
    const cited = collectSourceKeys(data);
    for (const key of cited) {
      if (!data.sources[key])
        problems.push(new UserError('mes.spec-source', { file, key }, source.locate([])));
    }
    loaded[domain] = { ...data, file };
  }
  const error = combineErrors(problems);
  if (error) throw error;
  const spec = loaded as unknown as MesSpec;
  cache.set(rules, spec);
  return spec;
}

function collectSourceKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectSourceKeys(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'sources' && Array.isArray(child)) for (const s of child) out.add(String(s));
      else if (key !== 'sources') collectSourceKeys(child, out);
    }
  }
  return out;
}

/** Replaces `{name}` placeholders of a catalogue text. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

// What a MES rule reports: which catalogue entry (or advisory) applies, where in the resource, with which values.
import type { KeyOf, KeySuffix, Translate } from '../i18n/index.js';
import type { DataPath } from '../util/yaml-source.js';
import type { mesMessages } from './messages.js';
import { fillTemplate } from './spec.js';
import type { MesErrorEntry } from './spec.js';

/** Advisories: problems MES would refuse that its error catalogue does not name; each has a message. */
export type AdvisoryId = KeySuffix<typeof mesMessages, 'mes.advisory.'>;

type MesKey = KeyOf<typeof mesMessages>;

export type MesViolation = CatalogueViolation | AdvisoryViolation;

interface CatalogueViolation extends ViolationBase {
  /** Key of the catalogue entry (rules/mes/<domain>.yml `errors`). */
  id: string;
  entry: MesErrorEntry;
}

interface AdvisoryViolation extends ViolationBase {
  id: AdvisoryId;
  /** Advisories have no published MES text. */
  entry?: undefined;
}

interface ViolationBase {
  /** `error`: MES refuses the request; `warning`: accepted today but needs attention. */
  severity: 'error' | 'warning';
  /** HTTP status MES would answer (inferred for advisories). */
  status: number;
  /** Where in the JSON document the problem is (the nearest existing node is used for locations). */
  path: DataPath;
  /** Values for the diagnostic's placeholders and the user message. */
  params: Record<string, string>;
}

export function catalogueViolation(
  id: string,
  entry: MesErrorEntry | undefined,
  path: DataPath,
  params: Record<string, string> = {},
): MesViolation {
  if (!entry) throw new Error(`rules/mes: no catalogue entry ${id}`);
  return { id, entry, severity: entry.severity ?? 'error', status: entry.status, path, params };
}

export function advisory(
  id: AdvisoryId,
  severity: 'error' | 'warning',
  status: number,
  path: DataPath,
  params: Record<string, string> = {},
): MesViolation {
  return { id, severity, status, path, params };
}

/** The violation in the user's words: the MES catalogue's own message and diagnostic, or the advisory's message. */
export function describeViolation(v: MesViolation, t: Translate<MesKey>): string {
  if (!v.entry) return t(`mes.advisory.${v.id}`, { ...v.params, status: v.status });
  const message = v.entry.message || v.entry.error || '';
  const diagnostic = violationDiagnostic(v);
  return t(message ? 'mes.violation' : 'mes.violation-no-message', { status: v.status, message, diagnostic });
}

/** The catalogue entry's diagnostic with the violation's values, or '' (advisories have none). */
export function violationDiagnostic(v: MesViolation): string {
  return v.entry?.diagnostic ? fillTemplate(v.entry.diagnostic, v.params) : '';
}

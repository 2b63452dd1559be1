// What a MES rule reports: which catalogue entry (or advisory) applies, where in the resource, with which values.
import type { DataPath } from '../util/yaml-source.js';
import type { MesErrorEntry } from './spec.js';

export interface MesViolation {
  /** Key of the catalogue entry (rules/mes/<domain>.yml `errors`), or of an advisory (`advisory: true`). */
  id: string;
  /** The catalogue entry; absent for advisories, which have no published MES text. */
  entry?: MesErrorEntry;
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
  id: string,
  severity: 'error' | 'warning',
  status: number,
  path: DataPath,
  params: Record<string, string> = {},
): MesViolation {
  return { id, severity, status, path, params };
}

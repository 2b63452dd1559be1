// A validation issue, shaped after OperationOutcome.issue: severity, issue type code, FHIRPath expression with
// indices, a translated message, and where it came from (profile, constraint key, file position).

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

/** OperationOutcome issue types (http://hl7.org/fhir/ValueSet/issue-type) the validator uses. */
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'code-invalid'
  | 'extension'
  | 'not-supported'
  | 'not-found'
  | 'processing'
  | 'informational'
  | 'too-costly'
  | 'business-rule';

/** A path inside a JSON document: object keys and array indices, from the document root. */
export type { JsonPath } from '../../util/json-source.js';
import type { JsonPath } from '../../util/json-source.js';

export interface ValidationIssue {
  severity: IssueSeverity;
  code: IssueType;
  /** FHIRPath of the element, with indices: `Observation.component[1].valueQuantity.unit`. */
  expression: string;
  /** Where the element is in the JSON document (keys and indices), for locating it in the source text. */
  path: JsonPath;
  /** Translated message. */
  message: string;
  /** Stable message identifier (the i18n key), for tests, filters and machines. */
  messageId: string;
  /** Profile whose definition raised the issue. */
  profile?: string;
  /** Constraint key, for invariants (`obs-6`, `ele-1`…). */
  constraint?: string;
  /** For an issue reported once per document (not checked offline…): how many times the situation occurred. */
  count?: number;
  /** Source file, 1-based line and column, when computed. */
  file?: string;
  line?: number;
  column?: number;
}

export const SEVERITY_RANK: Record<IssueSeverity, number> = {
  fatal: 0,
  error: 1,
  warning: 2,
  information: 3,
};

export function isError(issue: ValidationIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

/** FHIRPath expression of a JSON path inside a resource whose type is `root`. */
export function expressionOf(root: string, path: JsonPath, from = 0): string {
  let out = root;
  for (let i = from; i < path.length; i++) {
    const segment = path[i] as string | number;
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += `.${segment.startsWith('_') ? segment.slice(1) : segment}`;
  }
  return out;
}

/** Stable order: by file, position in the file, then severity, then message. */
export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.expression.localeCompare(b.expression) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.messageId.localeCompare(b.messageId) ||
    a.message.localeCompare(b.message)
  );
}

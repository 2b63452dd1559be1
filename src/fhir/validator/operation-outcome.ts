// Issues as FHIR OperationOutcome resources, with the HL7 extensions the Java validator uses for the source file,
// line and column, so other FHIR tools can read our output.
import type { ValidationIssue } from './issue.js';

const FILE = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-file';
const LINE = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line';
const COLUMN = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col';
const MESSAGE_ID = 'http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id';

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  extension?: { url: string; valueString: string }[];
  issue: Record<string, unknown>[];
}

export function toOperationOutcome(issues: readonly ValidationIssue[], file?: string): OperationOutcome {
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => {
      const extension: Record<string, unknown>[] = [];
      if (i.line !== undefined) extension.push({ url: LINE, valueInteger: i.line });
      if (i.column !== undefined) extension.push({ url: COLUMN, valueInteger: i.column });
      extension.push({ url: MESSAGE_ID, valueString: i.messageId });
      return {
        extension,
        severity: i.severity,
        code: i.code,
        details: { text: i.message },
        ...(i.expression ? { expression: [i.expression] } : {}),
        ...(i.profile || i.constraint
          ? { diagnostics: [i.constraint, i.profile].filter(Boolean).join(' ') }
          : {}),
      };
    }),
  };
  if (outcome.issue.length === 0) {
    outcome.issue.push({ severity: 'information', code: 'informational', details: { text: 'OK' } });
  }
  if (file) outcome.extension = [{ url: FILE, valueString: file }];
  return outcome;
}

/** Several outcomes in a `collection` Bundle, one entry per file. */
export function toOutcomeBundle(outcomes: OperationOutcome[]): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: outcomes.map((resource) => ({ resource })),
  };
}

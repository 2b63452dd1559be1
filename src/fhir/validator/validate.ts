// The validator's public API, for the `validate` command, the `fhir/profiles` check and the emulator:
// `validateResource` on a parsed value, `validateText` on a document's text (syntax, duplicate keys, positions).
import { fhirTranslator } from '../messages.js';
import type { ValidatorKey } from '../messages.js';
import type { Lang } from '../../i18n/index.js';
import type { FhirContext } from '../packages/context.js';
import type { ValidationIssue } from './issue.js';
import { compareIssues, expressionOf } from './issue.js';
import type { JsonProblem } from '../../util/json-source.js';
import { parseJson } from '../../util/json-source.js';
import type { UnknownExtensionPolicy } from './walker.js';
import { Validation } from './walker.js';

export interface ValidateOptions {
  /** Loaded packages (see `loadPackages`). */
  context: FhirContext;
  /** Profiles the resource must conform to, besides those in its `meta.profile`. */
  profiles?: string[];
  /** Language of the messages (default fr). */
  lang?: Lang;
  /**
   * Extensions whose definition cannot be found: error (default, as the HL7 validator), warning or ignore.
   * Unknown modifier extensions are always errors.
   */
  unknownExtensions?: UnknownExtensionPolicy;
  /** URL prefixes under which unknown extensions are allowed (besides the example domains). */
  extensionDomains?: string[];
}

export interface ValidateTextOptions extends ValidateOptions {
  /** File name put on every issue (as given, e.g. repository-relative). */
  file?: string;
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.severity}|${i.code}|${i.expression}|${i.messageId}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates a parsed resource. Issues carry no line/column (see `validateText`). */
export function validateResource(resource: unknown, options: ValidateOptions): ValidationIssue[] {
  const validation = new Validation({
    context: options.context,
    t: fhirTranslator(options.lang ?? 'fr'),
    unknownExtensions: options.unknownExtensions ?? 'error',
    extensionDomains: options.extensionDomains ?? [],
    profiles: options.profiles ?? [],
  });
  validation.validateDocument(resource);
  return dedupe(validation.issues);
}

function problemIssue(problem: JsonProblem, options: ValidateTextOptions): ValidationIssue {
  const t = fhirTranslator(options.lang ?? 'fr');
  const params =
    problem.kind === 'too-deep'
      ? { depth: problem.depth }
      : problem.kind === 'syntax'
        ? { detail: problem.detail }
        : {};
  const messageId: ValidatorKey = `fhir.v.json-${problem.kind}`;
  return {
    severity: 'fatal',
    code: problem.kind === 'xml' ? 'not-supported' : problem.kind === 'too-deep' ? 'too-costly' : 'structure',
    expression: '',
    path: [],
    message: t(messageId, params),
    messageId,
    ...(options.file ? { file: options.file } : {}),
    line: problem.position.line,
    column: problem.position.column,
  };
}

/**
 * Validates a JSON document's text. Positions are computed only when there are issues, in one pass over the
 * text for all of them. Issues come sorted by position.
 */
export function validateText(text: string, options: ValidateTextOptions): ValidationIssue[] {
  const parsed = parseJson(text);
  if (!parsed.ok) return [problemIssue(parsed.problem, options)];
  const t = fhirTranslator(options.lang ?? 'fr');
  const value = parsed.value as { resourceType?: unknown } | null;
  const rootType = value && typeof value.resourceType === 'string' ? value.resourceType : 'Resource';
  const issues: ValidationIssue[] = parsed.duplicates.map((d) => ({
    severity: 'error',
    code: 'structure',
    expression: expressionOf(rootType, d.path),
    path: d.path,
    message: t('fhir.v.duplicate-key', { key: d.key }),
    messageId: 'fhir.v.duplicate-key',
    line: d.position.line,
    column: d.position.column,
  }));
  const found = validateResource(parsed.value, options);
  // Issues about a definition (a profile's differential) already carry their own file and position.
  const own = found.filter((i) => i.file === undefined);
  if (own.length > 0) {
    const positions = parsed.source.locate(own.map((i) => i.path));
    own.forEach((issue, i) => {
      const position = positions[i];
      if (position) {
        issue.line = position.line;
        issue.column = position.column;
      }
    });
  }
  if (options.file) for (const issue of [...own, ...issues]) issue.file = options.file;
  const all = [...issues, ...found];
  return all.sort(compareIssues);
}

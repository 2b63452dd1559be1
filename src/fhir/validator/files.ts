// Validation of files on disk: size limit, read errors and JSON problems become located issues of the file.
import { statSync } from 'node:fs';
import { readTextFile } from '../../util/text-file.js';
import { fhirTranslator } from '../messages.js';
import type { FhirMessageKey } from '../messages.js';
import type { ValidationIssue } from './issue.js';
import type { ValidateOptions } from './validate.js';
import { validateText } from './validate.js';

/** MES requests are a few kilobytes; anything past this is refused unless the caller raises the limit. */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface ValidateFileOptions extends ValidateOptions {
  maxBytes?: number;
}

function fileIssue(
  file: string,
  messageId: FhirMessageKey,
  params: Record<string, string | number>,
  options: ValidateOptions,
  at: { line: number; column: number } = { line: 1, column: 1 },
): ValidationIssue {
  return {
    severity: 'fatal',
    code: messageId === 'fhir.v.file-too-large' ? 'too-costly' : 'processing',
    expression: '',
    path: [],
    message: fhirTranslator(options.lang ?? 'fr')(messageId, params),
    messageId,
    file,
    line: at.line,
    column: at.column,
  };
}

/** Validates one file; `display` is the name put on issues (repository-relative in the pipeline). */
export function validateFile(
  absolute: string,
  display: string,
  options: ValidateFileOptions,
): ValidationIssue[] {
  const max = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let text: string;
  try {
    const size = statSync(absolute).size;
    if (size > max) {
      const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
      return [fileIssue(display, 'fhir.v.file-too-large', { size: mb(size), max: mb(max) }, options)];
    }
    const decoded = readTextFile(absolute);
    if (!decoded.ok) {
      const { problem } = decoded;
      return [
        fileIssue(
          display,
          `text.${problem.kind}`,
          { byte: problem.byte, encoding: problem.encoding },
          options,
          problem,
        ),
      ];
    }
    text = decoded.text;
  } catch (error) {
    return [
      fileIssue(
        display,
        'fhir.v.file-unreadable',
        { detail: (error as NodeJS.ErrnoException).code ?? String(error) },
        options,
      ),
    ];
  }
  return validateText(text, { ...options, file: display });
}

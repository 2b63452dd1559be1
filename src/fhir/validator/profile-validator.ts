// The validator as a profile-validation hook (resource, profile URL) → OperationOutcome-shaped issues, the form
// the MES emulator accepts for the Observations, Devices and DocumentReferences it receives.
import type { Lang } from '../../i18n/index.js';
import type { FhirContext } from '../packages/context.js';
import { validateResource } from './validate.js';

export interface HookIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics: string;
  expression?: string;
}

export function profileValidationHook(
  context: FhirContext,
  lang: Lang = 'en',
): (resource: Record<string, unknown>, profileUrl: string) => Promise<HookIssue[]> {
  return async (resource, profileUrl) =>
    validateResource(resource, { context, lang, profiles: [profileUrl] }).map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      diagnostics: issue.message,
      ...(issue.expression ? { expression: issue.expression } : {}),
    }));
}

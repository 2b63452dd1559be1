// Every measure and document the client sent, through the same engines as the offline checks: the MES business
// rules (the published error catalogue) and the FHIR profiles the resources declare.
import type { Translate } from '../../../messages.js';
import type { ProfileValidator } from '../../../emulator/index.js';
import { checkSimplifiedPublish } from '../../../mes/documents.js';
import { checkMesuresBundle } from '../../../mes/mesures.js';
import type { MesSpec } from '../../../mes/spec.js';
import { describeViolation } from '../../../mes/violation.js';
import type { Call } from './traffic.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface RequestCheck {
  call: Call;
  flow: 'mesures' | 'documents';
  /** Refusals MES would answer (errors only: warnings do not refuse). */
  problems: string[];
  unreadable: boolean;
}

export async function checkRequests(
  calls: Call[],
  spec: MesSpec,
  editorOid: string,
  validateProfile: ProfileValidator | undefined,
  t: Translate,
): Promise<RequestCheck[]> {
  const out: RequestCheck[] = [];
  for (const call of calls) {
    if (call.operation !== 'mesures' && call.operation !== 'iti-105') continue;
    const flow = call.operation === 'mesures' ? 'mesures' : 'documents';
    if (!isObject(call.body)) {
      out.push({ call, flow, problems: [], unreadable: true });
      continue;
    }
    const violations =
      flow === 'mesures'
        ? checkMesuresBundle(call.body, { spec: spec.mesures, editorOid })
        : checkSimplifiedPublish(call.body, spec.documents);
    const problems = violations.filter((v) => v.severity === 'error').map((v) => describeViolation(v, t));
    if (validateProfile) {
      const resources =
        flow === 'mesures'
          ? (Array.isArray(call.body.entry) ? call.body.entry : [])
              .map((e) => (isObject(e) && isObject(e.resource) ? e.resource : undefined))
              .filter(isObject)
          : [call.body];
      for (const resource of resources) {
        const profiles =
          isObject(resource.meta) && Array.isArray(resource.meta.profile) ? resource.meta.profile : [];
        for (const profile of profiles.filter((p): p is string => typeof p === 'string')) {
          for (const issue of await validateProfile(resource, profile)) {
            if (issue.severity === 'error' || issue.severity === 'fatal')
              problems.push(
                t('sandbox.recording.profile-issue', {
                  profile: profile.split('/').pop() ?? profile,
                  diagnostics: issue.expression
                    ? `${issue.diagnostics} (${issue.expression})`
                    : issue.diagnostics,
                }),
              );
          }
        }
      }
    }
    out.push({ call, flow, problems, unreadable: false });
  }
  return out;
}

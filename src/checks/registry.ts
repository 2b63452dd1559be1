// Every check the catalogue may reference, by id. A check's id is its path under src/checks/ (`web/tls` is
// src/checks/web/tls.ts, `fhir/profiles` is src/checks/fhir/profiles/check.ts): adding a check is one line here.
import { declarationCheck } from './declaration/check.js';
import { documentFormatsCheck } from './documents/formats.js';
import { ecoscoreCheck } from './ecoscore/check.js';
import { evidenceCheck } from './evidence/check.js';
import { profilesCheck } from './fhir/profiles/check.js';
import { mesRulesCheck } from './mes/rules/check.js';
import { continuousEvaluationCheck } from './process/continuous-evaluation.js';
import { deadlinesCheck } from './process/deadlines.js';
import { eligibilityCheck } from './process/eligibility.js';
import { namingCheck } from './process/naming.js';
import { renewalCheck } from './renewal/check.js';
import { repoSecretsCheck } from './repo/secrets.js';
import { repoTrackersCheck } from './repo/trackers.js';
import { scenariosCheck } from './sandbox/scenarios.js';
import type { AnyCheck } from './types.js';
import { headersCheck } from './web/headers.js';
import { securityContactCheck } from './web/security-contact.js';
import { tlsCheck } from './web/tls.js';
import { webTrackersCheck } from './web/trackers.js';

export const CHECKS: readonly AnyCheck[] = [
  evidenceCheck,
  declarationCheck,
  renewalCheck,
  ecoscoreCheck,
  deadlinesCheck,
  continuousEvaluationCheck,
  namingCheck,
  eligibilityCheck,
  profilesCheck,
  mesRulesCheck,
  documentFormatsCheck,
  scenariosCheck,
  tlsCheck,
  headersCheck,
  securityContactCheck,
  webTrackersCheck,
  repoTrackersCheck,
  repoSecretsCheck,
];

export function registeredChecks(): Map<string, AnyCheck> {
  const map = new Map<string, AnyCheck>();
  for (const check of CHECKS) {
    if (map.has(check.id)) throw new Error(`check ${check.id} registered twice`);
    map.set(check.id, check);
  }
  return map;
}

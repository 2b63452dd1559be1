// Every check the catalogue may reference, by id. Each engine exports its list; adding an engine is one line here.
import { documentChecks } from './documents/index.js';
import { evidenceChecks } from './evidence/index.js';
import { fhirChecks } from './fhir/index.js';
import { mesRulesChecks } from './fhir/mes-rules/index.js';
import { processChecks } from './process/index.js';
import { sandboxChecks } from './sandbox/index.js';
import { repoChecks } from './repo/index.js';
import { webChecks } from './web/index.js';
import type { AnyCheck } from './types.js';

export function registeredChecks(): Map<string, AnyCheck> {
  const map = new Map<string, AnyCheck>();
  for (const check of [
    ...evidenceChecks,
    ...processChecks,
    ...fhirChecks,
    ...mesRulesChecks,
    ...documentChecks,
    ...sandboxChecks,
    ...webChecks,
    ...repoChecks,
  ]) {
    if (map.has(check.id)) throw new Error(`check ${check.id} registered twice`);
    map.set(check.id, check);
  }
  return map;
}

// The `fhir` engine's checks, registered with one line in src/checks/registry.ts.
import type { AnyCheck } from '../types.js';
import { profilesCheck } from './profiles/check.js';

export const fhirChecks: AnyCheck[] = [profilesCheck];

// The embedded MES sandbox emulator: what the CLI command and the sandbox check use.
export { startEmulator, FHIR_PATH, TOKEN_PATH, ADMIN_PATH } from './server.js';
export { packageProfileValidator } from './profile-validation.js';
export type { PackageProfileValidator } from './profile-validation.js';
export type { RunningEmulator } from './server.js';
export type { EmulatorOptions, ProfileValidator, ProfileIssue, Misbehaviour } from './options.js';
export { MISBEHAVIOURS } from './options.js';
export type { FaultOptions } from './faults.js';
export type { TestCredentials, ClientRegistration } from './auth.js';

import { loadMesSpec } from '../mes/spec.js';

/** The header that carries the id_token, as the MES specification data (rules/mes) says. */
export function mesIdTokenHeader(): string {
  return loadMesSpec().mesures.security['id-token-header'];
}

// Which MES operation an HTTP request to the emulator is: the vocabulary shared by the traffic recorder, the fault
// script (`operation: mesures`) and the grading of recorded traffic.
import { FHIR_PATH_PREFIX, PAIRING_PATHS, TOKEN_PATH_NAME } from './paths.js';

export const OPERATIONS = [
  'token',
  'authorize',
  'metadata',
  'mesures',
  'search-mesures',
  'iti-105',
  'iti-65',
  'iti-67',
  'read-document',
  'iti-68',
  'other',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Names a script may use: the operations, plus `any`. */
export const SCRIPT_OPERATIONS = [...OPERATIONS.filter((o) => o !== 'other'), 'any'] as const;
export type ScriptOperation = (typeof SCRIPT_OPERATIONS)[number];

/**
 * The operation of a request. A POST on the FHIR base is a mesures transaction unless its body declares the PDSm
 * provide-bundle profile (ITI-65); `provideBundleProfile` is that canonical.
 */
export function operationOf(
  method: string,
  pathname: string,
  body?: Buffer,
  provideBundleProfile?: string,
): Operation {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === TOKEN_PATH_NAME && method === 'POST') return 'token';
  if (path === PAIRING_PATHS.authorize && method === 'GET') return 'authorize';
  if (!path.startsWith(FHIR_PATH_PREFIX)) return 'other';
  const rest = path.slice(FHIR_PATH_PREFIX.length);
  if (rest === '/metadata' && method === 'GET') return 'metadata';
  if (rest === '' && method === 'POST') {
    if (provideBundleProfile && body && body.includes(provideBundleProfile)) return 'iti-65';
    return 'mesures';
  }
  if (rest === '/Observation' && method === 'GET') return 'search-mesures';
  if (rest === '/DocumentReference' && method === 'POST') return 'iti-105';
  if (rest === '/DocumentReference' && method === 'GET') return 'iti-67';
  if (/^\/DocumentReference\/[^/]+$/.test(rest) && method === 'GET') return 'read-document';
  if (/^\/Binary\/[^/]+$/.test(rest) && method === 'GET') return 'iti-68';
  return 'other';
}

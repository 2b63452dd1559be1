// The emulator's URL layout, in one place: the server routes on it, the recorder and the script classify by it.
export const FHIR_PATH_PREFIX = '/fhir';
export const TOKEN_PATH_NAME = '/oauth2/token';
export const ADMIN_PATH_PREFIX = '/_admin';
/** Pairing (appariement): the OAuth2 authorization endpoint where the patient pairs the service with MES. */
export const PAIRING_PATHS = { authorize: '/oauth2/authorize' } as const;

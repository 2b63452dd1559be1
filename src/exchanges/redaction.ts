// What never reaches an exchange record: credentials in headers (Authorization, the id_token header, cookies,
// API keys), in OAuth2 forms and JSON answers (tokens, client secrets, assertions, codes), and every value the
// run registered as a secret. Used by the sandbox check's recorder and by the emulator's traffic recorder.
import type { Redactor } from '../secrets.js';

export const MASK = '***';

/** Headers that carry credentials, whatever the target. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
/** Form and JSON fields that carry credentials (OAuth2 requests and answers). */
const SECRET_FIELDS = [
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
];
/**
 * OAuth2 fields that are credentials only in OAuth2 messages (the authorization code and its PKCE verifier):
 * elsewhere `code` is a FHIR search parameter or element, masked only when the caller says the text is OAuth2.
 */
const OAUTH_FIELDS = ['code', 'code_verifier'];
const pattern = (field: string) => ({
  json: new RegExp(`("${field}"\\s*:\\s*")[^"]*(")`, 'g'),
  form: new RegExp(`(^|&|\\?)(${field}=)[^&#]*`, 'g'),
});
const FIELD_PATTERNS = SECRET_FIELDS.map(pattern);
const OAUTH_PATTERNS = OAUTH_FIELDS.map(pattern);
/** A token-shaped value anywhere in a text (a JWT in a URL, a redirect, an error message). */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g;

export class ExchangeRedaction {
  constructor(
    private readonly secrets: Redactor,
    /** Extra header names whose values are credentials (id_token header, headers-env). */
    private readonly secretHeaders: ReadonlySet<string>,
  ) {}

  headers(headers: Record<string, string>, oauth = false): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers).sort(([a], [b]) => a.localeCompare(b))) {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower) || this.secretHeaders.has(lower)) {
        // Keep the scheme (Bearer, Basic): it tells the reader how the call authenticated.
        const scheme = /^(Bearer|Basic|DPoP)\s/i.exec(value)?.[1];
        out[lower] = scheme ? `${scheme} ${MASK}` : MASK;
      } else out[lower] = this.text(value, oauth);
    }
    return out;
  }

  /** A body, its credentials masked, cut beyond `maxChars`; `oauth`: an OAuth2 message (codes masked too). */
  body(text: string, maxChars: number, oauth = false): string {
    let out = text;
    for (const { json, form } of oauth ? [...FIELD_PATTERNS, ...OAUTH_PATTERNS] : FIELD_PATTERNS)
      out = out.replace(json, `$1${MASK}$2`).replace(form, `$1$2${MASK}`);
    out = this.text(out, oauth);
    return out.length > maxChars ? `${out.slice(0, maxChars)}… [${out.length - maxChars} more]` : out;
  }

  /** A URL or a free text: registered secrets, token-shaped values and credential query parameters masked. */
  text(value: string, oauth = false): string {
    let out = this.secrets.redact(value).replace(JWT, MASK);
    const query = out.indexOf('?');
    if (query >= 0) {
      let params = out.slice(query);
      for (const { form } of oauth ? [...FIELD_PATTERNS, ...OAUTH_PATTERNS] : FIELD_PATTERNS)
        params = params.replace(form, `$1$2${MASK}`);
      out = `${out.slice(0, query)}${params}`;
    }
    return out;
  }
}

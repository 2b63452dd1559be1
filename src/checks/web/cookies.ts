// Cookies a front page sets, judged from their Set-Cookie attributes (pure). Values are never kept in a verdict:
// a session cookie is a credential.
import type { MessageKey } from '../../messages.js';

export interface CookieAttributes {
  name: string;
  value: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | undefined;
}

export interface CookieVerdict {
  outcome: 'pass' | 'fail' | 'info';
  key: MessageKey;
  name: string;
  missing: string;
}

/** Names frameworks and apps give to session or authentication cookies, which scripts never need to read. */
const SESSION_NAME =
  /sess|sid$|^sid|auth|token|jwt|login|remember|^connect\.sid$|^phpsessid$|^jsessionid$|^asp\.net/i;

export function parseSetCookie(header: string): CookieAttributes {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? pair : pair.slice(0, eq)).trim();
  const value = eq === -1 ? '' : pair.slice(eq + 1).trim();
  let secure = false;
  let httpOnly = false;
  let sameSite: string | undefined;
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const k = key.trim().toLowerCase();
    if (k === 'secure') secure = true;
    else if (k === 'httponly') httpOnly = true;
    else if (k === 'samesite') sameSite = rest.join('=').trim().toLowerCase();
  }
  return { name, value, secure, httpOnly, sameSite };
}

export function looksLikeSession(name: string): boolean {
  return SESSION_NAME.test(name);
}

export function assessCookie(cookie: CookieAttributes): CookieVerdict {
  const missing: string[] = [];
  if (!cookie.secure) missing.push('Secure');
  // SameSite=None is a valid choice (and requires Secure, already demanded above).
  if (!cookie.sameSite || !['strict', 'lax', 'none'].includes(cookie.sameSite)) missing.push('SameSite');
  const session = looksLikeSession(cookie.name);
  if (!cookie.httpOnly && session) missing.push('HttpOnly');
  if (missing.length > 0)
    return { outcome: 'fail', key: 'web.cookie.weak', name: cookie.name, missing: missing.join(', ') };
  if (!cookie.httpOnly)
    return { outcome: 'info', key: 'web.cookie.script-readable', name: cookie.name, missing: 'HttpOnly' };
  return { outcome: 'pass', key: 'web.cookie.ok', name: cookie.name, missing: '' };
}

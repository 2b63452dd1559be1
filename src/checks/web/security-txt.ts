// RFC 9116 security.txt, parsed and judged (pure). The file is a list of `Field: value` lines; comments start
// with `#`; it may be wrapped in an OpenPGP cleartext signature (RFC 4880 §7), whose dash-escaping is undone.
import type { MessageKey } from '../../messages.js';

export interface SecurityTxt {
  contacts: string[];
  expires: string[];
  /** Other fields, lower-cased name → values. */
  fields: Map<string, string[]>;
}

export interface SecurityTxtVerdict {
  outcome: 'pass' | 'fail' | 'warn';
  key: MessageKey;
  params: Record<string, string | number>;
}

export function parseSecurityTxt(text: string): SecurityTxt {
  const fields = new Map<string, string[]>();
  for (const line of signedContent(text).split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const colon = trimmed.indexOf(':');
    if (colon <= 0) continue;
    const name = trimmed.slice(0, colon).trim().toLowerCase();
    const value = trimmed.slice(colon + 1).trim();
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return { contacts: fields.get('contact') ?? [], expires: fields.get('expires') ?? [], fields };
}

function signedContent(text: string): string {
  if (!text.trimStart().startsWith('-----BEGIN PGP SIGNED MESSAGE-----')) return text;
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === '') + 1; // after the armor headers (Hash: …)
  const end = lines.findIndex((l) => l.startsWith('-----BEGIN PGP SIGNATURE-----'));
  return lines
    .slice(start, end === -1 ? undefined : end)
    .map((l) => (l.startsWith('- ') ? l.slice(2) : l))
    .join('\n');
}

const YEAR_MS = 366 * 86_400_000;

/** RFC 9116 §2.5: Contact at least once, Expires exactly once and in the future, preferably within a year. */
export function assessSecurityTxt(file: SecurityTxt, now: Date): SecurityTxtVerdict[] {
  const verdicts: SecurityTxtVerdict[] = [];
  if (file.contacts.length === 0)
    verdicts.push({ outcome: 'fail', key: 'web.security-txt.no-contact', params: {} });
  const badContacts = file.contacts.filter((c) => !/^(?:mailto:|https:\/\/|tel:)/i.test(c));
  if (badContacts.length > 0)
    verdicts.push({
      outcome: 'warn',
      key: 'web.security-txt.bad-contact',
      params: { contacts: badContacts.join(', ') },
    });
  if (file.expires.length === 0)
    verdicts.push({ outcome: 'fail', key: 'web.security-txt.no-expires', params: {} });
  else if (file.expires.length > 1)
    verdicts.push({
      outcome: 'fail',
      key: 'web.security-txt.many-expires',
      params: { count: file.expires.length },
    });
  else {
    const raw = file.expires[0] as string;
    const expires = Date.parse(raw);
    if (Number.isNaN(expires) || !/^\d{4}-\d{2}-\d{2}T/.test(raw))
      verdicts.push({ outcome: 'fail', key: 'web.security-txt.bad-expires', params: { value: raw } });
    else if (expires <= now.getTime())
      verdicts.push({ outcome: 'fail', key: 'web.security-txt.expired', params: { date: raw } });
    else if (expires - now.getTime() > YEAR_MS)
      verdicts.push({ outcome: 'warn', key: 'web.security-txt.far-expires', params: { date: raw } });
  }
  if (!verdicts.some((v) => v.outcome === 'fail'))
    verdicts.unshift({
      outcome: 'pass',
      key: 'web.security-txt.valid',
      params: { contacts: file.contacts.join(', '), expires: file.expires[0] ?? '' },
    });
  return verdicts;
}

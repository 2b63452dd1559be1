// The redactor masks every registered secret in every output, whether a run has a few secrets or thousands (a token
// per hooking test in a large repository).
import { describe, expect, it } from 'vitest';
import { Redactor } from '../src/secrets.js';

describe('Redactor', () => {
  it('masks a few secrets, the longest first', () => {
    const secrets = new Redactor();
    secrets.add('abcdef-secret');
    secrets.add('secret', { declared: true });
    expect(secrets.redact('x abcdef-secret y secret z')).toBe('x *** y *** z');
  });

  it('masks thousands of secrets, each where it appears, the longest first, as with a few', () => {
    const secrets = new Redactor();
    const tokens = Array.from(
      { length: 3000 },
      (_, i) => `tok${String(i).padStart(5, '0')}.${(i * 7919).toString(36)}`,
    );
    for (const token of tokens) secrets.add(token);
    // A secret that contains another is masked whole; a declared short one too.
    secrets.add(`${tokens[10]}-longer`);
    secrets.add('pw1', { declared: true });
    const text = `start ${tokens[0]} mid ${tokens[2999]}${tokens[42]} ${tokens[10]}-longer pw1 tok00001 end`;
    expect(secrets.redact(text)).toBe('start *** mid ****** *** *** tok00001 end');
    // A text without secrets comes back as it was.
    expect(secrets.redact('nothing to hide here, tok0000 is not one')).toBe(
      'nothing to hide here, tok0000 is not one',
    );
    // Secrets added later are masked too.
    secrets.add('late-secret-value');
    expect(secrets.redact('a late-secret-value b')).toBe('a *** b');
    // A declared secret shorter than the scan's prefix is still masked.
    secrets.add('q7', { declared: true });
    expect(secrets.redact(`q7 ${tokens[5]}`)).toBe('*** ***');
  });
});

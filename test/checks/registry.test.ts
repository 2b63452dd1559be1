// The layout contract of checks: a check's id is its path under src/checks/, so a reader finds the code of
// `mes/rules` without searching, and the catalogue's `check:` names stay honest.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { ROOT } from '../helpers.js';

describe('check registry', () => {
  it('finds every check at the path its id names', () => {
    for (const check of CHECKS) {
      const base = path.join(ROOT, 'src', 'checks', ...check.id.split('/'));
      const file = [`${base}.ts`, path.join(base, 'check.ts')].find((f) => existsSync(f));
      expect(file, `src/checks/${check.id}.ts or src/checks/${check.id}/check.ts`).toBeDefined();
      expect(readFileSync(file as string, 'utf8')).toContain(`id: '${check.id}'`);
    }
  });

  it('describes every check in both languages', () => {
    for (const check of CHECKS) {
      expect(check.description.fr, check.id).not.toBe('');
      expect(check.description.en, check.id).not.toBe('');
    }
  });
});

// Batching in SecretScanner must not change what secretlint finds: the same hits, at the same offsets, as a scan of
// each file alone — including disable comments left open at the end of a file.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ScannedFile, SecretHit } from '../../src/checks/repo/secret-scan.js';
import { SecretScanner, findSecrets } from '../../src/checks/repo/secret-scan.js';

const token = () =>
  `ghp_${randomBytes(27)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 36)}`;

function files(): ScannedFile[] {
  const list: ScannedFile[] = [];
  const add = (path: string, text: string) => list.push({ path, absolute: `/repo/${path}`, text });
  for (let i = 0; i < 40; i++) {
    const lines = Array.from({ length: 5 + (i % 7) }, (_, n) => `export const v${n} = ${n * i};`);
    if (i % 3 === 0) lines.splice(i % lines.length, 0, `const t = '${token()}';`);
    add(`src/m${i}.ts`, lines.join('\n'));
  }
  // Disable comments act within their own file only, however they are left at its end.
  add('src/disabled.ts', `// secretlint-disable\nconst a = '${token()}';\n// secretlint-enable\n`);
  add('src/open-disable.ts', `const z = 1;\n// secretlint-disable`);
  add('src/after-disabled.ts', `const b = '${token()}';\n// secretlint-enable\n`);
  add('src/next-line.ts', `const c = '${token()}';\n// secretlint-disable-next-line`);
  add('src/after-next-line.ts', `const d = '${token()}';`);
  add('config/a.yml', `db:\n  password: ${randomBytes(9).toString('hex')}\n`);
  add('config/b.yml', `api:\n  token: ${token()}\n`);
  add('config/c.properties', `spring.datasource.password=${randomBytes(9).toString('hex')}\n`);
  add('package.json', `{"name":"x","token":"${token()}"}`);
  return list;
}

async function hitsBy(scan: (file: ScannedFile) => Promise<SecretHit[]>, list: ScannedFile[]) {
  const out: string[] = [];
  for (const file of list)
    for (const hit of await scan(file)) out.push(`${file.path}:${hit.start}-${hit.end}:${hit.rule}`);
  return out.sort();
}

describe('SecretScanner batching', () => {
  it('finds exactly what scanning each file alone finds', async () => {
    const list = files();
    const alone = await hitsBy((f) => findSecrets(f.text, f.absolute), list);
    const batched: string[] = [];
    const scanner = new SecretScanner((file, hits) => {
      for (const hit of hits) batched.push(`${file.path}:${hit.start}-${hit.end}:${hit.rule}`);
    });
    for (const file of list) await scanner.add(file);
    await scanner.flush();
    expect(batched.sort()).toEqual(alone);
    // The disabled block is silent, its neighbours are not.
    expect(alone.some((h) => h.startsWith('src/disabled.ts'))).toBe(false);
    for (const path of [
      'src/after-disabled.ts',
      'src/next-line.ts',
      'src/after-next-line.ts',
      'config/a.yml',
      'config/c.properties',
    ])
      expect(alone.some((h) => h.startsWith(path))).toBe(true);
  });
});

describe('secretlint profiler', () => {
  it('records nothing: its marks grow quadratically with the files scanned (secretlint 12)', async () => {
    performance.clearMarks();
    for (let i = 0; i < 20; i++) await findSecrets(`const x = ${i};`, `/repo/f${i}.ts`);
    expect(performance.getEntriesByType('mark').filter((m) => m.name.includes('@core>'))).toEqual([]);
  });
});

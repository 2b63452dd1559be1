// The download step of CI (scripts/fetch-fhir-packages.ts) against a FHIR registry on 127.0.0.1: the packages land
// in the package-cache layout the loader reads through FHIR_PACKAGE_PATH, a restored cache costs no request, each
// package comes from the first registry that has it, and a CI-build tarball is taken only if it is the version listed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPackages, parsePackageList } from '../../scripts/fetch-fhir-packages.js';
import { loadPackages } from '../../src/fhir/packages/load.js';
import { FakeFhirRegistry, minimalPackage, packageTarball } from '../fakes/fhir-registry.js';
import { packagePath, repoRoot } from '../fhir/helpers.js';

const REFUSING = 'http://127.0.0.1:9';
const scratch: string[] = [];

function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-fetch-'));
  scratch.push(dir);
  return dir;
}

describe('fetch-fhir-packages', () => {
  let main: FakeFhirRegistry;
  let second: FakeFhirRegistry;

  beforeAll(async () => {
    main = await FakeFhirRegistry.start();
    second = await FakeFhirRegistry.start();
    main.publish('example.fhir.a', '1.0.0', await packageTarball(minimalPackage('example.fhir.a', '1.0.0')));
    second.publish(
      'example.fhir.b',
      '2.1.0',
      await packageTarball(minimalPackage('example.fhir.b', '2.1.0')),
    );
    main.serve(
      '/ig/main/package.tgz',
      await packageTarball(minimalPackage('example.fhir.ci', '0.2.0-snapshot-1')),
    );
  });
  afterAll(async () => {
    await Promise.all([main.close(), second.close()]);
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads each package into the layout the loader reads, from the first registry that has it', async () => {
    const out = temp();
    const list = parsePackageList(
      [
        '# comment',
        'example.fhir.a#1.0.0',
        'example.fhir.b#2.1.0',
        `example.fhir.ci#0.2.0-snapshot-1 ${main.url}/ig/main/package.tgz`,
      ].join('\n'),
      'list.txt',
    );
    const result = await fetchPackages(list, { out, registries: [REFUSING, main.url, second.url] });
    expect(result.failed).toEqual([]);
    expect(result.downloaded).toEqual([
      { spec: 'example.fhir.a#1.0.0', from: main.url },
      { spec: 'example.fhir.b#2.1.0', from: second.url },
      { spec: 'example.fhir.ci#0.2.0-snapshot-1', from: `${main.url}/ig/main/package.tgz` },
    ]);
    expect(readdirSync(out).sort()).toEqual([
      'example.fhir.a#1.0.0',
      'example.fhir.b#2.1.0',
      'example.fhir.ci#0.2.0-snapshot-1',
    ]);
    const context = await loadPackages(['example.fhir.a#1.0.0', 'example.fhir.ci#0.2.0-snapshot-1'], {
      packagePath: [out],
      offline: true,
    });
    // The base definitions are not in this folder: the listed packages are.
    expect(context.missing.map((m) => m.spec)).toEqual(['hl7.fhir.r4.core#4.0.1']);
    expect(context.resolve('https://example.org/fhir/ValueSet/example.fhir.ci')?.pkg.origin).toBe(
      'package-path',
    );

    // A restored cache: nothing is asked of any server.
    main.server.clearRequests();
    second.server.clearRequests();
    const again = await fetchPackages(list, { out, registries: [main.url, second.url] });
    expect(again.present).toHaveLength(3);
    expect(again.downloaded).toEqual([]);
    expect([...main.requests, ...second.requests]).toEqual([]);
  });

  it('names every place a missing package was looked for, and writes nothing for it', async () => {
    const out = temp();
    const result = await fetchPackages(parsePackageList('example.fhir.none#9.9.9', 'list.txt'), {
      out,
      registries: [main.url, REFUSING],
    });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.spec).toBe('example.fhir.none#9.9.9');
    expect(result.failed[0]!.reasons).toEqual([
      `not-found: ${main.url}/example.fhir.none`,
      expect.stringMatching(`^unreachable: ${REFUSING}/example.fhir.none: `),
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a CI build that moved on to another version, and keeps nothing of it', async () => {
    const out = temp();
    const result = await fetchPackages(
      parsePackageList(`example.fhir.ci#0.1.0 ${main.url}/ig/main/package.tgz`, 'list.txt'),
      { out, registries: [main.url] },
    );
    expect(result.failed[0]!.reasons[0]).toContain(
      'holds example.fhir.ci#0.2.0-snapshot-1, not example.fhir.ci#0.1.0',
    );
    expect(existsSync(path.join(out, 'example.fhir.ci#0.1.0'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });

  it('locates a malformed line of the list', () => {
    expect(() => parsePackageList('example.fhir.a#1.0.0\nexample.fhir.b 2.0.0\n', 'ci.txt')).toThrow(
      'ci.txt:2: expected "id#version [https://…/package.tgz]", found "example.fhir.b 2.0.0"',
    );
    expect(() => parsePackageList('example.fhir.a#1.0.0 ftp://x/p.tgz', 'ci.txt')).toThrow('ci.txt:1:');
  });
});

describe('the CI package list', () => {
  it('names exactly the packages the tests read from FHIR_PACKAGE_PATH', () => {
    const file = path.join(repoRoot, '.ci', 'fhir-packages.txt');
    const listed = parsePackageList(readFileSync(file, 'utf8'), file).map(
      (p) => `${p.spec.id}#${p.spec.version}`,
    );
    const present = readdirSync(packagePath, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(packagePath, e.name, 'package', 'package.json')))
      .map((e) => e.name);
    expect([...listed].sort()).toEqual(present.sort());
  });
});

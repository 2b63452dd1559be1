// FHIR packages: the package-cache layout, resolution order, dependencies, versions chosen by the dependency
// graph, downloads from a registry (a real HTTP server on 127.0.0.1) with checksums, and tarballs that try to
// write outside their folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackages } from '../../src/fhir/packages/load.js';
import { describeProblem } from '../../src/fhir/packages/problems.js';
import { extractTarball, TarballError } from '../../src/fhir/packages/tarball.js';
import { translator } from '../../src/messages.js';
import { packageTarball as tarball } from '../fakes/fhir-registry.js';
import { packagePath } from './helpers.js';

const t = translator('en');

function temp(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

const tinyPackage = {
  'package/package.json': JSON.stringify({
    name: 'example.fhir.tiny',
    version: '1.0.0',
    dependencies: { 'hl7.fhir.r4.core': '4.0.1' },
  }),
  'package/ValueSet-tiny.json': JSON.stringify({
    resourceType: 'ValueSet',
    id: 'tiny',
    url: 'https://example.org/fhir/ValueSet/tiny',
    status: 'active',
  }),
};

describe('package resolution', () => {
  it('finds id#version in FHIR_PACKAGE_PATH and follows dependencies transitively', async () => {
    const ctx = await loadPackages(['ans.fhir.fr.pdsm#3.1.1'], { packagePath: [packagePath], offline: true });
    const keys = ctx.packages.map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'ans.fhir.fr.pdsm#3.1.1',
        'ihe.iti.mhd#4.2.0',
        'ihe.iti.balp#1.1.1',
        'hl7.fhir.fr.core#2.1.0',
        'hl7.fhir.r4.core#4.0.1',
      ]),
    );
    expect(ctx.missing).toEqual([]);
  });

  it('lets the dependency graph choose between versions of the same canonical', async () => {
    const ctx = await loadPackages(['ans.fhir.fr.pdsm#3.1.1'], { packagePath: [packagePath], offline: true });
    const url = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient';
    const pdsm = ctx.packages.find((p) => p.id === 'ans.fhir.fr.pdsm');
    const annuaire = ctx.packages.find((p) => p.id === 'ans.fhir.fr.annuaire');
    expect(
      ctx.packages
        .filter((p) => p.id === 'hl7.fhir.fr.core')
        .map((p) => p.version)
        .sort(),
    ).toEqual(['2.1.0', '2.2.0']);
    expect(ctx.resolve(url, pdsm)?.pkg.version).toBe('2.1.0');
    expect(ctx.resolve(url, annuaire)?.pkg.version).toBe('2.2.0');
    expect(ctx.resolve(`${url}|2.2.0`, pdsm)?.pkg.version).toBe('2.2.0');
  });

  it('substitutes a missing dependency version with a local one, and says so', async () => {
    const ctx = await loadPackages(['ans.fhir.fr.pdsm#3.1.1'], { packagePath: [packagePath], offline: true });
    const substituted = ctx.problems.find(
      (p) => p.kind === 'substituted-dependency' && p.spec === 'ans.fhir.fr.annuaire#1.1.0',
    );
    expect(substituted?.substitute).toBe('ans.fhir.fr.annuaire#1.2.0-snapshot-2');
    expect(describeProblem(substituted!, t)).toContain('is used instead');
  });

  it('names a missing package and every place it was looked for', async () => {
    const cache = temp('mes-cache-');
    const ctx = await loadPackages(['ans.fhir.fr.absent#1.0.0'], {
      packagePath: [packagePath],
      cacheDir: cache,
      offline: true,
    });
    expect(ctx.missing).toHaveLength(1);
    const message = describeProblem(ctx.missing[0]!, t);
    expect(message).toContain('ans.fhir.fr.absent#1.0.0');
    expect(message).toContain(packagePath);
    expect(message).toContain(cache);
  });

  it('looks in the user cache after FHIR_PACKAGE_PATH, and builds a missing .index.json', async () => {
    const cache = temp('mes-cache-');
    const dir = path.join(cache, 'example.fhir.tiny#1.0.0');
    await extractTarball(await tarball(tinyPackage), dir);
    expect(existsSync(path.join(dir, 'package', '.index.json'))).toBe(false);
    const ctx = await loadPackages(['example.fhir.tiny#1.0.0'], {
      packagePath: [packagePath],
      cacheDir: cache,
      offline: true,
    });
    expect(ctx.missing).toEqual([]);
    expect(ctx.resolve('https://example.org/fhir/ValueSet/tiny')?.pkg.origin).toBe('cache');
    const index = JSON.parse(readFileSync(path.join(dir, 'package', '.index.json'), 'utf8'));
    expect(index.files).toEqual([
      expect.objectContaining({
        filename: 'ValueSet-tiny.json',
        url: 'https://example.org/fhir/ValueSet/tiny',
      }),
    ]);
  });
});

describe('registry download', () => {
  let base = '';
  let good: Buffer;
  const server = createServer((req, res) => {
    const shasum = createHash('sha1').update(good).digest('hex');
    const versions = {
      '1.0.0': { dist: { tarball: `${base}/tarballs/tiny-1.0.0.tgz`, shasum } },
      '2.0.0': { dist: { tarball: `${base}/tarballs/tiny-1.0.0.tgz`, shasum: '0'.repeat(40) } },
    };
    if (req.url === '/example.fhir.tiny') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name: 'example.fhir.tiny', versions }));
    } else if (req.url === '/tarballs/tiny-1.0.0.tgz') res.end(good);
    else {
      res.statusCode = 404;
      res.end();
    }
  });

  beforeAll(async () => {
    good = await tarball(tinyPackage);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads id#version into the user cache after checking its checksum', async () => {
    const cache = temp('mes-cache-');
    const ctx = await loadPackages(['example.fhir.tiny#1.0.0'], {
      packagePath: [packagePath],
      cacheDir: cache,
      registry: base,
    });
    expect(ctx.missing).toEqual([]);
    expect(ctx.resolve('https://example.org/fhir/ValueSet/tiny')?.pkg.origin).toBe('registry');
    expect(existsSync(path.join(cache, 'example.fhir.tiny#1.0.0', 'package', 'package.json'))).toBe(true);
  });

  it('refuses a tarball whose checksum does not match', async () => {
    const cache = temp('mes-cache-');
    const ctx = await loadPackages(['example.fhir.tiny#2.0.0'], {
      packagePath: [packagePath],
      cacheDir: cache,
      registry: base,
    });
    expect(ctx.missing[0]).toMatchObject({ kind: 'invalid-package', spec: 'example.fhir.tiny#2.0.0' });
    expect(existsSync(path.join(cache, 'example.fhir.tiny#2.0.0'))).toBe(false);
  });

  it('reports a package the registry does not have as missing, naming the registry', async () => {
    const ctx = await loadPackages(['example.fhir.other#1.0.0'], {
      packagePath: [packagePath],
      cacheDir: temp('mes-cache-'),
      registry: base,
    });
    expect(ctx.missing[0]).toMatchObject({ kind: 'missing' });
    expect(describeProblem(ctx.missing[0]!, t)).toContain(base);
  });
});

describe('tarballs that try to write outside their folder', () => {
  for (const name of ['../evil.json', 'package/../../evil.json', '/tmp/evil.json']) {
    it(`refuses ${name}`, async () => {
      const root = temp('mes-tgz-');
      const target = path.join(root, 'pkg');
      const data = await tarball({ 'package/package.json': '{}', [name]: '{}' });
      await expect(extractTarball(data, target)).rejects.toBeInstanceOf(TarballError);
      expect(existsSync(target)).toBe(false);
      expect(existsSync(path.join(root, 'evil.json'))).toBe(false);
    });
  }

  it('refuses symbolic links', async () => {
    const data = await tarball({ 'package/package.json': '{}' }, (pack) =>
      pack.entry({ name: 'package/link', type: 'symlink', linkname: '/etc/passwd' }),
    );
    await expect(extractTarball(data, path.join(temp('mes-tgz-'), 'pkg'))).rejects.toMatchObject({
      reason: 'unsupported-entry',
    });
  });

  it('given with --ig, an unsafe .tgz is a clear package problem', async () => {
    const dir = temp('mes-tgz-');
    const file = path.join(dir, 'evil.tgz');
    writeFileSync(file, await tarball({ 'package/package.json': '{}', '../../evil.json': '{}' }));
    const ctx = await loadPackages([file], { packagePath: [packagePath], offline: true });
    expect(ctx.missing[0]).toMatchObject({ kind: 'invalid-package', spec: file });
    expect(describeProblem(ctx.missing[0]!, t)).toContain('unsafe-entry: ../../evil.json');
  });

  it('a safe .tgz given with --ig is loaded as a package', async () => {
    const dir = temp('mes-tgz-');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'tiny.tgz');
    writeFileSync(file, await tarball(tinyPackage));
    const ctx = await loadPackages([file], { packagePath: [packagePath], offline: true });
    expect(ctx.missing).toEqual([]);
    expect(ctx.resolve('https://example.org/fhir/ValueSet/tiny')?.pkg.origin).toBe('tarball');
  });
});

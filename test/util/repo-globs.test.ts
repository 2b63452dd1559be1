import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonResources } from '../../src/util/json-resources.js';
import { expandRepoGlobs } from '../../src/util/repo-globs.js';
import { tempDir } from '../helpers.js';

function repoWithOutsideLink(): string {
  const repo = tempDir('mes-globs-');
  const outside = tempDir('mes-outside-');
  writeFileSync(path.join(outside, 'secret.json'), '{"resourceType":"Patient"}');
  mkdirSync(path.join(repo, 'fhir'));
  writeFileSync(path.join(repo, 'fhir', 'b.json'), '{"resourceType":"Observation"}');
  writeFileSync(path.join(repo, 'fhir', 'a.json'), '{\n  "resourceType": "Bundle",\n  "type": \n}');
  symlinkSync(path.join(outside, 'secret.json'), path.join(repo, 'fhir', 'link.json'));
  return repo;
}

describe('manifest globs inside the repository', () => {
  it('refuses absolute and climbing patterns, and reports links leading out without reading them', () => {
    const repo = repoWithOutsideLink();
    const [inside, absolute, climbing] = expandRepoGlobs(repo, ['fhir/*.json', '/etc/*.json', '../*.json']);
    // The link is never among the files read (reported when the glob library returns it, skipped otherwise).
    expect(inside?.files).toEqual(['fhir/a.json', 'fhir/b.json']);
    expect(inside?.escaping.every((f) => f === 'fhir/link.json')).toBe(true);
    expect(absolute?.refused).toBe('absolute');
    expect(climbing?.refused).toBe('escapes');
  });

  it('reads each JSON file once, locating syntax errors', () => {
    const { files } = readJsonResources(repoWithOutsideLink(), ['fhir/*.json', 'fhir/b.json']);
    const read = files.filter((f) => f.ok || f.reason !== 'symlink-escapes');
    expect(read.map((f) => [f.file, f.ok ? 'ok' : f.reason])).toEqual([
      ['fhir/a.json', 'bad-json'],
      ['fhir/b.json', 'ok'],
    ]);
    const bad = read[0];
    expect(bad && !bad.ok && bad.line).toBe(4);
  });
});

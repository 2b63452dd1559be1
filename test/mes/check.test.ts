// `mes/rules` through the pipeline, on a copy of the demo repository: findings located at file:line:column with
// the HTTP status MES would return.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';

const demo = path.resolve(import.meta.dirname, '../../examples/demo-editor');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function demoCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-rules-'));
  dirs.push(dir);
  cpSync(demo, dir, { recursive: true });
  return dir;
}

async function criterion(repoDir: string, id: string) {
  const result = await run({
    repoDir,
    lang: 'fr',
    failOn: 'obligatoire',
    now: new Date('2026-06-01T12:00:00Z'),
    engine: { offline: true, sandboxTarget: 'https://sandbox.invalid/fhir' },
  });
  return result.report.criteria.find((c) => c.id === id);
}

describe('mes/rules check', () => {
  it('passes the demo resources', async () => {
    const repo = demoCopy();
    expect((await criterion(repo, 'INT-MES-REGLES-MESURES'))?.status).toBe('conforme');
    expect((await criterion(repo, 'INT-MES-REGLES-DOCUMENTS'))?.status).toBe('conforme');
  });

  it('locates a missing meta.profile at its line, with MES message and status', async () => {
    const repo = demoCopy();
    const file = path.join(repo, 'fhir/mesures/tension-arterielle.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    bundle.entry[0].resource.meta = { source: 'urn:oid:1.2.250.1.999.42.1' };
    const text = JSON.stringify(bundle, null, 2);
    writeFileSync(file, text);
    const c = await criterion(repo, 'INT-MES-REGLES-MESURES');
    expect(c?.status).toBe('non-conforme');
    expect(c?.blocking).toBe(true);
    const finding = c?.findings.find((f) => f.code === 'mes.422.observation-profile-missing');
    expect(finding?.message).toContain('Observation resource not valid.');
    expect(finding?.message).toContain('Observation must provide meta.profile value.');
    expect(finding?.details).toMatchObject({ httpStatus: 422, path: 'entry[0].resource.meta.profile' });
    // The nearest existing node of the missing profile: the `meta` key of the Observation.
    const lines = text.split('\n');
    const metaLine = lines.findIndex((l) => l.includes('"meta"'));
    expect(finding?.location).toEqual({
      file: 'fhir/mesures/tension-arterielle.json',
      line: metaLine + 1,
      column: (lines[metaLine] as string).indexOf('"meta"') + 1,
    });
  });

  it('reports invalid JSON at its position instead of skipping the file', async () => {
    const repo = demoCopy();
    writeFileSync(
      path.join(repo, 'fhir/documents/broken.json'),
      '{\n  "resourceType": "DocumentReference",\n  oops\n}\n',
    );
    const c = await criterion(repo, 'INT-MES-REGLES-DOCUMENTS');
    const finding = c?.findings.find((f) => f.code === 'mes.file-bad-json');
    expect(finding?.location?.file).toBe('fhir/documents/broken.json');
    expect(finding?.location?.line).toBe(3);
  });
});

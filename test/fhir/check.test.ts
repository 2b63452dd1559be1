// The `fhir/profiles` check in the pipeline: the demo's FHIR criteria are conforme; a defect becomes a located
// failing finding; a missing package makes the criterion indisponible naming it; globs stay in the repository;
// each resource is validated by the invocation of its own domain.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import type { CriterionResult } from '../../src/report/model.js';
import { packagePath, repoRoot } from './helpers.js';

const demo = path.join(repoRoot, 'examples/demo-editor');

function copyDemo(edit?: (dir: string) => void): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mes-demo-')), 'repo');
  cpSync(demo, dir, { recursive: true });
  edit?.(dir);
  return dir;
}

function editManifest(dir: string, replace: (text: string) => string): void {
  const file = path.join(dir, 'mes-referencing.yml');
  writeFileSync(file, replace(readFileSync(file, 'utf8')));
}

async function criteria(repoDir: string, lang: 'fr' | 'en' = 'en'): Promise<Map<string, CriterionResult>> {
  const result = await run({
    repoDir,
    lang,
    failOn: 'obligatoire',
    now: new Date('2026-11-05T12:00:00Z'),
    engine: {
      offline: true,
      fhirPackagePath: [packagePath],
      fhirPackageCache: path.join(os.tmpdir(), 'mes-empty-cache'),
      env: {},
    },
  });
  return new Map(result.report.criteria.map((c) => [c.id, c]));
}

describe('fhir/profiles in the pipeline', () => {
  it('the demo repository: each file validated once by its own domain; an unloaded profile is never conforme', async () => {
    const byId = await criteria(demo);
    const mesures = byId.get('INT-FHIR-MESURES');
    const documents = byId.get('INT-FHIR-DOCUMENTS');
    // The Device declares PhdDevice, whose package the mesures domain does not load: not checked against it, so
    // a person must look (a-verifier), with what to add.
    expect(mesures?.status).toBe('a-verifier');
    const unloaded = mesures?.findings.find((f) => f.code === 'fhir.profile-unknown');
    expect(unloaded?.outcome).toBe('review');
    expect(unloaded?.message).toContain('http://hl7.org/fhir/uv/phd/StructureDefinition/PhdDevice');
    expect(unloaded?.fix).toContain('fhir.packages');
    expect(documents?.status).toBe('conforme');
    expect(byId.get('INT-FHIR-AGENDA')?.status).toBe('non-applicable');
    const passed = (c?: CriterionResult) =>
      c?.findings.filter((f) => f.code === 'fhir.conforms').map((f) => f.location?.file);
    expect(passed(mesures)).toEqual(['fhir/mesures/tension-arterielle.json']);
    expect(passed(documents)).toEqual(['fhir/documents/releve-tensionnel.json']);
  });

  it('a defect fails the criterion with a finding located at file:line:col', async () => {
    const dir = copyDemo((d) => {
      const file = path.join(d, 'fhir/mesures/tension-arterielle.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"status": "final"', '"status": "done"'));
    });
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    expect(mesures?.status).toBe('non-conforme');
    expect(mesures?.blocking).toBe(true);
    const failing = mesures?.findings.find((f) => f.outcome === 'fail');
    expect(failing).toMatchObject({ code: 'fhir.binding-required', check: 'fhir/profiles' });
    expect(failing?.location?.file).toBe('fhir/mesures/tension-arterielle.json');
    const line = readFileSync(path.join(dir, 'fhir/mesures/tension-arterielle.json'), 'utf8').split('\n')[
      (failing?.location?.line ?? 0) - 1
    ];
    expect(line).toContain('"status": "done"');
    expect(failing?.details).toMatchObject({ expression: 'Bundle.entry[0].resource.status' });
  });

  it('a package that cannot be found makes the criterion indisponible, naming it and where it was looked for', async () => {
    const dir = copyDemo((d) =>
      editManifest(d, (text) =>
        text.replace(
          '    - fhir/documents/*.json',
          '    - fhir/documents/*.json\n  packages: [ans.fhir.fr.mesures#9.9.9]',
        ),
      ),
    );
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    expect(mesures?.status).toBe('indisponible');
    const finding = mesures?.findings.find((f) => f.outcome === 'unavailable');
    expect(finding?.message).toContain('ans.fhir.fr.mesures#9.9.9');
    expect(finding?.message).toContain(packagePath);
    expect(finding?.location).toMatchObject({ file: 'mes-referencing.yml' });
  });

  it('a glob that leaves the repository is refused, located in the manifest', async () => {
    const dir = copyDemo((d) =>
      editManifest(d, (text) =>
        text.replace('    - fhir/documents/*.json', '    - fhir/documents/*.json\n    - ../../*.json'),
      ),
    );
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    const refused = mesures?.findings.find((f) => f.code === 'fhir.resources-escapes');
    expect(refused?.outcome).toBe('fail');
    expect(refused?.location?.file).toBe('mes-referencing.yml');
    expect(refused?.location?.line).toBeGreaterThan(1);
  });

  it('a domain without resources asks for a human look rather than passing silently', async () => {
    const dir = copyDemo((d) => editManifest(d, (text) => text.replace('    - fhir/documents/*.json\n', '')));
    const documents = (await criteria(dir)).get('INT-FHIR-DOCUMENTS');
    expect(documents?.status).toBe('a-verifier');
    expect(documents?.findings.map((f) => f.code)).toContain('fhir.no-resources');
  });
});

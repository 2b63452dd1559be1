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
  it('the demo repository: FHIR criteria conforme, each file validated once by its own domain', async () => {
    const byId = await criteria(demo);
    const mesures = byId.get('INT-FHIR-MESURES');
    const documents = byId.get('INT-FHIR-DOCUMENTS');
    expect(mesures?.status).toBe('conforme');
    expect(documents?.status).toBe('conforme');
    expect(byId.get('INT-FHIR-AGENDA')?.status).toBe('non-applicable');
    const passed = (c?: CriterionResult) =>
      c?.findings.filter((f) => f.code === 'fhir.conforms').map((f) => f.location?.file);
    expect(passed(mesures)).toEqual(['fhir/mesures/tension-arterielle.json']);
    expect(passed(documents)).toEqual(['fhir/documents/releve-tensionnel.json']);
  });

  it('a declared profile that cannot be loaded leaves the criterion a-verifier, never conforme', async () => {
    // The manifest's own package list leaves out hl7.fhir.uv.phd: the Device's PhdDevice is not checked.
    const dir = copyDemo((d) =>
      editManifest(d, (t) =>
        t.replace(
          'fhir:\n  resources:',
          'fhir:\n  packages: [ans.fhir.fr.mesures#3.1.0, hl7.fhir.fr.core#2.1.0, ans.fhir.fr.pdsm#3.1.1]\n  resources:',
        ),
      ),
    );
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    expect(mesures?.status).toBe('a-verifier');
    const unloaded = mesures?.findings.find((f) => f.code === 'fhir.profile-unknown');
    expect(unloaded?.outcome).toBe('review');
    expect(unloaded?.message).toContain('http://hl7.org/fhir/uv/phd/StructureDefinition/PhdDevice');
    expect(unloaded?.fix).toContain('fhir.packages');
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
    // Where it was looked for, by the variable's name: the report shows no folder of the machine.
    expect(finding?.message).toContain('$FHIR_PACKAGE_PATH');
    expect(finding?.message).not.toContain(packagePath);
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
  it('the Device of a measure is validated against PhdDevice (the mesures domain loads hl7.fhir.uv.phd)', async () => {
    const dir = copyDemo((d) => {
      const file = path.join(d, 'fhir/mesures/tension-arterielle.json');
      const text = readFileSync(file, 'utf8');
      // The IEEE EUI-64 system identifier PhdDevice requires, replaced by another system.
      writeFileSync(
        file,
        text.replace('urn:oid:1.2.840.10004.1.1.1.0.0.1.0.0.1.2680', 'urn:oid:1.2.250.1.999.42.1.9'),
      );
    });
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    expect(mesures?.status).toBe('non-conforme');
    const failing = mesures?.findings.find((f) => f.outcome === 'fail');
    expect(failing).toMatchObject({ code: 'fhir.fixed' });
    expect(failing?.details).toMatchObject({
      expression: 'Bundle.entry[1].resource.identifier[0].system',
      profile: 'http://hl7.org/fhir/uv/phd/StructureDefinition/PhdDevice',
    });
  });

  it("the editor's own profiles (fhir.definitions) apply, generated from their differential, defects located in the repository", async () => {
    const dir = copyDemo((d) => {
      const profile = {
        resourceType: 'StructureDefinition',
        url: 'https://demo.example/fhir/StructureDefinition/demo-observation',
        name: 'DemoObservation',
        status: 'draft',
        kind: 'resource',
        abstract: false,
        type: 'Observation',
        baseDefinition:
          'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-bp',
        derivation: 'constraint',
        differential: {
          element: [
            { id: 'Observation.note', path: 'Observation.note', min: 1 },
            { id: 'Observation.status', path: 'Observation.status', max: '2' },
          ],
        },
      };
      writeFileSync(path.join(d, 'fhir/demo-observation.profile.json'), JSON.stringify(profile, null, 2));
      const file = path.join(d, 'fhir/mesures/tension-arterielle.json');
      const bundle = JSON.parse(readFileSync(file, 'utf8'));
      bundle.entry[0].resource.meta.profile.push(profile.url);
      writeFileSync(file, JSON.stringify(bundle, null, 2));
      editManifest(d, (text) =>
        text.replace(
          '    - fhir/documents/*.json\n',
          '    - fhir/documents/*.json\n  definitions: [fhir/*.profile.json]\n',
        ),
      );
    });
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    expect(mesures?.status).toBe('non-conforme');
    const codes = mesures?.findings
      .filter((f) => f.outcome === 'fail')
      .map((f) => [f.code, f.location?.file]);
    // The generated snapshot applies (note required), and the differential's defect (status max 2 above the base's
    // max 1) is located in the profile's own file.
    expect(codes).toContainEqual(['fhir.min', 'fhir/mesures/tension-arterielle.json']);
    const defect = mesures?.findings.find((f) => f.code === 'fhir.snapshot.max-above-base');
    expect(defect?.location?.file).toBe('fhir/demo-observation.profile.json');
    const lines = readFileSync(path.join(dir, 'fhir/demo-observation.profile.json'), 'utf8').split('\n');
    expect(lines[defect?.location?.line ?? 0]).toContain('"id": "Observation.status"');
  });
  it('a repository definition cannot replace an IG profile: it is not used, and the editor is told', async () => {
    const official =
      'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-bp';
    const dir = copyDemo((d) => {
      // Same url as the IG's blood-pressure profile, with a differential that would admit a missing status.
      const loose = {
        resourceType: 'StructureDefinition',
        url: official,
        name: 'Loose',
        status: 'draft',
        kind: 'resource',
        abstract: false,
        type: 'Observation',
        baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
        derivation: 'constraint',
        differential: { element: [{ id: 'Observation', path: 'Observation' }] },
      };
      writeFileSync(path.join(d, 'fhir/loose.profile.json'), JSON.stringify(loose));
      const file = path.join(d, 'fhir/mesures/tension-arterielle.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"code": "8480-6"', '"code": "8867-4"'));
      editManifest(d, (text) =>
        text.replace(
          '    - fhir/documents/*.json\n',
          '    - fhir/documents/*.json\n  definitions: [fhir/*.profile.json]\n',
        ),
      );
    });
    const mesures = (await criteria(dir)).get('INT-FHIR-MESURES');
    const shadowed = mesures?.findings.find((f) => f.code === 'fhir.definition-shadowed');
    expect(shadowed).toMatchObject({ outcome: 'warn', location: { file: 'fhir/loose.profile.json' } });
    // The IG's profile still judges the resource: the systolic component it requires is missing.
    expect(mesures?.status).toBe('non-conforme');
    expect(mesures?.findings.some((f) => f.outcome === 'fail' && f.details?.profile === official)).toBe(true);
  });
});

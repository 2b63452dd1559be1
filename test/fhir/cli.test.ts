// `mes-referencing validate` as a user runs it: a real child process, its output and its exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceCli } from '../helpers.js';
import { fixtures, packagePath, readJson, repoRoot } from './helpers.js';

const bundleFile = path.join(repoRoot, 'examples/demo-editor/fhir/mesures/tension-arterielle.json');
const documentFile = path.join(repoRoot, 'examples/demo-editor/fhir/documents/releve-tensionnel.json');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...sourceCli(), 'validate', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      FHIR_PACKAGE_PATH: packagePath,
      FHIR_PACKAGE_CACHE: path.join(os.tmpdir(), 'mes-empty-cache'),
      MES_REFERENCING_OFFLINE: '1',
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mes-validate-')), name);
  writeFileSync(file, content);
  return file;
}

describe('mes-referencing validate', () => {
  it('exits 0 on a valid Bundle and prints only warnings and information', () => {
    const { code, stdout, stderr } = run([
      '--ig',
      'ans.fhir.fr.mesures#3.1.0',
      '--ig',
      'hl7.fhir.fr.core#2.1.0',
      bundleFile,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).not.toMatch(/: (error|fatal) /);
    expect(stderr).toMatch(/1 fichier : 0 erreur,/);
  });

  it('exits 1 with file:line:col: severity code message (expression) lines', () => {
    const bundle = readJson(bundleFile) as { entry: { resource: Record<string, unknown> }[] };
    (bundle.entry[0] as { resource: Record<string, unknown> }).resource.status = 'done';
    const file = tempFile('bad.json', JSON.stringify(bundle, null, 2));
    const { code, stdout } = run(['--ig', 'ans.fhir.fr.mesures#3.1.0', '--lang', 'en', file]);
    expect(code).toBe(1);
    const line = stdout.split('\n').find((l) => l.includes(' error '));
    expect(line).toMatch(
      /bad\.json:\d+:\d+: error code-invalid code done is not in the required value set .*observation-status.* \(Bundle\.entry\[0\]\.resource\.status\)$/,
    );
    const lineNumber = Number(/bad\.json:(\d+):/.exec(line ?? '')?.[1]);
    expect(JSON.stringify(bundle, null, 2).split('\n')[lineNumber - 1]).toContain('"status": "done"');
  });

  it('--format json prints an OperationOutcome with file, line and column extensions for one input', () => {
    const file = tempFile(
      'obs.json',
      '{\n  "resourceType": "Observation",\n  "status": "final",\n  "code": {"text": "x"},\n  "colour": "blue"\n}\n',
    );
    const { code, stdout } = run(['--format', 'json', file]);
    expect(code).toBe(1);
    const outcome = JSON.parse(stdout);
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.extension[0]).toMatchObject({
      url: 'http://hl7.org/fhir/StructureDefinition/operationoutcome-file',
    });
    const issue = outcome.issue.find(
      (i: { expression?: string[] }) => i.expression?.[0] === 'Observation.colour',
    );
    expect(issue).toMatchObject({ severity: 'error', code: 'structure' });
    expect(issue.extension).toEqual(
      expect.arrayContaining([
        { url: 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line', valueInteger: 5 },
        { url: 'http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col', valueInteger: 3 },
      ]),
    );
  });

  it('--format json prints a collection Bundle of OperationOutcomes for several inputs', () => {
    const { code, stdout } = run([
      '--format',
      'json',
      '--ig',
      'ans.fhir.fr.pdsm#3.1.1',
      '--ig',
      'ans.fhir.fr.mesures#3.1.0',
      bundleFile,
      documentFile,
    ]);
    expect(code).toBe(0);
    const bundle = JSON.parse(stdout);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry).toHaveLength(2);
    expect(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType)).toEqual([
      'OperationOutcome',
      'OperationOutcome',
    ]);
  });

  it('validates against a --profile given on the command line, from a folder of conformance resources', () => {
    const file = tempFile('patient.json', JSON.stringify({ resourceType: 'Patient', gender: 'female' }));
    const { code, stdout } = run([
      '--ig',
      path.join(fixtures, 'profiles'),
      '--profile',
      'https://mes-referencing.example/fhir/StructureDefinition/test-patient',
      '--lang',
      'en',
      file,
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('slice ins present 0 times');
  });

  it('exits 2 with a clear message when a package cannot be found', () => {
    const { code, stderr } = run(['--ig', 'ans.fhir.fr.nothing#9.9.9', bundleFile]);
    expect(code).toBe(2);
    expect(stderr).toContain('ans.fhir.fr.nothing#9.9.9');
    expect(stderr).toContain(packagePath);
  });

  it('exits 2 on usage errors (no input, unknown option, bad format)', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--fromat', 'json', bundleFile]).stderr).toContain('--format');
    expect(run(['--format', 'xml', bundleFile]).code).toBe(2);
    expect(run(['does-not-exist.json']).code).toBe(2);
  });

  it('exits 2 when --profile names something that is not a StructureDefinition', () => {
    const { code, stderr } = run([
      '--profile',
      'http://hl7.org/fhir/ValueSet/observation-status',
      bundleFile,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('n’est pas une StructureDefinition');
  });

  it('validates against profiles given as differentials only, and locates their defects in their own file', () => {
    const base = 'https://mes-referencing.example/fhir/StructureDefinition/';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-validate-'));
    const obs = {
      resourceType: 'Observation',
      meta: { profile: [`${base}test-vital-observation`] },
      status: 'final',
      code: { text: 'x' },
    };
    writeFileSync(path.join(dir, 'obs.json'), JSON.stringify(obs));
    writeFileSync(
      path.join(dir, 'patient.json'),
      JSON.stringify({ resourceType: 'Patient', meta: { profile: [`${base}test-bad-patient`] } }),
    );
    const { code, stdout, stderr } = run([
      '--ig',
      path.join(fixtures, 'differential'),
      '--ig',
      path.join(fixtures, 'differential-invalid'),
      '--lang',
      'en',
      dir,
    ]);
    expect(code, stderr).toBe(1);
    // The generated snapshot applies: the slice the differential requires is missing.
    expect(stdout).toMatch(/obs\.json:1:\d+: error required .*slice loinc present 0 times/);
    // The defect of the other profile's differential is located in the profile's file.
    expect(stdout).toMatch(
      /test\/fixtures\/fhir\/differential-invalid\/StructureDefinition-test-bad-patient\.json:17:7: error invalid profile \S+test-bad-patient: Patient\.gender: max 2 above the base’s max 1/,
    );
    expect(stderr).toMatch(
      /2 files: \d+ errors?, \d+ warnings?, \d+ information, \d+ constraints? not evaluated/,
    );
  });

  it('exits 2 when there is nothing to validate, or when a profile cannot be built', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'mes-validate-empty-'));
    const nothing = run([empty]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('rien à valider');
    const orphan = run([
      '--ig',
      path.join(fixtures, 'differential-invalid'),
      '--profile',
      'https://mes-referencing.example/fhir/StructureDefinition/test-orphan-patient',
      bundleFile,
    ]);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('test-orphan-patient');
    expect(orphan.stderr).toContain('profil de base est introuvable');
  });
});

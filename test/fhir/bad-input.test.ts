// Every bad input gets a clear, located message and never a crash.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirContext } from '../../src/fhir/packages/context.js';
import { validateFile } from '../../src/fhir/validator/files.js';
import { validateResource, validateText } from '../../src/fhir/validator/validate.js';
import { context, errors, fixtures, show } from './helpers.js';

let core: FhirContext;
let local: FhirContext;

beforeAll(async () => {
  core = await context();
  local = await context(path.join(fixtures, 'no-snapshot'), path.join(fixtures, 'profiles'));
});

function one(text: string, lang: 'fr' | 'en' = 'en') {
  const issues = validateText(text, { context: core, file: 'input.json', lang });
  return { issues, first: issues[0] };
}

describe('bad input', () => {
  it('invalid JSON: a fatal issue at the line and column of the syntax error', () => {
    const { issues, first } = one('{\n  "resourceType": "Patient",\n  "gender": "female",,\n}\n');
    expect(issues).toHaveLength(1);
    expect(first).toMatchObject({
      severity: 'fatal',
      messageId: 'fhir.v.json-syntax',
      file: 'input.json',
      line: 3,
    });
    expect(first?.message).toMatch(/^invalid JSON/);
  });

  it('truncated JSON: located at the end of the text', () => {
    const { first } = one('{\n  "resourceType": "Patient"');
    expect(first).toMatchObject({ severity: 'fatal', messageId: 'fhir.v.json-syntax', line: 2 });
  });

  it('not an object', () => {
    expect(one('[{"resourceType":"Patient"}]').first).toMatchObject({
      severity: 'fatal',
      messageId: 'fhir.v.not-an-object',
    });
    expect(one('"Patient"').first?.message).toContain('not string');
  });

  it('unknown resourceType, located at the key', () => {
    const { first } = one('{\n  "resourceType": "Patiente"\n}');
    expect(first).toMatchObject({
      severity: 'error',
      messageId: 'fhir.v.resource-type-unknown',
      line: 2,
      column: 3,
    });
    expect(first?.message).toContain('Patiente');
  });

  it('a profile without resourceType is reported, not thrown', () => {
    expect(show(validateResource({ id: 'x' }, { context: core }))).toContain('fhir.v.resource-type-missing');
  });

  it('XML input: not supported, clearly', () => {
    expect(one('<Patient xmlns="http://hl7.org/fhir"/>').first).toMatchObject({
      messageId: 'fhir.v.json-xml',
      code: 'not-supported',
    });
  });

  it('empty file', () => {
    expect(one('  \n').first).toMatchObject({ messageId: 'fhir.v.json-empty' });
  });

  it('duplicate JSON keys: an error at the second key', () => {
    const { issues } = one('{\n  "resourceType": "Patient",\n  "gender": "female",\n  "gender": "male"\n}');
    const duplicate = issues.find((i) => i.messageId === 'fhir.v.duplicate-key');
    expect(duplicate).toMatchObject({ severity: 'error', line: 4, column: 3, expression: 'Patient.gender' });
  });

  it('10,000 levels of nesting: refused with a clear message, no stack overflow', () => {
    const deep = `{"resourceType":"Patient","extension":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const { issues, first } = one(deep);
    expect(issues).toHaveLength(1);
    expect(first).toMatchObject({
      severity: 'fatal',
      messageId: 'fhir.v.json-too-deep',
      code: 'too-costly',
      line: 1,
    });
  });

  it('deep but legal nesting inside a resource is validated', () => {
    let item: Record<string, unknown> = { linkId: 'leaf', text: 'x', type: 'string' };
    for (let i = 0; i < 60; i++) item = { linkId: `l${i}`, type: 'group', item: [item] };
    const questionnaire = { resourceType: 'Questionnaire', status: 'draft', item: [item] };
    expect(validateResource(questionnaire, { context: core }).filter((i) => i.severity === 'error')).toEqual(
      [],
    );
  });

  it('a 50 MB file: refused before reading, with the limit and how to raise it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-big-'));
    const file = path.join(dir, 'big.json');
    const entry = JSON.stringify({ resource: { resourceType: 'Basic', code: { text: 'x'.repeat(1000) } } });
    const count = Math.ceil((50 * 1024 * 1024) / entry.length);
    writeFileSync(
      file,
      `{"resourceType":"Bundle","type":"collection","entry":[${Array(count).fill(entry).join(',')}]}`,
    );
    const issues = validateFile(file, 'big.json', { context: core, lang: 'en' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'fatal',
      messageId: 'fhir.v.file-too-large',
      file: 'big.json',
    });
    expect(issues[0]?.message).toContain('--max-size');
  });

  it('a profile that is not a StructureDefinition', () => {
    const issues = validateResource(
      { resourceType: 'Patient', meta: { profile: ['http://hl7.org/fhir/ValueSet/observation-status'] } },
      { context: core, lang: 'en' },
    );
    expect(issues.find((i) => i.messageId === 'fhir.v.profile-not-structure-definition')?.message).toContain(
      'http://hl7.org/fhir/ValueSet/observation-status',
    );
  });

  it('a StructureDefinition without snapshot: generated from its differential and applied', () => {
    const url = 'https://mes-referencing.example/fhir/StructureDefinition/test-patient-no-snapshot';
    const issues = validateResource(
      { resourceType: 'Patient', meta: { profile: [url] } },
      { context: local, lang: 'en' },
    );
    expect(issues.find((i) => i.messageId === 'fhir.v.profile-no-snapshot')).toBeUndefined();
    expect(errors(issues).map((i) => `${i.messageId} ${i.expression}`)).toEqual([
      'fhir.v.min Patient.gender',
    ]);
  });
});

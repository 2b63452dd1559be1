// Offline terminology: ValueSets expanded from the loaded packages, UCUM by its library, and whatever cannot be
// decided offline reported as not checked (never invalid).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Terminology } from '../../src/fhir/terminology/terminology.js';
import { context, fixtures } from './helpers.js';

const CS = 'https://mes-referencing.example/fhir/CodeSystem/moments';
const REPAS = 'https://mes-referencing.example/fhir/ValueSet/moments-repas';
const MIXTES = 'https://mes-referencing.example/fhir/ValueSet/moments-mixtes';
const UNITS = 'https://mes-referencing.example/fhir/ValueSet/units';

let tx: Terminology;

beforeAll(async () => {
  tx = new Terminology(await context(path.join(fixtures, 'terminology')));
});

describe('ValueSet expansion from loaded packages', () => {
  it('is-a filter with exclude', () => {
    expect(tx.checkCode(REPAS, CS, 'repas').status).toBe('valid');
    expect(tx.checkCode(REPAS, CS, 'avant-repas').status).toBe('valid');
    expect(tx.checkCode(REPAS, CS, 'apres-repas').status).toBe('invalid');
    expect(tx.checkCode(REPAS, CS, 'coucher').status).toBe('invalid');
  });

  it('imported ValueSets, = property filters and concept lists of unloaded systems', () => {
    expect(tx.checkCode(MIXTES, CS, 'avant-repas').status).toBe('valid');
    expect(tx.checkCode(MIXTES, CS, 'apres-repas').status).toBe('valid');
    expect(tx.checkCode(MIXTES, 'http://loinc.org', '29463-7').status).toBe('valid');
  });

  it('codes of systems not available offline are not checked, never invalid', () => {
    expect(tx.checkCode(MIXTES, 'http://snomed.info/sct', '271649006')).toMatchObject({
      status: 'not-checked',
      reason: 'system-unknown',
    });
    expect(tx.checkCode('https://example.org/ValueSet/absent', CS, 'x')).toMatchObject({
      status: 'not-checked',
      reason: 'value-set-unknown',
    });
  });

  it('a code without system (code elements) is looked up in every enumerated system', () => {
    expect(
      tx.checkCode('http://hl7.org/fhir/ValueSet/observation-status|4.0.1', undefined, 'final').status,
    ).toBe('valid');
    expect(
      tx.checkCode('http://hl7.org/fhir/ValueSet/observation-status|4.0.1', undefined, 'done').status,
    ).toBe('invalid');
  });

  it('UCUM codes are checked by the UCUM library', () => {
    expect(tx.checkCode(UNITS, 'http://unitsofmeasure.org', 'mm[Hg]').status).toBe('valid');
    expect(tx.checkCode(UNITS, 'http://unitsofmeasure.org', 'kg/m2').status).toBe('valid');
    expect(tx.checkCode(UNITS, 'http://unitsofmeasure.org', 'mmHg').status).toBe('invalid');
  });

  it('codes of a complete code system', () => {
    expect(tx.checkCodeInSystem(CS, 'coucher').status).toBe('valid');
    expect(tx.checkCodeInSystem(CS, 'reveil').status).toBe('invalid');
    expect(tx.checkCodeInSystem('http://loinc.org', '29463-7').status).toBe('not-checked');
  });
});

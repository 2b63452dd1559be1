// The offline MES rules: each entry of the published error catalogue is anticipated with MES's own status and
// message, on Bundles and DocumentReferences the project wrote itself (test/fixtures/mes).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSimplifiedPublish } from '../../src/mes/documents.js';
import { checkMesuresBundle, parseIfNoneExist } from '../../src/mes/mesures.js';
import { fillTemplate, loadMesSpec } from '../../src/mes/spec.js';
import { applyPatch } from '../../src/checks/sandbox/patch.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/mes');
const read = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as Record<string, unknown>;
const spec = loadMesSpec();
const EDITOR_OID = '1.2.250.1.999.42';
const OBS = 'entry[resource.resourceType=Observation]';
const DEV = 'entry[resource.resourceType=Device]';

type Op = { op: 'set' | 'remove'; path: string; value?: unknown };
function violations(ops: Op[], base = 'bundle-bp.json') {
  return checkMesuresBundle(applyPatch(read(base), ops), { spec: spec.mesures, editorOid: EDITOR_OID });
}
/** What MES would answer for each violation: status, message, diagnostic. */
function answers(ops: Op[], base?: string) {
  return violations(ops, base).map((v) => ({
    status: v.status,
    message: v.entry?.message,
    diagnostic: v.entry?.diagnostic ? fillTemplate(v.entry.diagnostic, v.params) : v.id,
  }));
}

describe('MES mesures rules (the published error catalogue)', () => {
  it('accepts the valid blood-pressure and glucose Bundles', () => {
    expect(violations([])).toEqual([]);
    expect(violations([], 'bundle-glucose.json')).toEqual([]);
  });

  it.each<[string, Op[], { status: number; message: string; diagnostic: string }]>([
    [
      'a resource other than Observation/Device',
      [{ op: 'set', path: `${DEV}.resource.resourceType`, value: 'Patient' }],
      {
        status: 422,
        message: 'Bundle not valid.',
        diagnostic: 'Resource of type Patient is not acceptable with method POST.',
      },
    ],
    [
      'a PUT',
      [{ op: 'set', path: `${DEV}.request.method`, value: 'PUT' }],
      {
        status: 422,
        message: 'Bundle not valid.',
        diagnostic: 'Resource of type Device is not acceptable with method PUT.',
      },
    ],
    [
      'a Device without ifNoneExist',
      [{ op: 'remove', path: `${DEV}.request.ifNoneExist` }],
      {
        status: 422,
        message: 'Bundle not valid.',
        diagnostic: 'Bundle must contains one conditional creation of a device (POST + ifNoneExist)',
      },
    ],
    [
      'an ifNoneExist outside the MES pattern',
      [{ op: 'set', path: `${DEV}.request.ifNoneExist`, value: 'identifier=A4-C1-38' }],
      {
        status: 422,
        message: 'Bundle not valid.',
        diagnostic:
          'Device request must have a valid IfNoneExist attribute : identifier=urn:oid:<OID>|<DEVICE ID>',
      },
    ],
    [
      'no Observation',
      [{ op: 'remove', path: 'entry[0]' }],
      {
        status: 422,
        message: 'Bundle not valid.',
        diagnostic: 'Bundle must contains one observation creation (POST)',
      },
    ],
    [
      'no Observation.device.reference',
      [{ op: 'remove', path: `${OBS}.resource.device` }],
      {
        status: 422,
        message: 'Observation and Device link not valid.',
        diagnostic: 'Observation.device.reference is mandatory.',
      },
    ],
    [
      'a device reference to another id',
      [{ op: 'set', path: `${OBS}.resource.device.reference`, value: 'Device/other' }],
      {
        status: 422,
        message: 'Observation and Device link not valid.',
        diagnostic: 'Observation and device not linked by id (Observation.device.reference <-> Device.id)',
      },
    ],
    [
      'no Observation meta.profile',
      [{ op: 'remove', path: `${OBS}.resource.meta.profile` }],
      {
        status: 422,
        message: 'Observation resource not valid.',
        diagnostic: 'Observation must provide meta.profile value.',
      },
    ],
    [
      'a meta.source outside the editor root OID',
      [{ op: 'set', path: `${OBS}.resource.meta.source`, value: 'urn:oid:1.2.250.1.7' }],
      {
        status: 422,
        message: 'Observation resource not valid.',
        diagnostic:
          "Solution oid contains in Observation.meta.source don't belong to root editor oid (1.2.250.1.999.42).",
      },
    ],
    [
      'no value',
      [{ op: 'remove', path: `${OBS}.resource.component` }],
      {
        status: 422,
        message: 'Observation resource not valid.',
        diagnostic: 'Observation value quantity not provided.',
      },
    ],
    [
      'no subject.identifier',
      [{ op: 'remove', path: `${OBS}.resource.subject.identifier` }],
      {
        status: 422,
        message: 'Observation resource not valid.',
        diagnostic: 'Observation.subject.identifier is mandatory.',
      },
    ],
    [
      'no Device meta.profile',
      [{ op: 'remove', path: `${DEV}.resource.meta` }],
      {
        status: 422,
        message: 'Device resource not valid.',
        diagnostic: 'Device must provide meta.profile value.',
      },
    ],
  ])('refuses %s with the catalogue entry', (_name, ops, expected) => {
    expect(answers(ops)).toContainEqual(expected);
  });

  it('refuses a BMI creation', () => {
    const found = answers([
      {
        op: 'set',
        path: `${OBS}.resource.meta.profile`,
        value: [`${spec.mesures['canonical-base']}mesures-fr-observation-bmi`],
      },
      {
        op: 'set',
        path: `${OBS}.resource.code.coding`,
        value: [{ system: 'http://loinc.org', code: '39156-5' }],
      },
    ]);
    expect(found).toContainEqual({
      status: 422,
      message: 'Observation resource not valid.',
      diagnostic: 'Bmi observation cannot be created.',
    });
  });

  it('applies the glucose moment / numberOfDays rules by glucose type', () => {
    const glucose = (code: string, ext: Op[] = []) =>
      answers(
        [{ op: 'set', path: `${OBS}.resource.code.coding[0].code`, value: code }, ...ext],
        'bundle-glucose.json',
      ).map((a) => a.diagnostic);
    const days = {
      op: 'set' as const,
      path: `${OBS}.resource.extension[1]`,
      value: {
        url: spec.mesures.parameters.extensions['number-of-days'],
        valueCodeableConcept: { text: '14 jours' },
      },
    };
    expect(glucose('2345-7', [{ op: 'remove', path: `${OBS}.resource.extension` }])).toEqual([
      'Observation.extension.moment is mandatory.',
    ]);
    expect(glucose('2345-7', [days])).toEqual(['Observation.extension.numberOfDays cannot be added.']);
    expect(glucose('4548-4')).toEqual(['Observation.extension.moment cannot be added.']);
    expect(glucose('MED-969')).toEqual([
      'Observation.extension.moment cannot be added.',
      'Observation.extension.numberOfDays is mandatory.',
    ]);
    expect(
      glucose('MED-972', [
        { op: 'remove', path: `${OBS}.resource.extension` },
        { ...days, path: `${OBS}.resource.extension`, value: [days.value] },
      ]),
    ).toEqual([]);
  });

  it('warns about a legacy canonical and names the current one', () => {
    const found = violations([
      {
        op: 'set',
        path: `${OBS}.resource.meta.profile`,
        value: ['http://esante.gouv.fr/ci-sis/fhir/StructureDefinition/MesFrObservationBp'],
      },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: 'profile-legacy',
      severity: 'warning',
      params: { canonical: `${spec.mesures['canonical-base']}mesures-fr-observation-bp` },
    });
  });

  it('translates the Java ifNoneExist regex so that the IG example passes', () => {
    const param = spec.mesures.parameters['if-none-exist'];
    expect(parseIfNoneExist(spec.mesures, param.example)).toEqual({
      oid: '1.2.840.10004.1.1.1.0.0.1.0.0.1.2680',
      id: 'FE-ED-AB-AA-DE-AD-77-C5',
    });
    // Java rejects single-character groups, and the JavaScript reading of the original accepts a stray `]`.
    expect(parseIfNoneExist(spec.mesures, 'identifier=urn:oid:1|AB')).toBeUndefined();
    expect(new RegExp(param.original).test(param.example)).toBe(false);
  });
});

describe('PDSm simplified publish rules (ITI-105)', () => {
  const doc = read('document.json');
  const errors = (ops: Op[]) =>
    checkSimplifiedPublish(applyPatch(doc, ops), spec.documents).map((v) => `${v.status} ${v.id}`);

  it('accepts the valid DocumentReference', () => {
    expect(errors([])).toEqual([]);
  });

  it('refuses a body that is not a DocumentReference with 400', () => {
    expect(checkSimplifiedPublish({ resourceType: 'Binary' }, spec.documents).map((v) => v.status)).toEqual([
      400,
    ]);
  });

  it.each<[string, Op[], string]>([
    ['no embedded document', [{ op: 'remove', path: 'content[0].attachment.data' }], '422 data-missing'],
    [
      'data that is not base64',
      [{ op: 'set', path: 'content[0].attachment.data', value: 'not base64!' }],
      '422 data-not-base64',
    ],
    ['a wrong size', [{ op: 'set', path: 'content[0].attachment.size', value: 3 }], '422 size-mismatch'],
    ['a wrong hash', [{ op: 'set', path: 'content[0].attachment.hash', value: 'AAAA' }], '422 hash-mismatch'],
    [
      'a status other than current',
      [{ op: 'set', path: 'status', value: 'superseded' }],
      '422 status-current',
    ],
    [
      'no patient identifier',
      [{ op: 'set', path: 'subject', value: { display: 'Claire' } }],
      '422 subject-identifier',
    ],
    ['no author', [{ op: 'remove', path: 'author' }], '422 author-missing'],
    ['no masterIdentifier', [{ op: 'remove', path: 'masterIdentifier' }], '422 master-identifier'],
  ])('refuses %s', (_name, ops, expected) => {
    expect(errors(ops)).toContain(expected);
  });
});

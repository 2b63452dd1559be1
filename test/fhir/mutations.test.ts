// The mutation suite: valid resources, each mutated with one defect of a kind the validator must catch, and the
// error expected at the exact FHIRPath expression.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirContext } from '../../src/fhir/packages/context.js';
import type { ValidationIssue } from '../../src/fhir/validator/issue.js';
import { validateResource } from '../../src/fhir/validator/validate.js';
import { context, errors, fixtures, readJson, repoRoot, show } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bundleFile = path.join(repoRoot, 'examples/demo-editor/fhir/mesures/tension-arterielle.json');
const MES_BUNDLE =
  'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-bundle-flux-alimentation';
const TEST_PATIENT = 'https://mes-referencing.example/fhir/StructureDefinition/test-patient';

let mesures: FhirContext;
let local: FhirContext;

beforeAll(async () => {
  mesures = await context('ans.fhir.fr.mesures#3.1.0', 'hl7.fhir.fr.core#2.1.0');
  local = await context(path.join(fixtures, 'profiles'));
});

function bundle(): Json {
  return readJson(bundleFile);
}

function observation(b: Json): Json {
  return b.entry[0].resource;
}

function device(b: Json): Json {
  return b.entry[1].resource;
}

function validPatient(): Json {
  return {
    resourceType: 'Patient',
    meta: { profile: [TEST_PATIENT] },
    identifier: [
      { system: 'urn:oid:1.2.250.1.213.1.4.8', value: '1234567890123' },
      { system: 'urn:oid:1.2.250.1.999.42.1.3', value: 'P-42' },
    ],
    name: [{ family: 'Martin', given: ['Léa'] }],
    telecom: [{ system: 'phone', value: '0102030405', period: { start: '2020-01-01' } }],
    gender: 'female',
    birthDate: '1980-02-29',
  };
}

function expectError(issues: ValidationIssue[], messageId: string, expression: string): void {
  const found = errors(issues).filter((i) => i.messageId === messageId && i.expression === expression);
  expect(found, `expected ${messageId} at ${expression}, got:\n${show(issues)}`).not.toHaveLength(0);
}

describe('the valid resources the mutations start from', () => {
  it('the demo blood-pressure Bundle has no error', () => {
    expect(show(errors(validateResource(bundle(), { context: mesures, profiles: [MES_BUNDLE] })))).toBe('');
  });
  it('the test patient has no error against the project-written profile', () => {
    expect(show(errors(validateResource(validPatient(), { context: local })))).toBe('');
  });
});

describe('mutations of the mesures Bundle (each kind of defect, located)', () => {
  const cases: [string, (b: Json) => void, string, string][] = [
    [
      'missing required element',
      (b) => delete observation(b).status,
      'fhir.v.min',
      'Bundle.entry[0].resource.status',
    ],
    [
      'bad primitive (dateTime)',
      (b) => (observation(b).effectiveDateTime = '2026-13-03T08:15:00+01:00'),
      'fhir.v.format-type',
      'Bundle.entry[0].resource.effectiveDateTime',
    ],
    [
      'wrong JSON type',
      (b) => (observation(b).status = 5),
      'fhir.v.primitive-kind',
      'Bundle.entry[0].resource.status',
    ],
    [
      'choice type not allowed',
      (b) => (observation(b).effectiveString = 'hier'),
      'fhir.v.choice-type',
      'Bundle.entry[0].resource.effectiveString',
    ],
    [
      'fixed value violated',
      (b) => (observation(b).component[0].valueQuantity.code = 'kPa'),
      'fhir.v.fixed',
      'Bundle.entry[0].resource.component[0].valueQuantity.code',
    ],
    [
      'pattern violated',
      (b) => (observation(b).category[0].coding[0].display = 'Vital Signs'),
      'fhir.v.pattern',
      'Bundle.entry[0].resource.category[0].coding[0].display',
    ],
    [
      'required slice missing',
      (b) => observation(b).component.splice(1, 1),
      'fhir.v.slice-min',
      'Bundle.entry[0].resource.component[0]',
    ],
    [
      'slice over its max',
      (b) => observation(b).component.push(structuredClone(observation(b).component[0])),
      'fhir.v.slice-max',
      'Bundle.entry[0].resource.component[2]',
    ],
    [
      'prohibited element (max 0)',
      (b) =>
        (observation(b).valueQuantity = {
          value: 1,
          unit: 'mm[Hg]',
          system: 'http://unitsofmeasure.org',
          code: 'mm[Hg]',
        }),
      'fhir.v.prohibited',
      'Bundle.entry[0].resource.valueQuantity',
    ],
    [
      'required binding violated',
      (b) => (observation(b).status = 'done'),
      'fhir.v.binding-required',
      'Bundle.entry[0].resource.status',
    ],
    [
      'invariant broken (obs-3)',
      (b) => (observation(b).referenceRange = [{ type: { text: 'normal' } }]),
      'fhir.v.invariant',
      'Bundle.entry[0].resource.referenceRange[0]',
    ],
    [
      'unknown element',
      (b) => (observation(b).colour = 'blue'),
      'fhir.v.unknown-element',
      'Bundle.entry[0].resource.colour',
    ],
    [
      'wrong reference target',
      (b) => (observation(b).subject = { reference: 'Device/1d7e4b62-8c3f-4a9e-b2d1-5e6f7a8b9c0d' }),
      'fhir.v.reference-target',
      'Bundle.entry[0].resource.subject.reference',
    ],
    [
      'unknown modifierExtension',
      (b) =>
        (observation(b).modifierExtension = [
          { url: 'https://example.org/fhir/StructureDefinition/not-really', valueBoolean: true },
        ]),
      'fhir.v.modifier-extension-unknown',
      'Bundle.entry[0].resource.modifierExtension[0]',
    ],
    [
      'urn:uuid reference not in the Bundle',
      (b) => (observation(b).subject = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
      'fhir.v.reference-unresolved',
      'Bundle.entry[0].resource.subject.reference',
    ],
    [
      'extension on the wrong element',
      (b) =>
        (device(b).extension = [
          {
            url: 'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-reason-for-measurement',
            valueString: 'x',
          },
        ]),
      'fhir.v.extension-context',
      'Bundle.entry[1].resource.extension[0]',
    ],
    [
      'extension value of the wrong type',
      (b) =>
        (observation(b).extension = [
          {
            url: 'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-reason-for-measurement',
            valueBoolean: true,
          },
        ]),
      'fhir.v.choice-type',
      'Bundle.entry[0].resource.extension[0].valueBoolean',
    ],
    [
      'array where a single value is expected',
      (b) => (observation(b).subject = [observation(b).subject]),
      'fhir.v.unexpected-array',
      'Bundle.entry[0].resource.subject',
    ],
    [
      'single value where an array is expected',
      (b) => (observation(b).category = observation(b).category[0]),
      'fhir.v.expected-array',
      'Bundle.entry[0].resource.category',
    ],
    [
      'empty object',
      (b) => (observation(b).code = {}),
      'fhir.v.empty-element',
      'Bundle.entry[0].resource.code',
    ],
    [
      'null outside an aligned array',
      (b) => (observation(b).issued = null),
      'fhir.v.null',
      'Bundle.entry[0].resource.issued',
    ],
    [
      'empty array',
      (b) => (observation(b).performer = []),
      'fhir.v.empty-array',
      'Bundle.entry[0].resource.performer',
    ],
    [
      'UCUM unit that does not exist (invariant of the code system)',
      (b) =>
        (observation(b).component[0].valueQuantity = {
          value: 1,
          unit: 'x',
          system: 'http://unitsofmeasure.org',
          code: 'mm[Hg]',
          comparator: 'about',
        }),
      'fhir.v.binding-required',
      'Bundle.entry[0].resource.component[0].valueQuantity.comparator',
    ],
    [
      'Bundle slice missing (no Observation entry)',
      (b) => b.entry.splice(0, 1),
      'fhir.v.slice-min',
      'Bundle.entry[0]',
    ],
    [
      'primitive extension misaligned',
      (b) => (observation(b)._status = [{ extension: [] }]),
      'fhir.v.unexpected-array',
      'Bundle.entry[0].resource.status',
    ],
  ];
  for (const [kind, mutate, messageId, expression] of cases) {
    it(kind, () => {
      const b = bundle();
      mutate(b);
      expectError(validateResource(b, { context: mesures, profiles: [MES_BUNDLE] }), messageId, expression);
    });
  }
});

describe('slicing rules of a project-written profile', () => {
  it('closed slicing: an identifier of no slice is an error', () => {
    const p = validPatient();
    p.identifier.push({ system: 'urn:oid:1.2.3', value: 'x' });
    expectError(validateResource(p, { context: local }), 'fhir.v.slice-closed', 'Patient.identifier[2]');
  });
  it('ordered slicing: slices out of order are an error', () => {
    const p = validPatient();
    p.identifier.reverse();
    expectError(validateResource(p, { context: local }), 'fhir.v.slice-order', 'Patient.identifier[1]');
  });
  it('exists discriminator: two dated telecoms exceed the dated slice', () => {
    const p = validPatient();
    p.telecom.push({ system: 'email', value: 'lea@example.org', period: { start: '2021-01-01' } });
    expectError(validateResource(p, { context: local }), 'fhir.v.slice-max', 'Patient.telecom[1]');
  });
  it('exists discriminator: undated telecoms are allowed in their own slice', () => {
    const p = validPatient();
    p.telecom.push({ system: 'email', value: 'lea@example.org' }, { system: 'phone', value: '0607080910' });
    expect(show(errors(validateResource(p, { context: local })))).toBe('');
  });
  it('invariant of the profile: a patient without name nor identifier', () => {
    const p = validPatient();
    delete p.name;
    delete p.identifier;
    const issues = validateResource(p, { context: local });
    expectError(issues, 'fhir.v.invariant', 'Patient');
    expect(errors(issues).find((i) => i.constraint === 'test-1')?.profile).toBe(TEST_PATIENT);
  });
  it('type discriminator: deceasedDateTime goes to its slice and is checked as a dateTime', () => {
    const p = validPatient();
    p.deceasedDateTime = '2024-02-30';
    expectError(validateResource(p, { context: local }), 'fhir.v.format-type', 'Patient.deceasedDateTime');
  });
  it('messages come in French by default and in English on request', () => {
    const p = validPatient();
    p.colour = 'blue';
    expect(errors(validateResource(p, { context: local }))[0]?.message).toContain('élément inconnu');
    expect(errors(validateResource(p, { context: local, lang: 'en' }))[0]?.message).toContain(
      'unknown element',
    );
  });
});

describe('the profile-validation hook other engines plug in (the emulator)', () => {
  it('returns OperationOutcome-shaped issues for the profile asked', async () => {
    const { profileValidationHook } = await import('../../src/fhir/validator/profile-validator.js');
    const hook = profileValidationHook(mesures);
    const obs = observation(bundle());
    expect((await hook(obs, obs.meta.profile[0])).filter((i) => i.severity === 'error')).toEqual([]);
    obs.component.pop();
    const issues = await hook(
      obs,
      'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-bp',
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'required',
        expression: 'Observation.component[0]',
      }),
    );
  });
});

// Profiles written as differentials only (what an editor writes by hand or in FSH): their snapshot is generated
// from the base's, recursively, and resources are validated against it; a differential that does what a
// constraint cannot do to its base is reported on the profile, located in its file.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirContext } from '../../src/fhir/packages/context.js';
import { snapshotOf } from '../../src/fhir/snapshot/snapshots.js';
import type { ValidationIssue } from '../../src/fhir/validator/issue.js';
import { structureFor } from '../../src/fhir/validator/structure.js';
import { validateResource } from '../../src/fhir/validator/validate.js';
import { context, errors, fixtures, show } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = 'https://mes-referencing.example/fhir/StructureDefinition/';
const VITAL = `${BASE}test-vital-observation`;
const RESTING = `${BASE}test-resting-heart-rate`;
const POSITION = `${BASE}test-body-position`;
const BAD = `${BASE}test-bad-patient`;

let ctx: FhirContext;
let invalid: FhirContext;

beforeAll(async () => {
  ctx = await context(path.join(fixtures, 'differential'));
  invalid = await context(path.join(fixtures, 'differential-invalid'));
});

function snapshot(url: string): Json[] {
  const ref = ctx.resolve(url);
  if (!ref) throw new Error(url);
  return (snapshotOf(ctx, ref)?.elements ?? []) as Json[];
}

function element(url: string, id: string): Json | undefined {
  return snapshot(url).find((e) => e.id === id);
}

function heartRate(): Json {
  return {
    resourceType: 'Observation',
    meta: { profile: [RESTING] },
    extension: [
      {
        url: POSITION,
        extension: [
          { url: 'position', valueCode: 'sitting' },
          { url: 'atRest', valueBoolean: true },
        ],
      },
    ],
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-03-01T08:00:00+01:00',
    valueQuantity: { value: 62, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  };
}

function expectError(issues: ValidationIssue[], messageId: string, expression: string): void {
  const found = errors(issues).filter((i) => i.messageId === messageId && i.expression === expression);
  expect(found, `expected ${messageId} at ${expression}, got:\n${show(issues)}`).not.toHaveLength(0);
}

describe('snapshot generation from a differential', () => {
  it('keeps the base elements in order and applies the differential to them', () => {
    const ids = snapshot(VITAL).map((e) => e.id);
    expect(ids.slice(0, 3)).toEqual(['Observation', 'Observation.id', 'Observation.meta']);
    expect(element(VITAL, 'Observation.subject')).toMatchObject({
      min: 1,
      type: [{ code: 'Reference', targetProfile: ['http://hl7.org/fhir/StructureDefinition/Patient'] }],
    });
    expect(element(VITAL, 'Observation.code')?.mustSupport).toBe(true);
    expect(element(VITAL, 'Observation.interpretation')).toMatchObject({
      max: '1',
      binding: { strength: 'required' },
    });
    // Inherited invariants stay, the profile's own are added.
    const keys = (element(VITAL, 'Observation')?.constraint as Json[]).map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['dom-2', 'obs-6', 'obs-7', 'test-obs-1']));
  });

  it('slices: the slice entry and its children, in IG Publisher order', () => {
    const ids = snapshot(VITAL).map((e) => e.id);
    const at = ids.indexOf('Observation.code.coding:loinc');
    expect(at).toBeGreaterThan(ids.indexOf('Observation.code.coding'));
    expect(ids.slice(at, at + 4)).toEqual([
      'Observation.code.coding:loinc',
      'Observation.code.coding:loinc.id',
      'Observation.code.coding:loinc.extension',
      'Observation.code.coding:loinc.system',
    ]);
    expect(element(VITAL, 'Observation.code.coding')?.slicing).toMatchObject({ rules: 'open' });
    expect(element(VITAL, 'Observation.code.coding:loinc')).toMatchObject({
      sliceName: 'loinc',
      min: 1,
      max: '1',
    });
    expect(element(VITAL, 'Observation.code.coding:loinc.code')).toMatchObject({
      fixedCode: '8867-4',
      min: 1,
    });
    expect(element(VITAL, 'Observation.category:vs')?.patternCodeableConcept).toBeDefined();
  });

  it('a choice narrowed to one type: the type slice and the children of that type', () => {
    expect(element(VITAL, 'Observation.value[x]')?.type).toEqual([{ code: 'Quantity' }]);
    expect(element(VITAL, 'Observation.value[x]')?.slicing).toMatchObject({
      discriminator: [{ type: 'type', path: '$this' }],
      rules: 'closed',
    });
    // `Observation.valueQuantity.value` (written without id) and `Observation.value[x]:valueQuantity.unit` land
    // in the same type slice.
    expect(element(VITAL, 'Observation.value[x]:valueQuantity')?.type).toEqual([{ code: 'Quantity' }]);
    expect(element(VITAL, 'Observation.value[x]:valueQuantity.value')).toMatchObject({
      min: 1,
      minValueDecimal: 0,
      maxValueDecimal: 400,
    });
    expect(element(VITAL, 'Observation.value[x]:valueQuantity.unit')).toMatchObject({
      min: 1,
      maxLength: 10,
    });
  });

  it('children of a datatype are expanded under the element the differential reaches into', () => {
    expect(element(VITAL, 'Observation.note.text')).toMatchObject({
      maxLength: 40,
      type: [{ code: 'markdown' }],
    });
    expect(element(VITAL, 'Observation.note.time')).toBeDefined();
    expect(element(VITAL, 'Observation.component')?.max).toBe('0');
  });

  it('extension slices get url slicing; a complex extension definition gets its sub-extension slices', () => {
    expect(element(VITAL, 'Observation.extension')?.slicing).toMatchObject({
      discriminator: [{ type: 'value', path: 'url' }],
    });
    expect(element(VITAL, 'Observation.extension:position')?.type).toEqual([
      { code: 'Extension', profile: [POSITION] },
    ]);
    expect(element(POSITION, 'Extension.extension:position.value[x]')).toMatchObject({
      min: 1,
      type: [{ code: 'code' }],
      binding: { strength: 'required' },
    });
    expect(element(POSITION, 'Extension.extension:atRest.url')?.fixedUri).toBe('atRest');
  });

  it('profile on profile: both generated, the derived one from the generated base', () => {
    expect(element(RESTING, 'Observation.extension:position')?.min).toBe(1);
    expect(element(RESTING, 'Observation.value[x]:valueQuantity.value')).toMatchObject({
      min: 1,
      maxValueDecimal: 220,
    });
    expect(element(RESTING, 'Observation.code.coding:loinc.code')?.fixedCode).toBe('8867-4');
    const structure = structureFor(ctx, RESTING);
    expect(structure?.generated).toBe(true);
    expect(structure?.problems).toEqual([]);
  });
});

describe('validating against generated snapshots', () => {
  it('a conformant resource has no error', () => {
    expect(show(errors(validateResource(heartRate(), { context: ctx })))).toBe('');
  });

  const cases: [string, (o: Json) => void, string, string][] = [
    [
      'slice child fixed value',
      (o) => (o.code.coding[0].code = '8480-6'),
      'fhir.v.slice-min',
      'Observation.code.coding[0]',
    ],
    [
      'type slice child required',
      (o) => delete o.valueQuantity.unit,
      'fhir.v.min',
      'Observation.valueQuantity.unit',
    ],
    [
      'maxValue of the derived profile',
      (o) => (o.valueQuantity.value = 250),
      'fhir.v.max-value',
      'Observation.valueQuantity.value',
    ],
    [
      'minValue of the base profile',
      (o) => (o.valueQuantity.value = -1),
      'fhir.v.min-value',
      'Observation.valueQuantity.value',
    ],
    [
      'choice type not allowed',
      (o) => ((o.valueString = 'x'), delete o.valueQuantity),
      'fhir.v.choice-type',
      'Observation.valueString',
    ],
    [
      'required extension of the derived profile',
      (o) => delete o.extension,
      'fhir.v.slice-min',
      'Observation.extension',
    ],
    [
      'sub-extension value outside its required binding',
      (o) => (o.extension[0].extension[0].valueCode = 'flying'),
      'fhir.v.binding-required',
      'Observation.extension[0].extension[0].valueCode',
    ],
    ['new invariant of the profile', (o) => delete o.effectiveDateTime, 'fhir.v.invariant', 'Observation'],
    [
      'element prohibited by the derived profile',
      (o) => (o.note = [{ text: 'x' }]),
      'fhir.v.prohibited',
      'Observation.note[0]',
    ],
    [
      'target profile narrowed',
      (o) => (o.subject = { reference: 'Group/g1' }),
      'fhir.v.reference-target',
      'Observation.subject.reference',
    ],
  ];
  for (const [kind, mutate, messageId, expression] of cases) {
    it(kind, () => {
      const o = heartRate();
      mutate(o);
      expectError(validateResource(o, { context: ctx }), messageId, expression);
    });
  }
});

describe('a differential its base does not allow', () => {
  const issues = () =>
    validateResource(
      { resourceType: 'Patient', meta: { profile: [BAD] }, gender: 'female' },
      { context: invalid, lang: 'en' },
    );

  it('each problem is an error on the profile, located in its file', () => {
    const found = issues().filter((i) => i.messageId.startsWith('fhir.v.snapshot.'));
    expect(found.map((i) => [i.messageId, i.line]).sort()).toEqual([
      ['fhir.v.snapshot.binding-weakened', 21],
      ['fhir.v.snapshot.max-above-base', 17],
      ['fhir.v.snapshot.min-below-base', 22],
      ['fhir.v.snapshot.type-not-allowed', 19],
      ['fhir.v.snapshot.unknown-path', 18],
    ]);
    for (const issue of found) {
      expect(issue).toMatchObject({ severity: 'error', profile: BAD, column: 7 });
      expect(issue.file).toMatch(/differential-invalid[/\\]StructureDefinition-test-bad-patient\.json$/);
      expect(issue.message).toContain(BAD);
    }
    expect(found.find((i) => i.messageId.endsWith('max-above-base'))?.message).toContain('Patient.gender');
  });

  it('the problems are reported once per document, and the rest of the profile still applies', () => {
    const all = issues();
    expect(all.filter((i) => i.messageId === 'fhir.v.snapshot.unknown-path')).toHaveLength(1);
    // Patient.name.given max 1 is a valid narrowing: it applies.
    const twoGiven = validateResource(
      { resourceType: 'Patient', meta: { profile: [BAD] }, name: [{ given: ['A', 'B'] }] },
      { context: invalid },
    );
    expectError(twoGiven, 'fhir.v.max', 'Patient.name[0].given[1]');
  });

  it('a profile whose base cannot be found has no snapshot: an error naming it', () => {
    const url = `${BASE}test-orphan-patient`;
    const found = validateResource(
      { resourceType: 'Patient', meta: { profile: [url] } },
      { context: invalid, lang: 'en' },
    );
    const issue = found.find((i) => i.messageId === 'fhir.v.profile-no-snapshot');
    expect(issue).toMatchObject({ severity: 'error', expression: 'Patient.meta.profile[0]' });
    expect(issue?.message).toContain(url);
  });
});

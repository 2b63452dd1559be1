// The R4 rules the HL7 validator enforces, each with the severity it gives them: one valid resource, one mutation
// per rule, the issue expected at its exact FHIRPath expression.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FhirContext } from '../../src/fhir/packages/context.js';
import { describeProblem } from '../../src/fhir/packages/problems.js';
import type { ValidationIssue } from '../../src/fhir/validator/issue.js';
import type { ValidateOptions } from '../../src/fhir/validator/validate.js';
import { validateResource } from '../../src/fhir/validator/validate.js';
import { translator } from '../../src/messages.js';
import { context, errors, fixtures, show } from './helpers.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let core: FhirContext;
let frCore: FhirContext;
let global: FhirContext;

beforeAll(async () => {
  core = await context();
  frCore = await context('hl7.fhir.fr.core#2.1.0');
  global = await context(path.join(fixtures, 'global-profile'));
});

function validate(resource: unknown, options: Partial<ValidateOptions> = {}): ValidationIssue[] {
  return validateResource(resource, { context: core, lang: 'en', ...options });
}

function expectIssue(
  issues: ValidationIssue[],
  severity: ValidationIssue['severity'],
  messageId: string,
  expression: string,
): ValidationIssue {
  const found = issues.find((i) => i.messageId === messageId && i.expression === expression);
  expect(found, `expected ${messageId} at ${expression}, got:\n${show(issues)}`).toBeDefined();
  expect(found?.severity, show(issues)).toBe(severity);
  return found as ValidationIssue;
}

function expectNoErrors(issues: ValidationIssue[]): void {
  expect(show(errors(issues))).toBe('');
}

describe('Resource.id and the elements that are not FHIR primitives', () => {
  it('Resource.id follows the id format (R4 types it System.String)', () => {
    expectNoErrors(validate({ resourceType: 'Patient', id: 'p-1.a' }));
    expectIssue(
      validate({ resourceType: 'Patient', id: 'bad id!' }),
      'error',
      'fhir.v.resource-id',
      'Patient.id',
    );
    expectIssue(
      validate({ resourceType: 'Patient', id: 'x'.repeat(65) }),
      'error',
      'fhir.v.resource-id',
      'Patient.id',
    );
  });

  it('no extension on Resource.id, Element.id or Extension.url', () => {
    const extension = { extension: [{ url: 'http://example.org/x', valueString: 'y' }] };
    expectIssue(
      validate({ resourceType: 'Patient', id: 'p', _id: extension }),
      'error',
      'fhir.v.no-extension-allowed',
      'Patient.id',
    );
    const url = {
      resourceType: 'Patient',
      extension: [{ url: 'http://example.org/a', _url: extension, valueString: 'b' }],
    };
    expectIssue(validate(url), 'error', 'fhir.v.no-extension-allowed', 'Patient.extension[0].url');
  });

  it('a string over 1 MB is an error; a string of spaces only, a warning', () => {
    const long = validate({ resourceType: 'Patient', name: [{ text: 'a'.repeat(1024 * 1024 + 1) }] });
    expectIssue(long, 'error', 'fhir.v.string-too-long', 'Patient.name[0].text');
    const blank = validate({ resourceType: 'Patient', name: [{ text: '   ' }] });
    expectIssue(blank, 'warning', 'fhir.v.format-whitespace', 'Patient.name[0].text');
    expectNoErrors(blank);
  });
});

describe('Attachment data against its size and hash', () => {
  const data = Buffer.from('hello, world').toString('base64');
  const hash = 't+I+wpryKwtOQdox6GjVciYSHIQ='; // SHA-1 of "hello, world"
  const attached = (extra: Json) => ({
    resourceType: 'DocumentReference',
    status: 'current',
    content: [{ attachment: { contentType: 'text/plain', data, ...extra } }],
  });

  it('size and hash that agree with the data pass', () => {
    expectNoErrors(validate(attached({ size: 12, hash })));
  });
  it('a size that is not the decoded length of data is an error', () => {
    const issues = validate(attached({ size: 250000 }));
    expectIssue(issues, 'error', 'fhir.v.attachment-size', 'DocumentReference.content[0].attachment');
  });
  it('a hash that is not the SHA-1 of data is an error', () => {
    const issues = validate(attached({ hash: '2jmj7l5rSw0yVb/vlWAYkK/YBwk=' }));
    expectIssue(issues, 'error', 'fhir.v.attachment-hash', 'DocumentReference.content[0].attachment');
  });
});

describe('extensions whose definition cannot be found', () => {
  const patient = (url: string, modifier = false) => ({
    resourceType: 'Patient',
    [modifier ? 'modifierExtension' : 'extension']: [{ url, valueString: 'x' }],
  });

  it('are errors by default, as the HL7 validator reports them', () => {
    const issues = validate(patient('https://editor.example.fr/fhir/StructureDefinition/unknown'));
    expectIssue(issues, 'error', 'fhir.v.extension-unknown', 'Patient.extension[0]');
  });
  it('can be relaxed to warnings or ignored, or allowed under the domains given', () => {
    const url = 'https://editor.example.fr/fhir/StructureDefinition/unknown';
    expectIssue(
      validate(patient(url), { unknownExtensions: 'warning' }),
      'warning',
      'fhir.v.extension-unknown',
      'Patient.extension[0]',
    );
    expect(
      validate(patient(url), { unknownExtensions: 'ignore' }).filter(
        (i) => i.messageId === 'fhir.v.extension-unknown',
      ),
    ).toEqual([]);
    const allowed = validate(patient(url), { extensionDomains: ['https://editor.example.fr/'] });
    expect(allowed.filter((i) => i.messageId === 'fhir.v.extension-unknown')).toEqual([]);
    expectNoErrors(allowed);
  });
  it('are allowed under example domains', () => {
    expectNoErrors(validate(patient('http://example.org/fhir/StructureDefinition/anything')));
  });
  it('an unknown modifier extension is an error whatever the policy', () => {
    const issues = validate(patient('https://editor.example.fr/fhir/StructureDefinition/unknown', true), {
      unknownExtensions: 'ignore',
    });
    expectIssue(issues, 'error', 'fhir.v.modifier-extension-unknown', 'Patient.modifierExtension[0]');
  });
  it('one under a declared dependency that is not available offline is information "not checked"', () => {
    // FR Core 2.1.0 declares hl7.fhir.uv.extensions.r4#5.1.0, which defines extensions under the core namespace.
    const url = 'http://hl7.org/fhir/StructureDefinition/not-in-r4-core';
    const issue = expectIssue(
      validate(patient(url), { context: frCore }),
      'information',
      'fhir.v.extension-not-checked',
      'Patient.extension[0]',
    );
    expect(issue.message).toContain('hl7.fhir.uv.extensions.r4#5.1.0');
    // Without that declared dependency, the same extension is unknown.
    expectIssue(validate(patient(url)), 'error', 'fhir.v.extension-unknown', 'Patient.extension[0]');
  });
  it('core extensions of another FHIR version are known, their content not checked', () => {
    const issues = validate(
      patient('http://hl7.org/fhir/5.0/StructureDefinition/extension-Patient.birthDate'),
    );
    expectIssue(issues, 'information', 'fhir.v.extension-cross-version', 'Patient.extension[0]');
    expectNoErrors(issues);
  });
});

describe('profiles the HL7 validator applies without being asked', () => {
  const weight = (quantity: Json) => ({
    resourceType: 'Observation',
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    subject: { reference: 'Patient/p' },
    effectiveDateTime: '2026-03-01',
    valueQuantity: quantity,
  });

  it('an Observation with a vital-sign LOINC code is checked against that R4 vital signs profile', () => {
    expectNoErrors(
      validate(weight({ value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' })),
    );
    const issues = validate(weight({ value: 70, system: 'http://unitsofmeasure.org', code: 'kg' }));
    const missing = expectIssue(issues, 'error', 'fhir.v.min', 'Observation.valueQuantity.unit');
    expect(missing.profile).toBe('http://hl7.org/fhir/StructureDefinition/bodyweight');
  });

  it('the global profiles of a loaded ImplementationGuide apply to every resource of their type', () => {
    const issues = validate({ resourceType: 'Patient', gender: 'female' }, { context: global });
    const missing = expectIssue(issues, 'error', 'fhir.v.min', 'Patient.name');
    expect(missing.profile).toBe(
      'https://mes-referencing.example/fhir/StructureDefinition/test-named-patient',
    );
  });
});

describe('constraints the FHIRPath engine cannot evaluate offline', () => {
  it('are reported once, with how many times they could not be evaluated', () => {
    const patient = { resourceType: 'Patient', name: [{ family: 'A' }, { family: 'B' }, { family: 'C' }] };
    const notChecked = validate(patient, { context: global }).filter(
      (i) => i.messageId === 'fhir.v.invariant-not-checked',
    );
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0]).toMatchObject({ severity: 'information', constraint: 'test-name-1', count: 3 });
  });
});

describe('Bundle rules', () => {
  const entry = (fullUrl: string | undefined, resource: Json, extra: Json = {}) => ({
    ...(fullUrl ? { fullUrl } : {}),
    resource,
    ...extra,
  });
  const collection = (entries: Json[], extra: Json = {}) => ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: entries,
    ...extra,
  });

  it('a fullUrl is an absolute URL', () => {
    const issues = validate(collection([entry('Patient/p1', { resourceType: 'Patient', id: 'p1' })]));
    expectIssue(issues, 'error', 'fhir.v.bundle-fullurl-absolute', 'Bundle.entry[0].fullUrl');
  });
  it('a RESTful fullUrl agrees with the resource type and id', () => {
    const ok = validate(
      collection([entry('http://x.fr/fhir/Patient/p1', { resourceType: 'Patient', id: 'p1' })]),
    );
    expectNoErrors(ok);
    const other = validate(
      collection([entry('http://x.fr/fhir/Patient/p2', { resourceType: 'Patient', id: 'p1' })]),
    );
    expectIssue(other, 'error', 'fhir.v.bundle-fullurl-id', 'Bundle.entry[0].fullUrl');
    const noId = validate(collection([entry('http://x.fr/fhir/Patient/p2', { resourceType: 'Patient' })]));
    expectIssue(noId, 'error', 'fhir.v.bundle-fullurl-no-id', 'Bundle.entry[0].fullUrl');
  });
  it('every entry has a fullUrl, except in transactions and batches', () => {
    expectIssue(
      validate(collection([entry(undefined, { resourceType: 'Patient' })])),
      'error',
      'fhir.v.bundle-fullurl-required',
      'Bundle.entry[0]',
    );
    const transaction = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Patient' } }],
    };
    expectNoErrors(validate(transaction));
  });
  it('a self link at most once; paging links only in searches', () => {
    const self = collection([], {
      link: [
        { relation: 'self', url: 'http://x.fr/a' },
        { relation: 'self', url: 'http://x.fr/b' },
      ],
    });
    expectIssue(validate(self), 'error', 'fhir.v.bundle-link-duplicate', 'Bundle.link[1].relation');
    const next = collection([], { link: [{ relation: 'next', url: 'http://x.fr/b' }] });
    expectIssue(validate(next), 'error', 'fhir.v.bundle-link-paging', 'Bundle.link[0].relation');
  });
  it('the same resource twice is an error (not in histories)', () => {
    const twice = collection([
      entry('urn:uuid:00000000-0000-4000-8000-000000000001', { resourceType: 'Patient', id: 'p1' }),
      entry('urn:uuid:00000000-0000-4000-8000-000000000002', { resourceType: 'Patient', id: 'p1' }),
    ]);
    expectIssue(validate(twice), 'error', 'fhir.v.bundle-duplicate-resource', 'Bundle.entry[1]');
  });
  it('a reference that matches several entries is ambiguous', () => {
    const bundle = collection([
      entry('http://x.fr/fhir/Patient/p1', { resourceType: 'Patient', id: 'p1', meta: { versionId: '1' } }),
      entry('http://x.fr/fhir/Patient/p1', { resourceType: 'Patient', id: 'p1', meta: { versionId: '2' } }),
      entry('http://x.fr/fhir/Observation/o1', {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: 'Patient/p1' },
      }),
    ]);
    expectIssue(
      validate(bundle),
      'error',
      'fhir.v.reference-ambiguous',
      'Bundle.entry[2].resource.subject.reference',
    );
  });

  const composition = (subject: string) => ({
    resourceType: 'Composition',
    id: 'c1',
    status: 'final',
    type: { text: 'note' },
    date: '2026-03-01',
    title: 'Note',
    author: [{ display: 'Dr X' }],
    subject: { reference: subject },
  });
  const documentBundle = (entries: Json[]) => ({
    resourceType: 'Bundle',
    type: 'document',
    identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:00000000-0000-4000-8000-0000000000aa' },
    timestamp: '2026-03-01T10:00:00+01:00',
    entry: entries,
  });

  it('a document: the Composition finds what it points to in the Bundle, and every entry is reachable', () => {
    const patient = entry('urn:uuid:00000000-0000-4000-8000-000000000001', {
      resourceType: 'Patient',
      id: 'p1',
    });
    const good = documentBundle([
      entry(
        'urn:uuid:00000000-0000-4000-8000-0000000000c1',
        composition('urn:uuid:00000000-0000-4000-8000-000000000001'),
      ),
      patient,
    ]);
    expectNoErrors(validate(good));
    const missing = documentBundle([
      entry(
        'urn:uuid:00000000-0000-4000-8000-0000000000c1',
        composition('urn:uuid:00000000-0000-4000-8000-000000000009'),
      ),
      patient,
    ]);
    const issues = validate(missing);
    expectIssue(
      issues,
      'error',
      'fhir.v.bundle-reference-missing',
      'Bundle.entry[0].resource.subject.reference',
    );
    expectIssue(issues, 'error', 'fhir.v.bundle-entry-orphan-document', 'Bundle.entry[1]');
  });
  it('a document whose first entry is not a Composition breaks bdl-11 (evaluated natively)', () => {
    const issues = validate(
      documentBundle([
        entry('urn:uuid:00000000-0000-4000-8000-000000000001', { resourceType: 'Patient', id: 'p1' }),
      ]),
    );
    expect(errors(issues).some((i) => i.constraint === 'bdl-11' && i.expression === 'Bundle')).toBe(true);
  });
  it('a message: MessageHeader.focus is in the Bundle; an unreachable entry is a warning', () => {
    const header = {
      resourceType: 'MessageHeader',
      id: 'm1',
      eventCoding: { system: 'http://example.org/events', code: 'x' },
      source: { endpoint: 'http://x.fr/source' },
      focus: [{ reference: 'urn:uuid:00000000-0000-4000-8000-000000000009' }],
    };
    const message = {
      resourceType: 'Bundle',
      type: 'message',
      timestamp: '2026-03-01T10:00:00+01:00',
      entry: [
        entry('urn:uuid:00000000-0000-4000-8000-0000000000e1', header),
        entry('urn:uuid:00000000-0000-4000-8000-000000000001', { resourceType: 'Patient', id: 'p1' }),
      ],
    };
    const issues = validate(message);
    expectIssue(
      issues,
      'error',
      'fhir.v.bundle-reference-missing',
      'Bundle.entry[0].resource.focus[0].reference',
    );
    expectIssue(issues, 'warning', 'fhir.v.bundle-entry-orphan-message', 'Bundle.entry[1]');
  });
});

describe('no silent downgrade', () => {
  it('an unknown element is an error even under a profile of a substituted dependency; the substitution names both versions', async () => {
    // PDSm4DMP declares PDSm 3.1.0; only 3.1.1 is available and is loaded in its place.
    const pdsm4dmp = await context('ans.fhir.fr.pdsm4dmp#0.1.0');
    const substitution = pdsm4dmp.problems.find(
      (p) => p.kind === 'substituted-dependency' && p.spec === 'ans.fhir.fr.pdsm#3.1.0',
    );
    expect(substitution?.substitute).toBe('ans.fhir.fr.pdsm#3.1.1');
    expect(describeProblem(substitution!, translator('en'))).toMatch(
      /ans\.fhir\.fr\.pdsm#3\.1\.0.*ans\.fhir\.fr\.pdsm#3\.1\.1/,
    );
    const issues = validate(
      {
        resourceType: 'DocumentReference',
        meta: {
          profile: [
            'https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-simplified-publish',
          ],
        },
        colour: 'blue',
      },
      { context: pdsm4dmp },
    );
    expectIssue(issues, 'error', 'fhir.v.unknown-element', 'DocumentReference.colour');
    expect(issues.some((i) => i.messageId === 'fhir.v.substituted-profile')).toBe(false);
  });
});

describe('slicing a primitive on its value', () => {
  it('the discriminator path `value` designates the primitive itself (PhdDevice meta.profile:phdProfile)', async () => {
    const phd = await context('hl7.fhir.uv.phd#1.0.0');
    const device = (profiles: string[]) => ({
      resourceType: 'Device',
      meta: { profile: profiles },
      identifier: [
        {
          type: {
            coding: [
              { system: 'http://hl7.org/fhir/uv/phd/CodeSystem/ContinuaDeviceIdentifiers', code: 'SYSID' },
            ],
          },
          system: 'urn:oid:1.2.840.10004.1.1.1.0.0.1.0.0.1.2680',
          value: 'FE-ED-AB-AA-DE-AD-77-C5',
        },
      ],
    });
    const phdDevice = 'http://hl7.org/fhir/uv/phd/StructureDefinition/PhdDevice';
    const ok = validate(device([phdDevice]), { context: phd });
    expect(ok.filter((i) => i.messageId === 'fhir.v.slice-min')).toEqual([]);
    const other = validate(device(['http://example.org/other']), { context: phd, profiles: [phdDevice] });
    expectIssue(other, 'error', 'fhir.v.slice-min', 'Device.meta.profile[0]');
  });
});

// The invariants evaluated natively for speed must mean exactly what fhirpath.js computes from their FHIRPath:
// each is run both ways on passing and failing values.
import { describe, expect, it } from 'vitest';
import { evaluateWithFhirpath, NATIVE_INVARIANTS } from '../../src/fhir/validator/invariants.js';

type Case = { base: string; values: unknown[]; root?: Record<string, unknown> };

const coding = { system: 'http://loinc.org', code: '8480-6' };
const observation = (extra: Record<string, unknown>) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [coding] },
  ...extra,
});

const cases: Record<string, Case> = {
  'extension.exists() != value.exists()': {
    base: 'Extension',
    values: [
      { url: 'u', valueString: 'x' },
      { url: 'u', extension: [{ url: 'a', valueBoolean: true }] },
      { url: 'u' },
      { url: 'u', valueString: 'x', extension: [{ url: 'a', valueBoolean: true }] },
    ],
  },
  'contained.contained.empty()': {
    base: 'Observation',
    values: [
      observation({}),
      observation({ contained: [{ resourceType: 'Patient', id: 'p' }] }),
      observation({
        contained: [
          {
            resourceType: 'List',
            id: 'l',
            status: 'current',
            mode: 'working',
            contained: [{ resourceType: 'Patient', id: 'q' }],
          },
        ],
      }),
    ],
  },
  'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()': {
    base: 'Observation',
    values: [
      observation({ contained: [{ resourceType: 'Patient', id: 'p' }] }),
      observation({ contained: [{ resourceType: 'Patient', id: 'p', meta: { versionId: '1' } }] }),
      observation({
        contained: [{ resourceType: 'Patient', id: 'p', meta: { lastUpdated: '2026-01-01T00:00:00Z' } }],
      }),
    ],
  },
  'contained.meta.security.empty()': {
    base: 'Observation',
    values: [
      observation({ contained: [{ resourceType: 'Patient', id: 'p', meta: { security: [{ code: 'R' }] } }] }),
      observation({ contained: [{ resourceType: 'Patient', id: 'p', meta: {} }] }),
    ],
  },
  'text.`div`.exists()': {
    base: 'Observation',
    values: [
      observation({}),
      observation({
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' },
      }),
    ],
  },
  'dataAbsentReason.empty() or value.empty()': {
    base: 'Observation',
    values: [
      observation({ valueString: 'x' }),
      observation({ dataAbsentReason: { text: 'unknown' } }),
      observation({ valueString: 'x', dataAbsentReason: { text: 'unknown' } }),
    ],
  },
  'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()': {
    base: 'Observation',
    values: [
      observation({
        valueQuantity: { value: 1 },
        component: [{ code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] } }],
      }),
      observation({
        valueQuantity: { value: 1 },
        component: [{ code: { coding: [{ code: '8480-6', system: 'http://loinc.org' }] } }],
      }),
      observation({ component: [{ code: { coding: [coding] } }] }),
    ],
  },
  '(component.empty() and hasMember.empty()) implies (dataAbsentReason.exists() or value.exists())': {
    base: 'Observation',
    values: [
      observation({}),
      observation({ valueBoolean: true }),
      observation({ hasMember: [{ reference: 'Observation/x' }] }),
      observation({ _valueString: { extension: [{ url: 'u', valueBoolean: true }] } }),
    ],
  },
  'value.exists() or dataAbsentReason.exists()': {
    base: 'Observation.component',
    values: [
      { code: { text: 'x' } },
      { code: { text: 'x' }, valueInteger: 3 },
      { code: { text: 'x' }, dataAbsentReason: { text: 'y' } },
    ],
  },
  '($this as dateTime).toString().length() >= 8': {
    base: 'dateTime',
    values: ['2026', '2026-01', '2026-01-02', '2026-01-02T10:00:00Z'],
  },
  '$this is dateTime implies $this.toString().length() >= 10': {
    base: 'dateTime',
    values: ['2026', '2026-01', '2026-01-02', '2026-01-02T10:00:00Z'],
  },
  "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))":
    {
      base: 'Bundle',
      values: [
        {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [{ request: { method: 'POST', url: 'Patient' } }],
        },
        { resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:1' }] },
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ request: { method: 'POST', url: 'Patient' } }],
        },
        { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1' }] },
      ],
    },
  "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))":
    {
      base: 'Bundle',
      values: [
        { resourceType: 'Bundle', type: 'transaction-response', entry: [{ response: { status: '201' } }] },
        { resourceType: 'Bundle', type: 'transaction-response', entry: [{ fullUrl: 'urn:uuid:1' }] },
        { resourceType: 'Bundle', type: 'searchset', entry: [{ response: { status: '200' } }] },
      ],
    },
  'resource.exists() or request.exists() or response.exists()': {
    base: 'Bundle.entry',
    values: [{ fullUrl: 'x' }, { resource: { resourceType: 'Basic' } }, { response: { status: '200' } }],
  },
  "fullUrl.exists() implies fullUrl.contains('/_history/').not()": {
    base: 'Bundle.entry',
    values: [{}, { fullUrl: 'http://x/Patient/1' }, { fullUrl: 'http://x/Patient/1/_history/2' }],
  },
  'code.empty() or system.exists()': {
    base: 'Quantity',
    values: [
      { value: 1 },
      { value: 1, code: 'kg' },
      { value: 1, code: 'kg', system: 'http://unitsofmeasure.org' },
    ],
  },
  'value.empty() or system.exists()': {
    base: 'ContactPoint',
    values: [{ use: 'home' }, { value: '0102' }, { value: '0102', system: 'phone' }],
  },
  'name.exists() or telecom.exists() or address.exists() or organization.exists()': {
    base: 'Patient.contact',
    values: [
      { gender: 'male' },
      { name: { family: 'X' } },
      { organization: { reference: 'Organization/o' } },
    ],
  },
  "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))":
    {
      base: 'Reference',
      root: { resourceType: 'Observation', contained: [{ resourceType: 'Patient', id: 'p1' }] },
      values: [{ reference: 'Patient/1' }, { reference: '#p1' }, { reference: '#p2' }, { display: 'x' }],
    },
  "total.empty() or (type = 'searchset') or (type = 'history')": {
    base: 'Bundle',
    values: [
      { resourceType: 'Bundle', type: 'searchset', total: 2 },
      { resourceType: 'Bundle', type: 'collection', total: 2 },
      { resourceType: 'Bundle', type: 'collection' },
    ],
  },
  "entry.search.empty() or (type = 'searchset')": {
    base: 'Bundle',
    values: [
      { resourceType: 'Bundle', type: 'searchset', entry: [{ search: { mode: 'match' } }] },
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ fullUrl: 'urn:uuid:1' }, { search: { mode: 'match' } }],
      },
      { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1' }] },
    ],
  },
  "type = 'document' implies (identifier.system.exists() and identifier.value.exists())": {
    base: 'Bundle',
    values: [
      {
        resourceType: 'Bundle',
        type: 'document',
        identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:1' },
      },
      { resourceType: 'Bundle', type: 'document', identifier: { value: 'x' } },
      { resourceType: 'Bundle', type: 'document' },
      { resourceType: 'Bundle', type: 'collection' },
    ],
  },
  "type = 'document' implies (timestamp.hasValue())": {
    base: 'Bundle',
    values: [
      { resourceType: 'Bundle', type: 'document', timestamp: '2026-01-01T00:00:00Z' },
      {
        resourceType: 'Bundle',
        type: 'document',
        _timestamp: { extension: [{ url: 'u', valueBoolean: true }] },
      },
      { resourceType: 'Bundle', type: 'document' },
      { resourceType: 'Bundle', type: 'message' },
    ],
  },
  "type = 'document' implies entry.first().resource.is(Composition)": {
    base: 'Bundle',
    values: [
      { resourceType: 'Bundle', type: 'document', entry: [{ resource: { resourceType: 'Composition' } }] },
      { resourceType: 'Bundle', type: 'document', entry: [{ resource: { resourceType: 'Patient' } }] },
      { resourceType: 'Bundle', type: 'document' },
      { resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient' } }] },
    ],
  },
  "type = 'message' implies entry.first().resource.is(MessageHeader)": {
    base: 'Bundle',
    values: [
      { resourceType: 'Bundle', type: 'message', entry: [{ resource: { resourceType: 'MessageHeader' } }] },
      {
        resourceType: 'Bundle',
        type: 'message',
        entry: [{ resource: { resourceType: 'Patient' } }, { resource: { resourceType: 'MessageHeader' } }],
      },
      { resourceType: 'Bundle', type: 'message', entry: [{ fullUrl: 'urn:uuid:1' }] },
    ],
  },
  "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()":
    {
      base: 'Bundle',
      values: [
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ fullUrl: 'urn:uuid:1' }, { fullUrl: 'urn:uuid:2' }],
        },
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ fullUrl: 'urn:uuid:1' }, { fullUrl: 'urn:uuid:1' }],
        },
        {
          resourceType: 'Bundle',
          type: 'history',
          entry: [{ fullUrl: 'urn:uuid:1' }, { fullUrl: 'urn:uuid:1' }],
        },
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', meta: { versionId: '1' } } },
            { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Basic', meta: { versionId: '2' } } },
          ],
        },
      ],
    },
};

describe('native invariants agree with fhirpath.js', () => {
  it('every native invariant except the structural ele-1 and dom-3 has cases', () => {
    const covered = Object.keys(NATIVE_INVARIANTS).filter(
      (e) => !e.startsWith('hasValue()') && !e.startsWith('contained.where('),
    );
    expect(covered.filter((e) => !(e in cases))).toEqual([]);
  });

  for (const [expression, { base, values, root }] of Object.entries(cases)) {
    it(expression, () => {
      const native = NATIVE_INVARIANTS[expression];
      expect(native).toBeDefined();
      const outcomes = values.map((value) => {
        const resource = root ?? (value as Record<string, unknown>);
        const constraint = {
          key: 'x',
          severity: 'error' as const,
          human: '',
          expression,
          bestPractice: false,
        };
        return [
          native?.(value, base, resource).status,
          evaluateWithFhirpath(constraint, base, value, resource, resource).status,
        ];
      });
      for (const [mine, reference] of outcomes) expect(mine).toBe(reference);
      expect(new Set(outcomes.map(([mine]) => mine)).size, 'cases cover both outcomes').toBe(2);
    });
  }
});

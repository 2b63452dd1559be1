// Resources generated for the FHIR benchmarks: valid FR Core blood pressures and patients, and R4 vital-signs body
// weights, deterministic so every run validates the same data.
export const FR_BP = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-observation-bp';
export const FR_PATIENT = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient';
export const VITALS_WEIGHT = 'http://hl7.org/fhir/StructureDefinition/bodyweight';

export type Json = Record<string, unknown>;

/** Deterministic pseudo-random numbers, so every run validates the same resources. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export function bloodPressure(i: number, r: () => number): Json {
  const component = (code: string, display: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code, display }] },
    valueQuantity: { value, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id: `bp-${i}`,
    meta: { profile: [FR_BP] },
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    subject: { reference: `Patient/p-${i % 100}` },
    effectiveDateTime: `2026-0${1 + (i % 9)}-1${i % 10}T08:${10 + (i % 50)}:00+01:00`,
    component: [
      component('8480-6', 'Systolic', 100 + Math.round(r() * 60)),
      component('8462-4', 'Diastolic', 60 + Math.round(r() * 30)),
    ],
  };
}

export function bodyWeight(i: number, r: () => number): Json {
  return {
    resourceType: 'Observation',
    id: `weight-${i}`,
    meta: { profile: [VITALS_WEIGHT] },
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
    subject: { reference: `Patient/p-${i % 100}` },
    effectiveDateTime: '2026-03-12T07:30:00+01:00',
    valueQuantity: {
      value: 50 + Math.round(r() * 500) / 10,
      unit: 'kg',
      system: 'http://unitsofmeasure.org',
      code: 'kg',
    },
  };
}

export function patient(i: number): Json {
  return {
    resourceType: 'Patient',
    id: `p-${i}`,
    meta: { profile: [FR_PATIENT] },
    identifier: [{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: String(1_000_000_000_000 + i) }],
    name: [{ use: 'official', family: `Martin${i}`, given: ['Léa', 'Marie'] }],
    telecom: [{ system: 'phone', value: `01020304${String(i % 100).padStart(2, '0')}`, use: 'home' }],
    gender: i % 2 ? 'female' : 'male',
    birthDate: `19${50 + (i % 49)}-0${1 + (i % 9)}-1${i % 10}`,
    address: [{ line: [`${i} rue de la Paix`], city: 'Paris', postalCode: '75002', country: 'FRA' }],
  };
}

export function generatedResources(count: number): Json[] {
  const r = random(42);
  return Array.from({ length: count }, (_, i) =>
    i % 3 === 0 ? bloodPressure(i, r) : i % 3 === 1 ? bodyWeight(i, r) : patient(i),
  );
}

// Profiles the HL7 validator applies to a resource without being asked:
// - an Observation whose code is a vital sign is checked against the R4 vital signs profile of that sign
//   ("If implementations use this code … they SHALL conform to the profile", http://hl7.org/fhir/R4/observation-vitalsigns.html);
//   the codes are those the reference validator recognises, LOINC first then SNOMED CT, first match wins;
// - the `global` profiles of every loaded ImplementationGuide apply to every resource of their type
//   (http://hl7.org/fhir/R4/implementationguide-definitions.html#ImplementationGuide.global).
import type { FhirContext } from '../packages/context.js';
import type { Json } from './walk.js';
import { isObject } from './values.js';

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const CORE = 'http://hl7.org/fhir/StructureDefinition/';

const VITAL_SIGNS: [system: string, profile: string, codes: string[]][] = [
  [LOINC, 'vitalspanel', ['85353-1']],
  [
    LOINC,
    'resprate',
    ['9279-1', '76170-0', '76172-6', '76171-8', '19840-8', '33438-3', '76270-8', '11291-2'],
  ],
  [
    LOINC,
    'heartrate',
    [
      '60978-4',
      '73795-7',
      '73799-9',
      '76476-1',
      '76477-9',
      '8867-4',
      '8889-8',
      '8890-6',
      '8891-4',
      '8892-2',
    ].concat(['8893-0', '40443-4', '55425-3', '68999-2', '11328-2', '69000-8', '8886-4']),
  ],
  [
    LOINC,
    'oxygensat',
    [
      '2708-6',
      '19224-5',
      '20564-1',
      '2709-4',
      '2710-2',
      '2713-6',
      '51733-4',
      '59408-5',
      '59417-6',
      '89276-0',
      '97549-0',
    ],
  ],
  [
    LOINC,
    'bodytemp',
    [
      '8310-5',
      '60834-9',
      '60835-6',
      '60836-4',
      '60838-0',
      '60955-2',
      '61009-7',
      '75539-7',
      '75987-8',
      '76010-8',
    ]
      .concat(['76011-6', '76278-1', '8309-7', '8328-7', '8329-5', '8330-3', '8331-1', '8332-9', '8333-7'])
      .concat(['8334-5', '91371-5', '98657-0', '98663-8']),
  ],
  [LOINC, 'bodyheight', ['8302-2', '3137-7', '3138-5', '8306-3', '8308-9']],
  [LOINC, 'headcircum', ['9843-4', '8287-5']],
  [LOINC, 'bodyweight', ['29463-7', '3141-9', '3142-7', '75292-3', '79348-9', '8350-1', '8351-9']],
  [LOINC, 'bmi', ['39156-5', '59574-4', '89270-3']],
  [LOINC, 'bp', ['85354-9', '35094-2', '8459-0', '76534-7', '55284-4', '8480-6']],
  [SNOMED, 'vitalspanel', ['46680005']],
  [SNOMED, 'bp', ['86290005', '271625008', '271306003']],
  [SNOMED, 'heartrate', ['249043002', '444981005', '399017001', '251670001', '429525003', '429614003']],
  [
    SNOMED,
    'oxygensat',
    ['103228002', '442349007', '442476006', '442440005', '431314004', '442734002', '713194001'],
  ],
  [
    SNOMED,
    'bodytemp',
    [
      '386725007',
      '276885007',
      '300076005',
      '1222808002',
      '364246006',
      '307047009',
      '708499008',
      '431598003',
    ].concat(['698831002', '698832009', '415882003', '415974002', '415929009', '415945006']),
  ],
  [
    SNOMED,
    'bodyheight',
    ['1153637007', '1162419008', '50373000', '1162418000', '1230278008', '1162392001', '1162417005'],
  ],
  [SNOMED, 'headcircum', ['363812007', '169876006', '1269262007', '363811000']],
  [
    SNOMED,
    'bodyweight',
    ['60621009', '735395000', '425024002', '424927000', '784399000', '1162416001', '1162415002'],
  ],
  [SNOMED, 'bp', ['251076008', '163033001', '163035008', '386534000', '386536003', '271649006', '271650006']],
  [SNOMED, 'bp', ['407556006', '407554009', '716579001', '399304008']],
];

function vitalSignProfile(observation: Json): string | undefined {
  const code = isObject(observation.code) ? observation.code : undefined;
  const codings = Array.isArray(code?.coding) ? code.coding.filter(isObject) : [];
  if (codings.length === 0) return undefined;
  for (const [system, profile, codes] of VITAL_SIGNS) {
    if (codings.some((c) => c.system === system && typeof c.code === 'string' && codes.includes(c.code)))
      return CORE + profile;
  }
  return undefined;
}

/** `global` profiles of the loaded ImplementationGuides, by resource type (read once per context). */
function globalProfiles(ctx: FhirContext): Map<string, string[]> {
  const memo = ctx.memo<string, Map<string, string[]>>('validator.global-profiles');
  let table = memo.get('all');
  if (table) return table;
  table = new Map();
  for (const { pkg, entry } of ctx.entries('ImplementationGuide')) {
    const ig = pkg.read(entry);
    for (const global of Array.isArray(ig?.global) ? ig.global : []) {
      if (!isObject(global) || typeof global.type !== 'string' || typeof global.profile !== 'string')
        continue;
      const list = table.get(global.type) ?? [];
      if (!list.includes(global.profile)) list.push(global.profile);
      table.set(global.type, list);
    }
  }
  memo.set('all', table);
  return table;
}

export function impliedProfiles(ctx: FhirContext, resource: Json): string[] {
  const type = resource.resourceType as string;
  const profiles = [...(globalProfiles(ctx).get(type) ?? [])];
  if (type === 'Observation') {
    const vital = vitalSignProfile(resource);
    if (vital) profiles.push(vital);
  }
  return profiles;
}

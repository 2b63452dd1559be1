// The MES mesures business rules (the published error catalogue, rules/mes/mesures.yml) applied to one
// transaction Bundle. Pure: the offline check locates the violations in the editor's file, the emulator turns them
// into the HTTP answer MES would give.
import type { DataPath } from '../util/yaml-source.js';
import type { GlucoseType, MesuresSpec, ObservationProfile } from './spec.js';
import type { MesViolation } from './violation.js';
import { advisory, catalogueViolation } from './violation.js';

type Json = Record<string, unknown>;

export interface MesuresRuleContext {
  spec: MesuresSpec;
  /** The éditeur's root OID (manifest `solution.editor-oid`); meta.source must sit under it. */
  editorOid?: string;
}

export interface ProfileMatch {
  profile: ObservationProfile;
  /** The canonical given, when it is a legacy form of `profile`. */
  legacy?: string;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Compiled per spec: canonical → profile, legacy canonical → profile. */
const profileIndexes = new WeakMap<MesuresSpec, Map<string, ProfileMatch>>();

export function profileIndex(spec: MesuresSpec): Map<string, ProfileMatch> {
  let index = profileIndexes.get(spec);
  if (index) return index;
  index = new Map();
  for (const profile of spec.profiles) {
    index.set(`${spec['canonical-base']}${profile.id}`, { profile });
    for (const name of profile.legacy ?? []) {
      for (const root of spec['legacy-roots']) {
        const url = `${root}${name}`;
        if (!index.has(url)) index.set(url, { profile, legacy: url });
      }
    }
  }
  profileIndexes.set(spec, index);
  return index;
}

export function canonicalOf(spec: MesuresSpec, profile: ObservationProfile): string {
  return `${spec['canonical-base']}${profile.id}`;
}

const patterns = new WeakMap<MesuresSpec, RegExp>();
function ifNoneExistPattern(spec: MesuresSpec): RegExp {
  let re = patterns.get(spec);
  if (!re) {
    re = new RegExp(spec.parameters['if-none-exist'].pattern);
    patterns.set(spec, re);
  }
  return re;
}

/** Parses `identifier=urn:oid:<OID>|<DEVICE ID>`; undefined when the value breaks the MES pattern. */
export function parseIfNoneExist(spec: MesuresSpec, value: string): { oid: string; id: string } | undefined {
  const match = ifNoneExistPattern(spec).exec(value);
  return match ? { oid: match[1] as string, id: match[2] as string } : undefined;
}

/** `urn:oid:1.2.3` or `1.2.3` under `root` (the root itself or one of its sub-OIDs). */
export function oidUnder(value: string, root: string): boolean {
  const oid = value.startsWith('urn:oid:') ? value.slice('urn:oid:'.length) : value;
  return oid === root || oid.startsWith(`${root}.`);
}

interface EntryView {
  index: number;
  resource: Json | undefined;
  type: string | undefined;
  method: string | undefined;
  request: Json | undefined;
}

export function checkMesuresBundle(bundle: unknown, ctx: MesuresRuleContext): MesViolation[] {
  const { spec } = ctx;
  const errors = spec.errors;
  const out: MesViolation[] = [];
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    return [catalogueViolation('no-bundle', errors['no-bundle'], [])];
  }
  if (bundle.type !== 'transaction') {
    out.push(advisory('bundle-type', 'error', 422, ['type'], { type: String(bundle.type ?? '') }));
  }
  const entries: EntryView[] = asArray(bundle.entry).map((raw, index) => {
    const entry = isObject(raw) ? raw : {};
    const resource = isObject(entry.resource) ? entry.resource : undefined;
    const request = isObject(entry.request) ? entry.request : undefined;
    return {
      index,
      resource,
      type: str(resource?.resourceType),
      method: str(request?.method),
      request,
    };
  });

  // Bundle structure: only Observation and Device, in POST.
  for (const e of entries) {
    if ((e.type === 'Observation' || e.type === 'Device') && e.method === 'POST') continue;
    out.push(
      catalogueViolation(
        'resource-not-acceptable',
        errors['resource-not-acceptable'],
        e.method === 'POST' || !e.request
          ? ['entry', e.index, 'resource', 'resourceType']
          : ['entry', e.index, 'request', 'method'],
        { type: e.type ?? '', method: e.method ?? '' },
      ),
    );
  }
  const observations = entries.filter((e) => e.type === 'Observation' && e.method === 'POST');
  const devices = entries.filter((e) => e.type === 'Device' && e.method === 'POST');
  if (observations.length !== 1) {
    const at: DataPath = observations[1] ? ['entry', observations[1].index] : ['entry'];
    out.push(catalogueViolation('observation-creation', errors['observation-creation'], at));
  }
  const device = devices[0];
  if (devices.length > 1) {
    out.push(
      catalogueViolation('device-conditional-create', errors['device-conditional-create'], [
        'entry',
        (devices[1] as EntryView).index,
      ]),
    );
  }
  if (device) {
    const ifNoneExist = str(device.request?.ifNoneExist);
    if (ifNoneExist === undefined) {
      out.push(
        catalogueViolation('device-conditional-create', errors['device-conditional-create'], [
          'entry',
          device.index,
          'request',
        ]),
      );
    } else if (!parseIfNoneExist(spec, ifNoneExist)) {
      out.push(
        catalogueViolation('device-if-none-exist', errors['device-if-none-exist'], [
          'entry',
          device.index,
          'request',
          'ifNoneExist',
        ]),
      );
    }
    const profiles = asArray((device.resource?.meta as Json | undefined)?.profile).filter(str);
    if (profiles.length === 0) {
      out.push(
        catalogueViolation('device-profile-missing', errors['device-profile-missing'], [
          'entry',
          device.index,
          'resource',
          'meta',
          'profile',
        ]),
      );
    } else if (!profiles.includes(spec['device-profile'])) {
      out.push(
        advisory(
          'device-profile-unknown',
          'error',
          422,
          ['entry', device.index, 'resource', 'meta', 'profile'],
          {
            profile: String(profiles[0]),
            expected: spec['device-profile'],
          },
        ),
      );
    }
  }

  const observation = observations[0];
  if (observation?.resource) out.push(...checkObservation(observation, device, ctx, bundle));
  return out;
}

function checkObservation(
  obs: EntryView,
  device: EntryView | undefined,
  ctx: MesuresRuleContext,
  bundle: Json,
): MesViolation[] {
  const { spec } = ctx;
  const errors = spec.errors;
  const out: MesViolation[] = [];
  const resource = obs.resource as Json;
  const at = (...p: (string | number)[]): DataPath => ['entry', obs.index, 'resource', ...p];
  const entry = asArray(bundle.entry)[obs.index] as Json;
  if (!str(entry.fullUrl)) out.push(advisory('full-url-missing', 'warning', 422, ['entry', obs.index]));

  // Observation ↔ Device link: `Device/<uuid>` where the Device's id is that uuid.
  const reference = str((resource.device as Json | undefined)?.reference);
  if (device) {
    if (reference === undefined) {
      out.push(
        catalogueViolation('device-reference-missing', errors['device-reference-missing'], at('device')),
      );
    } else {
      const id = str(device.resource?.id);
      if (!id || reference !== `Device/${id}`) {
        out.push(catalogueViolation('device-link', errors['device-link'], at('device', 'reference')));
      }
    }
  }

  // meta.profile: required by the MES server, mapped to the allowed list.
  const meta = isObject(resource.meta) ? resource.meta : undefined;
  const profiles = asArray(meta?.profile).filter(str) as string[];
  const index = profileIndex(spec);
  let matched: ProfileMatch | undefined;
  if (profiles.length === 0) {
    out.push(
      catalogueViolation(
        'observation-profile-missing',
        errors['observation-profile-missing'],
        at('meta', 'profile'),
      ),
    );
  } else {
    profiles.forEach((url, i) => {
      const match = index.get(url);
      if (!match) {
        out.push(advisory('profile-unknown', 'error', 422, at('meta', 'profile', i), { profile: url }));
        return;
      }
      matched ??= match;
      if (match.legacy) {
        out.push(
          advisory('profile-legacy', 'warning', 200, at('meta', 'profile', i), {
            profile: url,
            canonical: canonicalOf(spec, match.profile),
          }),
        );
      }
    });
  }
  const codes = asArray((resource.code as Json | undefined)?.coding)
    .map((c) => (isObject(c) ? str(c.code) : undefined))
    .filter((c): c is string => c !== undefined);
  // A measure without a recognised profile is still recognised by its LOINC code (BMI, glucose type…).
  const profile = matched?.profile ?? spec.profiles.find((p) => p.loinc.some((c) => codes.includes(c)));

  const source = str(meta?.source);
  if (source !== undefined && ctx.editorOid && !oidUnder(source, ctx.editorOid)) {
    out.push(
      catalogueViolation('meta-source-oid', errors['meta-source-oid'], at('meta', 'source'), {
        oid: ctx.editorOid,
      }),
    );
  }

  if (profile?.create === false) {
    out.push(catalogueViolation('bmi-creation', errors['bmi-creation'], at('code')));
  }

  if (!hasValue(resource, profile, spec)) {
    out.push(
      catalogueViolation(
        'value-missing',
        errors['value-missing'],
        profile?.components ? at('component') : at('valueQuantity'),
      ),
    );
  }

  const subject = isObject(resource.subject) ? resource.subject : undefined;
  const identifier = isObject(subject?.identifier) ? subject.identifier : undefined;
  if (!identifier || !str(identifier.value) || !str(identifier.system)) {
    out.push(
      catalogueViolation(
        'subject-identifier',
        errors['subject-identifier'],
        identifier ? at('subject', 'identifier') : at('subject'),
      ),
    );
  }

  if (profile?.measure === 'glucose') out.push(...glucoseRules(resource, codes, ctx, at));
  return out;
}

function hasValue(resource: Json, profile: ObservationProfile | undefined, spec: MesuresSpec): boolean {
  if (profile?.components) {
    // Blood pressure: systolic and diastolic components, each with a quantity.
    const { systolic, diastolic } = spec.parameters['bp-components'];
    const withValue = new Set<string>();
    for (const component of asArray(resource.component)) {
      if (!isObject(component) || !isObject(component.valueQuantity)) continue;
      if (typeof component.valueQuantity.value !== 'number') continue;
      for (const coding of asArray((component.code as Json | undefined)?.coding)) {
        const code = isObject(coding) ? str(coding.code) : undefined;
        if (code) withValue.add(code);
      }
    }
    return withValue.has(systolic) && withValue.has(diastolic);
  }
  const quantity = resource.valueQuantity;
  return isObject(quantity) && typeof quantity.value === 'number';
}

function glucoseRules(
  resource: Json,
  codes: string[],
  ctx: MesuresRuleContext,
  at: (...p: (string | number)[]) => DataPath,
): MesViolation[] {
  const { spec } = ctx;
  const errors = spec.errors;
  const type: GlucoseType | undefined = spec.parameters.glucose.types.find((t) => codes.includes(t.code));
  if (!type) return [];
  const extensions = asArray(resource.extension);
  const find = (canonical: string, name: string): number =>
    extensions.findIndex((e) => {
      const url = isObject(e) ? str(e.url) : undefined;
      return url !== undefined && (url === canonical || url.toLowerCase().endsWith(name));
    });
  const moment = find(spec.parameters.extensions.moment, 'momentofmeasurement');
  const days = find(spec.parameters.extensions['number-of-days'], 'numberofdays');
  const out: MesViolation[] = [];
  if (type.moment === 'required' && moment < 0)
    out.push(catalogueViolation('moment-mandatory', errors['moment-mandatory'], at('extension')));
  if (type.moment === 'forbidden' && moment >= 0)
    out.push(catalogueViolation('moment-forbidden', errors['moment-forbidden'], at('extension', moment)));
  if (type['number-of-days'] === 'required' && days < 0)
    out.push(
      catalogueViolation('number-of-days-mandatory', errors['number-of-days-mandatory'], at('extension')),
    );
  if (type['number-of-days'] === 'forbidden' && days >= 0)
    out.push(
      catalogueViolation(
        'number-of-days-forbidden',
        errors['number-of-days-forbidden'],
        at('extension', days),
      ),
    );
  return out;
}

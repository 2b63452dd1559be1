// FHIRPath meanings the natively evaluated invariants are built from: `exists()` of a child (a value, a
// primitive's `_name` partner, a choice form), a child as a list, and a boolean as an invariant outcome.

export type InvariantOutcome =
  { status: 'pass' } | { status: 'fail' } | { status: 'not-checked'; detail: string };

type Json = Record<string, unknown>;

function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** FHIRPath `exists()` of a child: a value (non-empty array), a primitive's `_name` partner, or a choice form. */
export function has(value: unknown, name: string): boolean {
  if (!value || typeof value !== 'object') return false;
  const record = value as Json;
  if (present(record[name]) || present(record[`_${name}`])) return true;
  for (const key in record) {
    const bare = key.charCodeAt(0) === 95 ? key.slice(1) : key;
    if (
      bare.length > name.length &&
      bare.startsWith(name) &&
      /[A-Z]/.test(bare.charAt(name.length)) &&
      present(record[key])
    )
      return true;
  }
  return false;
}

/** A child as a FHIRPath collection of objects. */
export function list(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter((v): v is Json => !!v && typeof v === 'object');
  return value && typeof value === 'object' ? [value as Json] : [];
}

export function contained(value: unknown): Json[] {
  return list((value as Json | null)?.contained);
}

export const verdict = (ok: boolean): InvariantOutcome => (ok ? { status: 'pass' } : { status: 'fail' });

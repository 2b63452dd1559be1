// FHIR R4 primitive types: the JSON kind each one takes and the format rules of the specification
// (http://hl7.org/fhir/R4/datatypes.html), checked without regular expressions where the value may be large.

export type JsonKind = 'string' | 'number' | 'boolean';

/** FHIRPath system types used in snapshots for `id`, `url` and primitive `value` elements. */
const SYSTEM_TYPES: Record<string, string> = {
  'http://hl7.org/fhirpath/System.String': 'string',
  'http://hl7.org/fhirpath/System.Boolean': 'boolean',
  'http://hl7.org/fhirpath/System.Integer': 'integer',
  'http://hl7.org/fhirpath/System.Decimal': 'decimal',
  'http://hl7.org/fhirpath/System.Date': 'date',
  'http://hl7.org/fhirpath/System.DateTime': 'dateTime',
  'http://hl7.org/fhirpath/System.Time': 'time',
};

const KINDS: Record<string, JsonKind> = {
  boolean: 'boolean',
  integer: 'number',
  unsignedInt: 'number',
  positiveInt: 'number',
  decimal: 'number',
  integer64: 'string',
};

const PRIMITIVES = new Set([
  'base64Binary',
  'boolean',
  'canonical',
  'code',
  'date',
  'dateTime',
  'decimal',
  'id',
  'instant',
  'integer',
  'markdown',
  'oid',
  'positiveInt',
  'string',
  'time',
  'unsignedInt',
  'uri',
  'url',
  'uuid',
  'xhtml',
]);

export function primitiveType(code: string): string | undefined {
  const system = SYSTEM_TYPES[code];
  if (system) return system;
  return PRIMITIVES.has(code) ? code : undefined;
}

export function jsonKindOf(primitive: string): JsonKind {
  return KINDS[primitive] ?? 'string';
}

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const FORMATS: Record<string, RegExp> = {
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  code: /^[^\s]+( [^\s]+)*$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/,
  uuid: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  date: new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`),
  dateTime: new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`),
  instant: new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`),
  time: new RegExp(`^${TIME}$`),
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The day part exists in its month (no 30 February), when there is one. */
function realDate(value: string): boolean {
  if (value.length < 10) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= (days[month - 1] ?? 31);
}

function base64(value: string): boolean {
  let chars = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    const ok =
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 43 ||
      c === 47 ||
      c === 61;
    if (!ok) return false;
    chars++;
  }
  return chars % 4 === 0;
}

function whitespaceOnly(value: string): boolean {
  return value.trim().length === 0;
}

/** The `id` format: 1 to 64 of A-Z, a-z, 0-9, '-' and '.'. */
export function isValidId(value: string): boolean {
  return (FORMATS.id as RegExp).test(value);
}

/**
 * The format problem of a primitive value, as a message key suffix, or undefined when the value is valid.
 * `value` has the right JSON kind already. `whitespace` (a string or markdown of spaces only) is allowed by the
 * types' regular expressions but suspicious: the HL7 validator warns about it.
 */
export function formatProblem(primitive: string, value: string | number | boolean): string | undefined {
  switch (primitive) {
    case 'boolean':
      return undefined;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX
        ? undefined
        : 'integer';
    case 'unsignedInt':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= INT32_MAX
        ? undefined
        : 'unsignedInt';
    case 'positiveInt':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= INT32_MAX
        ? undefined
        : 'positiveInt';
    case 'decimal':
      return Number.isFinite(value) ? undefined : 'decimal';
    case 'integer64':
      return /^-?([0]|([1-9][0-9]*))$/.test(value as string) ? undefined : 'integer';
  }
  const text = value as string;
  if (text.length === 0) return 'empty';
  switch (primitive) {
    case 'string':
    case 'markdown':
      return whitespaceOnly(text) ? 'whitespace' : undefined;
    case 'uri':
    case 'url':
    case 'canonical':
      return /\s/.test(text) ? primitive : undefined;
    case 'base64Binary':
      return base64(text) ? undefined : 'base64Binary';
    case 'xhtml':
      return /^\s*<div[\s>]/.test(text) ? undefined : 'xhtml';
    case 'date':
    case 'dateTime':
    case 'instant': {
      const format = FORMATS[primitive] as RegExp;
      return format.test(text) && realDate(text) ? undefined : primitive;
    }
  }
  const format = FORMATS[primitive];
  return format && !format.test(text) ? primitive : undefined;
}

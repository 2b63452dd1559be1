// Turns JSON Schema (Ajv) errors into located, translated user errors, with "did you mean" hints.
import { isMessageKey } from '../messages.js';
import type { MessageKey } from '../messages.js';
import Ajv2020 from 'ajv/dist/2020.js';
import type { AnySchema, ErrorObject, ValidateFunction } from 'ajv';
import { UserError } from '../errors.js';
import type { DataPath, YamlSource } from './yaml-source.js';
import { closest } from './suggest.js';

/** Our schemas may name a message key for a keyword whose generic message would be unhelpful (anyOf…). */
const MESSAGE_KEYWORD = 'x-error';

let shared: InstanceType<typeof Ajv2020.default> | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Compiles a schema once, with one Ajv instance for the whole process (its meta-schemas are costly to build).
 * A schema with an `$id` is registered under it, so two variants of one schema must not both carry the `$id`.
 */
export function compileSchema(schema: AnySchema): ValidateFunction {
  const key = schema as object;
  let validate = compiled.get(key);
  if (!validate) {
    if (!shared) {
      shared = new Ajv2020.default({
        allErrors: true,
        verbose: true,
        strict: true,
        allowUnionTypes: true,
        strictRequired: false,
      });
      shared.addVocabulary([MESSAGE_KEYWORD]);
    }
    validate = shared.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** A validator compiled on first use, so that loading a module never pays for a schema it may not need. */
export function lazySchema(schema: AnySchema): ValidateFunction {
  let validate: ValidateFunction | undefined;
  const call = ((data: unknown) => {
    validate ??= compileSchema(schema);
    const ok = validate(data);
    call.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  return call;
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

export function displayPath(path: DataPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(racine)';
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** A value as written in JSON, so a text reads `"1"` and a number `1`. */
function showTyped(value: unknown): string {
  return typeof value === 'string' ? show(JSON.stringify(value)) : show(value);
}

function kindOf(value: unknown): 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** Errors under an `anyOf` whose own message we replace are noise; keep only the most useful ones. */
function prune(errors: ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter(
    (e) =>
      (e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
      (e.parentSchema as Record<string, unknown>)?.[MESSAGE_KEYWORD],
  );
  const kept = errors.filter(
    (e) =>
      !anyOfs.some(
        (a) =>
          e !== a &&
          e.instancePath.startsWith(a.instancePath) &&
          e.schemaPath.startsWith(a.schemaPath.replace(/\/(anyOf|oneOf)$/, '')),
      ),
  );
  // For a plain anyOf without our message, the branch errors say more than "must match a schema in anyOf".
  const result = kept.filter(
    (e) => !((e.keyword === 'anyOf' || e.keyword === 'oneOf') && !anyOfs.includes(e)),
  );
  // A value of the wrong type also fails its pattern/enum checks: report the type only.
  const typed = new Set(result.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const deduped = result.filter(
    (e) => e.keyword === 'type' || !typed.has(e.instancePath) || e.keyword === 'required',
  );
  const seen = new Set<string>();
  return deduped.filter((e) => {
    const id = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function schemaErrorsToUserErrors(errors: ErrorObject[], source: YamlSource): UserError[] {
  return prune(errors).map((e) => toUserError(e, source));
}

/** The message a schema names (by type, `$defs` name or `x-error`), or the generic one when it names none. */
function messageKeyOr(key: string, generic: MessageKey): MessageKey {
  return isMessageKey(key) ? key : generic;
}

function defName(schemaPath: string): string | undefined {
  return /\$defs\/([A-Za-z]+)\//.exec(schemaPath)?.[1];
}

function toUserError(e: ErrorObject, source: YamlSource): UserError {
  const path = pointerToPath(e.instancePath);
  const where = displayPath(path);
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return new UserError(
        'schema.required',
        { path: where, name: String(params.missingProperty) },
        source.locate(path),
      );
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      const suggestion = closest(name, known);
      const keyPath = [...path, name];
      return suggestion
        ? new UserError(
            'schema.unknown-key-hint',
            { path: where, name, suggestion },
            source.locate(keyPath, { key: true }),
          )
        : new UserError(
            'schema.unknown-key',
            { path: where, name, known: known.join(', ') },
            source.locate(keyPath, { key: true }),
          );
    }
    case 'propertyNames':
      return new UserError(
        'schema.property-name',
        { path: where, name: String(params.propertyName) },
        source.locate(path),
      );
    case 'type':
      return new UserError(
        messageKeyOr(`schema.type.${String(params.type)}`, 'schema.type'),
        { path: where, expected: String(params.type), value: showTyped(e.data) },
        source.locate(path),
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      return new UserError(
        suggestion ? 'schema.enum-hint' : 'schema.enum',
        { path: where, value: show(e.data), allowed: allowed.join(', '), suggestion },
        source.locate(path),
      );
    }
    case 'const': {
      // `version: "1"` against 1: the two look alike, so the message says what kind of value was found.
      const found = kindOf(e.data);
      const sameKind = found === kindOf(params.allowedValue);
      return new UserError(
        sameKind ? 'schema.const' : `schema.const.${found}`,
        {
          path: where,
          value: sameKind ? show(e.data) : showTyped(e.data),
          expected: showTyped(params.allowedValue),
        },
        source.locate(path),
      );
    }
    case 'pattern': {
      const def = defName(e.schemaPath);
      return new UserError(
        messageKeyOr(`schema.format.${def ?? ''}`, 'schema.pattern'),
        { path: where, value: show(e.data), pattern: String(params.pattern) },
        source.locate(path),
      );
    }
    case 'minItems':
      return new UserError(
        'schema.min-items',
        { path: where, limit: Number(params.limit) },
        source.locate(path),
      );
    case 'uniqueItems':
      return new UserError(
        'schema.unique-items',
        { path: where, value: show((e.data as unknown[])[Number(params.i)]) },
        source.locate([...path, Number(params.i)]),
      );
    case 'minLength':
      return new UserError(
        'schema.min-length',
        { path: where, limit: Number(params.limit) },
        source.locate(path),
      );
    case 'maxLength':
      return new UserError(
        'schema.max-length',
        { path: where, limit: Number(params.limit) },
        source.locate(path),
      );
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return new UserError(
        'schema.range',
        {
          path: where,
          value: show(e.data),
          comparison: String(params.comparison),
          limit: Number(params.limit),
        },
        source.locate(path),
      );
    case 'anyOf':
    case 'oneOf':
      return new UserError(
        messageKeyOr(String(parent[MESSAGE_KEYWORD] ?? ''), 'schema.any-of'),
        { path: where, value: show(e.data) },
        source.locate(path),
      );
    default:
      return new UserError(
        'schema.other',
        { path: where, detail: e.message ?? e.keyword },
        source.locate(path),
      );
  }
}

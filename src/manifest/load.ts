// Loads mes-referencing.yml: YAML with positions → JSON Schema → semantic checks. Every problem is located.
import { statSync } from 'node:fs';
import path from 'node:path';
import schema from '../../schemas/manifest.schema.json' with { type: 'json' };
import { UserError, combineErrors } from '../errors.js';
import { isValidDate } from '../util/dates.js';
import { lazySchema, displayPath, schemaErrorsToUserErrors } from '../util/schema-errors.js';
import { readYamlFile } from '../util/yaml-source.js';
import type { DataPath, YamlSource } from '../util/yaml-source.js';
import type { LoadedManifest, Manifest } from './types.js';

export const MANIFEST_FILE = 'mes-referencing.yml';
/** A manifest is a few kilobytes; anything this large is a mistake, refused before parsing. */
export const MANIFEST_MAX_BYTES = 1024 * 1024;

const validate = lazySchema(schema);

export function manifestSchema(): object {
  return schema;
}

/** Reads the manifest at `manifestPath`: relative to the repository folder, or absolute. */
export function loadManifest(manifestPath: string, repoDir: string): LoadedManifest {
  checkRepoFolder(repoDir);
  const absolute = path.resolve(repoDir, manifestPath);
  const relative = path.relative(repoDir, absolute);
  const file =
    relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
  const source = readYamlFile(absolute, { displayPath: file, maxBytes: MANIFEST_MAX_BYTES });
  return checkManifest(source, file);
}

/** A repository folder that is not there is named as such, not as a missing manifest inside it. */
function checkRepoFolder(repoDir: string): void {
  let stat;
  try {
    stat = statSync(repoDir);
  } catch {
    throw new UserError('repo.not-found', { dir: path.resolve(repoDir) });
  }
  if (!stat.isDirectory()) throw new UserError('repo.not-a-folder', { dir: path.resolve(repoDir) });
}

export function checkManifest(source: YamlSource, file: string): LoadedManifest {
  if (typeof source.data !== 'object' || source.data === null || Array.isArray(source.data)) {
    throw new UserError('manifest.not-a-map', { file }, source.locate([]));
  }
  // Every problem in one run: the format errors and the calendar/OID/consistency ones, in the order of the file.
  const formatProblems = validate(source.data) ? [] : schemaErrorsToUserErrors(validate.errors ?? [], source);
  const taken = new Set(formatProblems.map((e) => where(e)));
  const problems = [
    ...formatProblems,
    // A value the schema already refused is not judged a second time.
    ...semanticProblems(source.data as Record<string, unknown>, source).filter((e) => !taken.has(where(e))),
  ].sort(byLocation);
  const combined = combineErrors(problems);
  if (combined) throw combined;
  return { manifest: source.data as Manifest, file, locate: source.locate };
}

function where(e: UserError): string {
  return `${e.location?.line ?? 0}:${e.location?.column ?? 0}`;
}

function byLocation(a: UserError, b: UserError): number {
  return (
    (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
}

type Data = Record<string, unknown>;

/** The map at `key`, or an empty one when the document has something else there (the schema says so). */
function mapAt(value: unknown, key: string): Data {
  const child = (value as Data | undefined)?.[key];
  return typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Data) : {};
}

function listAt(value: unknown, key: string): unknown[] {
  const child = (value as Data | undefined)?.[key];
  return Array.isArray(child) ? child : [];
}

function textAt(value: unknown, key: string): string | undefined {
  const child = (value as Data | undefined)?.[key];
  return typeof child === 'string' ? child : undefined;
}

/**
 * What the schema cannot say: real calendar dates, date order, the OID tree, consistency between answers. Run on the
 * document as written, even when it breaks the schema, so every value that can be judged is.
 */
function semanticProblems(m: Data, source: YamlSource): UserError[] {
  const problems: UserError[] = [];
  const checkDate = (value: string | undefined, at: DataPath) => {
    if (value !== undefined && !isValidDate(value)) {
      problems.push(new UserError('manifest.bad-date', { path: displayPath(at), value }, source.locate(at)));
    }
  };
  const referencing = mapAt(m, 'referencing');
  checkDate(textAt(referencing, 'last-decision'), ['referencing', 'last-decision']);
  for (const [name, value] of Object.entries(mapAt(m, 'evidence'))) {
    const issued = textAt(value, 'issued');
    const expires = textAt(value, 'expires');
    checkDate(issued, ['evidence', name, 'issued']);
    checkDate(expires, ['evidence', name, 'expires']);
    if (issued && expires && isValidDate(issued) && isValidDate(expires) && expires < issued) {
      problems.push(
        new UserError(
          'manifest.expires-before-issued',
          { name, issued, expires },
          source.locate(['evidence', name, 'expires']),
        ),
      );
    }
  }
  listAt(m, 'waivers').forEach((w, i) => checkDate(textAt(w, 'expires'), ['waivers', i, 'expires']));
  // Every date of the process section: the schema only checks their shape.
  const walk = (value: unknown, at: DataPath): void => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) checkDate(value, at);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(referencing.process, ['referencing', 'process']);
  listAt(m, 'revues').forEach((r, i) => checkDate(textAt(r, 'date'), ['revues', i, 'date']));
  for (const [value, at] of declaredUrls(m)) {
    if (!isAcceptedUrl(value))
      problems.push(
        new UserError('schema.format.httpUrl', { path: displayPath(at), value }, source.locate(at)),
      );
  }

  const solution = mapAt(m, 'solution');
  const root = textAt(solution, 'editor-oid');
  const oid = textAt(solution, 'solution-oid');
  if (root !== undefined && oid !== undefined && !oid.startsWith(`${root}.`)) {
    problems.push(
      new UserError(
        'manifest.oid-not-under-root',
        { oid, root },
        source.locate(['solution', 'solution-oid']),
      ),
    );
  }
  if (
    textAt(referencing, 'path') === 'avec-echange' &&
    listAt(mapAt(m, 'orientation'), 'data-domains').length === 0
  ) {
    problems.push(
      new UserError('manifest.domains-required', {}, source.locate(['orientation'], { key: true })),
    );
  }
  const seen = new Map<string, number>();
  listAt(m, 'waivers').forEach((w, i) => {
    const criterion = textAt(w, 'criterion');
    if (criterion === undefined) return;
    const previous = seen.get(criterion);
    if (previous !== undefined) {
      problems.push(
        new UserError(
          'manifest.duplicate-waiver',
          { criterion, first: previous + 1 },
          source.locate(['waivers', i, 'criterion']),
        ),
      );
    }
    seen.set(criterion, i);
  });
  return problems;
}

/** Every URL the manifest declares, with where it is. */
function declaredUrls(m: Data): [string, DataPath][] {
  const urls: [string, DataPath][] = [];
  const push = (value: unknown, at: DataPath) => {
    if (typeof value === 'string') urls.push([value, at]);
  };
  push(mapAt(m, 'solution').website, ['solution', 'website']);
  for (const [name, item] of Object.entries(mapAt(m, 'evidence')))
    push(textAt(item, 'url'), ['evidence', name, 'url']);
  const endpoints = mapAt(m, 'endpoints');
  for (const kind of ['web', 'api'] as const)
    listAt(endpoints, kind).forEach((url, i) => push(url, ['endpoints', kind, i]));
  const sandbox = mapAt(m, 'sandbox');
  if (sandbox.target !== 'emulator') push(sandbox.target, ['sandbox', 'target']);
  push(sandbox['token-url'], ['sandbox', 'token-url']);
  push(mapAt(mapAt(mapAt(m, 'referencing'), 'process'), 'publication').url, [
    'referencing',
    'process',
    'publication',
    'url',
  ]);
  return urls;
}

/**
 * The schema's pattern, confirmed by the WHATWG parser every client uses: an absolute http(s) URL with a host, no
 * credentials and no fragment (a trailing `#` would turn the paths the tool appends into a fragment, so the request
 * would hit exactly the path the manifest chose).
 */
export function isAcceptedUrl(value: string): boolean {
  if (!URL.canParse(value) || value.includes('#')) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

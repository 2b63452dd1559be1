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
  if (!validate(source.data)) {
    throw combineErrors(schemaErrorsToUserErrors(validate.errors ?? [], source)) as UserError;
  }
  const manifest = source.data as Manifest;
  const problems = semanticProblems(manifest, source);
  const combined = combineErrors(problems);
  if (combined) throw combined;
  return { manifest, file, locate: source.locate };
}

function semanticProblems(m: Manifest, source: YamlSource): UserError[] {
  const problems: UserError[] = [];
  const checkDate = (value: string | undefined, at: DataPath) => {
    if (value !== undefined && !isValidDate(value)) {
      problems.push(new UserError('manifest.bad-date', { path: displayPath(at), value }, source.locate(at)));
    }
  };
  checkDate(m.referencing['last-decision'], ['referencing', 'last-decision']);
  for (const [name, item] of Object.entries(m.evidence ?? {})) {
    checkDate(item.issued, ['evidence', name, 'issued']);
    checkDate(item.expires, ['evidence', name, 'expires']);
    if (
      item.issued &&
      item.expires &&
      isValidDate(item.issued) &&
      isValidDate(item.expires) &&
      item.expires < item.issued
    ) {
      problems.push(
        new UserError(
          'manifest.expires-before-issued',
          { name, issued: item.issued, expires: item.expires },
          source.locate(['evidence', name, 'expires']),
        ),
      );
    }
  }
  (m.waivers ?? []).forEach((w, i) => checkDate(w.expires, ['waivers', i, 'expires']));
  // Every date of the process section: the schema only checks their shape.
  const walk = (value: unknown, at: DataPath): void => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) checkDate(value, at);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(m.referencing.process, ['referencing', 'process']);
  (m.revues ?? []).forEach((r, i) => checkDate(r.date, ['revues', i, 'date']));
  for (const [value, at] of declaredUrls(m)) {
    if (!isAcceptedUrl(value))
      problems.push(
        new UserError('schema.format.httpUrl', { path: displayPath(at), value }, source.locate(at)),
      );
  }

  const root = m.solution['editor-oid'];
  const oid = m.solution['solution-oid'];
  if (!oid.startsWith(`${root}.`)) {
    problems.push(
      new UserError(
        'manifest.oid-not-under-root',
        { oid, root },
        source.locate(['solution', 'solution-oid']),
      ),
    );
  }
  if (m.referencing.path === 'avec-echange' && (m.orientation['data-domains'] ?? []).length === 0) {
    problems.push(
      new UserError('manifest.domains-required', {}, source.locate(['orientation'], { key: true })),
    );
  }
  const seen = new Map<string, number>();
  (m.waivers ?? []).forEach((w, i) => {
    const previous = seen.get(w.criterion);
    if (previous !== undefined) {
      problems.push(
        new UserError(
          'manifest.duplicate-waiver',
          { criterion: w.criterion, first: previous + 1 },
          source.locate(['waivers', i, 'criterion']),
        ),
      );
    }
    seen.set(w.criterion, i);
  });
  return problems;
}

/** Every URL the manifest declares, with where it is. */
function declaredUrls(m: Manifest): [string, DataPath][] {
  const urls: [string, DataPath][] = [];
  if (m.solution.website) urls.push([m.solution.website, ['solution', 'website']]);
  for (const [name, item] of Object.entries(m.evidence ?? {}))
    if (item.url) urls.push([item.url, ['evidence', name, 'url']]);
  for (const kind of ['web', 'api'] as const)
    (m.endpoints?.[kind] ?? []).forEach((url, i) => urls.push([url, ['endpoints', kind, i]]));
  if (m.sandbox?.target && m.sandbox.target !== 'emulator')
    urls.push([m.sandbox.target, ['sandbox', 'target']]);
  if (m.sandbox?.['token-url']) urls.push([m.sandbox['token-url'], ['sandbox', 'token-url']]);
  const publication = m.referencing.process?.publication?.url;
  if (publication) urls.push([publication, ['referencing', 'process', 'publication', 'url']]);
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

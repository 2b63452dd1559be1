// Tracker signatures are data (rules/trackers.yml): each tool, where its data goes, the patterns that reveal it
// and the sources that justify both. Loaded once per rules folder, validated with located errors.
import path from 'node:path';
import { UserError, combineErrors } from '../errors.js';
import { compileSchema, schemaErrorsToUserErrors } from '../util/schema-errors.js';
import { rulesDir } from '../util/project.js';
import { readYamlFile } from '../util/yaml-source.js';

export type Transfer = 'non-eu' | 'eu';

export interface TrackerSource {
  title: string;
  url: string;
}

export interface TrackerSignature {
  id: string;
  name: string;
  vendor: string;
  country: string;
  transfer: Transfer;
  patterns: string[];
  sources: string[];
}

export interface TrackerSignatures {
  sources: Record<string, TrackerSource>;
  trackers: TrackerSignature[];
  /** Where the data came from, as shown to the user. */
  file: string;
}

export const TRACKERS_FILE = 'trackers.yml';
const MAX_BYTES = 512 * 1024;

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['sources', 'trackers'],
  properties: {
    sources: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'url'],
        properties: {
          title: { type: 'string', minLength: 1 },
          url: { type: 'string', pattern: '^https://' },
        },
      },
    },
    trackers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'vendor', 'country', 'transfer', 'patterns', 'sources'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          name: { type: 'string', minLength: 1 },
          vendor: { type: 'string', minLength: 1 },
          country: { type: 'string', minLength: 1 },
          transfer: { enum: ['non-eu', 'eu'] },
          patterns: { type: 'array', minItems: 1, items: { type: 'string', minLength: 4 } },
          sources: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
        },
      },
    },
  },
};
const validate = compileSchema(schema);

const cache = new Map<string, TrackerSignatures>();

/** Reads and checks rules/trackers.yml (or the one in `rules`); a broken file is a located UserError. */
export function loadTrackerSignatures(rules = rulesDir()): TrackerSignatures {
  const absolute = path.join(rules, TRACKERS_FILE);
  const known = cache.get(absolute);
  if (known) return known;
  const file = path.relative(path.dirname(rules), absolute).split(path.sep).join('/');
  const source = readYamlFile(absolute, { displayPath: file, maxBytes: MAX_BYTES });
  if (!validate(source.data)) {
    throw combineErrors(schemaErrorsToUserErrors(validate.errors ?? [], source)) as UserError;
  }
  const data = source.data as Omit<TrackerSignatures, 'file'>;
  const problems: UserError[] = [];
  const ids = new Set<string>();
  data.trackers.forEach((tracker, i) => {
    if (ids.has(tracker.id))
      problems.push(
        new UserError('trackers.duplicate-id', { id: tracker.id }, source.locate(['trackers', i, 'id'])),
      );
    ids.add(tracker.id);
    tracker.sources.forEach((s, j) => {
      if (!data.sources[s])
        problems.push(
          new UserError(
            'trackers.unknown-source',
            { id: tracker.id, source: s },
            source.locate(['trackers', i, 'sources', j]),
          ),
        );
    });
    tracker.patterns.forEach((pattern, j) => {
      const reason = patternProblem(pattern);
      if (reason)
        problems.push(
          new UserError(
            'trackers.bad-pattern',
            { id: tracker.id, reason },
            source.locate(['trackers', i, 'patterns', j]),
          ),
        );
    });
  });
  const combined = combineErrors(problems);
  if (combined) throw combined;
  const loaded = { ...data, file };
  cache.set(absolute, loaded);
  return loaded;
}

function patternProblem(pattern: string): string | undefined {
  // The matcher names its own groups to know which signature matched; a named group here would collide.
  if (/\(\?<(?![=!])/.test(pattern)) return 'named group';
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    return (error as Error).message;
  }
  // A pattern matching the empty string would report every file.
  if (new RegExp(`^(?:${pattern})$`, 'i').test('')) return 'matches the empty string';
  return undefined;
}

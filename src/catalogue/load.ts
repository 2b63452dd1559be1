// Loads and validates a catalogue version from rules/catalogue/<version>/. A broken rules file is a located
// UserError, never a crash: the catalogue is data that people edit.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import schema from '../../schemas/catalogue.schema.json' with { type: 'json' };
import manifestSchema from '../../schemas/manifest.schema.json' with { type: 'json' };
import { UserError, combineErrors } from '../errors.js';
import type { AnyCheck } from '../checks/types.js';
import { compileSchema, lazySchema, schemaErrorsToUserErrors } from '../util/schema-errors.js';
import { closest } from '../util/suggest.js';
import { readYamlFile } from '../util/yaml-source.js';
import type { YamlSource } from '../util/yaml-source.js';
import { STEP_KEYS } from '../process/definition.js';
import { isValidDate } from '../util/dates.js';
import { conditionFields } from './conditions.js';
import type { Catalogue, Condition, Criterion, Rubrique } from './types.js';
import type { LocalizedText } from '../i18n/index.js';
import { rulesDir } from '../util/project.js';
import type { SourceLocation } from '../location.js';

// Two entry points into one schema: only the definitions are shared, not the `$id` (one Ajv holds both).
const { $id: _catalogueId, ...catalogueDefinitions } = schema;
const validateHeader = lazySchema({ ...catalogueDefinitions, $ref: '#/$defs/header' });
const validateCriteriaFile = lazySchema({ ...catalogueDefinitions, $ref: '#/$defs/criteriaFile' });
const HEADER_FILE = 'catalogue.yml';
const RULES_MAX_BYTES = 2 * 1024 * 1024;

/** A criterion as written in rules/: `review` is the reviewer's guide, `fondement` the level's basis. */
type RawCriterion = Omit<Criterion, 'rubrique' | 'definedAt' | 'review' | 'reviewGuide' | 'fondement'> & {
  review?: LocalizedText;
  fondement: LocalizedText & { sources?: string[] };
};

export function catalogueRoot(rules = rulesDir()): string {
  return path.join(rules, 'catalogue');
}

export function catalogueVersions(rules = rulesDir()): string[] {
  const root = catalogueRoot(rules);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, HEADER_FILE)))
    .map((d) => d.name)
    .sort();
}

export interface LoadCatalogueOptions {
  version: string;
  checks: ReadonlyMap<string, AnyCheck>;
  rules?: string;
  /** Where the manifest asks for this version (for the "unknown version" error). */
  requestedAt?: SourceLocation;
}

export function loadCatalogue(options: LoadCatalogueOptions): Catalogue {
  const rules = options.rules ?? rulesDir();
  const versions = catalogueVersions(rules);
  if (!versions.includes(options.version)) {
    const suggestion = closest(options.version, versions);
    throw new UserError(
      'catalogue.unknown-version',
      {
        version: options.version,
        known: versions.join(', ') || '—',
        suggestion: suggestion ?? versions.at(-1) ?? '—',
      },
      options.requestedAt,
    );
  }
  const dir = path.join(catalogueRoot(rules), options.version);
  const display = (file: string) =>
    path.relative(path.dirname(rules), path.join(dir, file)).split(path.sep).join('/');
  const read = (file: string) =>
    readYamlFile(path.join(dir, file), { displayPath: display(file), maxBytes: RULES_MAX_BYTES });

  const headerSource = read(HEADER_FILE);
  if (!validateHeader(headerSource.data)) {
    throw combineErrors(schemaErrorsToUserErrors(validateHeader.errors ?? [], headerSource)) as UserError;
  }
  const header = headerSource.data as Omit<Catalogue, 'criteria' | 'dir'>;
  if (header.version !== options.version) {
    throw new UserError(
      'catalogue.version-mismatch',
      { version: header.version, dir: options.version },
      headerSource.locate(['version']),
    );
  }

  const problems: UserError[] = [...processProblems(header, headerSource)];
  const criteria: Criterion[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yml') && f !== HEADER_FILE)
    .sort();
  for (const file of files) {
    const source = read(file);
    if (!validateCriteriaFile(source.data)) {
      problems.push(...schemaErrorsToUserErrors(validateCriteriaFile.errors ?? [], source));
      continue;
    }
    const data = source.data as { rubrique: Rubrique; criteria: RawCriterion[] };
    data.criteria.forEach((raw, i) => {
      const { review, fondement, ...rest } = raw;
      criteria.push({
        ...rest,
        fondement: { text: { fr: fondement.fr, en: fondement.en }, sources: fondement.sources ?? [] },
        review: review !== undefined,
        ...(review ? { reviewGuide: review } : {}),
        rubrique: data.rubrique,
        definedAt: source.locate(['criteria', i]),
      });
      problems.push(...crossCheck(criteria.at(-1) as Criterion, i, source, header, options.checks));
    });
  }

  const seen = new Map<string, Criterion>();
  for (const c of criteria) {
    const first = seen.get(c.id);
    if (first)
      problems.push(
        new UserError(
          'catalogue.duplicate-id',
          { id: c.id, first: `${first.definedAt.file}:${first.definedAt.line}` },
          c.definedAt,
        ),
      );
    seen.set(c.id, c);
  }
  const rubriqueIds = new Set(header.rubriques.map((r) => r.id));
  for (const c of criteria) {
    if (!rubriqueIds.has(c.rubrique))
      problems.push(new UserError('catalogue.unknown-rubrique', { rubrique: c.rubrique }, c.definedAt));
  }
  const manifestEvidence = Object.keys(manifestSchema.properties.evidence.properties);
  for (const key of Object.keys(header['evidence-types'])) {
    if (!manifestEvidence.includes(key)) {
      problems.push(
        new UserError(
          'catalogue.evidence-not-in-manifest',
          { key },
          headerSource.locate(['evidence-types', key], { key: true }),
        ),
      );
    }
  }
  const combined = combineErrors(problems);
  if (combined) throw combined;
  return { ...header, criteria, dir };
}

function crossCheck(
  c: Criterion,
  index: number,
  source: YamlSource,
  header: Omit<Catalogue, 'criteria' | 'dir'>,
  checks: ReadonlyMap<string, AnyCheck>,
): UserError[] {
  const problems: UserError[] = [];
  const at = (...p: (string | number)[]) => source.locate(['criteria', index, ...p]);
  c.sources.forEach((s, i) => {
    if (!header.sources[s])
      problems.push(new UserError('catalogue.unknown-source', { id: c.id, source: s }, at('sources', i)));
  });
  c.fondement.sources.forEach((s, i) => {
    if (!header.sources[s])
      problems.push(
        new UserError('catalogue.unknown-source', { id: c.id, source: s }, at('fondement', 'sources', i)),
      );
    else if (!c.sources.includes(s))
      problems.push(
        new UserError(
          'catalogue.fondement-source-unlisted',
          { id: c.id, source: s },
          at('fondement', 'sources', i),
        ),
      );
  });
  // "obligatoire" is a claim about a published text: it must name the text.
  if (c.niveau === 'obligatoire' && c.fondement.sources.length === 0)
    problems.push(new UserError('catalogue.obligatoire-unsourced', { id: c.id }, at('fondement')));
  const evidenceTypes = Object.keys(header['evidence-types']);
  c.evidence.forEach((e, i) => {
    if (!evidenceTypes.includes(e)) {
      problems.push(
        new UserError(
          'catalogue.unknown-evidence',
          { id: c.id, item: e, suggestion: closest(e, evidenceTypes) ?? '—' },
          at('evidence', i),
        ),
      );
    }
  });
  if (c['applies-if']) problems.push(...checkFields(c['applies-if'], at('applies-if')));
  c.checks.forEach((inv, i) => {
    if (inv.from !== undefined && !isValidDate(inv.from))
      problems.push(
        new UserError('catalogue.bad-date', { id: c.id, date: inv.from }, at('checks', i, 'from')),
      );
    const check = checks.get(inv.check);
    if (!check) {
      problems.push(
        new UserError(
          'catalogue.unknown-check',
          { id: c.id, check: inv.check, suggestion: closest(inv.check, [...checks.keys()]) ?? '—' },
          at('checks', i, 'check'),
        ),
      );
      return;
    }
    if (check.paramsSchema) {
      const validate = compileSchema(check.paramsSchema as object);
      if (!validate(inv.with ?? {})) {
        const detail = (validate.errors ?? [])
          .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
          .join('; ');
        problems.push(
          new UserError(
            'catalogue.bad-check-params',
            { id: c.id, check: inv.check, detail },
            at('checks', i),
          ),
        );
      }
    }
    for (const condition of check.conditions?.(inv.with ?? {}) ?? [])
      problems.push(...checkFields(condition, at('checks', i)));
    for (const item of check.evidence?.(inv.with ?? {}) ?? []) {
      if (!evidenceTypes.includes(item))
        problems.push(
          new UserError(
            'catalogue.unknown-evidence',
            { id: c.id, item, suggestion: closest(item, evidenceTypes) ?? '—' },
            at('checks', i),
          ),
        );
    }
  });
  return problems;
}

/** The process section names actors and sources the header defines, and lists the steps once each, in order. */
function processProblems(header: Omit<Catalogue, 'criteria' | 'dir'>, source: YamlSource): UserError[] {
  const problems: UserError[] = [];
  const { process } = header;
  const actor = (id: string, at: (string | number)[]) => {
    if (!process.actors[id])
      problems.push(new UserError('catalogue.unknown-actor', { actor: id }, source.locate(at)));
  };
  const cite = (id: string, owner: string, at: (string | number)[]) => {
    if (!header.sources[id])
      problems.push(new UserError('catalogue.unknown-source', { id: owner, source: id }, source.locate(at)));
  };
  process.steps.forEach((step, i) => {
    const at = ['process', 'steps', i];
    if (step.key !== STEP_KEYS[i])
      problems.push(
        new UserError(
          'catalogue.step-order',
          { key: step.key, expected: STEP_KEYS[i] ?? '—', number: i + 1 },
          source.locate([...at, 'key']),
        ),
      );
    step.actors.forEach((a, j) => actor(a, [...at, 'actors', j]));
    step.sources.forEach((s, j) => cite(s, step.key, [...at, 'sources', j]));
  });
  if (process.steps.length !== STEP_KEYS.length)
    problems.push(
      new UserError('catalogue.step-count', { count: STEP_KEYS.length }, source.locate(['process', 'steps'])),
    );
  for (const part of ['renewal', 'continuous-evaluation'] as const) {
    actor(process[part].actor, ['process', part, 'actor']);
    process[part].sources.forEach((s, j) => cite(s, part, ['process', part, 'sources', j]));
  }
  return problems;
}

/** A condition may only read fields the manifest schema defines, so a typo in rules/ cannot silently never match. */
function checkFields(condition: Condition, where: SourceLocation): UserError[] {
  return conditionFields(condition)
    .filter((field) => !manifestHasField(field))
    .map((field) => new UserError('catalogue.unknown-field', { field }, where));
}

export function manifestHasField(field: string): boolean {
  type SchemaNode = { properties?: Record<string, SchemaNode>; $ref?: string };
  const definitions = (manifestSchema as { $defs: Record<string, SchemaNode> }).$defs;
  // Local references (#/$defs/name) are followed, so a condition can read inside a shared definition.
  const resolve = (n: SchemaNode | undefined) =>
    n?.$ref?.startsWith('#/$defs/') ? definitions[n.$ref.slice('#/$defs/'.length)] : n;
  let node: SchemaNode | undefined = manifestSchema as SchemaNode;
  for (const segment of field.split('.')) {
    node = resolve(resolve(node)?.properties?.[segment]);
    if (!node) return false;
  }
  return true;
}

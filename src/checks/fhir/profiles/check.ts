// `fhir/profiles`: validates the resources the manifest declares (`fhir.resources` globs) against the FHIR
// packages of one data domain, and turns validation issues into located findings (annotations, SARIF). Files of
// another domain are left to that domain's invocation. Packages load once per run; a missing package makes the
// check unavailable, naming the package and where it was looked for.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { DataDomain } from '../../../manifest/types.js';
import type { Check, CheckContext, Finding, Outcome } from '../../types.js';
import type { FhirContext } from '../../../fhir/packages/context.js';
import { loadPackages, PackageStore } from '../../../fhir/packages/load.js';
import { parsePackageSpec } from '../../../fhir/packages/package-spec.js';
import { describeProblem, summarizeProblems } from '../../../fhir/packages/problems.js';
import { DEFAULT_MAX_FILE_BYTES, validateFile } from '../../../fhir/validator/files.js';
import type { IssueSeverity, ValidationIssue } from '../../../fhir/validator/issue.js';
import { parseJson } from '../../../util/json-source.js';
import { expandRepoGlobs } from '../../../util/repo-globs.js';
import { readTextFile } from '../../../util/text-file.js';
import { DATA_DOMAINS, defaultProfiles, domainOf, domainRules } from './domains.js';

export interface ProfilesParams {
  domain: DataDomain;
  [key: string]: unknown;
}

interface ResourceFile {
  absolute: string;
  /** Repository-relative, `/`-separated. */
  relative: string;
  domain: DataDomain | undefined;
  /** Profiles of its domain to apply when it declares none. */
  profiles: string[];
}

interface Collected {
  files: ResourceFile[];
  findings: Finding[];
}

const OUTCOME: Record<IssueSeverity, Outcome> = {
  fatal: 'fail',
  error: 'fail',
  warning: 'warn',
  information: 'info',
};

type RefusalReason = 'absolute' | 'escapes' | 'symlink-escapes';

/** A `fhir.resources` or `fhir.definitions` pattern (or a link it matched) that reaches outside the repository. */
function refusal(
  ctx: CheckContext,
  reason: RefusalReason,
  pattern: string,
  location: Finding['location'],
): Finding {
  return {
    outcome: 'fail',
    code: `fhir.resources-${reason}`,
    message: ctx.t(`fhir.resources-${reason}`, { pattern }),
    location,
  };
}

/** The resource files of `fhir.resources`, each once, with the domain it belongs to. Shared by invocations. */
function collectFiles(ctx: CheckContext): Collected {
  const findings: Finding[] = [];
  const files = new Map<string, ResourceFile>();
  const rules = domainRules();
  for (const match of expandRepoGlobs(ctx.repoDir, ctx.manifest.fhir?.resources ?? [], ctx.excluded)) {
    const location = ctx.locate(['fhir', 'resources', match.index]);
    const refuse = (reason: RefusalReason, pattern: string) =>
      findings.push(refusal(ctx, reason, pattern, location));
    if (match.refused) {
      refuse(match.refused, match.pattern);
      continue;
    }
    for (const link of match.escaping) refuse('symlink-escapes', link);
    if (match.files.length === 0 && match.escaping.length === 0) {
      findings.push({
        outcome: 'warn',
        code: 'fhir.resources-none',
        message: ctx.t('fhir.resources-none', { pattern: match.pattern }),
        location,
      });
    }
    for (const relative of match.files) {
      if (files.has(relative)) continue;
      const absolute = path.join(ctx.repoDir, relative);
      files.set(relative, { absolute, relative, ...classify(absolute, rules) });
    }
  }
  return { files: [...files.values()], findings };
}

function classify(
  absolute: string,
  rules: ReturnType<typeof domainRules>,
): Pick<ResourceFile, 'domain' | 'profiles'> {
  try {
    if (statSync(absolute).size > DEFAULT_MAX_FILE_BYTES) return { domain: undefined, profiles: [] };
    // A file that is not text is said by its validation; here it belongs to no domain.
    const decoded = readTextFile(absolute);
    if (!decoded.ok) return { domain: undefined, profiles: [] };
    const parsed = parseJson(decoded.text);
    if (!parsed.ok) return { domain: undefined, profiles: [] };
    const domain = domainOf(parsed.value, rules);
    return { domain, profiles: defaultProfiles(parsed.value, domain ? rules.get(domain) : undefined) };
  } catch {
    return { domain: undefined, profiles: [] };
  }
}

/** The domain that validates files recognised as no domain's: the first data domain the manifest declares. */
function fallbackDomain(ctx: CheckContext): DataDomain {
  return ctx.manifest.orientation['data-domains']?.[0] ?? 'mesures';
}

function packagesFor(ctx: CheckContext, domain: DataDomain): string[] {
  return ctx.manifest.fhir?.packages ?? domainRules().get(domain)?.packages ?? [];
}

/** The editor's conformance resources (`fhir.definitions`), repository files only; refused patterns are findings. */
function collectDefinitions(ctx: CheckContext): { files: string[]; findings: Finding[] } {
  const files: string[] = [];
  const findings: Finding[] = [];
  for (const match of expandRepoGlobs(ctx.repoDir, ctx.manifest.fhir?.definitions ?? [], ctx.excluded)) {
    const location = ctx.locate(['fhir', 'definitions', match.index]);
    const refuse = (reason: RefusalReason, pattern: string) =>
      findings.push(refusal(ctx, reason, pattern, location));
    if (match.refused) refuse(match.refused, match.pattern);
    for (const link of match.escaping) refuse('symlink-escapes', link);
    if (match.files.length === 0 && !match.refused && match.escaping.length === 0)
      findings.push({
        outcome: 'warn',
        code: 'fhir.resources-none',
        message: ctx.t('fhir.resources-none', { pattern: match.pattern }),
        location,
      });
    for (const relative of match.files) files.push(path.join(ctx.repoDir, relative));
  }
  return { files, findings };
}

/** The packages (registry references) and the repository's own definition files (paths it expanded itself). */
async function contextFor(
  ctx: CheckContext,
  packages: string[],
  definitions: string[],
): Promise<FhirContext> {
  const store = await ctx.shared('fhir/package-store', async () => {
    const o = ctx.options;
    return new PackageStore({
      packagePath: o.fhirPackagePath,
      ...(o.fhirPackageCache ? { cacheDir: o.fhirPackageCache } : {}),
      ...(o.fhirRegistry ? { registry: o.fhirRegistry } : {}),
      offline: o.offline,
    });
  });
  // Registry references only: an `id#version` that also names a file must never be read as one.
  const specs = packages.map(parsePackageSpec).filter((spec) => spec !== undefined);
  return ctx.shared(`fhir/context:${[...definitions, ...packages].join(',')}`, () =>
    loadPackages([...definitions, ...specs], {
      packagePath: ctx.options.fhirPackagePath,
      store,
      localLast: true,
    }),
  );
}

/**
 * The repository's definitions never replace a package's: one whose canonical a package already defines is not
 * used, and the editor is told (a pull request cannot loosen an IG profile by redefining it).
 */
function shadowedDefinitions(ctx: CheckContext, context: FhirContext): Finding[] {
  const local = context.packages.find((p) => p.origin === 'local');
  if (!local) return [];
  const findings: Finding[] = [];
  for (const entry of local.entries) {
    if (!entry.url) continue;
    const owner = context.resolve(entry.url)?.pkg;
    if (!owner || owner === local) continue;
    const file = repoFile(ctx, entry.filename.replace(/#\d+$/, ''));
    findings.push({
      outcome: 'warn',
      code: 'fhir.definition-shadowed',
      message: ctx.t('fhir.definition-shadowed', { url: entry.url, package: owner.key, file }),
      location: { file },
    });
  }
  return findings;
}

/** A definition file of the repository is named relative to it (package files keep `id#version/…`). */
function repoFile(ctx: CheckContext, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(ctx.repoDir, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

/** Issues saying a declared profile could not be used: the resource was not checked against it. */
const PROFILE_NOT_LOADED = new Set([
  'fhir.v.profile-unknown',
  'fhir.v.profile-no-snapshot',
  'fhir.v.profile-bad-snapshot',
  'fhir.v.profile-not-structure-definition',
]);

function findingOf(issue: ValidationIssue, ctx: CheckContext): Finding {
  // A profile that could not be loaded leaves the resource unchecked against it: at best `a-verifier`, never conforme.
  const notLoaded = PROFILE_NOT_LOADED.has(issue.messageId) && issue.severity === 'warning';
  return {
    outcome: notLoaded ? 'review' : OUTCOME[issue.severity],
    ...(notLoaded ? { fix: ctx.t('fhir.fix.profile-not-loaded') } : {}),
    code: `fhir.${issue.messageId.replace(/^fhir\.v\./, '')}`,
    message: issue.expression ? `${issue.message} (${issue.expression})` : issue.message,
    location: {
      file: issue.file as string,
      ...(issue.line !== undefined ? { line: issue.line } : {}),
      ...(issue.column !== undefined ? { column: issue.column } : {}),
    },
    details: {
      severity: issue.severity,
      issueType: issue.code,
      expression: issue.expression || null,
      ...(issue.profile ? { profile: issue.profile } : {}),
      ...(issue.constraint ? { constraint: issue.constraint } : {}),
    },
  };
}

/** Information issues ("not checked offline") grouped per file and message, so they inform without flooding. */
function groupInformation(issues: ValidationIssue[], ctx: CheckContext): Finding[] {
  const groups = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const key = `${issue.file}|${issue.messageId}`;
    const list = groups.get(key);
    if (list) list.push(issue);
    else groups.set(key, [issue]);
  }
  return [...groups.values()].map((list) => {
    const first = findingOf(list[0] as ValidationIssue, ctx);
    return list.length === 1
      ? first
      : { ...first, message: ctx.t('fhir.grouped', { message: first.message, more: list.length - 1 }) };
  });
}

export const profilesCheck: Check<ProfilesParams> = {
  id: 'fhir/profiles',
  engine: 'fhir',
  settings: ['fhir-packages'],
  description: {
    fr: 'Les ressources FHIR déclarées (fhir.resources) sont conformes aux profils du domaine (structure, cardinalités, slicing, terminologie hors ligne, invariants).',
    en: 'The declared FHIR resources (fhir.resources) conform to the domain profiles (structure, cardinalities, slicing, offline terminology, invariants).',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['domain'],
    properties: { domain: { enum: [...DATA_DOMAINS] } },
  },
  async run(ctx, params) {
    const { domain } = params;
    const collected = await ctx.shared('fhir/resource-files', async () => collectFiles(ctx));
    const fallback = fallbackDomain(ctx);
    const files = collected.files.filter((f) => (f.domain ?? fallback) === domain);
    const findings: Finding[] = domain === fallback ? [...collected.findings] : [];
    const manifestFhir = ctx.manifest.fhir ? ctx.locate(['fhir']) : ctx.locate([]);
    if (files.length === 0) {
      findings.push({
        outcome: 'review',
        code: 'fhir.no-resources',
        message: ctx.t('fhir.no-resources', { domain }),
        location: manifestFhir,
      });
      return findings;
    }
    const packages = packagesFor(ctx, domain);
    const definitions = await ctx.shared('fhir/definitions', async () => collectDefinitions(ctx));
    if (domain === fallback) findings.push(...definitions.findings);
    const context = await contextFor(ctx, packages, definitions.files);
    const packagesLocation = ctx.manifest.fhir?.packages ? ctx.locate(['fhir', 'packages']) : manifestFhir;
    if (domain === fallback) findings.push(...shadowedDefinitions(ctx, context));
    if (context.missing.length > 0) {
      return [
        ...findings,
        ...context.missing.map((problem) => ({
          outcome: 'unavailable' as const,
          code: `fhir.package-${problem.kind}`,
          message: describeProblem(problem, ctx.t),
          fix: ctx.t(
            problem.kind === 'invalid-package' || problem.kind === 'invalid-resource'
              ? 'fhir.fix.invalid-package'
              : ctx.options.offline
                ? 'fhir.fix.package-offline'
                : 'fhir.fix.package-missing',
            { spec: problem.spec },
          ),
          location: packagesLocation,
          details: { package: problem.spec, searched: problem.searched.join(', ') },
        })),
      ];
    }
    // A dependency loaded in another version than declared: said once per run, as a warning naming both versions;
    // the validation issues keep their severity.
    const reported = await ctx.shared('fhir/substitutions-reported', async () => new Set<string>());
    for (const problem of context.problems.filter((p) => p.kind === 'substituted-dependency')) {
      const key = `${problem.spec}|${problem.substitute ?? ''}|${problem.requiredBy ?? ''}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        outcome: 'warn',
        code: 'fhir.package-substituted',
        message: describeProblem(problem, ctx.t),
        location: packagesLocation,
        details: {
          package: problem.spec,
          substitute: problem.substitute ?? null,
          requiredBy: problem.requiredBy ?? null,
        },
      });
    }
    const others = context.problems.filter((p) => p.kind !== 'substituted-dependency');
    if (others.length > 0) {
      findings.push({
        outcome: 'info',
        code: 'fhir.package-dependencies',
        message: ctx.t('fhir.package-dependencies', {
          packages: packages.join(', '),
          detail: summarizeProblems(others, ctx.t),
        }),
        location: packagesLocation,
      });
    }
    ctx.log(ctx.t('fhir.progress', { count: files.length, domain, packages: packages.join(', ') }));
    const unknownExtensions = ctx.manifest.fhir?.['unknown-extensions'] ?? 'error';
    for (const file of files) {
      const issues = validateFile(file.absolute, file.relative, {
        context,
        lang: ctx.lang,
        unknownExtensions,
      });
      for (const issue of issues) if (issue.file) issue.file = repoFile(ctx, issue.file);
      const information = issues.filter((i) => i.severity === 'information');
      const judged = issues.filter((i) => i.severity !== 'information');
      findings.push(...judged.map((i) => findingOf(i, ctx)), ...groupInformation(information, ctx));
      if (!judged.some((i) => i.severity === 'error' || i.severity === 'fatal')) {
        findings.push({
          outcome: 'pass',
          code: 'fhir.conforms',
          message: ctx.t('fhir.conforms', {
            file: file.relative,
            packages: packages.join(', '),
            warnings: judged.length,
            unevaluated: information
              .filter(
                (i) =>
                  i.messageId === 'fhir.v.invariant-not-checked' ||
                  i.messageId === 'fhir.v.invariant-no-expression',
              )
              .reduce((sum, i) => sum + (i.count ?? 1), 0),
          }),
          location: { file: file.relative },
        });
      }
    }
    return findings;
  },
};

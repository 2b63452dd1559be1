// A check under test without a fixture repository: the test gives the manifest and the files it needs, gets the
// CheckContext the pipeline would build, and runs the check alone. Files go to a fresh temporary folder (checks
// read the disk, as in a real run); nothing is copied from examples/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { registeredChecks } from '../../src/checks/registry.js';
import type { Check, CheckContext, CheckParams, EngineOptions, Finding } from '../../src/checks/types.js';
import { pick } from '../../src/i18n/index.js';
import type { Lang } from '../../src/i18n/index.js';
import { MANIFEST_FILE, checkManifest } from '../../src/manifest/load.js';
import { translator } from '../../src/messages.js';
import { processState } from '../../src/process/state.js';
import { Redactor } from '../../src/secrets.js';
import { parseYaml } from '../../src/util/yaml-source.js';
import { DEMO_TODAY, MINIMAL_MANIFEST } from '../helpers.js';

export { MINIMAL_MANIFEST } from '../helpers.js';

export interface TestRepository {
  /** The manifest's YAML text (default: MINIMAL_MANIFEST). */
  manifest?: string;
  /** Repository files by relative path. */
  files?: Record<string, string | Uint8Array>;
  now?: Date;
  lang?: Lang;
  engine?: Partial<EngineOptions>;
}

/** A CheckContext, plus what the check left behind: dossier attachments and progress lines. */
export interface TestCheckContext extends CheckContext {
  attachments: Map<string, string>;
  logs: string[];
}

const catalogues = new Map<string, Catalogue>();

function catalogueFor(version: string): Catalogue {
  let catalogue = catalogues.get(version);
  if (!catalogue) {
    catalogue = loadCatalogue({ version, checks: registeredChecks() });
    catalogues.set(version, catalogue);
  }
  return catalogue;
}

/** Writes the repository to a temporary folder and returns the context the pipeline would give a check. */
export function checkContext(repo: TestRepository = {}): TestCheckContext {
  const repoDir = mkdtempSync(path.join(os.tmpdir(), 'mes-check-'));
  const manifestText = repo.manifest ?? MINIMAL_MANIFEST;
  writeFileSync(path.join(repoDir, MANIFEST_FILE), manifestText);
  for (const [file, content] of Object.entries(repo.files ?? {})) {
    const target = path.join(repoDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const loaded = checkManifest(parseYaml(manifestText, MANIFEST_FILE), MANIFEST_FILE);
  const catalogue = catalogueFor(loaded.manifest.referencing.referentiel);
  const lang = repo.lang ?? 'fr';
  const t = translator(lang);
  const now = repo.now ?? DEMO_TODAY;
  const attachments = new Map<string, string>();
  const logs: string[] = [];
  const shared = new Map<string, Promise<unknown>>();
  return {
    repoDir,
    manifest: loaded.manifest,
    manifestFile: loaded.file,
    locate: loaded.locate,
    now,
    process: processState({ loaded, definition: catalogue.process, now, lang, t }),
    lang,
    t,
    options: { offline: true, fhirPackagePath: [], env: {}, ...repo.engine },
    excluded: [],
    secrets: new Redactor(),
    evidenceTitle: (key) => {
      const type = catalogue['evidence-types'][key];
      return type ? pick(type.title, lang) : key;
    },
    log: (message) => logs.push(message),
    attach: (name, content) => attachments.set(name, content),
    shared: <T>(key: string, create: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, create());
      return shared.get(key) as Promise<T>;
    },
    signal: new AbortController().signal,
    attachments,
    logs,
  };
}

/** Runs one check on a test repository, as the pipeline would run one invocation of it. */
export async function runCheck<P extends CheckParams>(
  check: Check<P>,
  params: P,
  repo: TestRepository = {},
): Promise<Finding[]> {
  return check.run(checkContext(repo), params);
}

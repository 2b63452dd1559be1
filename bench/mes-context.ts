// A check context for benchmarks, built as the pipeline builds it (no pipeline run around the measured check).
import path from 'node:path';
import type { CheckContext } from '../src/checks/types.js';
import { translator } from '../src/messages.js';
import { loadCatalogue } from '../src/catalogue/load.js';
import { registeredChecks } from '../src/checks/registry.js';
import { loadManifest } from '../src/manifest/load.js';
import { processState } from '../src/process/state.js';
import { Redactor } from '../src/secrets.js';

export function benchContext(repoDir: string, attachments = new Map<string, string>()): CheckContext {
  const loaded = loadManifest('mes-referencing.yml', repoDir);
  const shared = new Map<string, Promise<unknown>>();
  const now = new Date('2026-06-01T12:00:00Z');
  const t = translator('fr');
  const catalogue = loadCatalogue({
    version: loaded.manifest.referencing.referentiel,
    checks: registeredChecks(),
  });
  return {
    repoDir: path.resolve(repoDir),
    excluded: [],
    manifest: loaded.manifest,
    manifestFile: loaded.file,
    locate: loaded.locate,
    now,
    process: processState({ loaded, definition: catalogue.process, now, lang: 'fr', t }),
    lang: 'fr',
    t,
    options: { offline: true, fhirPackagePath: [], env: {} },
    secrets: new Redactor(),
    evidenceTitle: (key) => key,
    log: () => undefined,
    attach: (name, content) => attachments.set(name, content),
    shared: <T>(key: string, create: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, create());
      return shared.get(key) as Promise<T>;
    },
    signal: new AbortController().signal,
  };
}

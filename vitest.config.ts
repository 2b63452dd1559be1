import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Tests that start processes: the built action, the CLI, the emulator, a reference client, a tool. They run in
 * worker processes of their own (forks), away from the in-process tests' threads. Name a new one `*.process.test.ts`.
 */
const PROCESS_TESTS = [
  'test/**/*.process.test.ts',
  'test/cli/*.test.ts',
  'test/fhir/cli.test.ts',
  'test/emulator/admin.test.ts',
  'test/emulator/catalogue.test.ts',
  'test/emulator/tls.test.ts',
  'test/pipeline/trust.test.ts',
  'test/repo/secrets.test.ts',
  'test/sandbox/pkcs12.test.ts',
  'test/sandbox/scenarios.test.ts',
  'test/sandbox/secrets.test.ts',
  'test/web/demo.test.ts',
];

export default defineConfig({
  test: {
    // Integration tests start real servers and child processes; keep them from starving each other on small runners.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker less than the cores: on 2 cores, a single file at a time. Process tests spend
    // their time waiting for a child, so every core gets a worker.
    maxWorkers: os.availableParallelism(),
    env: {
      // The read-only FHIR packages, absolute so that tests running a process elsewhere (the action in its
      // workspace) find them too; by default the shared folder beside the clone, as the README says.
      FHIR_PACKAGE_PATH: (
        process.env.FHIR_PACKAGE_PATH || path.resolve(import.meta.dirname, '../shared/fhir-packages')
      )
        .split(path.delimiter)
        .map((folder) => path.resolve(folder))
        .join(path.delimiter),
      // No test reaches the network or the user's own package cache: a package missing from FHIR_PACKAGE_PATH is
      // looked for in an empty cache, then at a registry address that refuses at once (a DNS lookup per missing
      // dependency cost seconds per run, and a result that depended on the machine).
      FHIR_PACKAGE_CACHE: path.join(os.tmpdir(), 'mes-referencing-test-fhir-cache'),
      FHIR_REGISTRY_URL: 'http://127.0.0.1:9',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: PROCESS_TESTS,
          // Without isolation, the files of a worker share one module graph: the engine's modules, compiled schemas,
          // loaded FHIR packages and demo reports are loaded once per worker instead of once per file. A test file
          // therefore leaves no global state behind (`vitest run --sequence.shuffle.files` finds one that does).
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'process',
          include: PROCESS_TESTS,
          pool: 'forks',
          isolate: false,
          // The CLI they start, bundled from the sources once per run.
          globalSetup: ['test/source-cli.setup.ts'],
        },
      },
    ],
  },
});

// Global setup of the process tests: the CLI (src/cli.ts) and the action's entry point (src/main.ts) from the
// sources, bundled once per test run with esbuild, so that each test starting them as a process pays for neither
// TypeScript nor a loader hook (tsx added ~0.8 s of CPU to each of the ~40 processes). The bundle sits inside the
// repository so that it finds rules/ and node_modules as src/ does; it is rebuilt before each rerun in watch mode
// and removed at the end.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

const ROOT = path.resolve(import.meta.dirname, '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled CLI: `node <sourceCli> <command> …` runs src/cli.ts as it is now. */
    sourceCli: string;
    /** src/main.ts bundled: the action's entry point, whose `run()` @github/local-action calls. */
    sourceMain: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const parent = path.join(ROOT, 'node_modules', '.cache', 'mes-referencing-test');
  mkdirSync(parent, { recursive: true });
  const outdir = mkdtempSync(path.join(parent, 'cli-'));
  const bundle = async () => {
    await build({
      entryPoints: [path.join(ROOT, 'src', 'cli.ts'), path.join(ROOT, 'src', 'main.ts')],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    project.provide('sourceCli', path.join(outdir, 'cli.js'));
    project.provide('sourceMain', path.join(outdir, 'main.js'));
  };
  await bundle();
  project.onTestsRerun(bundle);
  return () => rmSync(outdir, { recursive: true, force: true });
}

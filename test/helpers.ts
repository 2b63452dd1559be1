// Shared test helpers: temporary copies of the demo repository, manifest edits, and running the real CLI.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO = path.join(ROOT, 'examples', 'demo-editor');
/** The read-only FHIR package folders (FHIR_PACKAGE_PATH, defaulted and made absolute by vitest.config.ts). */
export const FHIR_PACKAGE_FOLDERS = (process.env.FHIR_PACKAGE_PATH ?? '')
  .split(path.delimiter)
  .filter(Boolean);
/** The date the demo's evidence dates were written for. */
export const DEMO_TODAY = new Date('2026-11-26T12:00:00Z');

/** The 1-based line of the demo manifest that holds `text` (locations move when the manifest grows). */
export function demoManifestLine(text: string): number {
  const index = readFileSync(path.join(DEMO, 'mes-referencing.yml'), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`demoManifestLine: no line holds ${text}`);
  return index + 1;
}

/** The smallest valid manifest: a patient app without data exchange. Tests append the sections they need. */
export const MINIMAL_MANIFEST = `version: 1
solution:
  name: Essai
  editor: Essai SAS
  platforms: [web]
  editor-oid: 1.2.250.1.999.7
  solution-oid: 1.2.250.1.999.7.1
referencing:
  referentiel: '2023-10'
  path: sans-echange
orientation:
  audience: [patients]
  health-data: true
`;

export function tempDir(prefix = 'mes-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A throw-away copy of the demo repository. */
export function copyDemo(): string {
  const dir = tempDir('mes-demo-');
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

/** Rewrites the manifest of a repository copy with a text transformation. */
export function editManifest(repo: string, edit: (text: string) => string): void {
  const file = path.join(repo, 'mes-referencing.yml');
  const text = readFileSync(file, 'utf8');
  const next = edit(text);
  if (next === text) throw new Error('editManifest: the edit changed nothing');
  writeFileSync(file, next);
}

/**
 * Node arguments that start the CLI from the sources: the bundle the process tests' global setup made from
 * src/cli.ts (test/source-cli.setup.ts), or src/cli.ts through tsx in a test outside them.
 */
export function sourceCli(): string[] {
  const bundled = inject('sourceCli');
  return bundled ? [bundled] : ['--import', 'tsx', path.join(ROOT, 'src', 'cli.ts')];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from the sources, as a child process. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [...sourceCli(), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

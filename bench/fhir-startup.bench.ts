// First validation from process start, as a user's CI job pays it: the engine is bundled with ncc (as dist/ is),
// then fresh processes load R4 core + FR Core + mesures and validate the demo Bundle once. Target: under 1 s.
// The peer measured in the same run is a bare `node -e ""` process start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagePath = process.env.FHIR_PACKAGE_PATH ?? path.resolve(root, '../shared/fhir-packages');
const demo = path.join(root, 'examples/demo-editor/fhir/mesures/tension-arterielle.json');
const out = mkdtempSync(path.join(os.tmpdir(), 'mes-startup-'));

const build = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    path.join(root, 'bench/fhir-first-validation.ts'),
    '-o',
    out,
    '--target',
    'es2022',
    '-q',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (build.status !== 0) throw new Error(`ncc build failed: ${build.stderr}`);

function wall(args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return { ms: performance.now() - start, stdout: result.stdout };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const bare: number[] = [];
const total: number[] = [];
const inProcess: number[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(wall(['-e', '']).ms);
  const run = wall([path.join(out, 'index.js'), demo, packagePath]);
  const report = JSON.parse(run.stdout) as { sinceStart: number; errors: number };
  if (report.errors !== 0) throw new Error(`the demo Bundle should be valid: ${run.stdout}`);
  total.push(run.ms);
  inProcess.push(report.sinceStart);
}
console.log(`bare node process start       median ${median(bare).toFixed(0)} ms`);
console.log(`first validation (in process) median ${median(inProcess).toFixed(0)} ms since process start`);
console.log(
  `first validation (wall clock) median ${median(total).toFixed(0)} ms from spawn to exit (target < 1000 ms)`,
);
console.log(`ratio: validation adds ${(median(total) / median(bare)).toFixed(1)}× a bare process start`);

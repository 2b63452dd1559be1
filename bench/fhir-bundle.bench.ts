// Scale: transaction Bundles of 10k, 50k and 100k entries, each validated from its text in a fresh process
// (parse, duplicate keys, validation with Bundle references resolved through one index, positions). Targets:
// 100k under 60 s and 1.5 GB peak; the times printed side by side show whether growth is linear. Then a
// 500,000-entry transaction Bundle (larger heap, no memory target) must complete with every bdl-* invariant
// evaluated, and a 149,000-entry document Bundle whose first entry is not a Composition must report bdl-11.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagePath = process.env.FHIR_PACKAGE_PATH ?? path.resolve(root, '../shared/fhir-packages');
const sizes = (process.env.BENCH_BUNDLE_SIZES ?? '10000,50000,100000').split(',').map(Number);
const large = Number(process.env.BENCH_BUNDLE_LARGE ?? 500000);

interface Result {
  count: number;
  kind: string;
  megabytes: number;
  seconds: number;
  cpuSeconds: number;
  peakMegabytes: number;
  errors: number;
  firstError?: string;
  bdlFailed: string[];
  bdlNotEvaluated: number;
  constraintsNotEvaluated: number;
}

function validateBundle(count: number, kind: string, heapMegabytes: number): Result {
  const run = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMegabytes}`,
      '--import',
      'tsx',
      path.join(root, 'bench/fhir-bundle-run.ts'),
      String(count),
      packagePath,
      kind,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`${kind} Bundle of ${count} entries: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as Result;
  console.log(
    `${String(count).padStart(7)} entries ${kind.padEnd(11)} (${result.megabytes} MB of JSON): ${result.seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s of CPU), peak ${result.peakMegabytes} MB, ${Math.round(count / result.seconds)} entries/s; bdl-* not evaluated: ${result.bdlNotEvaluated}, constraints not evaluated: ${result.constraintsNotEvaluated}`,
  );
  return result;
}

const results: Result[] = [];
for (const count of sizes) {
  const result = validateBundle(count, 'transaction', 1400);
  if (result.errors !== 0) throw new Error(`the generated Bundle should be valid: ${JSON.stringify(result)}`);
  results.push(result);
}
const first = results[0];
const last = results.at(-1);
if (first && last && last !== first) {
  console.log(
    `ratio: ${last.count / first.count}× the entries took ${(last.seconds / first.seconds).toFixed(1)}× the time (linear would be ${last.count / first.count}×); targets 100k < 60 s and < 1500 MB`,
  );
}
if (large > 0) {
  const big = validateBundle(large, 'transaction', 12000);
  if (big.errors !== 0 || big.bdlNotEvaluated !== 0)
    throw new Error(
      `the ${large}-entry Bundle should be valid with every bdl-* evaluated: ${JSON.stringify(big)}`,
    );
  const document = validateBundle(149000, 'document', 8000);
  if (!document.bdlFailed.includes('bdl-11') || document.bdlNotEvaluated !== 0)
    throw new Error(`the 149k document Bundle must report bdl-11: ${JSON.stringify(document)}`);
  console.log(
    `${large} entries: completed, every bdl-* evaluated; 149k document: bdl-11 reported (${document.bdlFailed.join(', ')})`,
  );
}

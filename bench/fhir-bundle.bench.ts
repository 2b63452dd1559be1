// Scale: transaction Bundles of 10k, 50k and 100k entries, each validated from its text in a fresh process
// (parse, duplicate keys, validation with Bundle references resolved through one index, positions). Targets:
// 100k under 60 s and 1.5 GB peak; the times printed side by side show whether growth is linear.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagePath = process.env.FHIR_PACKAGE_PATH ?? path.resolve(root, '../shared/fhir-packages');
const sizes = (process.env.BENCH_BUNDLE_SIZES ?? '10000,50000,100000').split(',').map(Number);

const results: { count: number; seconds: number; peakMegabytes: number }[] = [];
for (const count of sizes) {
  const run = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=1400',
      '--import',
      'tsx',
      path.join(root, 'bench/fhir-bundle-run.ts'),
      String(count),
      packagePath,
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`bundle of ${count} entries: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as {
    count: number;
    megabytes: number;
    seconds: number;
    peakMegabytes: number;
    errors: number;
    firstError?: string;
  };
  if (result.errors !== 0) throw new Error(`the generated Bundle should be valid: ${run.stdout}`);
  results.push(result);
  console.log(
    `${String(count).padStart(7)} entries (${result.megabytes} MB of JSON): ${result.seconds.toFixed(1)} s, peak ${result.peakMegabytes} MB, ${Math.round(count / result.seconds)} entries/s`,
  );
}
const first = results[0];
const last = results.at(-1);
if (first && last && last !== first) {
  console.log(
    `ratio: ${last.count / first.count}× the entries took ${(last.seconds / first.seconds).toFixed(1)}× the time (linear would be ${last.count / first.count}×); targets 100k < 60 s and < 1500 MB`,
  );
}

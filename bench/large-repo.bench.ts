// A large repository end to end: a copy of examples/demo-editor with N measure Bundles (the demo's blood-pressure
// Bundle, every third one with a deliberate error so the same findings repeat over many files), checked by the CLI
// as a separate process. Prints wall time, peak RSS, stdout lines and the size of each dossier file — the figures
// of a run a user would see. Peer, in the same run: the same CLI on the demo as it is (one Bundle), so the ratio
// says what the N files cost.
//
//   npm run bench large-repo        (N = 5000, the built CLI in dist/: run `npm run build` first)
//   BENCH_BUNDLES=500 BENCH_CLI=src node --import tsx bench/large-repo.bench.ts   (the sources through tsx)
//   BENCH_CLI=../other-checkout/dist/cli/index.js …   (another build, for a before/after)
//   BENCH_PROFILE=1 …      (writes a --cpu-prof profile into the output folder, which is kept)
//   BENCH_KEEP=1 …         (keeps the output folder, with the CLI's stdout in stdout.txt)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLES = Number(process.env.BENCH_BUNDLES ?? 5000);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const demo = path.join(root, 'examples/demo-editor');
const measure = path.join(demo, 'fhir/mesures/tension-arterielle.json');
/** `src`: the sources through tsx; a path: that built CLI (e.g. another checkout's, for a before/after). */
const useSources = process.env.BENCH_CLI === 'src';

interface Run {
  ms: number;
  /** CPU time (user + system): steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMb: number;
  stdoutLines: number;
  exit: number | null;
  sizes: Record<string, number>;
}

/** Every third Bundle breaks one rule in a different way, so findings repeat across hundreds of files. */
function variant(bundle: string, i: number): string {
  const value = JSON.parse(bundle) as { entry: { resource: Record<string, unknown> }[] };
  const observation = value.entry.find((e) => e.resource.resourceType === 'Observation')?.resource;
  if (observation) {
    observation.effectiveDateTime = `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T08:12:00+02:00`;
    if (i % 3 === 1) observation.status = 'finalised';
    if (i % 3 === 2) delete observation.subject;
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}

function makeRepo(n: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-large-'));
  cpSync(demo, dir, { recursive: true });
  if (n > 1) {
    unlinkSync(path.join(dir, 'fhir/mesures/tension-arterielle.json'));
    const bundle = readFileSync(measure, 'utf8');
    for (let i = 0; i < n; i++)
      writeFileSync(
        path.join(dir, `fhir/mesures/mesure-${String(i).padStart(5, '0')}.json`),
        variant(bundle, i),
      );
  }
  return dir;
}

async function check(repo: string, profile: boolean): Promise<Run> {
  const out = path.join(repo, '..', `${path.basename(repo)}-out`);
  const cli = useSources
    ? ['--import', 'tsx', path.join(root, 'src/cli.ts')]
    : [path.resolve(process.env.BENCH_CLI ?? path.join(root, 'dist/cli/index.js'))];
  const args = [
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${out}`] : []),
    '--import',
    path.join(here, 'max-rss.mjs'),
    ...cli,
    'check',
    '--repo',
    repo,
    '--out',
    out,
    '--offline',
    '--today',
    '2026-10-01',
    '--quiet',
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NO_COLOR: '1',
      FHIR_PACKAGE_PATH: process.env.FHIR_PACKAGE_PATH ?? '../shared/fhir-packages',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  const rss = /max-rss-kb (\d+) cpu-us (\d+)/.exec(stderr);
  if (!rss) throw new Error(`no RSS figure from the CLI (exit ${exit}):\n${stderr.slice(-2000)}`);
  const sizes: Record<string, number> = {};
  for (const f of ['report.json', 'report.md', 'report.html', 'report.sarif'])
    sizes[f] = statSync(path.join(out, f)).size;
  if (profile || process.env.BENCH_KEEP === '1') {
    writeFileSync(path.join(out, 'stdout.txt'), stdout);
    console.log(`output kept in ${out}`);
  } else rmSync(out, { recursive: true, force: true });
  return {
    ms,
    maxRssMb: Number(rss[1]) / 1024,
    cpuMs: Number(rss[2]) / 1000,
    stdoutLines: stdout.split('\n').length - 1,
    exit,
    sizes,
  };
}

function show(label: string, r: Run): void {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `${label}: ${(r.ms / 1000).toFixed(1)} s (CPU ${(r.cpuMs / 1000).toFixed(1)} s), peak RSS ${r.maxRssMb.toFixed(0)} MB, ${r.stdoutLines} stdout lines, exit ${r.exit}`,
  );
  console.log(
    `  ${Object.entries(r.sizes)
      .map(([f, s]) => `${f} ${mb(s)}`)
      .join(' · ')}`,
  );
}

const small = makeRepo(1);
const large = makeRepo(BUNDLES);
try {
  const peer = await check(small, false);
  show('demo (1 Bundle)', peer);
  const big = await check(large, process.env.BENCH_PROFILE === '1');
  show(`${BUNDLES} Bundles`, big);
  console.log(
    `ratio: ${(big.ms / peer.ms).toFixed(1)}× the time, ${(big.maxRssMb / peer.maxRssMb).toFixed(1)}× the memory of the demo for ${BUNDLES}× the Bundles`,
  );
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}

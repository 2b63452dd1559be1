// Repository scans (repo/trackers + repo/secrets) on a generated 20,000-file repository, through the real
// pipeline (offline). Peer, measured in the same process on the same files: a plain recursive directory walk that
// reads every file — the least any scan must do. Target: the scans finish in under 10 s.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/pipeline.js';

const FILES = Number(process.env.BENCH_FILES ?? 20_000);
const TARGET_MS = 10_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const manifest = readFileSync(path.join(here, '../test/fixtures/web/mes-referencing.yml'), 'utf8');

/** Deterministic pseudo-random numbers, so every run scans the same repository. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const CODE = [
  'export function total(items: Item[]): number {',
  '  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);',
  '}',
  "import { formatDate } from '../util/dates';",
  'const config = { retries: 3, timeoutMs: 5000, endpoint: `${BASE_URL}/mesures` };',
  '  if (!response.ok) throw new Error(`HTTP ${response.status}`);',
  '// Sends the reading to the API, which forwards it to Mon espace santé when paired.',
  '<div class="card"><h2>{{ title }}</h2><p>{{ description }}</p></div>',
  '  "name": "package", "version": "1.0.0", "scripts": { "build": "vite build" },',
  'server:\n  port: 8080\n  log-level: info',
];
const EXTENSIONS = ['ts', 'ts', 'ts', 'ts', 'js', 'js', 'tsx', 'html', 'json', 'md', 'yml', 'css'];

function generate(root: string): { files: number; bytes: number } {
  const random = lcg(42);
  let bytes = 0;
  writeFileSync(path.join(root, 'mes-referencing.yml'), manifest);
  writeFileSync(path.join(root, '.gitignore'), 'dist/\n*.log\n');
  for (let i = 0; i < FILES - 2; i++) {
    const dir = path.join(
      root,
      'packages',
      `pkg-${i % 50}`,
      i % 3 === 0 ? 'src' : i % 3 === 1 ? 'lib' : 'web',
    );
    if (i < 150) mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    const target = 500 + Math.floor(random() * 7500);
    let size = 0;
    while (size < target) {
      const line = CODE[Math.floor(random() * CODE.length)] as string;
      lines.push(line);
      size += line.length + 1;
    }
    // A few planted findings so the scans report something, as on a real repository.
    if (i % 2000 === 7) lines.push("gtag('config', 'G-BENCH');");
    if (i % 5000 === 11) lines.push(`const token = 'ghp_${'Ab1'.repeat(12)}';`);
    const text = `${lines.join('\n')}\n`;
    writeFileSync(path.join(dir, `file-${i}.${EXTENSIONS[i % EXTENSIONS.length]}`), text);
    bytes += text.length;
  }
  return { files: FILES, bytes };
}

/** The peer: walk and read everything, nothing else. */
function walkAndRead(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += walkAndRead(full);
    else if (entry.isFile()) bytes += readFileSync(full).length;
  }
  return bytes;
}

const root = path.join(os.tmpdir(), `mes-bench-repo-${process.pid}`);
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const { files, bytes } = generate(root);
const mb = bytes / 1024 / 1024;
console.log(`repository: ${files} files, ${mb.toFixed(1)} MB`);

try {
  // Warm the page cache and the module graph once, so both sides read from memory.
  walkAndRead(root);
  let started = performance.now();
  walkAndRead(root);
  const peerMs = performance.now() - started;

  started = performance.now();
  const cpu = process.cpuUsage();
  const { report } = await run({ repoDir: root, lang: 'en', failOn: 'jamais', engine: { offline: true } });
  const oursMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);

  const findings = (id: string) =>
    report.criteria.find((c) => c.id === id)?.findings.filter((f) => f.outcome === 'fail').length;
  console.log(
    `peer  walk + read:          ${peerMs.toFixed(0).padStart(6)} ms  ${(files / (peerMs / 1000)).toFixed(0)} files/s`,
  );
  console.log(
    `ours  trackers + secrets:   ${oursMs.toFixed(0).padStart(6)} ms  ${(files / (oursMs / 1000)).toFixed(0)} files/s, ${(mb / (oursMs / 1000)).toFixed(1)} MB/s`,
  );
  console.log(
    `      CPU time of the run: ${((user + system) / 1000).toFixed(0)} ms (wall time above includes waiting for a busy machine)`,
  );
  console.log(
    `ratio ours / peer: ${(oursMs / peerMs).toFixed(1)}× (the scans read every file, then run secretlint and the tracker signatures)`,
  );
  console.log(
    `found: ${findings('ETH-TRACEURS')} tracker finding(s), ${findings('SEC-SECRETS')} secret finding(s)`,
  );
  console.log(`target < ${TARGET_MS / 1000} s: ${oursMs < TARGET_MS ? 'met' : 'MISSED'}`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true });
}

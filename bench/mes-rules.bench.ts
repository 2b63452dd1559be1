// Offline MES rules on 10,000 transaction Bundles (target: under 5 s), against the peer of reading and
// JSON.parse-ing the same files — the floor any checker of these files pays.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mesRulesCheck } from '../src/checks/mes/rules/check.js';
import { benchContext } from './mes-context.js';

const COUNT = 10_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const demo = path.join(here, '../examples/demo-editor');
const repo = mkdtempSync(path.join(os.tmpdir(), 'mes-rules-bench-'));
cpSync(path.join(demo, 'mes-referencing.yml'), path.join(repo, 'mes-referencing.yml'));
mkdirSync(path.join(repo, 'fhir/mesures'), { recursive: true });
const bundle = JSON.parse(readFileSync(path.join(demo, 'fhir/mesures/tension-arterielle.json'), 'utf8'));
for (let i = 0; i < COUNT; i++) {
  bundle.entry[0].resource.component[0].valueQuantity.value = 100 + (i % 60);
  // One Bundle in ten breaks a rule, so locating findings is part of the cost.
  if (i % 10 === 0) delete bundle.entry[0].resource.meta.profile;
  else
    bundle.entry[0].resource.meta.profile = [
      'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-bp',
    ];
  writeFileSync(
    path.join(repo, `fhir/mesures/b${String(i).padStart(5, '0')}.json`),
    JSON.stringify(bundle, null, 2),
  );
}
const ctx = benchContext(repo);

function parsePeer(): number {
  const dir = path.join(repo, 'fhir/mesures');
  let n = 0;
  for (const f of readdirSync(dir)) n += JSON.parse(readFileSync(path.join(dir, f), 'utf8')).entry.length;
  return n;
}

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

// Warm-up (file cache, JIT), then the best of three of each.
parsePeer();
await mesRulesCheck.run(ctx, { domain: 'mesures' });
let best = Infinity;
let peer = Infinity;
let findings = 0;
for (let round = 0; round < 3; round++) {
  const [ms, result] = await time(() => mesRulesCheck.run(ctx, { domain: 'mesures' }));
  best = Math.min(best, ms);
  findings = result.length;
  peer = Math.min(peer, (await time(parsePeer))[0]);
}
console.log(
  `mes/rules on ${COUNT} Bundles: ${(best / 1000).toFixed(2)} s (${Math.round(COUNT / (best / 1000))} Bundles/s, ${findings} findings)`,
);
console.log(`peer readFileSync + JSON.parse: ${(peer / 1000).toFixed(2)} s`);
console.log(
  `ratio mes/rules / JSON.parse: ${(best / peer).toFixed(2)}×  (target: under 5 s → ${best < 5000 ? 'met' : 'MISSED'})`,
);
rmSync(repo, { recursive: true, force: true });

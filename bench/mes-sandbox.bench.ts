// The hooking tests (suites mesures, documents and securite) against the in-process emulator (target: under 2 s),
// against the peer of sending the same requests with plain fetch — no fhir-kit-client, assertion or recording.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch } from 'undici';
import { scenariosCheck } from '../src/checks/sandbox/scenarios.js';
import type { ExchangesDocument } from '../src/checks/sandbox/recorder.js';
import { startEmulator } from '../src/emulator/index.js';
import { benchContext } from './mes-context.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = mkdtempSync(path.join(os.tmpdir(), 'mes-sandbox-bench-'));
cpSync(path.join(here, '../examples/demo-editor'), repo, { recursive: true });

async function suites(): Promise<{ ms: number; doc: ExchangesDocument; passed: number }> {
  const attachments = new Map<string, string>();
  const ctx = benchContext(repo, attachments);
  const t0 = performance.now();
  const [a, b] = await Promise.all([
    scenariosCheck.run(ctx, { suites: ['mesures', 'documents'] }),
    scenariosCheck.run(ctx, { suites: ['securite'] }),
  ]);
  const ms = performance.now() - t0;
  const passed = [...a, ...b].filter((f) => f.outcome === 'pass').length;
  return { ms, doc: JSON.parse(attachments.get('exchanges.json') as string) as ExchangesDocument, passed };
}

/** The same requests (method, URL, headers, body) replayed with plain fetch against a fresh emulator. */
async function peer(doc: ExchangesDocument): Promise<number> {
  const emulator = await startEmulator({ editorOid: '1.2.250.1.999.42', solutionOid: '1.2.250.1.999.42.1' });
  const agent = new Agent();
  const base = doc.target.url;
  const t0 = performance.now();
  for (const x of doc.exchanges) {
    const url = x.url.replace(base.replace(/\/fhir$/, ''), emulator.origin);
    const r = await undiciFetch(url, {
      method: x.method,
      headers: { 'content-type': x.request.headers['content-type'] ?? 'application/fhir+json' },
      ...(x.request.body !== undefined ? { body: x.request.body } : {}),
      dispatcher: agent,
    });
    await r.arrayBuffer();
  }
  const ms = performance.now() - t0;
  await agent.close();
  await emulator.stop();
  return ms;
}

await suites(); // warm-up: module loading, key generation, JIT
let best = { ms: Infinity } as Awaited<ReturnType<typeof suites>>;
let peerMs = Infinity;
for (let round = 0; round < 3; round++) {
  const result = await suites();
  if (result.ms < best.ms) best = result;
  peerMs = Math.min(peerMs, await peer(result.doc));
}
console.log(
  `hooking tests (mesures + documents + securite): ${best.ms.toFixed(0)} ms, ${best.doc.tests.length} tests (${best.passed} passed), ${best.doc.exchanges.length} exchanges, emulator start/stop included`,
);
console.log(`peer plain fetch of the same ${best.doc.exchanges.length} requests: ${peerMs.toFixed(0)} ms`);
console.log(
  `ratio runner / plain fetch: ${(best.ms / peerMs).toFixed(2)}×  (target: under 2 s → ${best.ms < 2000 ? 'met' : 'MISSED'})`,
);
rmSync(repo, { recursive: true, force: true });

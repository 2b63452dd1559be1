// Copies of the demo repository with a changed manifest, for the hooking-test scenarios.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { EmulatorProcess } from '../emulator/process.js';

export const demo = path.resolve(import.meta.dirname, '../../examples/demo-editor');
const made: string[] = [];

export function demoRepo(sandbox?: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-sandbox-'));
  made.push(dir);
  cpSync(demo, dir, { recursive: true });
  if (sandbox) {
    const file = path.join(dir, 'mes-referencing.yml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.set('sandbox', sandbox);
    writeFileSync(file, doc.toString());
  }
  return dir;
}

export function cleanRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A manifest `sandbox` section and environment pointing at a separately running emulator (a "remote" sandbox). */
export async function remoteSandbox(
  emu: EmulatorProcess,
  extra: Record<string, unknown> = {},
): Promise<{ sandbox: Record<string, unknown>; env: Record<string, string> }> {
  const r = await fetch(`${emu.origin}/_admin/id-token`, {
    method: 'POST',
    headers: emu.admin,
    body: JSON.stringify({ idpe: 'idpe-distant-1' }),
  });
  const idToken = ((await r.json()) as { id_token: string }).id_token;
  return {
    sandbox: {
      target: emu.creds.fhirBase,
      'token-url': emu.creds.tokenUrl,
      auth: {
        type: 'client-secret',
        'client-id-env': 'MES_CLIENT_ID',
        'client-secret-env': 'MES_CLIENT_SECRET',
        'id-token-env': 'MES_ID_TOKEN',
      },
      patient: { idpe: 'idpe-distant-1' },
      ...extra,
    },
    env: {
      MES_CLIENT_ID: emu.creds.clientId,
      MES_CLIENT_SECRET: emu.creds.clientSecret,
      MES_ID_TOKEN: idToken,
    },
  };
}

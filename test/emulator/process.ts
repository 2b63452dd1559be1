// Starts `mes-referencing emulator` as a real child process and reads what it prints (the FHIR base URL) and the
// credentials file it writes.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceCli } from '../helpers.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface EmulatorCredentials {
  fhirBase: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  adminToken: string;
  privateKeyPem: string;
  idTokenHeader: string;
  solutionOid: string;
  ca?: string;
  clientCert?: string;
  clientKey?: string;
}

export interface EmulatorProcess {
  child: ChildProcess;
  creds: EmulatorCredentials;
  origin: string;
  /** The header the `/_admin` endpoints require. */
  admin: { authorization: string };
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnEmulator(args: string[] = []): Promise<EmulatorProcess> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mes-emu-')), 'creds.json');
  const child = spawn(
    process.execPath,
    [...sourceCli(), 'emulator', '--port', '0', '--credentials-file', file, ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The emulator validates profiles with the FHIR packages of FHIR_PACKAGE_PATH, inherited.
      env: process.env,
    },
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const fhirBase = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}: ${err}`)));
  });
  const creds = JSON.parse(readFileSync(file, 'utf8')) as EmulatorCredentials;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    creds: { ...creds, fhirBase },
    origin: fhirBase.replace(/\/fhir$/, ''),
    admin: { authorization: `Bearer ${creds.adminToken}` },
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

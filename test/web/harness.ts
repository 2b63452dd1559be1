// Real servers on 127.0.0.1 for the web checks: a certificate authority and certificates generated at test time
// (selfsigned), HTTPS servers with chosen TLS versions and ciphers, plain HTTP servers, and a temporary
// repository whose manifest declares them. The checks run through the real pipeline and trust the test CA
// through NODE_EXTRA_CA_CERTS given in the engine environment: verification is never turned off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../../src/pipeline.js';
import { sourceCli } from '../helpers.js';
import type { RunOptions } from '../../src/pipeline.js';
import type { CriterionResult, Report } from '../../src/report/model.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MANIFEST_TEMPLATE = path.join(ROOT, 'test/fixtures/web/mes-referencing.yml');
const DAY = 86_400_000;

export interface KeyPair {
  key: string;
  cert: string;
}

export async function makeCa(): Promise<KeyPair> {
  const ca = await generate([{ name: 'commonName', value: 'mes-referencing test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { key: ca.private, cert: ca.cert };
}

export interface LeafOptions {
  /** Signing CA; none makes a self-signed certificate. */
  ca?: KeyPair;
  dnsNames?: string[];
  ips?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export async function leafCert(options: LeafOptions): Promise<KeyPair> {
  const ips = options.ips ?? ['127.0.0.1'];
  const dnsNames = options.dnsNames ?? [];
  const leaf = await generate([{ name: 'commonName', value: dnsNames[0] ?? ips[0] ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - DAY),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 200 * DAY),
    ...(options.ca ? { ca: options.ca } : {}),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { key: leaf.private, cert: leaf.cert };
}

export interface TestServer {
  url: string;
  port: number;
  /** Requests received so far. */
  requests: string[];
  close(): Promise<void>;
}

/** Requests being answered at the same moment, across every server that shares it. */
export interface Gauge {
  current: number;
  peak: number;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

/** Recommended TLS 1.2 suites only (ECDHE + AEAD), so a TLS 1.2 server is not reported for weak suites. */
export const STRONG_TLS12_CIPHERS =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305';

export const SECURE_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function page(body: string, headers: Record<string, string | string[]> = SECURE_HEADERS): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(body);
  };
}

/** Closes a server now, whatever its clients are doing. */
function closer(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise((done) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => done());
    });
}

/** A TCP server that accepts connections and never says a word: only a timeout ends a probe against it. */
export async function startSilent(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer(() => undefined);
  const close = closer(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close };
}

function track(
  server: http.Server,
  handler: Handler,
  scheme: 'http' | 'https',
  gauge?: Gauge,
): Promise<TestServer> {
  const state: TestServer = { url: '', port: 0, requests: [], close: closer(server) };
  server.on('request', async (request: http.IncomingMessage, response: http.ServerResponse) => {
    state.requests.push(request.url ?? '');
    if (gauge) {
      gauge.current++;
      gauge.peak = Math.max(gauge.peak, gauge.current);
      response.on('close', () => gauge.current--);
    }
    await handler(request, response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      state.port = (server.address() as AddressInfo).port;
      state.url = `${scheme}://127.0.0.1:${state.port}/`;
      resolve(state);
    });
  });
}

export interface HttpsOptions {
  keyPair: KeyPair;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
  /** Mutual TLS: ask for a client certificate signed by `ca`, and refuse clients without one. */
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  ca?: string[];
}

export function startHttps(
  options: HttpsOptions,
  handler: Handler = page('<html></html>'),
  gauge?: Gauge,
): Promise<TestServer> {
  const server = https.createServer({
    key: options.keyPair.key,
    cert: options.keyPair.cert,
    minVersion: options.minVersion ?? 'TLSv1.2',
    maxVersion: options.maxVersion ?? 'TLSv1.3',
    ...(options.ciphers ? { ciphers: options.ciphers } : {}),
    ...(options.requestCert
      ? { requestCert: true, rejectUnauthorized: options.rejectUnauthorized, ca: options.ca }
      : {}),
  });
  return track(server, handler, 'https', gauge);
}

export function startHttp(handler: Handler): Promise<TestServer> {
  return track(http.createServer(), handler, 'http');
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A repository holding the test manifest with these endpoints, plus the given files. */
export function tempRepo(
  endpoints: { web?: string[]; api?: string[] },
  files: Record<string, string> = {},
): string {
  const dir = tempDir('mes-web-');
  const lines = ['endpoints:'];
  for (const kind of ['web', 'api'] as const) {
    const urls = endpoints[kind];
    if (urls?.length) lines.push(`  ${kind}:`, ...urls.map((u) => `    - ${u}`));
  }
  const manifest =
    readFileSync(MANIFEST_TEMPLATE, 'utf8') + (lines.length > 1 ? `${lines.join('\n')}\n` : '');
  writeFileSync(path.join(dir, 'mes-referencing.yml'), manifest);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Writes the CA certificate where NODE_EXTRA_CA_CERTS can name it. */
export function caFile(ca: KeyPair): string {
  const file = path.join(tempDir('mes-ca-'), 'ca.pem');
  writeFileSync(file, ca.cert);
  return file;
}

export interface PipelineRun {
  report: Report;
  criterion(id: string): CriterionResult;
  codes(id: string): string[];
  elapsedMs: number;
}

export async function runChecks(
  repoDir: string,
  env: Record<string, string>,
  extra: Partial<RunOptions> & { offline?: boolean } = {},
): Promise<PipelineRun> {
  const { offline, ...rest } = extra;
  const started = Date.now();
  const { report } = await run({
    repoDir,
    lang: 'en',
    // Every failure blocks: the engine tests assert which criteria fail, whatever their level.
    failOn: 'tout',
    now: new Date(),
    // The test servers listen on 127.0.0.1: the run opts in, as a workflow would for an internal endpoint.
    engine: { env, offline: offline ?? false, allowPrivateNetwork: true },
    ...rest,
  });
  const criterion = (id: string) => {
    const found = report.criteria.find((c) => c.id === id);
    if (!found) throw new Error(`criterion ${id} not in the report`);
    return found;
  };
  return {
    report,
    criterion,
    codes: (id) => criterion(id).findings.map((f) => f.code),
    elapsedMs: Date.now() - started,
  };
}

/** The line of the repository's manifest that holds `text` (1-based). */
export function manifestLine(repoDir: string, text: string): number {
  const lines = readFileSync(path.join(repoDir, 'mes-referencing.yml'), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index === -1) throw new Error(`${text} not in the manifest`);
  return index + 1;
}

/** What a test file gets from `testPki`: filled before its tests run, its servers closed after them. */
export interface TestPki {
  ca: KeyPair;
  /** A certificate from `ca` for 127.0.0.1 and localhost. */
  cert: KeyPair;
  /** The engine environment: trusts `ca`, short timeouts. */
  env: Record<string, string>;
  /** An HTTPS server (with `cert` unless another key pair is given), closed after the file's tests. */
  serve(options?: Partial<HttpsOptions>, handler?: Handler, gauge?: Gauge): Promise<TestServer>;
  /** Closes this server, too, after the file's tests. */
  track<T extends { close(): Promise<void> }>(server: T): T;
}

export function testPki(): TestPki {
  const servers: { close(): Promise<void> }[] = [];
  const pki = {
    track<T extends { close(): Promise<void> }>(server: T): T {
      servers.push(server);
      return server;
    },
    async serve(options: Partial<HttpsOptions> = {}, handler?: Handler, gauge?: Gauge) {
      return pki.track(await startHttps({ keyPair: pki.cert, ...options }, handler, gauge));
    },
  } as TestPki;
  beforeAll(async () => {
    pki.ca = await makeCa();
    pki.cert = await leafCert({ ca: pki.ca, dnsNames: ['localhost'], ips: ['127.0.0.1'] });
    pki.env = { NODE_EXTRA_CA_CERTS: caFile(pki.ca), MES_REFERENCING_WEB_TIMEOUT: '5' };
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  return pki;
}

/** Runs the real CLI (from the sources) as a child process: `check` on `repo`, files written to `out`. */
export function runCliCheck(
  repo: string,
  out: string,
  args: string[] = [],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [...sourceCli(), 'check', '--repo', repo, '--out', out, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Limits and trust for the endpoint checks. They come from the environment, so that a CI job can tune them
// without touching the manifest, and tests can inject them through EngineOptions.env:
// - MES_REFERENCING_WEB_TIMEOUT      seconds allowed for one request or handshake (default 10);
// - MES_REFERENCING_WEB_BUDGET       seconds allowed for all endpoint checks of a run (default 90);
// - MES_REFERENCING_WEB_CONCURRENCY  connections open at once (default 4);
// - NODE_EXTRA_CA_CERTS              a PEM file of extra trusted certificate authorities (a company CA, or the
//                                    CA a test generates), added to Node's built-in store, never replacing it.
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { UserError } from '../../errors.js';

export interface WebSettings {
  timeoutMs: number;
  budgetMs: number;
  concurrency: number;
  /** Trusted CAs when extra ones are given; undefined means Node's default store. */
  ca: string[] | undefined;
  maxRedirects: number;
  /** Largest page or script read. */
  maxBodyBytes: number;
}

export const DEFAULT_WEB_SETTINGS: Omit<WebSettings, 'ca'> = {
  timeoutMs: 10_000,
  budgetMs: 90_000,
  concurrency: 4,
  maxRedirects: 5,
  maxBodyBytes: 5 * 1024 * 1024,
};

export function readWebSettings(env: Record<string, string | undefined>): WebSettings {
  return {
    ...DEFAULT_WEB_SETTINGS,
    timeoutMs: seconds(env, 'MES_REFERENCING_WEB_TIMEOUT', DEFAULT_WEB_SETTINGS.timeoutMs),
    budgetMs: seconds(env, 'MES_REFERENCING_WEB_BUDGET', DEFAULT_WEB_SETTINGS.budgetMs),
    concurrency: count(env, 'MES_REFERENCING_WEB_CONCURRENCY', DEFAULT_WEB_SETTINGS.concurrency),
    ca: extraCa(env.NODE_EXTRA_CA_CERTS),
  };
}

function seconds(env: Record<string, string | undefined>, name: string, fallbackMs: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallbackMs;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 3600)
    throw new UserError('web.bad-setting', { name, value: raw });
  return Math.round(value * 1000);
}

function count(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64)
    throw new UserError('web.bad-setting', { name, value: raw });
  return value;
}

function extraCa(file: string | undefined): string[] | undefined {
  if (!file) return undefined;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('web.bad-ca-file', { file });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UserError('web.bad-ca-file', { file });
  return [...tls.rootCertificates, pem];
}

// Downloads `id#version` from a FHIR package registry (npm-style: `GET {base}/{id}` lists versions with their
// tarball and checksum) into the user cache, checking the checksum before extracting.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkIntegrity, extractTarball } from './tarball.js';
import type { PackageSpec } from './package-spec.js';

export const DEFAULT_REGISTRY = 'https://packages.fhir.org';
const MAX_TARBALL_BYTES = 256 * 1024 * 1024;

export interface DownloadOptions {
  registry: string;
  cacheDir: string;
  timeoutMs?: number;
}

export class RegistryError extends Error {
  constructor(
    readonly reason: 'not-found' | 'unreachable' | 'bad-response',
    detail: string,
  ) {
    super(detail);
    this.name = 'RegistryError';
  }
}

interface VersionMetadata {
  dist?: { tarball?: string; shasum?: string; integrity?: string };
}

async function get(url: string, timeoutMs: number): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new RegistryError('unreachable', `${url}: ${cause}`);
  }
  if (response.status === 404) throw new RegistryError('not-found', url);
  if (!response.ok) throw new RegistryError('bad-response', `${url}: HTTP ${response.status}`);
  return response;
}

async function body(response: Response, url: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_TARBALL_BYTES) throw new RegistryError('bad-response', `${url}: ${declared} bytes`);
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > MAX_TARBALL_BYTES)
    throw new RegistryError('bad-response', `${url}: ${data.length} bytes`);
  return data;
}

/** Returns the extracted package folder (`<cache>/<id>#<version>/package`). */
export async function downloadPackage(spec: PackageSpec, options: DownloadOptions): Promise<string> {
  const base = options.registry.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const metadataUrl = `${base}/${spec.id}`;
  let dist: VersionMetadata['dist'] = {};
  const metadata = (await (await get(metadataUrl, timeoutMs)).json().catch(() => {
    throw new RegistryError('bad-response', `${metadataUrl}: not JSON`);
  })) as { versions?: Record<string, VersionMetadata> };
  const version = metadata.versions?.[spec.version];
  if (!version) throw new RegistryError('not-found', `${metadataUrl} (${spec.version})`);
  dist = version.dist ?? {};
  const tarballUrl = dist.tarball ?? `${base}/${spec.id}/${spec.version}`;
  const data = await body(await get(tarballUrl, timeoutMs), tarballUrl);
  checkIntegrity(data, dist);
  return install(data, spec, options.cacheDir);
}

/**
 * Downloads `id#version` from the address of its tarball, for a package no registry holds (an IG's CI build).
 * Nothing vouches for such a file but its content: its package.json must name `id#version`.
 */
export async function downloadPackageTarball(
  spec: PackageSpec,
  url: string,
  options: Omit<DownloadOptions, 'registry'>,
): Promise<string> {
  const data = await body(await get(url, options.timeoutMs ?? 30_000), url);
  const dir = await install(data, spec, options.cacheDir);
  let manifest: { name?: unknown; version?: unknown } = {};
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    // Reported below as naming nothing.
  }
  if (manifest.name !== spec.id || manifest.version !== spec.version) {
    rmSync(path.dirname(dir), { recursive: true, force: true });
    throw new RegistryError(
      'bad-response',
      `${url}: holds ${String(manifest.name)}#${String(manifest.version)}, not ${spec.id}#${spec.version}`,
    );
  }
  return dir;
}

async function install(data: Buffer, spec: PackageSpec, cacheDir: string): Promise<string> {
  const folder = path.join(cacheDir, `${spec.id}#${spec.version}`);
  await extractTarball(data, folder);
  return path.join(folder, 'package');
}

// A FHIR package registry on 127.0.0.1, npm-style as packages.fhir.org: `GET /<id>` lists the versions with their
// tarball address and checksum, the tarball is served where the listing says. Other files (an IG's CI build) can be
// served at any path.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import type { RecordedRequest, Reply } from './http.js';
import { FakeService } from './http.js';

/** A gzipped tarball of `files` (names as they go into the archive, usually `package/…`). */
export async function packageTarball(
  files: Record<string, string>,
  extra?: (pack: tar.Pack) => void,
): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  extra?.(pack);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

/** The files of a minimal package: its package.json and one ValueSet. */
export function minimalPackage(id: string, version: string): Record<string, string> {
  return {
    'package/package.json': JSON.stringify({ name: id, version, fhirVersions: ['4.0.1'] }),
    [`package/ValueSet-${id}.json`]: JSON.stringify({
      resourceType: 'ValueSet',
      id,
      url: `https://example.org/fhir/ValueSet/${id}`,
      version,
      status: 'active',
    }),
  };
}

export class FakeFhirRegistry extends FakeService {
  private readonly packages = new Map<string, Map<string, Buffer>>();
  private readonly files = new Map<string, Buffer>();

  publish(id: string, version: string, tgz: Buffer): this {
    let versions = this.packages.get(id);
    if (!versions) this.packages.set(id, (versions = new Map()));
    versions.set(version, tgz);
    return this;
  }

  /** A file at an address of its own, outside the registry API. */
  serve(pathname: string, data: Buffer): this {
    this.files.set(pathname, data);
    return this;
  }

  static async start(): Promise<FakeFhirRegistry> {
    const registry = new FakeFhirRegistry();
    await registry.server.start();
    return registry;
  }

  protected route(request: RecordedRequest, base: string): Reply {
    const file = this.files.get(request.path);
    if (file) return { status: 200, body: file, headers: { 'content-type': 'application/gzip' } };
    const [id, version, extra] = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const versions = id === undefined ? undefined : this.packages.get(id);
    if (!versions || extra !== undefined) return { status: 404, body: { error: 'not found' } };
    if (version === undefined)
      return {
        status: 200,
        body: {
          name: id,
          versions: Object.fromEntries(
            [...versions].map(([v, tgz]) => [
              v,
              {
                name: id,
                version: v,
                dist: {
                  tarball: `${base}/${id}/${v}`,
                  shasum: createHash('sha1').update(tgz).digest('hex'),
                },
              },
            ]),
          ),
        },
      };
    const tgz = versions.get(version);
    return tgz
      ? { status: 200, body: tgz, headers: { 'content-type': 'application/gzip' } }
      : { status: 404, body: { error: 'not found' } };
  }
}

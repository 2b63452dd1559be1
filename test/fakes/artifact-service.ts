// A fake of the GitHub Actions artifact service (results service, v4 protocol) as @actions/artifact speaks it:
// Twirp JSON CreateArtifact / FinalizeArtifact, then the zip uploaded to the signed URL as Azure blob blocks and a
// block list. Blocks are stored by id and assembled in block-list order; FinalizeArtifact checks size and sha256.
import { createHash } from 'node:crypto';
import type { RecordedRequest, Reply } from './http.js';
import { FakeService } from './http.js';

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  expiresAt?: string;
  mimeType?: string;
  /** The zip as assembled from the committed blocks. */
  content?: Buffer;
  finalized: boolean;
  /** Problems FinalizeArtifact found (size or hash mismatch); empty when the upload was consistent. */
  problems: string[];
}

/** An unsigned JWT with the scope @actions/artifact reads its backend ids from (it never verifies the token). */
export function runtimeToken(runBackendId: string, jobBackendId: string, extraClaims: object = {}): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const scp = `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`;
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ scp, ...extraClaims })}.${Buffer.from('fake-signature').toString('base64url')}`;
}

export class FakeArtifactService extends FakeService {
  readonly artifacts: StoredArtifact[] = [];
  private readonly blocks = new Map<number, Map<string, Buffer>>();
  private nextId = 7001;

  static async start(): Promise<FakeArtifactService> {
    const service = new FakeArtifactService();
    await service.server.start();
    return service;
  }

  protected route(request: RecordedRequest, base: string): Reply {
    if (request.method === 'POST' && request.path.startsWith(TWIRP)) {
      if (!/^Bearer .+/.test(String(request.headers.authorization ?? '')))
        return { status: 401, body: { code: 'unauthenticated', msg: 'missing bearer token' } };
      const body = request.json() as Record<string, unknown>;
      const method = request.path.slice(TWIRP.length);
      if (method === 'CreateArtifact') return this.create(body, base);
      if (method === 'FinalizeArtifact') return this.finalize(body);
      return { status: 404, body: { code: 'bad_route', msg: `no handler for ${method}` } };
    }
    const blob = /^\/blob\/(\d+)$/.exec(request.path);
    if (request.method === 'PUT' && blob) return this.putBlob(Number(blob[1]), request);
    return { status: 404, body: { code: 'bad_route', msg: request.path } };
  }

  private create(body: Record<string, unknown>, base: string): Reply {
    const name = String(body.name ?? '');
    const runBackendId = String(body.workflow_run_backend_id ?? '');
    const jobBackendId = String(body.workflow_job_run_backend_id ?? '');
    if (!name || !runBackendId || !jobBackendId)
      return { status: 400, body: { code: 'invalid_argument', msg: 'name and backend ids are required' } };
    if (this.artifacts.some((a) => a.name === name && a.runBackendId === runBackendId && a.finalized))
      return { status: 409, body: { code: 'already_exists', msg: `artifact ${name} already exists` } };
    const id = this.nextId++;
    this.artifacts.push({
      id,
      name,
      runBackendId,
      jobBackendId,
      finalized: false,
      problems: [],
      ...(typeof body.expires_at === 'string' ? { expiresAt: body.expires_at } : {}),
      ...(typeof body.mime_type === 'string' ? { mimeType: body.mime_type } : {}),
    });
    this.blocks.set(id, new Map());
    return {
      status: 200,
      body: { ok: true, signed_upload_url: `${base}/blob/${id}?sig=fake-signature&se=2099-01-01` },
    };
  }

  private putBlob(id: number, request: RecordedRequest): Reply {
    const artifact = this.artifacts.find((a) => a.id === id);
    const blocks = this.blocks.get(id);
    if (!artifact || !blocks) return { status: 404, body: undefined };
    const created = { status: 201, headers: { etag: `"0x${id}"`, 'x-ms-request-id': `req-${id}` } };
    const comp = request.query.comp;
    if (comp === 'block') {
      blocks.set(String(request.query.blockid), request.raw);
      return created;
    }
    if (comp === 'blocklist') {
      const ids = [
        ...request.raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g),
      ].map((m) => m[1] as string);
      const missing = ids.filter((b) => !blocks.has(b));
      if (missing.length) return { status: 400, body: undefined };
      artifact.content = Buffer.concat(ids.map((b) => blocks.get(b) as Buffer));
      return created;
    }
    // A single-shot Put Blob.
    artifact.content = request.raw;
    return created;
  }

  private finalize(body: Record<string, unknown>): Reply {
    const artifact = this.artifacts.find(
      (a) =>
        a.name === body.name && a.runBackendId === String(body.workflow_run_backend_id ?? '') && !a.finalized,
    );
    if (!artifact) return { status: 404, body: { code: 'not_found', msg: 'no such artifact' } };
    const content = artifact.content ?? Buffer.alloc(0);
    if (String(body.size) !== String(content.length))
      artifact.problems.push(`size ${String(body.size)} != ${content.length}`);
    const hash = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    if (body.hash !== undefined && body.hash !== hash)
      artifact.problems.push(`hash ${String(body.hash)} != ${hash}`);
    artifact.finalized = true;
    return { status: 200, body: { ok: true, artifact_id: String(artifact.id) } };
  }
}

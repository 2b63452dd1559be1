// The manifest of the pull request's base branch, read through the REST API at the base commit (a checkout holds
// only the head): the trusted source of every setting that chooses where the run connects and which secrets it
// reads (src/manifest/trust.ts). Not found means the manifest is new in the pull request; any other failure means
// nothing is trusted, never that the head's values are.
import { UserError } from '../errors.js';
import type { Translate } from '../messages.js';
import { formatLocation } from '../location.js';
import { checkManifest, MANIFEST_MAX_BYTES } from '../manifest/load.js';
import type { BaseManifest } from '../manifest/trust.js';
import { parseYaml } from '../util/yaml-source.js';
import type { Repository } from './context.js';
import type { GitHubClient } from './octokit.js';

export interface BaseManifestRequest {
  client: GitHubClient | undefined;
  repository: Repository | undefined;
  /** The base commit, from the event (`pull_request.base.sha`). */
  sha: string | undefined;
  /** The manifest's path in the repository (`/` separators), undefined when it lies outside the checkout. */
  path: string | undefined;
  t: Translate;
}

export async function readBaseManifest(request: BaseManifestRequest): Promise<BaseManifest> {
  const { client, repository, sha, path } = request;
  const ref = sha ?? '?';
  if (!sha) return { status: 'unreadable', ref, detail: 'no base commit in the event' };
  if (!repository) return { status: 'unreadable', ref, detail: 'GITHUB_REPOSITORY is not set' };
  if (!path) return { status: 'unreadable', ref, detail: 'the manifest lies outside the checkout' };
  if (!client) return { status: 'unreadable', ref, detail: 'no github-token to read it with' };
  let text: string;
  try {
    const { data } = await client.rest.repos.getContent({
      ...repository,
      path,
      ref: sha,
      mediaType: { format: 'raw' },
    });
    text = textOf(data);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404) return { status: 'absent', ref };
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { status: 'unreadable', ref, detail: status ? `HTTP ${status}: ${message}` : String(message) };
  }
  if (Buffer.byteLength(text) > MANIFEST_MAX_BYTES)
    return { status: 'invalid', ref, detail: `larger than ${MANIFEST_MAX_BYTES} bytes` };
  try {
    const loaded = checkManifest(parseYaml(text, `${path}@${sha.slice(0, 12)}`), path);
    return { status: 'found', manifest: loaded.manifest, ref };
  } catch (error) {
    if (error instanceof UserError) {
      const first = error.all()[0] as UserError;
      const where = first.location ? `${formatLocation(first.location)}: ` : '';
      return { status: 'invalid', ref, detail: `${where}${request.t(first.key, first.params)}` };
    }
    throw error;
  }
}

/** The raw media type answers text; a client may also hand it over as bytes, or as the JSON form in base64. */
function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
    return Buffer.from(data instanceof ArrayBuffer ? data : data.buffer).toString('utf8');
  const file = data as { content?: unknown; encoding?: unknown };
  if (typeof file?.content === 'string' && file.encoding === 'base64')
    return Buffer.from(file.content, 'base64').toString('utf8');
  return '';
}

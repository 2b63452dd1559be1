// The front page of a declared web endpoint, fetched once per run and shared by the header and tracker checks.
import type { FetchResult } from './http-client.js';
import { fetchFollowing } from './http-client.js';
import type { Attempt } from './probe-error.js';
import { attempt } from './probe-error.js';
import type { WebSession } from './session.js';

export function frontPage(session: WebSession, url: URL): Promise<Attempt<FetchResult>> {
  return session.once(`page:${url.href}`, () => attempt(() => fetchFollowing(session, url)));
}

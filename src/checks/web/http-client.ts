// Plain GET requests to declared endpoints, through the session's limits. Redirects are followed by hand: only
// towards declared hosts, and only so many times. Certificates are verified (against the extra CAs when given):
// content from a server that cannot prove who it is is not assessed.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { assertPublicLiteral, publicLookup } from '../../net/guard.js';
import { TOOL_VERSION } from '../../util/project.js';
import type { WebSession } from './session.js';

export interface HttpResponse {
  url: URL;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body was longer than the limit and was cut. */
  truncated: boolean;
}

export interface FetchResult {
  /** Every response received, the declared URL's first. */
  chain: HttpResponse[];
  final: HttpResponse;
  /** Why the last redirect was not followed, if it was not. */
  stopped?: { reason: 'undeclared-host' | 'too-many' | 'bad-location'; location: string };
}

const USER_AGENT = `mes-referencing/${TOOL_VERSION}`;

export function httpGet(
  session: WebSession,
  url: URL,
  maxBytes = session.settings.maxBodyBytes,
): Promise<HttpResponse> {
  return session.run(
    (signal) =>
      new Promise<HttpResponse>((resolve, reject) => {
        // Every hop of a redirect comes through here: each is checked, and connects to the address checked.
        assertPublicLiteral(session.policy, url.hostname);
        const lookup = publicLookup(session.policy);
        const secure = url.protocol === 'https:';
        const options: https.RequestOptions = {
          method: 'GET',
          agent: false,
          signal,
          ...(lookup ? { lookup } : {}),
          headers: { 'user-agent': USER_AGENT, accept: '*/*', 'accept-encoding': 'gzip, deflate, br' },
          ...(secure && session.settings.ca ? { ca: session.settings.ca } : {}),
        };
        const request = (secure ? https : http).request(url, options, (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          const body = decoded(response);
          const finish = () =>
            resolve({
              url,
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              truncated,
            });
          body.on('data', (chunk: Buffer) => {
            if (truncated) return;
            const room = maxBytes - size;
            if (chunk.length > room) {
              chunks.push(chunk.subarray(0, room));
              truncated = true;
              finish();
              request.destroy();
              return;
            }
            chunks.push(chunk);
            size += chunk.length;
          });
          body.on('end', () => {
            if (!truncated) finish();
          });
          body.on('error', (error) => {
            if (!truncated) reject(error);
          });
        });
        request.on('error', reject);
        request.end();
      }),
  );
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return response.pipe(zlib.createInflate());
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress());
  return response;
}

/** GET with redirects followed within the declared hosts. */
export async function fetchFollowing(session: WebSession, start: URL): Promise<FetchResult> {
  const chain: HttpResponse[] = [];
  let url = start;
  for (;;) {
    // Several declared addresses may redirect to the same page: each URL is fetched once per run.
    const target = url;
    const response = await session.once(`get:${target.href}`, () => httpGet(session, target));
    chain.push(response);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || !location) return { chain, final: response };
    const next = URL.canParse(location, url.href) ? new URL(location, url) : undefined;
    if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
      return { chain, final: response, stopped: { reason: 'bad-location', location } };
    if (!session.isDeclared(next))
      return { chain, final: response, stopped: { reason: 'undeclared-host', location: next.href } };
    if (chain.length > session.settings.maxRedirects)
      return { chain, final: response, stopped: { reason: 'too-many', location: next.href } };
    url = next;
  }
}

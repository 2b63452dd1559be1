// A small stateful fake of the GitHub REST API, enough for the pull-request comment flow: the token's identity
// (GET /user, GraphQL viewer), issue comments listed with pagination and a Link header, created, edited and
// deleted. Tokens map to identities: an installation token (the GITHUB_TOKEN) is refused GET /user as on GitHub,
// and a read-only one (a fork's) gets 403 "Resource not accessible by integration" on every write. Other failures
// (422, 5xx, rate limits) are switched on with `fail()`.
import type { RecordedRequest, Reply } from './http.js';
import { FakeService } from './http.js';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface TokenIdentity {
  user: FakeUser;
  /** A GitHub App installation token (GITHUB_TOKEN): GET /user answers 403, GraphQL viewer drops "[bot]". */
  installation: boolean;
  /** Writes answer 403 "Resource not accessible by integration" (a fork's pull_request token). */
  readOnly?: boolean;
}

export interface FakeComment {
  id: number;
  body: string;
  user: FakeUser;
  html_url: string;
  created_at: string;
  updated_at: string;
}

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const BODY_TOO_LONG = {
  message: 'Validation Failed',
  errors: [
    {
      resource: 'IssueComment',
      code: 'custom',
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)',
    },
  ],
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '422',
};
export const NOT_ACCESSIBLE = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403',
};
export const SECONDARY_RATE_LIMIT = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
  documentation_url:
    'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  status: '403',
};
/** GitHub counts characters (code points), not UTF-16 units. */
const MAX_BODY_CHARACTERS = 65_536;

export interface FakeGitHubOptions {
  tokens?: Record<string, TokenIdentity>;
  /** GitHub caps per_page at 100; a smaller cap makes pagination easy to exercise. */
  maxPerPage?: number;
  /** Where html_url points (the web host, as GITHUB_SERVER_URL). */
  serverUrl?: string;
}

export class FakeGitHubApi extends FakeService {
  private readonly tokens: Record<string, TokenIdentity>;
  private readonly maxPerPage: number;
  private readonly serverUrl: string;
  private readonly threads = new Map<string, FakeComment[]>();
  /** Repository files by `owner/repo@ref:path`, as the contents API serves them. */
  private readonly files = new Map<string, string>();
  private nextId = 1_000_001;
  private clock = Date.UTC(2026, 9, 1, 8, 0, 0);

  private constructor(options: FakeGitHubOptions) {
    super();
    this.tokens = options.tokens ?? {};
    this.maxPerPage = options.maxPerPage ?? 100;
    this.serverUrl = options.serverUrl ?? 'https://github.com';
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHubApi> {
    const api = new FakeGitHubApi(options);
    await api.server.start();
    return api;
  }

  /** Requests that changed a comment (create, edit, delete). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.path.includes('/comments') && r.status < 400);
  }

  comments(owner: string, repo: string, number: number): FakeComment[] {
    return this.threads.get(`${owner}/${repo}#${number}`) ?? [];
  }

  /** A file of the repository at a commit (the base branch's manifest); `undefined` removes it. */
  setFile(owner: string, repo: string, ref: string, path: string, content: string | undefined): void {
    const key = `${owner}/${repo}@${ref}:${path}`;
    if (content === undefined) this.files.delete(key);
    else this.files.set(key, content);
  }

  /** A comment written by someone, as if posted earlier. */
  plantComment(owner: string, repo: string, number: number, body: string, user: FakeUser): FakeComment {
    return this.addComment(owner, repo, number, body, user);
  }

  private addComment(owner: string, repo: string, number: number, body: string, user: FakeUser): FakeComment {
    const key = `${owner}/${repo}#${number}`;
    const id = this.nextId++;
    const at = this.tick();
    const comment: FakeComment = {
      id,
      body,
      user,
      html_url: `${this.serverUrl}/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
      created_at: at,
      updated_at: at,
    };
    this.threads.set(key, [...(this.threads.get(key) ?? []), comment]);
    return comment;
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private identity(request: RecordedRequest): TokenIdentity | undefined {
    const header = String(request.headers.authorization ?? '');
    const token = header.replace(/^(token|bearer)\s+/i, '');
    return this.tokens[token];
  }

  protected route(request: RecordedRequest, base: string): Reply {
    const who = this.identity(request);
    if (!who)
      return {
        status: 401,
        body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
      };
    const { method, path } = request;
    if (method === 'GET' && path === '/user') {
      if (who.installation) return { status: 403, body: NOT_ACCESSIBLE };
      return { status: 200, body: { login: who.user.login, id: who.user.id, type: who.user.type } };
    }
    if (method === 'POST' && path === '/graphql') {
      const query = String((request.json() as { query?: unknown })?.query ?? '');
      if (!/viewer\s*\{\s*login\s*\}/.test(query))
        return { status: 200, body: { errors: [{ message: `unsupported query: ${query}` }] } };
      // GraphQL names an app's bot without the "[bot]" suffix REST authors carry.
      return { status: 200, body: { data: { viewer: { login: who.user.login.replace(/\[bot\]$/, '') } } } };
    }
    const contents = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path);
    if (contents && method === 'GET') {
      const [, owner, repo, file] = contents as unknown as [string, string, string, string];
      const text = this.files.get(
        `${owner}/${repo}@${String(request.query.ref ?? '')}:${decodeURIComponent(file)}`,
      );
      if (text === undefined)
        return {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents' },
        };
      if (String(request.headers.accept ?? '').includes('raw'))
        return {
          status: 200,
          body: Buffer.from(text),
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        };
      return {
        status: 200,
        body: { type: 'file', encoding: 'base64', path: file, content: Buffer.from(text).toString('base64') },
      };
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (list) {
      const [, owner, repo, number] = list as unknown as [string, string, string, string];
      if (method === 'GET') return this.listComments(owner, repo, Number(number), request, base);
      if (method === 'POST') {
        if (who.readOnly) return { status: 403, body: NOT_ACCESSIBLE };
        const body = this.validBody(request);
        if (typeof body !== 'string') return body;
        return { status: 201, body: this.addComment(owner, repo, Number(number), body, who.user) };
      }
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (one) {
      const [, owner, repo, id] = one as unknown as [string, string, string, string];
      const found = [...this.threads.entries()]
        .filter(([key]) => key.startsWith(`${owner}/${repo}#`))
        .flatMap(([, comments]) => comments)
        .find((c) => c.id === Number(id));
      if (!found) return { status: 404, body: { message: 'Not Found' } };
      if (method === 'GET') return { status: 200, body: found };
      if (who.readOnly) return { status: 403, body: NOT_ACCESSIBLE };
      if (method === 'PATCH') {
        const body = this.validBody(request);
        if (typeof body !== 'string') return body;
        found.body = body;
        found.updated_at = this.tick();
        return { status: 200, body: found };
      }
      if (method === 'DELETE') {
        for (const [key, comments] of this.threads)
          this.threads.set(
            key,
            comments.filter((c) => c !== found),
          );
        return { status: 204 };
      }
    }
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  }

  private validBody(request: RecordedRequest): string | Reply {
    const body = (request.json() as { body?: unknown } | undefined)?.body;
    if (typeof body !== 'string' || body.length === 0)
      return { status: 422, body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.' } };
    if ([...body].length > MAX_BODY_CHARACTERS) return { status: 422, body: BODY_TOO_LONG };
    return body;
  }

  private listComments(
    owner: string,
    repo: string,
    number: number,
    request: RecordedRequest,
    base: string,
  ): Reply {
    const all = this.comments(owner, repo, number);
    const perPage = Math.min(Math.max(Number(request.query.per_page ?? 30) || 30, 1), this.maxPerPage);
    const page = Math.max(Number(request.query.page ?? 1) || 1, 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) =>
      `<${base}/repos/${owner}/${repo}/issues/${number}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return {
      status: 200,
      body: all.slice((page - 1) * perPage, page * perPage),
      ...(links.length ? { headers: { link: links.join(', ') } } : {}),
    };
  }
}

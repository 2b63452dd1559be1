// `web/security-contact`: a way to report vulnerabilities is published — /.well-known/security.txt per RFC 9116 on
// each declared web front end, or a SECURITY.md in the repository. Either is enough; a security.txt that is
// published but wrong (expired, no contact) fails even next to a SECURITY.md, since it misleads whoever reads it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Check, CheckContext, Finding } from '../types.js';
import type { Endpoint } from './endpoints.js';
import {
  declaredEndpoints,
  findingsFor,
  offlineFinding,
  sessionOrFinding,
  unreachableFinding,
} from './endpoints.js';
import { fetchFollowing } from './http-client.js';
import { attempt } from './probe-error.js';
import { assessSecurityTxt, parseSecurityTxt } from './security-txt.js';
import type { WebSession } from './session.js';

export interface SecurityContactParams {
  /** Where a security policy may live in the repository (GitHub's three places by default). */
  files?: string[];
  [key: string]: unknown;
}

const DEFAULT_FILES = ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md'];
const WELL_KNOWN = '/.well-known/security.txt';
const SECURITY_TXT_MAX_BYTES = 64 * 1024;
const CONTACT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+/;

interface Policy {
  file: string;
  hasContact: boolean;
}

export const securityContactCheck: Check<SecurityContactParams> = {
  id: 'web/security-contact',
  engine: 'web',
  settings: ['endpoints'],
  description: {
    fr: 'Un contact de sécurité est publié : /.well-known/security.txt (RFC 9116) sur les frontaux web, ou SECURITY.md dans le dépôt.',
    en: 'A security contact is published: /.well-known/security.txt (RFC 9116) on the web front ends, or SECURITY.md in the repository.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
  },
  async run(ctx, params) {
    const policy = findPolicy(ctx.repoDir, params.files ?? DEFAULT_FILES);
    const findings: Finding[] = [];
    if (policy) {
      findings.push({
        outcome: 'pass',
        code: 'web.security-md',
        message: ctx.t('web.security-md', { file: policy.file }),
        location: { file: policy.file, line: 1 },
      });
      if (!policy.hasContact)
        findings.push({
          outcome: 'warn',
          code: 'web.security-md-no-contact',
          message: ctx.t('web.security-md-no-contact', { file: policy.file }),
          location: { file: policy.file, line: 1 },
        });
    }
    const endpoints = byOrigin(declaredEndpoints(ctx, ['web']).filter((e) => e.url.protocol === 'https:'));
    if (endpoints.length === 0) {
      if (!policy)
        findings.push({
          outcome: 'fail',
          code: 'web.no-security-contact',
          message: ctx.t('web.no-security-contact', { files: (params.files ?? DEFAULT_FILES).join(', ') }),
          location: ctx.locate([]),
        });
      return findings;
    }
    // With a SECURITY.md the criterion is met: what cannot be checked online is then only information.
    const cannotCheck = policy ? 'info' : 'unavailable';
    if (ctx.options.offline)
      return [...findings, ...endpoints.map((e) => offlineFinding(ctx, e, cannotCheck))];
    const session = await sessionOrFinding(ctx);
    if (!('run' in session)) return [...findings, policy ? { ...session, outcome: 'info' } : session];
    const perEndpoint = await Promise.all(endpoints.map((e) => securityTxtFindings(ctx, session, e, policy)));
    return [...findings, ...perEndpoint.flat()];
  },
};

function byOrigin(endpoints: Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((e) => !seen.has(e.url.origin) && seen.add(e.url.origin));
}

async function securityTxtFindings(
  ctx: CheckContext,
  session: WebSession,
  endpoint: Endpoint,
  policy: Policy | undefined,
): Promise<Finding[]> {
  const url = new URL(WELL_KNOWN, endpoint.url.origin);
  const at = findingsFor(ctx, endpoint.location, url.href);
  ctx.log(ctx.t('web.security-txt.progress', { url: url.href }));
  const result = await session.once(`security-txt:${url.origin}`, () =>
    attempt(() => fetchFollowing(session, url)),
  );
  if (!result.ok)
    return [unreachableFinding(ctx, { ...endpoint, url }, result.error, policy ? 'info' : 'unavailable')];
  const { final, stopped } = result.value;
  if (stopped)
    return [at(policy ? 'info' : 'review', 'web.redirect-undeclared', { target: stopped.location })];
  const type = String(final.headers['content-type'] ?? '').toLowerCase();
  // Single-page apps answer every path with their HTML shell: that is not a security.txt.
  if (final.status !== 200 || type.includes('html') || final.body.length > SECURITY_TXT_MAX_BYTES)
    return [
      at(policy ? 'info' : 'fail', policy ? 'web.security-txt.missing-ok' : 'web.security-txt.missing', {
        status: type ? `${final.status}, ${type.split(';')[0]}` : final.status,
      }),
    ];
  const verdicts = assessSecurityTxt(parseSecurityTxt(final.body), ctx.now);
  if (!type.startsWith('text/plain'))
    verdicts.push({ outcome: 'warn', key: 'web.security-txt.content-type', params: { type: type || '—' } });
  return verdicts.map((v) => at(v.outcome, v.key, v.params));
}

function findPolicy(repoDir: string, files: string[]): Policy | undefined {
  for (const wanted of files) {
    const dir = path.join(repoDir, path.dirname(wanted));
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    // GitHub finds SECURITY.md whatever its case.
    const name = names.find((n) => n.toLowerCase() === path.basename(wanted).toLowerCase());
    if (!name) continue;
    const file = path.posix.join(path.dirname(wanted), name).replace(/^\.\//, '');
    let text: string;
    try {
      text = readFileSync(path.join(dir, name), 'utf8');
    } catch {
      continue;
    }
    return { file, hasContact: CONTACT.test(text) };
  }
  return undefined;
}

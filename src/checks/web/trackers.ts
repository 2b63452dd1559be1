// `web/trackers`: the live front page of each declared web endpoint embeds no tracker sending data outside the EU.
// The page itself (script tags, inline snippets, pixels) and the scripts it loads from its own origin are matched
// against the signatures of rules/trackers.yml.
import type { TrackerMatch } from '../../trackers/matcher.js';
import { TrackerMatcher, trackerMatcherOrFinding } from '../../trackers/matcher.js';
import type { Check, CheckContext, Finding } from '../types.js';
import type { Endpoint } from './endpoints.js';
import {
  declaredEndpoints,
  findingsFor,
  noEndpointFinding,
  offlineFinding,
  sessionOrFinding,
  unreachableFinding,
} from './endpoints.js';
import { httpGet } from './http-client.js';
import { frontPage } from './page.js';
import { scriptSources } from './page-scripts.js';
import { attempt } from './probe-error.js';
import type { WebSession } from './session.js';

/** Same-origin scripts read per page: enough for an app's bundles, bounded for a page that lists hundreds. */
const MAX_SCRIPTS = 20;

export const webTrackersCheck: Check = {
  id: 'web/trackers',
  engine: 'web',
  settings: ['endpoints'],
  description: {
    fr: 'La page d’accueil en ligne n’embarque aucun traceur transférant des données hors de l’UE.',
    en: 'The live front page embeds no tracker transferring data outside the EU.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const endpoints = declaredEndpoints(ctx, ['web']);
    if (endpoints.length === 0) return [noEndpointFinding(ctx, ['web'])];
    if (ctx.options.offline) return endpoints.map((e) => offlineFinding(ctx, e));
    const matcher = trackerMatcherOrFinding(ctx);
    if (!(matcher instanceof TrackerMatcher)) return [matcher];
    const session = await sessionOrFinding(ctx);
    if (!('run' in session)) return [session];
    const perEndpoint = await Promise.all(endpoints.map((e) => endpointFindings(ctx, session, matcher, e)));
    return perEndpoint.flat();
  },
};

async function endpointFindings(
  ctx: CheckContext,
  session: WebSession,
  matcher: TrackerMatcher,
  endpoint: Endpoint,
): Promise<Finding[]> {
  ctx.log(ctx.t('web.trackers.progress', { url: endpoint.url.href }));
  const page = await frontPage(session, endpoint.url);
  if (!page.ok) return [unreachableFinding(ctx, endpoint, page.error)];
  const { final, stopped } = page.value;
  const at = findingsFor(ctx, endpoint.location, final.url.href);
  if (stopped) return [at('review', 'web.redirect-undeclared', { target: stopped.location })];
  if (final.status >= 400)
    return [
      { ...at('unavailable', 'web.page-error', { status: final.status }), fix: ctx.t('web.fix.page-error') },
    ];
  const found: { where: string; match: TrackerMatch }[] = matcher
    .scan(final.body)
    .map((match) => ({ where: final.url.href, match }));
  const scripts = [
    ...new Set(
      scriptSources(final.body)
        .filter((src) => URL.canParse(src, final.url.href))
        .map((src) => new URL(src, final.url))
        .filter((src) => src.origin === final.url.origin)
        .map((src) => src.href),
    ),
  ].slice(0, MAX_SCRIPTS);
  const notRead: string[] = [];
  await Promise.all(
    scripts.map(async (href) => {
      const script = await session.once(`script:${href}`, () =>
        attempt(() => httpGet(session, new URL(href))),
      );
      if (!script.ok || script.value.status !== 200) {
        notRead.push(href);
        return;
      }
      for (const match of matcher.scan(script.value.body)) found.push({ where: href, match });
    }),
  );
  // One finding per tool and place, in a stable order.
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { where, match } of found.sort((a, b) =>
    a.where < b.where ? -1 : a.where > b.where ? 1 : a.match.index - b.match.index,
  )) {
    const key = `${match.tracker.id}|${where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const nonEu = match.tracker.transfer === 'non-eu';
    findings.push({
      ...at(nonEu ? 'fail' : 'info', nonEu ? 'web.tracker' : 'web.tracker-eu', {
        name: match.tracker.name,
        vendor: match.tracker.vendor,
        country: match.tracker.country,
        where,
        text: match.text,
      }),
      details: { tracker: match.tracker.id, where },
    });
  }
  if (!findings.some((f) => f.outcome === 'fail'))
    findings.unshift(at('pass', 'web.no-tracker', { scripts: scripts.length - notRead.length }));
  if (notRead.length > 0)
    findings.push(at('info', 'web.scripts-not-read', { scripts: notRead.sort().join(', ') }));
  return findings;
}

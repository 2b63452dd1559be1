// `repo/trackers`: analytics and trackers that send visitors' data outside the EU, found in the front-end sources
// and built assets of the repository. The signatures are data (rules/trackers.yml).
import type { Check, CheckContext, Finding } from '../types.js';
import { byPlace, scanFindings } from './report.js';
import { repoScan } from './repo-scan.js';
import type { TrackerHit } from './tracker-collector.js';
import { TrackerCollector } from './tracker-collector.js';

export const repoTrackersCheck: Check = {
  id: 'repo/trackers',
  engine: 'repo',
  description: {
    fr: 'Aucun traceur ni outil de mesure d’audience transférant des données hors de l’UE dans les sources front-end et les fichiers construits.',
    en: 'No tracker or analytics tool transferring data outside the EU in the front-end sources and built assets.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const { trackers } = await repoScan(ctx);
    if (!(trackers instanceof TrackerCollector)) return [trackers];
    const { hits, stats } = trackers;
    ctx.log(ctx.t('repo.trackers.progress', { files: stats.scanned }));
    const pass: Finding | undefined = hits.some((h) => h.tracker.transfer === 'non-eu')
      ? undefined
      : {
          outcome: 'pass',
          code: 'repo.no-tracker',
          message: ctx.t('repo.no-tracker', { files: stats.scanned }),
        };
    return scanFindings(
      ctx,
      trackers,
      byPlace(hits).map((hit) => trackerFinding(ctx, hit)),
      pass,
    );
  },
};

function trackerFinding(ctx: CheckContext, hit: TrackerHit): Finding {
  const nonEu = hit.tracker.transfer === 'non-eu';
  const params = {
    name: hit.tracker.name,
    vendor: hit.tracker.vendor,
    country: hit.tracker.country,
    text: hit.text,
    count: hit.count,
  };
  return {
    outcome: nonEu ? 'fail' : 'info',
    code: nonEu ? 'repo.tracker' : 'repo.tracker-eu',
    message: ctx.t(nonEu ? 'repo.tracker' : 'repo.tracker-eu', params),
    location: { file: hit.file, line: hit.line, column: hit.column },
    details: { tracker: hit.tracker.id, occurrences: hit.count },
  };
}

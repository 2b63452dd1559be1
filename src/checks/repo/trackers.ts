// `repo/trackers`: analytics and trackers that send visitors' data outside the EU, found in the front-end sources
// and built assets of the repository. The signatures are data (rules/trackers.yml).
import { TrackerMatcher, trackerMatcherOrFinding } from '../../trackers/matcher.js';
import type { TrackerSignature } from '../../trackers/signatures.js';
import type { Check, CheckContext, Finding } from '../types.js';
import { LineIndex } from './line-index.js';
import { capFindings, skippedFindings } from './report.js';
import { repoFiles, scanTextFiles } from './scan.js';

/** Files that make up a web front end: markup, scripts, templates, and package.json for analytics packages. */
const FRONT_END =
  /(?:\.(?:html?|xhtml|[cm]?js|jsx|[cm]?ts|tsx|vue|svelte|astro|php|twig|erb|ejs|hbs|handlebars|liquid|njk|jsp|aspx|cshtml|razor)|(?:^|\/)package\.json)$/i;
/** Minified bundles are often large; the limit only keeps a stray data file from stalling the scan. */
const MAX_BYTES = 10 * 1024 * 1024;

interface Hit {
  tracker: TrackerSignature;
  file: string;
  line: number;
  column: number;
  text: string;
  count: number;
}

export const repoTrackersCheck: Check = {
  id: 'repo/trackers',
  engine: 'repo',
  description: {
    fr: 'Aucun traceur ni outil de mesure d’audience transférant des données hors de l’UE dans les sources front-end et les fichiers construits.',
    en: 'No tracker or analytics tool transferring data outside the EU in the front-end sources and built assets.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const matcher = trackerMatcherOrFinding(ctx);
    if (!(matcher instanceof TrackerMatcher)) return [matcher];
    const files = (await repoFiles(ctx)).filter((f) => FRONT_END.test(f.path));
    const hits: Hit[] = [];
    const stats = await scanTextFiles(files, MAX_BYTES, ctx.signal, (file, text) => {
      const matches = matcher.scan(text);
      if (matches.length === 0) return;
      const lines = new LineIndex(text);
      // One finding per tool and file, at its first occurrence: a bundle may repeat a snippet many times.
      const perTracker = new Map<string, Hit>();
      for (const m of matches) {
        const known = perTracker.get(m.tracker.id);
        if (known) {
          known.count++;
          continue;
        }
        perTracker.set(m.tracker.id, {
          tracker: m.tracker,
          file: file.path,
          ...lines.position(m.index),
          text: m.text,
          count: 1,
        });
      }
      hits.push(...perTracker.values());
    });
    ctx.log(ctx.t('repo.trackers.progress', { files: stats.scanned }));
    hits.sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
    );
    const findings = capFindings(
      ctx,
      hits.map((hit) => trackerFinding(ctx, hit)),
    );
    if (!hits.some((h) => h.tracker.transfer === 'non-eu'))
      findings.unshift({
        outcome: 'pass',
        code: 'repo.no-tracker',
        message: ctx.t('repo.no-tracker', { files: stats.scanned }),
      });
    findings.push(...skippedFindings(ctx, stats, MAX_BYTES));
    return findings;
  },
};

function trackerFinding(ctx: CheckContext, hit: Hit): Finding {
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

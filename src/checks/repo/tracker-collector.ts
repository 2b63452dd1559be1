// The tracker scan of the repository pass: front-end files (sources, templates, built bundles — even those
// .gitignore hides) matched against the signatures; one hit per tool and file, at its first occurrence.
import type { TrackerMatcher } from '../../trackers/matcher.js';
import type { TrackerSignature } from '../../trackers/signatures.js';
import type { RepoFile } from './files.js';
import { LineIndex } from '../../util/line-index.js';
import type { FileVisitor } from './scan.js';
import { emptyStats } from './scan.js';

/** Files that make up a web front end: markup, scripts, templates, and package.json for analytics packages. */
const FRONT_END =
  /(?:\.(?:html?|xhtml|[cm]?js|jsx|[cm]?ts|tsx|vue|svelte|astro|php|twig|erb|ejs|hbs|handlebars|liquid|njk|jsp|aspx|cshtml|razor)|(?:^|\/)package\.json)$/i;

export interface TrackerHit {
  tracker: TrackerSignature;
  file: string;
  line: number;
  column: number;
  text: string;
  /** Occurrences of this tool in the file; a bundle may repeat a snippet many times. */
  count: number;
}

export class TrackerCollector implements FileVisitor {
  /** Minified bundles are often large; the limit only keeps a stray data file from stalling the scan. */
  readonly maxBytes = 10 * 1024 * 1024;
  readonly stats = emptyStats();
  readonly hits: TrackerHit[] = [];
  private readonly matcher: TrackerMatcher;

  constructor(matcher: TrackerMatcher) {
    this.matcher = matcher;
  }

  wants(file: RepoFile): boolean {
    return FRONT_END.test(file.path);
  }

  visit(file: RepoFile, text: string): void {
    const matches = this.matcher.scan(text);
    if (matches.length === 0) return;
    const lines = new LineIndex(text);
    const perTracker = new Map<string, TrackerHit>();
    for (const m of matches) {
      const known = perTracker.get(m.tracker.id);
      if (known) known.count++;
      else
        perTracker.set(m.tracker.id, {
          tracker: m.tracker,
          file: file.path,
          ...lines.position(m.index),
          text: m.text,
          count: 1,
        });
    }
    this.hits.push(...perTracker.values());
  }
}

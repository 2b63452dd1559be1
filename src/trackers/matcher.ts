// Finds tracker signatures in a text in one pass: every pattern of every signature joined in a single
// alternation, each wrapped in a named group that says which signature matched.
import type { CheckContext, Finding } from '../checks/types.js';
import { UserError } from '../errors.js';
import type { TrackerSignature, TrackerSignatures } from './signatures.js';
import { loadTrackerSignatures } from './signatures.js';

export interface TrackerMatch {
  tracker: TrackerSignature;
  /** Offset of the match in the text. */
  index: number;
  /** The matched text, shortened for display. */
  text: string;
}

const MAX_SHOWN = 80;

export class TrackerMatcher {
  private readonly regex: RegExp;
  private readonly byGroup = new Map<string, TrackerSignature>();

  constructor(signatures: Pick<TrackerSignatures, 'trackers'>) {
    const parts: string[] = [];
    signatures.trackers.forEach((tracker, i) => {
      tracker.patterns.forEach((pattern, j) => {
        const group = `t${i}_${j}`;
        this.byGroup.set(group, tracker);
        parts.push(`(?<${group}>${pattern})`);
      });
    });
    this.regex = new RegExp(parts.join('|'), 'gi');
  }

  /** Every match, in text order. */
  scan(text: string): TrackerMatch[] {
    const found: TrackerMatch[] = [];
    // matchAll works on a copy of the regex, so concurrent scans do not share lastIndex.
    for (const m of text.matchAll(this.regex)) {
      const group = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0];
      const tracker = group ? this.byGroup.get(group) : undefined;
      if (!tracker) continue;
      const shown = m[0].length > MAX_SHOWN ? `${m[0].slice(0, MAX_SHOWN - 1)}…` : m[0];
      found.push({ tracker, index: m.index, text: shown });
    }
    return found;
  }
}

/** The matcher for rules/trackers.yml, or the finding that says why its signatures cannot be used. */
export function trackerMatcherOrFinding(ctx: CheckContext): TrackerMatcher | Finding {
  try {
    return new TrackerMatcher(loadTrackerSignatures());
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      outcome: 'unavailable',
      code: 'trackers.rules-invalid',
      message: ctx.t('trackers.rules-invalid', { message: error.render(ctx.t) }),
      ...(error.location ? { location: error.location } : {}),
    };
  }
}

// The repository pass, run once per run by whichever repository check comes first and shared by both.
import { TrackerMatcher, trackerMatcherOrFinding } from '../../trackers/matcher.js';
import type { CheckContext, Finding } from '../types.js';
import type { FileVisitor } from './scan.js';
import { repoFiles, scanFiles } from './scan.js';
import { SecretCollector } from './secret-collector.js';
import { TrackerCollector } from './tracker-collector.js';

export interface RepoScan {
  /** The tracker scan, or why the signatures could not be used. */
  trackers: TrackerCollector | Finding;
  secrets: SecretCollector;
}

export function repoScan(ctx: CheckContext): Promise<RepoScan> {
  return ctx.shared('repo:scan', async () => {
    const matcher = trackerMatcherOrFinding(ctx);
    const trackers = matcher instanceof TrackerMatcher ? new TrackerCollector(matcher) : matcher;
    const secrets = new SecretCollector(ctx.secrets);
    const visitors: FileVisitor[] = trackers instanceof TrackerCollector ? [trackers, secrets] : [secrets];
    await scanFiles(await repoFiles(ctx), ctx.signal, visitors);
    return { trackers, secrets };
  });
}

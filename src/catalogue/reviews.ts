// Human reviews (manifest `revues`): a person's verdict on a criterion that checks alone leave `a-verifier`. A
// review holds while every evidence file of the criterion is the one reviewed (same SHA-256) and for one year.
import type { Translate } from '../messages.js';
import type { Manifest, Review } from '../manifest/types.js';
import path from 'node:path';
import { addYears, isoDate } from '../util/dates.js';

/** How long a review holds. */
export const REVIEW_VALID_YEARS = 1;

export type ReviewJudgement =
  | { state: 'applied' }
  | { state: 'future' }
  | { state: 'lapsed'; reason: 'expired'; until: string }
  | { state: 'lapsed'; reason: 'file-changed' | 'file-missing' | 'file-not-reviewed'; file: string };

/**
 * Whether `review` still decides its criterion today. `files` are the criterion's evidence files in the repository;
 * `hashOf` gives a file's current SHA-256 (undefined when it is missing).
 */
export function judgeReview(
  review: Review,
  files: readonly string[],
  hashOf: (file: string) => string | undefined,
  now: Date,
): ReviewJudgement {
  const today = isoDate(now);
  if (review.date > today) return { state: 'future' };
  const until = addYears(review.date, REVIEW_VALID_YEARS);
  if (today > until) return { state: 'lapsed', reason: 'expired', until };
  const recorded = Object.fromEntries(
    Object.entries(review.sha256 ?? {}).map(([file, hash]) => [normalisePath(file), hash]),
  );
  for (const file of files) {
    const expected = recorded[file];
    if (expected === undefined) return { state: 'lapsed', reason: 'file-not-reviewed', file };
    const actual = hashOf(file);
    if (actual === undefined) return { state: 'lapsed', reason: 'file-missing', file };
    if (actual !== expected) return { state: 'lapsed', reason: 'file-changed', file };
  }
  return { state: 'applied' };
}

/** The review that speaks for a criterion: the most recent one (the manifest keeps the history). */
export function latestReviews(reviews: readonly Review[]): Map<string, { review: Review; index: number }> {
  const latest = new Map<string, { review: Review; index: number }>();
  reviews.forEach((review, index) => {
    const current = latest.get(review.criterion);
    if (!current || review.date >= current.review.date) latest.set(review.criterion, { review, index });
  });
  return latest;
}

export function lapseText(t: Translate, judgement: ReviewJudgement): string | undefined {
  if (judgement.state !== 'lapsed') return undefined;
  return judgement.reason === 'expired'
    ? t('review.lapse.expired', { date: judgement.until })
    : t(`review.lapse.${judgement.reason}`, { file: judgement.file });
}

/** `./docs/a.md` and `docs/a.md` name the same file. */
export function normalisePath(file: string): string {
  return path.posix.normalize(file.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** The repository files a review of a criterion covers: the `path` of each of its evidence items. */
export function reviewedFiles(evidenceKeys: readonly string[], manifest: Manifest): string[] {
  const files = evidenceKeys.flatMap((key) => {
    const file = manifest.evidence?.[key]?.path;
    return file ? [normalisePath(file)] : [];
  });
  return [...new Set(files)];
}

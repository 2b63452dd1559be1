// Evaluation: one status per criterion from its findings, then human reviews and waivers. Pure: same inputs, same
// result (file hashes come in through `hashOf`).
import type { Finding } from '../checks/types.js';
import type { Translate } from '../messages.js';
import { pick } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';
import type { LoadedManifest } from '../manifest/types.js';
import type {
  CriterionResult,
  CriterionStatus,
  Notice,
  ReportEvidence,
  ReportFinding,
  ReportReview,
} from '../report/model.js';
import { daysUntil } from '../util/dates.js';
import { judgeReview, lapseText, latestReviews, reviewedFiles } from './reviews.js';
import type { Catalogue } from './types.js';
import type { Plan } from './plan.js';

export interface EvaluationInput {
  catalogue: Catalogue;
  plan: Plan;
  loaded: LoadedManifest;
  /** Findings by invocation key, each tagged with its check id. */
  findings: Map<string, ReportFinding[]>;
  now: Date;
  lang: Lang;
  t: Translate;
  evidenceOf(invocationKey: string): string[];
  /** Current SHA-256 of an evidence file of the repository (undefined when missing), for reviews. */
  hashOf(file: string): string | undefined;
}

export interface Evaluation {
  criteria: CriterionResult[];
  notices: Notice[];
}

export function statusFrom(findings: readonly Finding[], review: boolean): CriterionStatus {
  if (findings.some((f) => f.outcome === 'fail')) return 'non-conforme';
  if (findings.some((f) => f.outcome === 'unavailable')) return 'indisponible';
  if (review || findings.length === 0 || findings.some((f) => f.outcome === 'review')) return 'a-verifier';
  // Only informational findings decide nothing.
  if (findings.every((f) => f.outcome === 'info')) return 'a-verifier';
  return 'conforme';
}

export function evaluate(input: EvaluationInput): Evaluation {
  const { catalogue, plan, loaded, t, lang, now } = input;
  const manifest = loaded.manifest;
  const notices: Notice[] = [];
  const waivers = new Map((manifest.waivers ?? []).map((w, i) => [w.criterion, { waiver: w, index: i }]));
  const known = new Set(catalogue.criteria.map((c) => c.id));

  for (const [id, { index }] of waivers) {
    if (!known.has(id))
      notices.push({
        code: 'waiver.unknown-criterion',
        message: t('waiver.unknown-criterion', { id }),
        location: loaded.locate(['waivers', index, 'criterion']),
      });
  }
  for (const id of Object.keys(manifest['official-ids'] ?? {})) {
    if (!known.has(id))
      notices.push({
        code: 'official-id.unknown-criterion',
        message: t('official-id.unknown-criterion', { id }),
        location: loaded.locate(['official-ids', id], { key: true }),
      });
  }

  const reviews = latestReviews(manifest.revues ?? []);
  for (const [id, { index }] of reviews) {
    if (!known.has(id))
      notices.push({
        code: 'review.unknown-criterion',
        message: t('review.unknown-criterion', { id }),
        location: loaded.locate(['revues', index, 'criterion']),
      });
  }

  const criteria = plan.criteria.map(({ criterion, applicable, invocations }): CriterionResult => {
    const findings = invocations.flatMap((key) => input.findings.get(key) ?? []);
    const evidenceKeys = [
      ...new Set([...criterion.evidence, ...invocations.flatMap((k) => input.evidenceOf(k))]),
    ];
    let status: CriterionStatus = applicable ? statusFrom(findings, criterion.review) : 'non-applicable';
    let review: ReportReview | undefined;
    const r = reviews.get(criterion.id);
    if (r) {
      const location = loaded.locate(['revues', r.index]);
      const judgement = judgeReview(r.review, reviewedFiles(evidenceKeys, manifest), input.hashOf, now);
      const about = { id: criterion.id, reviewer: r.review.reviewer, date: r.review.date };
      if (status !== 'a-verifier') {
        notices.push({
          code: 'review.unused',
          message: t('review.unused', { ...about, status: t(`status.${status}`) }),
          location,
        });
      } else if (judgement.state === 'future') {
        notices.push({ code: 'review.future', message: t('review.future', about), location });
      } else {
        const lapse = lapseText(t, judgement);
        review = {
          reviewer: r.review.reviewer,
          date: r.review.date,
          verdict: r.review.verdict,
          ...(r.review.note ? { note: r.review.note } : {}),
          state: lapse ? 'lapsed' : 'applied',
          ...(lapse ? { lapse } : {}),
        };
        const note = r.review.note ? ` — ${r.review.note}` : '';
        findings.push(
          lapse
            ? {
                outcome: 'review',
                code: 'review.lapsed',
                check: 'revues',
                message: t('review.lapsed', { ...about, reason: lapse }),
                fix: t('review.lapsed-fix', { id: criterion.id }),
                location,
              }
            : {
                outcome: r.review.verdict === 'conforme' ? 'pass' : 'fail',
                code: `review.${r.review.verdict}`,
                check: 'revues',
                message: `${t(`review.${r.review.verdict}`, about)}${note}`,
                location,
              },
        );
        if (!lapse) status = r.review.verdict;
      }
    }
    const w = waivers.get(criterion.id);
    let waiver: CriterionResult['waiver'];
    if (w) {
      const active = daysUntil(w.waiver.expires, now) >= 0;
      waiver = { justification: w.waiver.justification, expires: w.waiver.expires, active };
      const location = loaded.locate(['waivers', w.index]);
      if (!applicable)
        notices.push({
          code: 'waiver.not-applicable',
          message: t('waiver.not-applicable', { id: criterion.id }),
          location,
        });
      else if (!active)
        notices.push({
          code: 'waiver.expired',
          message: t('waiver.expired', { id: criterion.id, date: w.waiver.expires }),
          location,
        });
      else if (status !== 'non-conforme')
        notices.push({ code: 'waiver.unused', message: t('waiver.unused', { id: criterion.id }), location });
    }
    const firstFailing =
      findings.find((f) => f.outcome === 'fail' && f.location) ?? findings.find((f) => f.location);
    const officialId = manifest['official-ids']?.[criterion.id] ?? (criterion['official-id'] || undefined);
    return {
      id: criterion.id,
      ...(officialId ? { officialId } : {}),
      title: pick(criterion.title, lang),
      description: pick(criterion.description, lang),
      rubrique: criterion.rubrique,
      niveau: criterion.niveau,
      fondement: {
        text: pick(criterion.fondement.text, lang),
        sources: criterion.fondement.sources.map((s) => catalogue.sources[s]).filter((s) => s !== undefined),
      },
      status,
      // The policy decides (report/policy.ts); evaluation only judges.
      blocking: false,
      ...(criterion.reviewGuide ? { reviewGuide: pick(criterion.reviewGuide, lang) } : {}),
      ...(review ? { review } : {}),
      attention: findings.some((f) => f.outcome === 'warn'),
      ...(waiver ? { waiver } : {}),
      findings,
      evidence: evidenceKeys.map((key) => evidenceEntry(key, loaded, catalogue, lang)),
      checks: [...new Set(criterion.checks.map((c) => c.check))],
      sources: criterion.sources.map((s) => catalogue.sources[s]).filter((s) => s !== undefined),
      location: firstFailing?.location ?? loaded.locate([]),
    };
  });
  const order = new Map(catalogue.rubriques.map((r, i) => [r.id, i]));
  criteria.sort(
    (a, b) => (order.get(a.rubrique) ?? 0) - (order.get(b.rubrique) ?? 0) || a.id.localeCompare(b.id),
  );
  return { criteria, notices };
}

function evidenceEntry(
  key: string,
  loaded: LoadedManifest,
  catalogue: Catalogue,
  lang: Lang,
): ReportEvidence {
  const item = loaded.manifest.evidence?.[key];
  const type = catalogue['evidence-types'][key];
  return {
    key,
    title: type ? pick(type.title, lang) : key,
    declared: item !== undefined,
    ...(item?.path ? { path: item.path } : {}),
    ...(item?.url ? { url: item.url } : {}),
    ...(item?.issued ? { issued: item.issued } : {}),
    ...(item?.expires ? { expires: item.expires } : {}),
  };
}

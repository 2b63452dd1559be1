// `ecoscore`: the Ecoscore result says what was measured — a score out of 100, over a scripted user journey, on a
// given version of the application, on a given day — and is still fresh. Whether the item is present and its
// file exists is the `evidence` check's job.
import { addDays, daysUntil } from '../../util/dates.js';
import type { Check, Finding } from '../types.js';

export interface EcoscoreParams {
  /** After this many days the score is flagged for a new measure (no published rule: a warning, not a failure). */
  'max-age-days'?: number;
  [key: string]: unknown;
}

const DEFAULT_MAX_AGE_DAYS = 365;

export const ecoscoreCheck: Check<EcoscoreParams> = {
  id: 'ecoscore',
  engine: 'evidence',
  description: {
    fr: 'Le résultat de l’Ecoscore donne le score, le parcours mesuré, la version de l’application et la date, et reste récent.',
    en: 'The Ecoscore result gives the score, the measured journey, the application version and the date, and is recent.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { 'max-age-days': { type: 'integer', minimum: 1 } },
  },
  evidence: () => ['ecoscore'],
  async run(ctx, params) {
    const item = ctx.manifest.evidence?.ecoscore;
    if (!item) return [];
    const { t } = ctx;
    const at = (field?: string) =>
      field
        ? ctx.locate(['evidence', 'ecoscore', field])
        : ctx.locate(['evidence', 'ecoscore'], { key: true });
    const findings: Finding[] = [];
    if (item.score === undefined)
      findings.push({
        outcome: 'fail',
        code: 'ecoscore.no-score',
        evidence: 'ecoscore',
        message: t('ecoscore.no-score'),
        location: at(),
      });
    if (item.journey === undefined)
      findings.push({
        outcome: 'warn',
        code: 'ecoscore.no-journey',
        evidence: 'ecoscore',
        message: t('ecoscore.no-journey'),
        location: at(),
      });
    const appVersion = ctx.manifest.solution.version;
    if (item['app-version'] === undefined)
      findings.push({
        outcome: 'warn',
        code: 'ecoscore.no-version',
        evidence: 'ecoscore',
        message: t('ecoscore.no-version'),
        location: at(),
      });
    else if (appVersion !== undefined && item['app-version'] !== appVersion)
      findings.push({
        outcome: 'warn',
        code: 'ecoscore.other-version',
        evidence: 'ecoscore',
        message: t('ecoscore.other-version', { measured: item['app-version'], current: appVersion }),
        location: at('app-version'),
      });
    if (item.issued === undefined)
      findings.push({
        outcome: 'fail',
        code: 'ecoscore.no-date',
        evidence: 'ecoscore',
        message: t('ecoscore.no-date'),
        location: at(),
      });
    else {
      const maxAge = params['max-age-days'] ?? DEFAULT_MAX_AGE_DAYS;
      const limit = addDays(item.issued, maxAge);
      if (daysUntil(limit, ctx.now) < 0)
        findings.push({
          outcome: 'warn',
          code: 'ecoscore.stale',
          evidence: 'ecoscore',
          message: t('ecoscore.stale', { date: item.issued, days: maxAge }),
          location: at('issued'),
        });
    }
    if (item.score !== undefined)
      findings.unshift({
        outcome: findings.some((f) => f.outcome === 'fail') ? 'info' : 'pass',
        code: 'ecoscore.result',
        evidence: 'ecoscore',
        message: t('ecoscore.result', {
          score: item.score,
          journey: item.journey ?? '—',
          version: item['app-version'] ?? '—',
          date: item.issued ?? '—',
        }),
        location: at('score'),
        details: { score: item.score },
      });
    return findings;
  },
};

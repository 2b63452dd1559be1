// `renewal`: referencing is granted for a limited time; the renewal is due one year after the last decision.
import { addYears, daysUntil } from '../../util/dates.js';
import type { Check } from '../types.js';

export interface RenewalParams {
  'validity-years'?: number;
  'warn-days'?: number;
  [key: string]: unknown;
}

export const renewalCheck: Check<RenewalParams> = {
  id: 'renewal',
  engine: 'evidence',
  description: {
    fr: 'Le renouvellement du référencement n’est pas dépassé.',
    en: 'The referencing renewal is not overdue.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      'validity-years': { type: 'integer', minimum: 1 },
      'warn-days': { type: 'integer', minimum: 0 },
    },
  },
  async run(ctx, params) {
    const last = ctx.manifest.referencing['last-decision'];
    if (last === undefined) {
      return [
        {
          outcome: 'info',
          code: 'renewal.first-application',
          message: ctx.t('renewal.first-application'),
          location: ctx.locate(['referencing'], { key: true }),
        },
      ];
    }
    const due = addYears(last, params['validity-years'] ?? 1);
    const left = daysUntil(due, ctx.now);
    const location = ctx.locate(['referencing', 'last-decision']);
    if (left < 0)
      return [
        {
          outcome: 'fail',
          code: 'renewal.overdue',
          message: ctx.t('renewal.overdue', { last, due, days: -left }),
          location,
        },
      ];
    if (left < (params['warn-days'] ?? 60))
      return [
        {
          outcome: 'warn',
          code: 'renewal.soon',
          message: ctx.t('renewal.soon', { last, due, days: left }),
          location,
        },
      ];
    return [{ outcome: 'pass', code: 'renewal.ok', message: ctx.t('renewal.ok', { last, due }), location }];
  },
};

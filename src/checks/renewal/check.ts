// `renewal`: referencing is granted for a limited time; the renewal is due one year after the last decision. The
// due date comes from the process state (the catalogue's `process.renewal`), shared with the report's timeline.
import type { Check } from '../types.js';

export const renewalCheck: Check = {
  id: 'renewal',
  engine: 'evidence',
  description: {
    fr: 'Le renouvellement du référencement n’est pas dépassé.',
    en: 'The referencing renewal is not overdue.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const renewal = ctx.process.deadlines.find((d) => d.kind === 'renewal');
    const last = ctx.process.lastDecision;
    if (renewal === undefined || last === undefined) {
      return [
        {
          outcome: 'info',
          code: 'renewal.first-application',
          message: ctx.t('renewal.first-application'),
          location: ctx.locate(['referencing'], { key: true }),
        },
      ];
    }
    const { due, days, location } = renewal;
    if (renewal.state === 'overdue')
      return [
        {
          outcome: 'fail',
          code: 'renewal.overdue',
          message: ctx.t('renewal.overdue', { last, due, days: -days }),
          location,
        },
      ];
    if (renewal.state === 'soon')
      return [
        {
          outcome: 'warn',
          code: 'renewal.soon',
          message: ctx.t('renewal.soon', { last, due, days }),
          location,
        },
      ];
    return [{ outcome: 'pass', code: 'renewal.ok', message: ctx.t('renewal.ok', { last, due }), location }];
  },
};

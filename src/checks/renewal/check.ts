// `renewal`: referencing is granted for a limited time; the renewal is due one year after the last decision. The
// due date comes from the process state (the catalogue's `process.renewal`), shared with the report's timeline.
import { periodicOutcome } from '../process/periodic.js';
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
    const state = renewal.state === 'overdue' || renewal.state === 'soon' ? renewal.state : 'ok';
    return [
      {
        outcome: periodicOutcome(renewal.state),
        code: `renewal.${state}`,
        message: ctx.t(`renewal.${state}`, { last, due, days: Math.abs(days) }),
        location,
      },
    ];
  },
};

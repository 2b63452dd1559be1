// `process/continuous-evaluation`: once referenced, the service stays compliant over time (audits, arrêté du
// 20 novembre 2023); the continuous evaluation report is filed by its due date.
import type { Check } from '../types.js';
import { periodicOutcome } from './periodic.js';

export const continuousEvaluationCheck: Check = {
  id: 'process/continuous-evaluation',
  engine: 'process',
  description: {
    fr: 'Le rapport d’évaluation continue est remis à son échéance.',
    en: 'The continuous evaluation report is filed by its due date.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const d = ctx.process.deadlines.find((x) => x.kind === 'continuous-evaluation');
    if (!d)
      return [
        {
          outcome: 'info',
          code: 'process.continuous-evaluation.not-referenced',
          message: ctx.t('process.continuous-evaluation.not-referenced'),
          location: ctx.locate(['referencing'], { key: true }),
        },
      ];
    const params = { due: d.due, days: Math.abs(d.days) };
    const base = { location: d.location, details: { due: d.due }, outcome: periodicOutcome(d.state) };
    if (d.state === 'overdue' || d.state === 'soon')
      return [
        {
          ...base,
          code: `process.continuous-evaluation.${d.state}`,
          message: ctx.t(`process.alert.continuous-evaluation.${d.state}`, params),
        },
      ];
    return [
      {
        ...base,
        code: 'process.continuous-evaluation.upcoming',
        message: ctx.t('process.continuous-evaluation.upcoming', params),
      },
    ];
  },
};

// `process/eligibility`: only services of the sanitary, medico-social or social sector, aimed at patients, are
// admissible to the catalogue. The manifest's answers decide what they can; compliance with the doctrine of
// digital health is the evaluators' call, so a met declaration still leaves the criterion to review.
import type { Check, Finding } from '../types.js';

const ELIGIBLE = ['sanitaire', 'medico-social', 'social'];

export const eligibilityCheck: Check = {
  id: 'process/eligibility',
  engine: 'process',
  description: {
    fr: 'La solution relève du secteur sanitaire, médico-social ou social et s’adresse aux patients.',
    en: 'The service belongs to the sanitary, medico-social or social sector and is aimed at patients.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const { t } = ctx;
    const { audience, sector } = ctx.manifest.orientation;
    const findings: Finding[] = [];
    if (!audience.includes('patients'))
      findings.push({
        outcome: 'fail',
        code: 'eligibility.audience',
        message: t('eligibility.audience'),
        location: ctx.locate(['orientation', 'audience']),
      });
    if (sector === undefined)
      findings.push({
        outcome: 'review',
        code: 'eligibility.sector-undeclared',
        message: t('eligibility.sector-undeclared'),
        location: ctx.locate(['orientation'], { key: true }),
      });
    else if (!sector.some((s) => ELIGIBLE.includes(s)))
      findings.push({
        outcome: 'fail',
        code: 'eligibility.sector',
        message: t('eligibility.sector', { sector: sector.join(', ') }),
        location: ctx.locate(['orientation', 'sector']),
      });
    if (findings.length === 0)
      findings.push({
        outcome: 'pass',
        code: 'eligibility.met',
        message: t('eligibility.met', {
          sector: (sector ?? []).filter((s) => ELIGIBLE.includes(s)).join(', '),
        }),
        location: ctx.locate(['orientation', 'sector']),
      });
    return findings;
  },
};

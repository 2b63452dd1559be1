// `process/deadlines`: the editor meets the deadlines of the evaluation and of the commission. A request for
// information left unanswered past its deadline fails; a reservation not lifted in time fails when it is
// suspensive (it suspends the referencing) and is flagged when it is not (the referencing stands, the
// commission's condition is late). The deadlines are judged once, in the process state.
import type { Translate } from '../../messages.js';
import type { Deadline } from '../../process/state.js';
import type { Check, Finding, Outcome } from '../types.js';

export interface DeadlinesParams {
  kind: 'request' | 'reservation';
  [key: string]: unknown;
}

export const deadlinesCheck: Check<DeadlinesParams> = {
  id: 'process/deadlines',
  engine: 'process',
  description: {
    fr: 'Les demandes de compléments et les réserves de la commission sont traitées avant leur date limite.',
    en: 'Requests for information and the commission’s reservations are handled before their deadline.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    properties: { kind: { enum: ['request', 'reservation'] } },
  },
  async run(ctx, params) {
    const own = ctx.process.deadlines.filter((d): d is JudgedDeadline => d.kind === params.kind);
    if (own.length === 0)
      return [
        {
          outcome: 'info',
          code: `process.${params.kind}.none`,
          message: ctx.t(`process.${params.kind}.none`),
          location: ctx.locate(['referencing'], { key: true }),
        },
      ];
    return own.map((d) => finding(d, ctx.t));
  },
};

/** The deadlines this check judges: the commission's requests and reservations. */
type JudgedDeadline = Deadline & { kind: DeadlinesParams['kind'] };

function finding(d: JudgedDeadline, t: Translate): Finding {
  const params = { id: d.id, due: d.due, days: Math.abs(d.days), done: d.done ?? '' };
  const base = {
    code: `process.${d.kind}.${d.state}`,
    location: d.location,
    details: { id: d.id, due: d.due },
  };
  if (d.state === 'done') {
    const late = d.done !== undefined && d.done > d.due;
    return {
      ...base,
      outcome: late ? 'info' : 'pass',
      code: late ? `process.${d.kind}.late` : base.code,
      message: t(late ? `process.${d.kind}.late` : `process.${d.kind}.done`, params),
    };
  }
  if (d.state === 'upcoming')
    return { ...base, outcome: 'info', message: t(`process.${d.kind}.open`, params) };
  const outcome: Outcome =
    d.state === 'soon' ? 'warn' : d.kind === 'reservation' && d.suspensive === false ? 'warn' : 'fail';
  return { ...base, outcome, message: t(`process.alert.${d.kind}.${d.state}`, params) };
}

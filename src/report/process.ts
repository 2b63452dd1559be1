// The process part of the report: the process state with actor names in the report's language, the dated events
// and the open deadlines on one timeline, and the deadlines that are passed or close as alerts.
import type { Lang } from '../i18n/index.js';
import type { Translate } from '../messages.js';
import { pick } from '../i18n/index.js';
import type { Manifest } from '../manifest/types.js';
import type { ProcessDefinition } from '../process/definition.js';
import type { ProcessState } from '../process/state.js';
import type { ReportProcess, ReportTimelineItem } from './model.js';

export function reportProcess(
  state: ProcessState,
  manifest: Manifest,
  definition: ProcessDefinition,
  lang: Lang,
  t: Translate,
): ReportProcess {
  const actors = (ids: string[]) =>
    ids.map((id) => (definition.actors[id] ? pick(definition.actors[id], lang) : id));
  const convergence = manifest.referencing.process?.convergence;
  const fileNumber = manifest.referencing.process?.submission?.['file-number'];
  const open = state.deadlines.filter((d) => d.state !== 'done');
  const timeline: ReportTimelineItem[] = [
    ...state.events.map((e): ReportTimelineItem => ({
      date: e.date,
      kind: 'event',
      label: e.label,
      actors: actors(e.actors),
      ...(e.step ? { step: e.step } : {}),
    })),
    ...open.map((d): ReportTimelineItem => ({
      date: d.due,
      kind: 'deadline',
      label: d.label,
      actors: actors([d.actor]),
      state: d.state,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
  return {
    recorded: state.recorded,
    convergence: {
      ...(convergence?.account ? { account: convergence.account } : {}),
      ...(fileNumber ? { fileNumber } : {}),
      products: convergence?.products ?? [],
    },
    ...(state.opinion ? { opinion: state.opinion } : {}),
    ...(state.lastDecision ? { lastDecision: state.lastDecision } : {}),
    steps: state.steps.map((s) => ({
      number: s.number,
      key: s.key,
      title: s.title,
      description: s.description,
      actors: actors(s.actors),
      status: s.status,
      ...(s.date ? { date: s.date } : {}),
      facts: s.facts,
    })),
    timeline,
    alerts: open
      .filter((d) => d.state === 'overdue' || d.state === 'soon')
      .map((d) => ({ ...d, state: d.state as 'overdue' | 'soon' }))
      .map((d) => ({
        kind: d.kind,
        id: d.id,
        state: d.state,
        message: t(`process.alert.${d.kind}.${d.state}`, { id: d.id, due: d.due, days: Math.abs(d.days) }),
        due: d.due,
        location: d.location,
      })),
    next: state.next.map((n) => ({
      label: n.label,
      actors: actors(n.actors),
      ...(n.due ? { due: n.due } : {}),
      ...(n.state ? { state: n.state } : {}),
    })),
  };
}

// The state of the referencing process on a given day: each step done or not, the dated events, the deadlines
// (requests for information, reservations, renewal, continuous evaluation) and what is due next. Pure: the same
// manifest, definition and day give the same state. The checks and the report both read it, so a deadline is
// judged in one place.
import type { Notice } from '../notice.js';
import type { SourceLocation } from '../location.js';
import type { KeySuffix, Lang } from '../i18n/index.js';
import type { processMessages } from './messages.js';
import type { Translate } from '../messages.js';
import { pick } from '../i18n/index.js';
import type { LoadedManifest, OpinionResult, ReferencingProcess } from '../manifest/types.js';
import { addMonths, addYears, daysUntil, isoDate } from '../util/dates.js';
import type { DataPath } from '../util/yaml-source.js';
import type { ProcessDefinition, StepKey } from './definition.js';

/** `unknown`: the manifest has no process section, so nothing can be said about the step. */
export type StepStatus = 'done' | 'current' | 'upcoming' | 'stopped' | 'unknown';
export type DeadlineKind = 'request' | 'reservation' | 'renewal' | 'continuous-evaluation';
export type DeadlineState = 'done' | 'overdue' | 'soon' | 'upcoming';

export interface ProcessFact {
  label: string;
  value: string;
}

export interface StepState {
  number: number;
  key: StepKey;
  title: string;
  description: string;
  /** Actor ids. */
  actors: string[];
  status: StepStatus;
  /** The date the step was completed. */
  date?: string;
  facts: ProcessFact[];
}

export interface Deadline {
  kind: DeadlineKind;
  /** The request or reservation id, or the kind for renewal and continuous evaluation. */
  id: string;
  label: string;
  actor: string;
  due: string;
  /** Days from today until `due` (negative once past). */
  days: number;
  state: DeadlineState;
  /** When it was met (answer, lifting, report). */
  done?: string;
  suspensive?: boolean;
  criterion?: string;
  location: SourceLocation;
}

export interface ProcessEvent {
  date: string;
  step?: number;
  label: string;
  actors: string[];
}

export interface NextAction {
  label: string;
  actors: string[];
  due?: string;
  state?: DeadlineState;
  step?: number;
}

export interface ProcessState {
  /** Whether the manifest records the process (referencing.process). */
  recorded: boolean;
  steps: StepState[];
  events: ProcessEvent[];
  deadlines: Deadline[];
  next: NextAction[];
  /** The last referencing or renewal decision, if any. */
  lastDecision?: string;
  opinion?: OpinionResult;
  notices: Notice[];
}

export interface ProcessInput {
  loaded: LoadedManifest;
  definition: ProcessDefinition;
  now: Date;
  lang: Lang;
  t: Translate;
}

export function processState({ loaded, definition, now, lang, t }: ProcessInput): ProcessState {
  const m = loaded.manifest;
  const p: ReferencingProcess = m.referencing.process ?? {};
  const recorded = m.referencing.process !== undefined;
  const withExchange = m.referencing.path === 'avec-echange';
  const at = (...path: DataPath): SourceLocation => loaded.locate(['referencing', 'process', ...path]);
  const today = isoDate(now);
  const notices: Notice[] = [];

  const lastDecision = latest(m.referencing['last-decision'], p.decision?.date);
  const completion: Record<StepKey, string | undefined> = {
    convergence: allOf(
      p.convergence?.['administrative-file'],
      withExchange ? p.convergence?.['gie-agreement'] : '',
    ),
    orientation: p.orientation?.date,
    submission: p.submission?.date,
    evaluation: p.evaluation?.completed,
    opinion: p.opinion?.date,
    decision: p.decision?.date,
    convention: allOf(p.convention?.signed, withExchange ? p.convention?.['hooking-tests'] : ''),
    publication: p.publication?.date,
  };
  const stopped = p.opinion?.result === 'defavorable';
  const opinionIndex = definition.steps.findIndex((s) => s.key === 'opinion');
  let currentFound = false;
  const steps: StepState[] = definition.steps.map((def, i) => {
    const date = completion[def.key];
    let status: StepStatus;
    if (!recorded) status = 'unknown';
    else if (date) status = 'done';
    else if (stopped && i > opinionIndex) status = 'stopped';
    else if (!currentFound) {
      status = 'current';
      currentFound = true;
    } else status = 'upcoming';
    return {
      number: i + 1,
      key: def.key,
      title: pick(def.title, lang),
      description: pick(def.description, lang),
      actors: def.actors,
      status,
      ...(date ? { date } : {}),
      facts: facts(def.key, p, withExchange, t),
    };
  });

  const events: ProcessEvent[] = [];
  const event = (date: string | undefined, step: StepKey, label: string, actors: string[]) => {
    if (!date) return;
    events.push({ date, step: stepIndex(definition, step) + 1, label, actors });
  };
  event(p.convergence?.['account-created'], 'convergence', t('process.event.account-created'), ['editeur']);
  event(p.convergence?.['administrative-file'], 'convergence', t('process.event.administrative-file'), [
    'editeur',
  ]);
  event(p.convergence?.['gie-agreement'], 'convergence', t('process.event.gie-agreement'), [
    'gie-sesam-vitale',
  ]);
  event(p.orientation?.date, 'orientation', t('process.event.orientation'), ['editeur']);
  event(
    p.submission?.date,
    'submission',
    p.submission?.['file-number']
      ? t('process.event.submission-number', { number: p.submission['file-number'] })
      : t('process.event.submission'),
    ['editeur'],
  );
  event(p.evaluation?.admissible, 'evaluation', t('process.event.admissible'), ['ans']);
  for (const r of p.evaluation?.requests ?? []) {
    event(
      r.date,
      'evaluation',
      t('process.event.request', { id: r.id, subject: r.subject ? `${t('punct.colon')}${r.subject}` : '' }),
      ['ans'],
    );
    event(r.answered, 'evaluation', t('process.event.answer', { id: r.id }), ['editeur']);
  }
  event(p.evaluation?.completed, 'evaluation', t('process.event.evaluation-completed'), ['ans']);
  if (p.opinion)
    event(
      p.opinion.date,
      'opinion',
      t('process.event.opinion', { result: t(`opinion.${p.opinion.result}`) }),
      ['commission'],
    );
  for (const r of p.opinion?.reservations ?? [])
    event(r.lifted, 'opinion', t('process.event.reservation-lifted', { id: r.id }), ['editeur']);
  event(
    p.decision?.date,
    'decision',
    p.decision?.reference
      ? t('process.event.decision-reference', { reference: p.decision.reference })
      : t('process.event.decision'),
    ['ministre'],
  );
  event(p.decision?.notified, 'decision', t('process.event.notified'), ['ministre']);
  event(p.convention?.signed, 'convention', t('process.event.convention'), ['editeur', 'ministre', 'cnam']);
  event(p.convention?.['hooking-tests'], 'convention', t('process.event.hooking-tests'), [
    'editeur',
    'gie-sesam-vitale',
  ]);
  event(p.publication?.date, 'publication', t('process.event.publication'), ['cnam']);
  const ce = p['continuous-evaluation'];
  if (ce?.['last-report'])
    events.push({
      date: ce['last-report'],
      label: t('process.event.continuous-report'),
      actors: ['editeur'],
    });
  events.sort((a, b) => a.date.localeCompare(b.date) || (a.step ?? 99) - (b.step ?? 99));

  for (const e of events)
    if (e.date > today)
      notices.push({
        code: 'process.future-date',
        message: t('process.future-date', { label: e.label, date: e.date }),
        location: at(),
      });
  let previous: { date: string; number: number } | undefined;
  for (const s of steps) {
    if (!s.date) continue;
    if (previous && s.date < previous.date)
      notices.push({
        code: 'process.order',
        message: t('process.order', {
          step: s.number,
          date: s.date,
          previous: previous.number,
          before: previous.date,
        }),
        location: at(s.key),
      });
    previous = { date: s.date, number: s.number };
  }

  const deadlines: Deadline[] = [];
  const judge = (due: string, done: string | undefined, warnDays: number): DeadlineState => {
    if (done) return 'done';
    const days = daysUntil(due, now);
    return days < 0 ? 'overdue' : days < warnDays ? 'soon' : 'upcoming';
  };
  const warn = definition.deadlines['warn-days'];
  (p.evaluation?.requests ?? []).forEach((r, i) =>
    deadlines.push({
      kind: 'request',
      id: r.id,
      label: t('process.deadline.request', { id: r.id }),
      actor: 'editeur',
      due: r.due,
      days: daysUntil(r.due, now),
      state: judge(r.due, r.answered, warn),
      ...(r.answered ? { done: r.answered } : {}),
      location: at('evaluation', 'requests', i, r.answered ? 'answered' : 'due'),
    }),
  );
  (p.opinion?.reservations ?? []).forEach((r, i) =>
    deadlines.push({
      kind: 'reservation',
      id: r.id,
      label: t(r.suspensive ? 'process.deadline.reservation-suspensive' : 'process.deadline.reservation', {
        id: r.id,
      }),
      actor: 'editeur',
      due: r.due,
      days: daysUntil(r.due, now),
      state: judge(r.due, r.lifted, warn),
      ...(r.lifted ? { done: r.lifted } : {}),
      suspensive: r.suspensive,
      ...(r.criterion ? { criterion: r.criterion } : {}),
      location: at('opinion', 'reservations', i, r.lifted ? 'lifted' : 'due'),
    }),
  );
  if (lastDecision) {
    const renewal = definition.renewal;
    const due = addYears(lastDecision, renewal['validity-years']);
    const decisionAt =
      m.referencing['last-decision'] === lastDecision
        ? loaded.locate(['referencing', 'last-decision'])
        : at('decision', 'date');
    deadlines.push({
      kind: 'renewal',
      id: 'renewal',
      label: t('process.deadline.renewal', { last: lastDecision }),
      actor: renewal.actor,
      due,
      days: daysUntil(due, now),
      state: judge(due, undefined, renewal['warn-days']),
      location: decisionAt,
    });
    const rule = definition['continuous-evaluation'];
    const every = ce?.['every-months'] ?? rule['every-months'];
    const next = ce?.['next-due'] ?? addMonths(latest(ce?.['last-report'], lastDecision) as string, every);
    deadlines.push({
      kind: 'continuous-evaluation',
      id: 'continuous-evaluation',
      label: t('process.deadline.continuous-evaluation'),
      actor: rule.actor,
      due: next,
      days: daysUntil(next, now),
      state: judge(next, undefined, rule['warn-days']),
      location: ce?.['next-due']
        ? at('continuous-evaluation', 'next-due')
        : ce
          ? at('continuous-evaluation')
          : decisionAt,
    });
  }
  deadlines.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));

  const next: NextAction[] = deadlines
    .filter((d) => d.state !== 'done')
    .map((d) => ({ label: d.label, actors: [d.actor], due: d.due, state: d.state }));
  const current = steps.find((s) => s.status === 'current');
  if (current)
    next.push({
      label: t('process.next-step', { number: stepNumber(current.number), title: current.title }),
      actors: current.actors,
      step: current.number,
    });

  return {
    recorded,
    steps,
    events,
    deadlines,
    next,
    ...(lastDecision ? { lastDecision } : {}),
    ...(p.opinion ? { opinion: p.opinion.result } : {}),
    notices,
  };
}

/** Steps are numbered 01 to 08 as in the roadmap. */
export function stepNumber(n: number): string {
  return String(n).padStart(2, '0');
}

function stepIndex(definition: ProcessDefinition, key: StepKey): number {
  return definition.steps.findIndex((s) => s.key === key);
}

/** The later of two optional dates. */
function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** The completion date of a step needing several dates (`''` marks a date that is not required): the last one. */
function allOf(...dates: (string | undefined)[]): string | undefined {
  if (dates.some((d) => d === undefined)) return undefined;
  return dates.filter(Boolean).sort().at(-1);
}

/** The facts a step can show, named by their message keys. */
type FactLabel = KeySuffix<typeof processMessages, 'process.fact.'>;

function facts(key: StepKey, p: ReferencingProcess, withExchange: boolean, t: Translate): ProcessFact[] {
  const out: ProcessFact[] = [];
  const add = (label: FactLabel, value: string | number | undefined) => {
    if (value !== undefined && value !== '')
      out.push({ label: t(`process.fact.${label}`), value: String(value) });
  };
  switch (key) {
    case 'convergence':
      add('account', p.convergence?.account);
      add('account-created', p.convergence?.['account-created']);
      add('administrative-file', p.convergence?.['administrative-file']);
      if (withExchange) add('gie-agreement', p.convergence?.['gie-agreement']);
      add('products', p.convergence?.products?.join(', '));
      break;
    case 'orientation':
      add('date', p.orientation?.date);
      break;
    case 'submission':
      add('file-number', p.submission?.['file-number']);
      add('date', p.submission?.date);
      break;
    case 'evaluation': {
      add('admissible', p.evaluation?.admissible);
      const requests = p.evaluation?.requests ?? [];
      if (requests.length)
        add(
          'requests',
          t('process.fact.answered-of', {
            done: requests.filter((r) => r.answered).length,
            total: requests.length,
          }),
        );
      add('completed', p.evaluation?.completed);
      break;
    }
    case 'opinion': {
      if (p.opinion) add('result', t(`opinion.${p.opinion.result}`));
      const reservations = p.opinion?.reservations ?? [];
      if (reservations.length)
        add(
          'reservations',
          t('process.fact.lifted-of', {
            done: reservations.filter((r) => r.lifted).length,
            total: reservations.length,
          }),
        );
      break;
    }
    case 'decision':
      add('reference', p.decision?.reference);
      add('date', p.decision?.date);
      add('notified', p.decision?.notified);
      break;
    case 'convention':
      add('signed', p.convention?.signed);
      if (withExchange) add('hooking-tests', p.convention?.['hooking-tests']);
      break;
    case 'publication':
      add('date', p.publication?.date);
      add('url', p.publication?.url);
      break;
  }
  return out;
}

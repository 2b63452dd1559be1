// The referencing process recorded in the manifest: steps 01–08 with their actors, the timeline, what is overdue
// or close (a reservation past its deadline, renewal within 60 days, the continuous evaluation report) and what
// is due next — in the process state, in the criteria that judge the deadlines, and in the report.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { registeredChecks } from '../../src/checks/registry.js';
import { UserError } from '../../src/errors.js';
import { translator } from '../../src/messages.js';
import { loadManifest } from '../../src/manifest/load.js';
import { run } from '../../src/pipeline.js';
import { processState } from '../../src/process/state.js';
import type { FailOn } from '../../src/report/model.js';
import { DEMO, DEMO_TODAY, copyDemo, editManifest, tempDir } from '../helpers.js';

const catalogue = loadCatalogue({ version: '2023-10', checks: registeredChecks() });
const DEMO_MANIFEST = readFileSync(path.join(DEMO, 'mes-referencing.yml'), 'utf8');
const t = translator('fr');

function stateOf(edit: (text: string) => string = (x) => x, today = DEMO_TODAY) {
  const dir = tempDir('mes-process-');
  writeFileSync(path.join(dir, 'mes-referencing.yml'), edit(DEMO_MANIFEST));
  const loaded = loadManifest('mes-referencing.yml', dir);
  return processState({ loaded, definition: catalogue.process, now: today, lang: 'fr', t });
}

/** The demo's process section replaced by another one (indented as under `referencing:`). */
function withProcess(section: string): (text: string) => string {
  return (text) => text.replace(/\n {2}process:\n[\s\S]*?(?=\n# Réponses)/, `\n  process:\n${section}\n`);
}

async function reportOf(edit?: (text: string) => string, failOn: FailOn = 'obligatoire') {
  const repo = copyDemo();
  if (edit) editManifest(repo, edit);
  const { report } = await run({
    repoDir: repo,
    lang: 'fr',
    failOn,
    now: DEMO_TODAY,
    engine: { offline: true },
  });
  return report;
}

describe('referencing process', () => {
  it('records the eight steps with their dates and actors, and dates every event on one timeline', () => {
    const state = stateOf();
    expect(state.steps.map((s) => [s.number, s.key, s.status])).toEqual([
      [1, 'convergence', 'done'],
      [2, 'orientation', 'done'],
      [3, 'submission', 'done'],
      [4, 'evaluation', 'done'],
      [5, 'opinion', 'done'],
      [6, 'decision', 'done'],
      [7, 'convention', 'done'],
      [8, 'publication', 'done'],
    ]);
    expect(state.steps[0]!.date).toBe('2025-09-29'); // the GIE agreement completes step 01 on the exchange path
    expect(state.steps[6]!.actors).toEqual(['editeur', 'ministre', 'cnam', 'gie-sesam-vitale']);
    const dates = state.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(state.events.map((e) => e.label)).toContain(
      'Demande de référencement déposée (dossier MES-2025-0142)',
    );
    expect(state.events.map((e) => e.label)).toContain(
      'Avis de la commission : favorable avec réserves non suspensives',
    );
    expect(state.lastDecision).toBe('2026-03-02');
    expect(state.notices).toEqual([]);
  });

  it('flags the demo’s overdue reservation, located in the manifest, and says what is due next', () => {
    const state = stateOf();
    const open = state.deadlines.filter((d) => d.state !== 'done');
    expect(open.map((d) => [d.kind, d.id, d.state, d.due])).toEqual([
      ['reservation', 'R1', 'overdue', '2026-09-30'],
      ['continuous-evaluation', 'continuous-evaluation', 'upcoming', '2027-03-02'],
      ['renewal', 'renewal', 'upcoming', '2027-03-02'],
    ]);
    const r1 = open[0]!;
    expect(r1.days).toBe(-57);
    expect(r1.location.file).toBe('mes-referencing.yml');
    expect(DEMO_MANIFEST.split('\n')[r1.location.line! - 1]).toContain('due: 2026-09-30');
    expect(state.next[0]).toMatchObject({
      label: 'Lever la réserve R1 (non suspensive)',
      actors: ['editeur'],
    });
  });

  it('flags a renewal within 60 days and a continuous-evaluation report due, and their lapse', () => {
    const soon = stateOf((x) => x, new Date('2027-01-15T12:00:00Z'));
    const byKind = new Map(soon.deadlines.map((d) => [d.kind, d]));
    expect(byKind.get('renewal')).toMatchObject({ state: 'soon', days: 46 });
    expect(byKind.get('continuous-evaluation')).toMatchObject({ state: 'soon' });
    const late = stateOf((x) => x, new Date('2027-03-10T12:00:00Z'));
    expect(late.deadlines.find((d) => d.kind === 'renewal')).toMatchObject({ state: 'overdue', days: -8 });
    // The date the ANS sets wins over the default period.
    const set = stateOf((x) =>
      x.replace('      every-months: 12', '      every-months: 12\n      next-due: 2026-12-01'),
    );
    expect(set.deadlines.find((d) => d.kind === 'continuous-evaluation')).toMatchObject({
      due: '2026-12-01',
      state: 'soon',
    });
  });

  it('shows the step in progress and its actor when the process is under way', () => {
    const state = stateOf(
      withProcess(`    convergence:
      administrative-file: 2026-09-01
      gie-agreement: 2026-09-10
    orientation:
      date: 2026-09-20
    submission:
      date: 2026-10-01
      file-number: MES-2026-0007
    evaluation:
      admissible: 2026-10-15
      requests:
        - { id: DC-1, date: 2026-10-20, subject: AIPD, due: 2026-11-03 }`),
    );
    expect(state.steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(state.deadlines.find((d) => d.id === 'DC-1')).toMatchObject({ state: 'overdue', days: -23 });
    expect(state.next.at(-1)).toEqual({
      label: 'Étape 04 — Recevabilité et évaluation',
      actors: ['ans', 'editeur'],
      step: 4,
    });
  });

  it('stops the process after an unfavourable opinion, and knows nothing without a process section', () => {
    const stopped = stateOf(
      withProcess(`    submission:
      date: 2025-10-20
    opinion:
      date: 2026-02-12
      result: defavorable`),
    );
    expect(stopped.steps.slice(5).map((s) => s.status)).toEqual(['stopped', 'stopped', 'stopped']);
    const unrecorded = stateOf((x) => x.replace(/\n {2}process:\n[\s\S]*?(?=\n# Réponses)/, '\n'));
    expect(unrecorded.recorded).toBe(false);
    expect(unrecorded.steps.every((s) => s.status === 'unknown')).toBe(true);
    // The last decision still sets the renewal.
    expect(unrecorded.deadlines.map((d) => d.kind)).toEqual(['continuous-evaluation', 'renewal']);
  });

  it('notes dates out of order or in the future, and refuses a date that is not in the calendar', () => {
    const odd = stateOf((x) =>
      x
        .replace('      date: 2025-10-06', '      date: 2025-08-06')
        .replace('      date: 2026-05-04', '      date: 2027-05-04'),
    );
    expect(odd.notices.map((n) => n.code).sort()).toEqual(['process.future-date', 'process.order']);
    expect(() => stateOf((x) => x.replace('due: 2026-09-30', 'due: 2026-09-31'))).toThrow(UserError);
    try {
      stateOf((x) => x.replace('due: 2026-09-30', 'due: 2026-09-31'));
    } catch (error) {
      expect((error as UserError).render(t)).toMatch(
        /^mes-referencing\.yml:\d+:\d+: referencing\.process\.opinion\.reservations\[0\]\.due : « 2026-09-31 »/,
      );
    }
  });
});

describe('deadlines in the criteria and the report', () => {
  it('flags the demo’s overdue reservation without blocking, and shows it in the report', async () => {
    const report = await reportOf();
    const reserves = report.criteria.find((c) => c.id === 'REF-RESERVES')!;
    expect(reserves.attention).toBe(true);
    expect(reserves.blocking).toBe(false);
    expect(reserves.findings.map((f) => [f.outcome, f.code])).toEqual([
      ['pass', 'process.reservation.done'],
      ['warn', 'process.reservation.overdue'],
    ]);
    expect(report.process.alerts).toEqual([
      expect.objectContaining({
        kind: 'reservation',
        id: 'R1',
        state: 'overdue',
        message: 'réserve R1 non levée : échéance du 2026-09-30 dépassée de 57 jours',
      }),
    ]);
    expect(report.process.timeline.find((i) => i.kind === 'deadline')).toMatchObject({
      date: '2026-09-30',
      state: 'overdue',
      actors: ['Éditeur'],
    });
    expect(report.process.steps[4]!.actors).toEqual(['Commission de référencement (DNS et CNAM)']);
    expect(report.verdict).toBe('a-verifier');
  });

  it('fails a suspensive reservation past its deadline and a request left unanswered (inferred: blocking on demand)', async () => {
    const late = (x: string) =>
      x
        .replace(
          '          suspensive: false\n          criterion: ETH-ACCESSIBILITE',
          '          suspensive: true\n          criterion: ETH-ACCESSIBILITE',
        )
        .replace('          due: 2025-12-24\n          answered: 2025-12-19', '          due: 2025-12-24');
    const report = await reportOf(late);
    const byId = new Map(report.criteria.map((c) => [c.id, c]));
    // No published text says what a late answer or reservation costs: obligatoire-suppose, not blocking by default.
    expect(byId.get('REF-RESERVES')).toMatchObject({ status: 'non-conforme', blocking: false });
    expect(byId.get('REF-COMPLEMENTS')).toMatchObject({ status: 'non-conforme', blocking: false });
    expect(report.process.alerts.map((a) => a.id)).toEqual(['DC-2', 'R1']);
    const strict = await reportOf(late, 'obligatoire-suppose');
    expect(strict.criteria.filter((c) => c.blocking).map((c) => c.id)).toEqual(
      expect.arrayContaining(['REF-COMPLEMENTS', 'REF-RESERVES']),
    );
  });

  it('says a renewal due today is due today, not late and not "in 0 days"', async () => {
    const report = await reportOf((x) =>
      x
        .replace('last-decision: 2026-03-02', 'last-decision: 2025-11-26')
        .replace('    decision:\n      date: 2026-03-02', '    decision:\n      date: 2025-11-26'),
    );
    const renewal = report.criteria.find((c) => c.id === 'REF-RENOUVELLEMENT')!;
    expect(renewal.status).not.toBe('non-conforme');
    expect(renewal.findings.map((f) => f.message)).toContainEqual(
      expect.stringContaining('dû le 2026-11-26 (aujourd’hui)'),
    );
  });

  it('fails the renewal and the continuous evaluation once their date has passed', async () => {
    const report = await reportOf((x) =>
      x
        .replace('last-decision: 2026-03-02', 'last-decision: 2025-10-02')
        .replace('    decision:\n      date: 2026-03-02', '    decision:\n      date: 2025-10-02')
        .replace(/ {6}date: 2026-0[2]-12/, '      date: 2025-09-12'),
    );
    const byId = new Map(report.criteria.map((c) => [c.id, c]));
    expect(byId.get('REF-RENOUVELLEMENT')!.status).toBe('non-conforme');
    expect(byId.get('REF-EVALUATION-CONTINUE')!.status).toBe('non-conforme');
    expect(report.process.alerts.map((a) => [a.kind, a.state])).toEqual(
      expect.arrayContaining([
        ['renewal', 'overdue'],
        ['continuous-evaluation', 'overdue'],
      ]),
    );
  });
});

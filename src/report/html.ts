// The dossier (report.html): one self-contained document an editor hands to the evaluators, printable on A4 —
// cover, table of contents, summary, the referencing process, one line per criterion, the criterion cards, the
// hooking tests' exchanges and the traceability of every evidence file. No script, no external asset, one
// <style> element (compatible with a Content-Security-Policy that allows only inline styles), statuses in words
// and CSS shapes, and nothing from the machine that made it.

/**
 * The dossier is opened from an artifact, on a laptop, and printed: it runs no script, loads nothing from anywhere,
 * and submits nothing. Its one <style> element is its own (every text in it is escaped).
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
import { formatLocation } from '../location.js';
import type { Lang } from '../i18n/index.js';
import type { Translate } from '../messages.js';
import { translator } from '../messages.js';
import type {
  CriterionResult,
  CriterionStatus,
  Report,
  ReportEvidence,
  ReportProcess,
  RubriqueSummary,
} from './model.js';
import { STATUSES } from './model.js';
import { ACCENT, MUTED, PAGE, STATUS_COLOURS, STATUS_SHAPE, TEXT } from './palette.js';
import { cssString } from '../escape/css.js';
import { escapeHtml as e, htmlLink } from '../escape/html.js';
import { verdictText } from './priorities.js';
import type { FindingGroup } from './finding-groups.js';
import { capGroups, groupFindings, groupSummary, moreFindings } from './finding-groups.js';
import { cut, percent } from './text.js';

export interface HtmlSection {
  id: string;
  title: string;
  /** Trusted HTML produced by our own renderers (escape any data inside it). */
  html: string;
}

export interface HtmlOptions {
  /** Extra sections placed after the criteria (e.g. the sandbox exchanges of the dossier de recette). */
  sections?: HtmlSection[];
}

const SHAPES = `
.shape{display:inline-block;width:.7em;height:.7em;margin-right:.3em;vertical-align:baseline;flex:none}
.shape.circle{border-radius:50%}
.shape.cross{clip-path:polygon(20% 0,50% 30%,80% 0,100% 20%,70% 50%,100% 80%,80% 100%,50% 70%,20% 100%,0 80%,30% 50%,0 20%)}
.shape.triangle{clip-path:polygon(50% 0,100% 100%,0 100%)}
.shape.bar{height:.22em;vertical-align:.22em}
${STATUSES.map((s) => `.st-${s}{color:${STATUS_COLOURS[s].text};background:${STATUS_COLOURS[s].background}}.st-${s} .shape{background:${STATUS_COLOURS[s].mark}}`).join('\n')}
.deadline-overdue{color:${STATUS_COLOURS['non-conforme'].text};background:${STATUS_COLOURS['non-conforme'].background}}
.deadline-soon{color:${STATUS_COLOURS['a-verifier'].text};background:${STATUS_COLOURS['a-verifier'].background}}
.deadline-done,.deadline-upcoming,.step-done,.step-current,.step-upcoming,.step-stopped,.step-unknown{color:${TEXT}}
.deadline-overdue .shape{background:${STATUS_COLOURS['non-conforme'].mark}}.deadline-soon .shape{background:${STATUS_COLOURS['a-verifier'].mark}}
.deadline-done .shape,.step-done .shape{background:${STATUS_COLOURS.conforme.mark}}
.deadline-upcoming .shape,.step-upcoming .shape,.step-unknown .shape{background:${STATUS_COLOURS['non-applicable'].mark}}
.step-current .shape{background:${ACCENT}}.step-stopped .shape{background:${STATUS_COLOURS['non-conforme'].mark}}
`;

function css(report: Report, t: Translate): string {
  const commit = report.trace.commit ? ` · ${report.trace.commit.slice(0, 7)}` : '';
  const left = cssString(t('dossier.running-title', { solution: report.manifest.solution }));
  const right = cssString(`${report.today}${commit}`);
  const page = cssString(t('dossier.page'));
  const of = cssString(t('dossier.page-of'));
  return `
:root{font-family:"Liberation Sans",Arial,"Helvetica Neue",Helvetica,system-ui,sans-serif;color:${TEXT};background:${PAGE};line-height:1.4;font-size:15px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact;box-sizing:border-box}
body{max-width:1000px;margin:2rem auto;padding:0 1.2rem}
h1{font-size:2rem;margin:.2rem 0}h2{font-size:1.3rem;margin:1.6rem 0 .6rem;border-bottom:2px solid ${ACCENT};padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{font-size:.9rem;margin:.5rem 0 .2rem}
a{color:${ACCENT}}p,li,td,th,dd,dt,summary{overflow-wrap:anywhere}
.muted,.small{color:${MUTED}}.small{font-size:.85rem}
code,.mono{font-family:"Liberation Mono",Menlo,Consolas,monospace;font-size:.85em}
code{background:#f2f2f2;padding:0 .2rem;border-radius:3px;color:${TEXT}}
.hash{font-family:"Liberation Mono",Menlo,Consolas,monospace;font-size:.75rem;word-break:break-all;color:${MUTED}}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.88rem;table-layout:fixed}
th,td{border:1px solid #c8c8c8;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#efefef}thead{display:table-header-group}tr{break-inside:avoid}
.disclaimer{border-left:4px solid ${ACCENT};padding:.4rem .8rem;background:#f5f5fe;color:${TEXT}}
.cover{min-height:24cm;display:flex;flex-direction:column;gap:.6rem}
.cover .kicker{color:${ACCENT};font-weight:700;text-transform:uppercase;letter-spacing:.04em;font-size:.85rem;margin:0}
.cover dl{display:grid;grid-template-columns:13rem 1fr;gap:.25rem .8rem;margin:.8rem 0}
.cover dt{font-weight:700}.cover dd{margin:0}
.verdict{font-size:1.15rem;font-weight:700;padding:.6rem .9rem;border-radius:6px;display:inline-flex;align-items:center;margin:.3rem 0}
.pill{display:inline-flex;align-items:baseline;border-radius:4px;padding:0 .4rem;font-size:.82rem;font-weight:700;white-space:nowrap}
td .pill{white-space:normal}
.toc ol{padding-left:1.4rem}.toc li{margin:.15rem 0}.toc ol ol{list-style:none;padding-left:1rem}
.criterion{border:1px solid #c8c8c8;border-radius:6px;padding:.5rem .8rem;margin:.6rem 0;break-inside:avoid}
.criterion.blocking{border:2px solid ${STATUS_COLOURS['non-conforme'].mark}}
.criterion header{display:flex;gap:.5rem;align-items:baseline;flex-wrap:wrap}
.criterion .id{font-family:"Liberation Mono",Menlo,Consolas,monospace;font-weight:700}
.criterion p{margin:.35rem 0}.criterion ul{margin:.3rem 0;padding-left:1.2rem}
.na{padding:.15rem 0;margin:0;list-style:none}
.missing{color:${STATUS_COLOURS['non-conforme'].text}}
.waiver{background:#eef3ff;border-radius:4px;padding:.2rem .5rem;color:${TEXT}}
.basis{font-size:.88rem;background:#f4f4f4;border-radius:4px;padding:.25rem .5rem;color:${TEXT}}
.guide{font-size:.88rem;border-left:3px solid ${STATUS_COLOURS['a-verifier'].mark};padding-left:.5rem}
.unverified{border-left:4px solid ${STATUS_COLOURS.indisponible.mark};padding:.3rem .6rem;background:#f3f3f3;color:${TEXT}}
.summary-table td:first-child{font-family:"Liberation Mono",Menlo,Consolas,monospace;font-size:.78rem}
.exchange pre{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-all;font-size:.72rem;background:#f4f4f4;padding:.4rem .6rem;border-radius:4px;margin:.2rem 0;color:${TEXT}}
.exchange summary{cursor:pointer}.exchange{margin:.25rem 0;break-inside:avoid}.exchange h4{margin:.25rem 0 0;font-size:.8rem}
/* A test with many exchanges may run over pages; each exchange stays whole. */
#dossier-de-recette .criterion{break-inside:auto}
.chart{max-width:100%}
${widths({
  'summary-table': [18, 9, 26, 13, 16, 18],
  steps: [7, 36, 17, 14, 26],
  timeline: [13, 7, 46, 20, 14],
  next: [46, 20, 16, 18],
  files: [24, 30, 12, 34],
  identity: [24, 76],
  counts: [50, 50],
})}
${SHAPES}
@page{size:A4;margin:18mm 14mm 18mm 14mm;
@top-left{content:${left};font-size:8pt;color:${MUTED}}
@top-right{content:${right};font-size:8pt;color:${MUTED}}
@bottom-right{content:${page} " " counter(page) " " ${of} " " counter(pages);font-size:8pt;color:${MUTED}}}
@page :first{@top-left{content:none}@top-right{content:none}}
@media print{
:root{font-size:10pt}body{margin:0;max-width:none;padding:0}
.cover{min-height:0;break-after:page}.toc{break-after:page}
.chapter{break-before:page}h2,h3,h4{break-after:avoid}
details::details-content{content-visibility:visible;display:block}
details>summary{list-style:none}
a{color:${TEXT};text-decoration:none}
}`;
}

/** Column widths (percent) of the fixed-layout tables, so long ids, paths and hashes wrap instead of overflowing. */
function widths(tables: Record<string, number[]>): string {
  return Object.entries(tables)
    .map(([name, columns]) =>
      columns.map((w, i) => `table.${name} th:nth-child(${i + 1}){width:${w}%}`).join(''),
    )
    .join('\n');
}

interface Chapter {
  id: string;
  title: string;
  html: string;
  children?: { id: string; title: string }[];
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const t = translator(report.lang);
  const chapters: Chapter[] = [
    { id: 'synthese', title: t('html.summary'), html: summary(report, t) },
    { id: 'processus', title: t('dossier.process'), html: processChapter(report.process, t) },
    { id: 'tableau', title: t('dossier.table'), html: summaryTable(report, t) },
    {
      id: 'criteres',
      title: t('html.criteria'),
      html: report.rubriques.map((r) => rubriqueSection(report, r, t)).join('\n'),
      children: report.rubriques
        .filter((r) => report.criteria.some((c) => c.rubrique === r.id))
        .map((r) => ({ id: `rubrique-${r.id}`, title: r.title })),
    },
    ...(options.sections ?? []).map((s) => ({ id: s.id, title: s.title, html: s.html })),
    { id: 'tracabilite', title: t('dossier.trace'), html: traceChapter(report, t) },
  ];
  const notes = notesChapter(report, t);
  if (notes) chapters.push({ id: 'remarques', title: t('html.notices'), html: notes });
  const body = [
    cover(report, t),
    toc(chapters, t),
    ...chapters.map(
      (c, i) =>
        `<section class="chapter" id="${e(c.id)}"><h2>${i + 1}. ${e(c.title)}</h2>\n${c.html}\n</section>`,
    ),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${e(report.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('html.title', { solution: report.manifest.solution }))}</title>
<style>${css(report, t)}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A status in a word and a shape, coloured with an AA contrast. */
export function statusPill(status: CriterionStatus, t: Translate): string {
  return `<span class="pill st-${status}"><span class="shape ${STATUS_SHAPE[status]}" aria-hidden="true"></span>${e(t(`status.${status}`))}</span>`;
}

function cover(report: Report, t: Translate): string {
  const m = report.manifest;
  const p = report.process;
  const commit = report.trace.commit;
  const facts: [string, string][] = [
    [t('html.editor'), e(m.editor)],
    [t('html.oid'), `<span class="mono">${e(m.solutionOid)}</span>`],
    [t('dossier.version'), e(m.version ?? '—')],
    [t('html.path'), e(t(`md.path.${m.path}`))],
    [t('html.catalogue'), e(`${report.catalogue.version} — ${report.catalogue.referentiel}`)],
    ...(p.convergence.fileNumber
      ? ([[t('process.fact.file-number'), e(p.convergence.fileNumber)]] as [string, string][])
      : []),
    [t('dossier.date'), e(report.today)],
    [t('html.policy'), e(policyText(report, t))],
    ...(commit
      ? ([
          [
            t('dossier.commit'),
            `${htmlLink(report.trace.repository ? `${report.trace.repository}/commit/${commit}` : undefined, commit.slice(0, 12))}${report.trace.branch ? ` (${e(report.trace.branch)})` : ''}`,
          ],
        ] as [string, string][])
      : []),
  ];
  const c = report.counts;
  const counts = STATUSES.map((s) => `${statusPill(s, t)} ${c[s]}`).join(' ');
  const current = p.steps.find((s) => s.status === 'current');
  const next = p.next.find((n) => n.due);
  const state = [
    current ? t('dossier.current-step', { number: pad(current.number), title: current.title }) : '',
    next ? t('dossier.next-due', { label: next.label, date: next.due ?? '' }) : '',
    p.alerts.length ? t('dossier.alerts-count', { count: p.alerts.length }) : '',
  ].filter(Boolean);
  return `<section class="cover" id="couverture">
<p class="kicker">${e(t('dossier.kicker'))}</p>
<h1>${e(m.solution)}</h1>
<dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
${verdictBlock(report, t)}
<p>${counts}</p>
${state.length ? `<ul>${state.map((s) => `<li>${e(s)}</li>`).join('')}</ul>` : ''}
<p class="disclaimer">${e(t('html.disclaimer'))}</p>
<p class="small">${e(t('html.generated', { date: report.generatedAt.slice(0, 10), version: report.tool.version }))}</p>
</section>`;
}

export function policyText(report: Report, t: Translate): string {
  const base = t(`fail-on.${report.policy.failOn}`);
  return report.policy.failOnUnverified ? `${base}${t('fail-on.unverified')}` : base;
}

function verdictBlock(report: Report, t: Translate): string {
  const status: CriterionStatus = report.verdict;
  return `<p class="verdict st-${status}"><span class="shape ${STATUS_SHAPE[status]}" aria-hidden="true"></span>${e(verdictText(report, t))}</p>`;
}

function toc(chapters: Chapter[], t: Translate): string {
  const items = chapters
    .map(
      (c) =>
        `<li><a href="#${e(c.id)}">${e(c.title)}</a>${c.children?.length ? `<ol>${c.children.map((k) => `<li><a href="#${e(k.id)}">${e(k.title)}</a></li>`).join('')}</ol>` : ''}</li>`,
    )
    .join('');
  return `<nav class="toc" id="sommaire" aria-labelledby="sommaire-titre"><h2 id="sommaire-titre">${e(t('dossier.toc'))}</h2><ol>${items}</ol></nav>`;
}

function summary(report: Report, t: Translate): string {
  const c = report.counts;
  const rows = STATUSES.map((s) => `<tr><td>${statusPill(s, t)}</td><td>${c[s]}</td></tr>`).join('');
  const blocking = report.criteria.filter((x) => x.blocking);
  const blockingList = blocking.length
    ? `<h3>${e(t('md.blocking-title', { count: blocking.length }))}</h3><ul>${blocking.map((x) => `<li><a href="#${e(x.id)}"><span class="mono">${e(x.id)}</span></a> ${e(x.title)}</li>`).join('')}</ul>`
    : '';
  const unverified = report.criteria.filter((x) => x.status === 'indisponible' && x.niveau !== 'recommande');
  const unverifiedNote = unverified.length
    ? `<p class="unverified">${statusPill('indisponible', t)} <strong>${e(t('md.unverified-title', { count: unverified.length }))}</strong>${e(t('punct.colon'))}${unverified.map((x) => `<a href="#${e(x.id)}"><span class="mono">${e(x.id)}</span></a>`).join(', ')}</p>`
    : '';
  return `${verdictBlock(report, t)}${unverifiedNote}
<table class="counts"><thead><tr><th>${e(t('dossier.col.status'))}</th><th>${e(t('dossier.col.count'))}</th></tr></thead><tbody>${rows}</tbody></table>
${blockingList}<h3>${e(t('html.chart'))}</h3>${chart(report, t)}`;
}

/** Horizontal stacked bars, one per rubrique with applicable criteria; the legend carries the shapes. */
function chart(report: Report, t: Translate): string {
  const rows = report.rubriques.filter((r) => r.applicable > 0);
  // Room for the longest rubrique title (13px text is about 7.5px a character), so no label is clipped.
  const labelWidth = Math.max(160, Math.ceil(Math.max(...rows.map((r) => r.title.length), 0) * 7.5) + 16);
  const barWidth = 460;
  const rowHeight = 30;
  const height = rows.length * rowHeight + 8;
  const order: CriterionStatus[] = ['conforme', 'a-verifier', 'non-conforme', 'indisponible'];
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight + 4;
      let x = labelWidth;
      const segments = order
        .map((s) => {
          const w = (r.counts[s] / r.applicable) * barWidth;
          const rect =
            w > 0
              ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${STATUS_COLOURS[s].mark}" stroke="${PAGE}" stroke-width="1"><title>${e(`${t(`status.${s}`)}${t('punct.colon')}${r.counts[s]}`)}</title></rect>`
              : '';
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="13" fill="${TEXT}">${e(r.title)}</text>${segments}<text x="${labelWidth + barWidth + 8}" y="${y + 15}" font-size="13" fill="${TEXT}">${percent(r.counts.conforme, r.applicable)} %</text>`;
    })
    .join('');
  const legend = `<p class="small">${order.map((s) => statusPill(s, t)).join(' ')}</p>`;
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${e(t('html.chart'))}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%">${bars}</svg>${legend}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function processChapter(p: ReportProcess, t: Translate): string {
  const parts: string[] = [];
  if (!p.recorded) parts.push(`<p class="muted">${e(t('dossier.process-unrecorded'))}</p>`);
  if (p.alerts.length)
    parts.push(
      `<h3>${e(t('dossier.alerts'))}</h3><ul>${p.alerts
        .map(
          (a) =>
            `<li><span class="pill deadline-${a.state}"><span class="shape ${a.state === 'overdue' ? 'cross' : 'triangle'}" aria-hidden="true"></span>${e(t(`deadline.${a.state}`))}</span> ${e(a.message)} <code>${e(formatLocation(a.location))}</code></li>`,
        )
        .join('')}</ul>`,
    );
  if (p.next.length)
    parts.push(
      `<h3>${e(t('dossier.next'))}</h3><table class="next"><thead><tr><th>${e(t('dossier.col.action'))}</th><th>${e(t('dossier.col.actor'))}</th><th>${e(t('dossier.col.due'))}</th><th>${e(t('dossier.col.state'))}</th></tr></thead><tbody>${p.next
        .map(
          (n) =>
            `<tr><td>${e(n.label)}</td><td>${e(n.actors.join(', '))}</td><td>${e(n.due ?? '—')}</td><td>${n.state ? deadlinePill(n.state, t) : '—'}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  parts.push(
    `<h3>${e(t('dossier.steps'))}</h3><table class="steps"><thead><tr><th>${e(t('dossier.col.step'))}</th><th>${e(t('dossier.col.title'))}</th><th>${e(t('dossier.col.actor'))}</th><th>${e(t('dossier.col.state'))}</th><th>${e(t('dossier.col.details'))}</th></tr></thead><tbody>${p.steps
      .map(
        (s) =>
          `<tr><td>${pad(s.number)}</td><td><strong>${e(s.title)}</strong><br><span class="small">${e(s.description)}</span></td><td>${e(s.actors.join(', '))}</td><td><span class="pill step-${s.status}"><span class="shape ${stepShape(s.status)}" aria-hidden="true"></span>${e(t(`process.status.${s.status}`))}</span>${s.date ? `<br>${e(s.date)}` : ''}</td><td>${s.facts.map((f) => `${e(f.label)}${e(t('punct.colon'))}${factValue(f.value)}`).join('<br>') || '—'}</td></tr>`,
      )
      .join('')}</tbody></table>`,
  );
  if (p.timeline.length)
    parts.push(
      `<h3>${e(t('dossier.timeline'))}</h3><table class="timeline"><thead><tr><th>${e(t('dossier.col.date'))}</th><th>${e(t('dossier.col.step'))}</th><th>${e(t('dossier.col.event'))}</th><th>${e(t('dossier.col.actor'))}</th><th>${e(t('dossier.col.state'))}</th></tr></thead><tbody>${p.timeline
        .map(
          (i) =>
            `<tr><td>${e(i.date)}</td><td>${i.step ? pad(i.step) : '—'}</td><td>${e(i.label)}</td><td>${e(i.actors.join(', '))}</td><td>${i.kind === 'deadline' && i.state ? deadlinePill(i.state, t) : deadlinePill('done', t)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  return parts.join('\n');
}

function factValue(value: string): string {
  return /^https?:\/\//.test(value) ? htmlLink(value, value) : e(value);
}

function stepShape(status: string): string {
  return status === 'done'
    ? 'circle'
    : status === 'current'
      ? 'triangle'
      : status === 'stopped'
        ? 'cross'
        : 'bar';
}

function deadlinePill(state: 'done' | 'overdue' | 'soon' | 'upcoming', t: Translate): string {
  const shape = { done: 'circle', overdue: 'cross', soon: 'triangle', upcoming: 'bar' }[state];
  return `<span class="pill deadline-${state}"><span class="shape ${shape}" aria-hidden="true"></span>${e(t(`deadline.${state}`))}</span>`;
}

function summaryTable(report: Report, t: Translate): string {
  const rows = report.criteria
    .map((c) => {
      const evidence = c.status === 'non-applicable' ? [] : c.evidence;
      const proofs = evidence.length
        ? evidence
            .map((ev) =>
              ev.declared
                ? e(ev.path ?? ev.url ?? ev.title)
                : `<span class="missing">${e(ev.title)}${e(t('punct.colon'))}${e(t('html.evidence-missing'))}</span>`,
            )
            .join('<br>')
        : '—';
      return `<tr><td><a href="#${e(c.id)}">${e(c.id)}</a></td><td>${e(c.officialId ?? '—')}</td><td>${e(c.title)}</td><td>${e(t(`niveau.${c.niveau}`))}</td><td>${statusPill(c.status, t)}${c.blocking ? `<br><strong>${e(t('dossier.blocking'))}</strong>` : ''}</td><td>${proofs}</td></tr>`;
    })
    .join('');
  return `<p class="small">${e(t('dossier.table-intro'))}</p><table class="summary-table"><thead><tr><th>${e(t('dossier.col.id'))}</th><th>${e(t('dossier.col.official'))}</th><th>${e(t('dossier.col.title'))}</th><th>${e(t('md.col.niveau'))}</th><th>${e(t('dossier.col.status'))}</th><th>${e(t('html.evidence'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function rubriqueSection(report: Report, r: RubriqueSummary, t: Translate): string {
  const criteria = report.criteria.filter((c) => c.rubrique === r.id);
  if (criteria.length === 0) return '';
  const applicable = criteria.filter((c) => c.status !== 'non-applicable');
  const na = criteria.filter((c) => c.status === 'non-applicable');
  const naList = na.length
    ? `<h4>${e(t('dossier.not-applicable', { count: na.length }))}</h4><ul>${na.map((c) => `<li class="na" id="${e(c.id)}">${statusPill(c.status, t)} <span class="mono">${e(c.id)}</span> ${e(c.title)}</li>`).join('')}</ul>`
    : '';
  return `<section id="rubrique-${e(r.id)}"><h3>${e(r.title)} <span class="small">${e(t('dossier.rubrique-count', { conforme: r.counts.conforme, applicable: r.applicable }))}</span></h3>${applicable.map((c) => criterionCard(c, t, report.lang)).join('')}${naList}</section>`;
}

function evidenceLine(ev: ReportEvidence, t: Translate): string {
  if (!ev.declared) return `<li class="missing">${e(ev.title)} — ${e(t('html.evidence-missing'))}</li>`;
  const where = [
    ev.path ? (ev.link ? htmlLink(ev.link, ev.path) : `<code>${e(ev.path)}</code>`) : '',
    ev.url ? htmlLink(ev.url, ev.url) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const dates = [ev.issued ?? '', ev.expires ? `→ ${ev.expires}` : ''].filter(Boolean).join(' ');
  const digest = ev.sha256
    ? `<br><span class="hash">sha256 ${e(ev.sha256)} · ${e(t('dossier.bytes', { size: ev.size ?? 0 }))}</span>`
    : '';
  return `<li>${e(ev.title)}${e(t('punct.colon'))}${where}${dates ? ` <span class="small">(${e(dates)})</span>` : ''}${digest}</li>`;
}

function criterionCard(c: CriterionResult, t: Translate, lang: Lang): string {
  const niveau = e(t(`niveau.${c.niveau}`));
  const basisSources = c.fondement.sources.length
    ? ` <span class="small">(${c.fondement.sources.map((s) => htmlLink(s.url, s.title)).join(' ; ')})</span>`
    : '';
  const basis = `<p class="basis"><strong>${e(t('html.niveau', { niveau: t(`niveau.${c.niveau}`) }))}</strong> — ${e(t(`niveau-desc.${c.niveau}`))}. ${e(c.fondement.text)}${basisSources}</p>`;
  const guide =
    c.reviewGuide && c.status === 'a-verifier'
      ? `<p class="guide"><strong>${e(t('html.review-guide'))}</strong> ${e(c.reviewGuide)}</p>`
      : '';
  const review = c.review
    ? `<p class="waiver">${e(t(c.review.state === 'applied' ? `review.${c.review.verdict}` : 'review.lapsed', { reviewer: c.review.reviewer, date: c.review.date, reason: c.review.lapse ?? '' }))}${c.review.note ? ` — ${e(c.review.note)}` : ''}</p>`
    : '';
  const official = c.officialId ? ` <span class="small">(${e(c.officialId)})</span>` : '';
  // The same finding over many files is one entry with a count and its first places; report.json keeps them all.
  const { shown: groups, hiddenFindings } = capGroups(
    groupFindings(c.findings, { maxLocations: HTML_MAX_PLACES }),
    HTML_MAX_GROUPS,
  );
  const findings = c.findings.length
    ? `<ul>${groups.map((g) => findingItem(g, t, lang)).join('')}${hiddenFindings > 0 ? `<li class="small">${e(moreFindings(hiddenFindings, t, lang))}</li>` : ''}</ul>`
    : `<p class="small">${e(t('html.no-findings'))}</p>`;
  const evidence = c.evidence.length
    ? `<p><strong>${e(t('html.evidence'))}</strong></p><ul>${c.evidence.map((ev) => evidenceLine(ev, t)).join('')}</ul>`
    : '';
  const waiver = c.waiver
    ? `<p class="waiver"><strong>${e(t('html.waivers'))}</strong> — ${e(t(c.waiver.active ? 'md.waiver' : 'html.waiver-expired', { date: c.waiver.expires }))}${e(t('punct.colon'))}${e(c.waiver.justification)}</p>`
    : '';
  const sources = c.sources.length
    ? `<p class="small">${e(t('html.sources'))}${e(t('punct.colon'))}${c.sources.map((s) => htmlLink(s.url, s.title)).join(' ; ')}</p>`
    : '';
  return `<article class="criterion${c.blocking ? ' blocking' : ''}" id="${e(c.id)}">
<header>${statusPill(c.status, t)}<span class="id">${e(c.id)}</span>${official}<strong>${e(c.title)}</strong><span class="small">${niveau}${c.blocking ? ` · <strong>${e(t('dossier.blocking'))}</strong>` : ''}</span></header>
<p>${e(c.description)}</p>${basis}${guide}${review}${waiver}${findings}${evidence}${sources}
</article>`;
}

/** Finding groups per criterion card, places named per group, and characters of a message. */
const HTML_MAX_GROUPS = 25;
const HTML_MAX_PLACES = 8;
const HTML_MESSAGE_MAX = 1000;

function findingItem(g: FindingGroup, t: Translate, lang: Lang): string {
  const outcome = `<strong>${e(t(`outcome.${g.outcome}`))}</strong>`;
  const message = e(cut(g.message, HTML_MESSAGE_MAX));
  const places = g.locations.map((loc) => `<code>${e(formatLocation(loc))}</code>`);
  if (g.count === 1) return `<li>${outcome} — ${message}${places.length ? ` ${places[0]}` : ''}</li>`;
  const list = places.length ? `${places.join(', ')}${g.moreLocations > 0 ? ', …' : ''} ` : '';
  const rest = `<span class="small">(${e(t('findings.group.rest'))})</span>`;
  const summary = `<span class="small">${e(groupSummary(g, t, lang))}</span>`;
  return g.uniform
    ? `<li>${outcome} — ${message} — ${summary}${list ? e(t('punct.colon')) : ' '}${list}${rest}</li>`
    : `<li>${outcome} — ${summary} ${message}<br>${list}${rest}</li>`;
}

function traceChapter(report: Report, t: Translate): string {
  const tr = report.trace;
  const rows: [string, string][] = [
    [
      t('dossier.repository'),
      tr.repository ? htmlLink(tr.repository, tr.repository) : e(t('dossier.unknown')),
    ],
    [
      t('dossier.commit'),
      tr.commit
        ? htmlLink(tr.repository ? `${tr.repository}/commit/${tr.commit}` : undefined, tr.commit)
        : e(t('dossier.unknown')),
    ],
    [t('dossier.branch'), e(tr.branch ?? '—')],
    ...(tr.uncommitted ? ([[t('dossier.worktree'), e(t('dossier.uncommitted'))]] as [string, string][]) : []),
    [t('dossier.run'), tr.runUrl ? htmlLink(tr.runUrl, tr.runUrl) : '—'],
    [t('dossier.tool'), e(`${report.tool.name} ${report.tool.version}`)],
    [
      t('html.catalogue'),
      e(`${report.catalogue.version} (${t('dossier.revision', { revision: report.catalogue.revision })})`),
    ],
    [t('dossier.version'), e(report.manifest.version ?? '—')],
    [t('dossier.manifest'), `<code>${e(report.manifest.file)}</code>`],
    [t('dossier.date'), e(report.today)],
  ];
  const files = tr.evidence.length
    ? `<h3>${e(t('dossier.evidence-files'))}</h3><table class="files"><thead><tr><th>${e(t('html.evidence'))}</th><th>${e(t('dossier.col.file'))}</th><th>${e(t('dossier.col.size'))}</th><th>SHA-256</th></tr></thead><tbody>${tr.evidence
        .map(
          (ev) =>
            `<tr><td>${e(ev.title)}</td><td>${ev.path ? (ev.link ? htmlLink(ev.link, ev.path) : `<code>${e(ev.path)}</code>`) : ev.url ? htmlLink(ev.url, ev.url) : '—'}</td><td>${ev.size !== undefined ? e(t('dossier.bytes', { size: ev.size })) : '—'}</td><td><span class="hash">${e(ev.sha256 ?? (ev.url ? t('dossier.online') : '—'))}</span></td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<p class="small">${e(t('dossier.trace-intro'))}</p><table class="identity"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>${files}${trustTable(report, t)}`;
}

/** The connection settings a pull request proposes, beside the base branch's that the run used (as in the comment). */
function trustTable(report: Report, t: Translate): string {
  const trust = report.trust;
  if (!trust || trust.changes.length === 0) return '';
  const value = (v: string | undefined) =>
    v !== undefined ? `<code>${e(v)}</code>` : e(t('md.trust.unset'));
  const rows = trust.changes
    .map(
      (c) =>
        `<tr><td><code>${e(c.setting)}</code></td><td>${value(c.base)}</td><td>${value(c.proposed)}</td></tr>`,
    )
    .join('');
  const pending = trust.pending.length
    ? `<p>${e(t('md.trust.pending', { checks: trust.pending.map((g) => t(`md.trust.group.${g}`)).join(', ') }))}</p>`
    : '';
  return `<h3>${e(t('html.trust.title'))}</h3><p>${e(t(`md.trust.${trust.base}`, { ref: trust.ref, detail: trust.detail ?? '' }))}</p><table class="files"><thead><tr><th>${e(t('md.trust.col.setting'))}</th><th>${e(t('md.trust.col.base'))}</th><th>${e(t('md.trust.col.proposed'))}</th></tr></thead><tbody>${rows}</tbody></table>${pending}`;
}

function notesChapter(report: Report, t: Translate): string {
  const parts: string[] = [];
  if (report.notices.length) {
    parts.push(
      `<ul>${report.notices.map((n) => `<li>${e(n.message)}${n.location ? ` <code>${e(formatLocation(n.location))}</code>` : ''}</li>`).join('')}</ul>`,
    );
  }
  if (report.attachments.length) {
    parts.push(
      `<h3>${e(t('html.attachments'))}</h3><ul>${report.attachments.map((a) => `<li><code>${e(a)}</code></li>`).join('')}</ul>`,
    );
  }
  return parts.join('');
}

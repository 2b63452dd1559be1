// The HTML dossier: one self-contained, printable page (no external assets) that an editor can attach to the
// application, with an inline SVG chart of compliance per rubrique and every criterion with its evidence.
import { formatLocation } from '../location.js';
import type { Translate } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import type { CriterionResult, CriterionStatus, Report, RubriqueSummary } from './model.js';
import { escapeHtml as e, htmlLink } from '../escape/html.js';
import { verdictText } from './priorities.js';
import { STATUS_ICON, VERDICT_ICON, percent } from './text.js';

export interface HtmlSection {
  id: string;
  title: string;
  /** Trusted HTML produced by our own renderers (escape any data inside it). */
  html: string;
}

export interface HtmlOptions {
  /** Extra sections placed before the notes (e.g. the sandbox exchanges of the dossier de recette). */
  sections?: HtmlSection[];
}

const COLORS: Record<CriterionStatus, string> = {
  conforme: '#1b7f3b',
  'a-verifier': '#c98a00',
  'non-conforme': '#c62828',
  indisponible: '#555555',
  'non-applicable': '#bbbbbb',
};

const CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;line-height:1.45}
body{max-width:1080px;margin:2rem auto;padding:0 1.2rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #000091;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
.meta,.disclaimer{color:#555;font-size:.9rem}.disclaimer{border-left:4px solid #000091;padding:.4rem .8rem;background:#f5f5fe}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f6f6}.verdict{font-size:1.2rem;font-weight:600;padding:.6rem .9rem;border-radius:6px;display:inline-block}
.v-conforme{background:#e6f4ea;color:#1b7f3b}.v-non-conforme{background:#fdecea;color:#c62828}.v-a-verifier{background:#fff6e0;color:#7a5300}
.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.82rem;font-weight:600;color:#fff}
.criterion{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.7rem 0;break-inside:avoid}
.criterion.blocking{border-color:#c62828;border-width:2px}.criterion header{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
.criterion .id{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700}.small{font-size:.85rem;color:#555}
ul.findings{margin:.3rem 0;padding-left:1.2rem}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;background:#f3f3f3;padding:0 .2rem;border-radius:3px}
.basis{font-size:.9rem;background:#f6f6f6;border-radius:4px;padding:.25rem .5rem}.guide{font-size:.9rem;border-left:3px solid #c98a00;padding-left:.5rem}
.unverified{border-left:4px solid #555;padding:.3rem .6rem;background:#f3f3f3}
.missing{color:#c62828}.waiver{background:#eef3ff;border-radius:4px;padding:.2rem .5rem;margin:.3rem 0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.criterion{page-break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

/**
 * The dossier is opened from an artifact, on a laptop, and printed: it runs no script, loads nothing from anywhere,
 * and submits nothing. Inline styles are its own (every text in it is escaped).
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const t = translator(report.lang);
  const body = [
    header(report, t),
    identity(report, t),
    summary(report, t),
    ...report.rubriques.map((r) => rubriqueSection(report, r, t)),
    ...(options.sections ?? []).map(
      (s) => `<section id="${e(s.id)}"><h2>${e(s.title)}</h2>${s.html}</section>`,
    ),
    notes(report, t),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${e(report.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('html.title', { solution: report.manifest.solution }))}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function header(report: Report, t: Translate): string {
  return `<header>
<h1>${e(t('html.title', { solution: report.manifest.solution }))}</h1>
<p class="meta">${e(t('html.generated', { date: report.generatedAt.slice(0, 10), version: report.tool.version }))} · ${e(report.catalogue.title)}</p>
<p class="disclaimer">${e(t('html.disclaimer'))}</p>
</header>`;
}

function identity(report: Report, t: Translate): string {
  const rows: [string, string][] = [
    [t('html.solution'), report.manifest.solution],
    [t('html.editor'), report.manifest.editor],
    [t('html.oid'), report.manifest.solutionOid],
    [t('html.path'), t(`md.path.${report.manifest.path}`)],
    [
      t('html.catalogue'),
      `${report.catalogue.version} (${report.catalogue.referentiel}, révision ${report.catalogue.revision})`,
    ],
    [t('html.policy'), policyText(report, t)],
  ];
  return `<section id="identite"><h2>${e(t('html.identity'))}</h2><table>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table></section>`;
}

export function policyText(report: Report, t: Translate): string {
  const base = t(`fail-on.${report.policy.failOn}`);
  return report.policy.failOnUnverified ? `${base}${t('fail-on.unverified')}` : base;
}

function summary(report: Report, t: Translate): string {
  const c = report.counts;
  const verdict = `<p class="verdict v-${report.verdict}">${VERDICT_ICON[report.verdict]} ${e(verdictText(report, t))}</p>`;
  const counts = (
    ['conforme', 'non-conforme', 'a-verifier', 'indisponible', 'non-applicable'] as CriterionStatus[]
  )
    .map(
      (s) =>
        `<td><span class="badge" style="background:${COLORS[s]}">${c[s]}</span> ${e(t(`status.${s}`))}</td>`,
    )
    .join('');
  const blocking = report.criteria.filter((x) => x.blocking);
  const blockingList = blocking.length
    ? `<h3>${e(t('md.blocking-title', { count: blocking.length }))}</h3><ul>${blocking.map((x) => `<li><a href="#${e(x.id)}"><span class="id">${e(x.id)}</span></a> ${e(x.title)}</li>`).join('')}</ul>`
    : '';
  const unverified = report.criteria.filter((x) => x.status === 'indisponible' && x.niveau !== 'recommande');
  const unverifiedNote = unverified.length
    ? `<p class="unverified">${STATUS_ICON.indisponible} <strong>${e(t('md.unverified-title', { count: unverified.length }))}</strong> : ${unverified.map((x) => `<a href="#${e(x.id)}"><span class="id">${e(x.id)}</span></a>`).join(', ')}</p>`
    : '';
  return `<section id="synthese"><h2>${e(t('html.summary'))}</h2>${verdict}${unverifiedNote}<table><tr>${counts}</tr></table>${blockingList}<h3>${e(t('html.chart'))}</h3>${chart(report, t)}</section>`;
}

/** Horizontal stacked bars, one per rubrique with applicable criteria. */
function chart(report: Report, t: Translate): string {
  const rows = report.rubriques.filter((r) => r.applicable > 0);
  // Room for the longest rubrique title (13px text is about 7.5px a character), so no label is clipped.
  const labelWidth = Math.max(160, Math.ceil(Math.max(...rows.map((r) => r.title.length), 0) * 7.5) + 16);
  const barWidth = 520;
  const rowHeight = 30;
  const height = rows.length * rowHeight + 30;
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
              ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="20" fill="${COLORS[s]}"><title>${e(`${t(`status.${s}`)} : ${r.counts[s]}`)}</title></rect>`
              : '';
          x += w;
          return rect;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="13">${e(r.title)}</text>${segments}<text x="${labelWidth + barWidth + 8}" y="${y + 15}" font-size="13">${percent(r.counts.conforme, r.applicable)} %</text>`;
    })
    .join('');
  const legend = order
    .map(
      (s, i) =>
        `<rect x="${labelWidth + i * 130}" y="${height - 18}" width="12" height="12" fill="${COLORS[s]}"/><text x="${labelWidth + i * 130 + 17}" y="${height - 8}" font-size="12">${e(t(`status.${s}`))}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${e(t('html.chart'))}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%">${bars}${legend}</svg>`;
}

function rubriqueSection(report: Report, r: RubriqueSummary, t: Translate): string {
  const criteria = report.criteria.filter((c) => c.rubrique === r.id);
  if (criteria.length === 0) return '';
  return `<section id="rubrique-${e(r.id)}"><h2>${e(r.title)} <span class="small">${e(t('md.rubrique-summary', { title: '', conforme: r.counts.conforme, applicable: r.applicable }).replace(/^ — /, ''))}</span></h2>${criteria.map((c) => criterion(c, t)).join('')}</section>`;
}

function criterion(c: CriterionResult, t: Translate): string {
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
  const findings = c.findings.length
    ? `<ul class="findings">${c.findings.map((f) => `<li>${e(t(`outcome.${f.outcome}`))} — ${e(f.message)}${f.location ? ` <code>${e(formatLocation(f.location))}</code>` : ''}</li>`).join('')}</ul>`
    : c.status === 'non-applicable'
      ? ''
      : `<p class="small">${e(t('html.no-findings'))}</p>`;
  const evidence = c.evidence.length
    ? `<p><strong>${e(t('html.evidence'))}</strong></p><ul>${c.evidence
        .map((ev) => {
          if (!ev.declared)
            return `<li class="missing">${e(ev.title)} — ${e(t('html.evidence-missing'))}</li>`;
          const where = [ev.path ? `<code>${e(ev.path)}</code>` : '', ev.url ? htmlLink(ev.url, ev.url) : '']
            .filter(Boolean)
            .join(' · ');
          const dates = [ev.issued ? `${ev.issued}` : '', ev.expires ? `→ ${ev.expires}` : '']
            .filter(Boolean)
            .join(' ');
          return `<li>${e(ev.title)} : ${where}${dates ? ` <span class="small">(${e(dates)})</span>` : ''}</li>`;
        })
        .join('')}</ul>`
    : '';
  const waiver = c.waiver
    ? `<p class="waiver">🛡️ ${e(t(c.waiver.active ? 'md.waiver' : 'html.waiver-expired', { date: c.waiver.expires }))} : ${e(c.waiver.justification)}</p>`
    : '';
  const sources = c.sources.length
    ? `<p class="small">${e(t('html.sources'))} : ${c.sources.map((s) => htmlLink(s.url, s.title)).join(' ; ')}</p>`
    : '';
  return `<article class="criterion${c.blocking ? ' blocking' : ''}" id="${e(c.id)}">
<header><span class="badge" style="background:${COLORS[c.status]}">${STATUS_ICON[c.status]} ${e(t(`status.${c.status}`))}</span><span class="id">${e(c.id)}</span>${official}<strong>${e(c.title)}</strong><span class="small">${niveau}</span></header>
<p>${e(c.description)}</p>${basis}${guide}${review}${waiver}${findings}${evidence}${sources}
</article>`;
}

function notes(report: Report, t: Translate): string {
  const parts: string[] = [];
  if (report.notices.length) {
    parts.push(
      `<h3>${e(t('html.notices'))}</h3><ul>${report.notices.map((n) => `<li>${e(n.message)}${n.location ? ` <code>${e(formatLocation(n.location))}</code>` : ''}</li>`).join('')}</ul>`,
    );
  }
  if (report.attachments.length) {
    parts.push(
      `<h3>${e(t('html.attachments'))}</h3><ul>${report.attachments.map((a) => `<li><code>${e(a)}</code></li>`).join('')}</ul>`,
    );
  }
  return parts.length
    ? `<section id="remarques"><h2>${e(t('html.notices'))}</h2>${parts.join('')}</section>`
    : '';
}

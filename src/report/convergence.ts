// convergence.csv: the proofs as Convergence asks for them, chapter by chapter (one chapter per rubrique), one row
// per criterion and proof, with the official id when known, the status, the link to the file at the commit and
// its SHA-256. Semicolon-separated UTF-8 with a byte-order mark and CRLF line ends, as spreadsheet software in
// French opens it; a cell that a spreadsheet would run as a formula is neutralised.
import { formatLocation } from '../location.js';
import { translator } from '../messages.js';
import type { CriterionResult, Report, ReportEvidence } from './model.js';

export const CONVERGENCE_FILE = 'convergence.csv';

const COLUMNS = [
  'chapter',
  'criterion',
  'official',
  'title',
  'level',
  'status',
  'blocking',
  'finding',
  'evidence',
  'file',
  'link',
  'sha256',
  'size',
  'issued',
  'expires',
] as const;

export function renderConvergenceCsv(report: Report): string {
  const t = translator(report.lang);
  const titles = new Map(report.rubriques.map((r) => [r.id, r.title]));
  const rows: string[][] = [COLUMNS.map((c) => t(`convergence.col.${c}`))];
  for (const c of report.criteria) {
    const base = [
      titles.get(c.rubrique) ?? c.rubrique,
      c.id,
      c.officialId ?? '',
      c.title,
      t(`niveau.${c.niveau}`),
      t(`status.${c.status}`),
      c.blocking ? t('convergence.yes') : t('convergence.no'),
      finding(c),
    ];
    const evidence = c.status === 'non-applicable' ? [] : c.evidence;
    if (evidence.length === 0) rows.push([...base, '', '', '', '', '', '', '']);
    for (const ev of evidence) rows.push([...base, ...proof(ev, t)]);
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

function proof(ev: ReportEvidence, t: ReturnType<typeof translator>): string[] {
  return [
    ev.declared ? ev.title : `${ev.title} (${t('html.evidence-missing')})`,
    ev.path ?? ev.url ?? '',
    ev.link ?? ev.url ?? '',
    ev.sha256 ?? '',
    ev.size !== undefined ? String(ev.size) : '',
    ev.issued ?? '',
    ev.expires ?? '',
  ];
}

/** What decided the status: the first failure, else what could not be checked, else what to review. */
function finding(c: CriterionResult): string {
  const f =
    c.findings.find((x) => x.outcome === 'fail') ??
    c.findings.find((x) => x.outcome === 'unavailable') ??
    c.findings.find((x) => x.outcome === 'warn') ??
    c.findings.find((x) => x.outcome === 'review');
  if (!f) return '';
  return f.location ? `${f.message} (${formatLocation(f.location)})` : f.message;
}

function cell(value: string): string {
  const flat = value.replace(/\r?\n/g, ' ');
  // =, +, -, @ (and tab or CR) start a formula in spreadsheet software: text from the manifest must stay text.
  const safe = /^[=+\-@\t\r]/.test(flat) ? `'${flat}` : flat;
  return /[;"\n\r]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// The terminal summary of `mes-referencing check`: verdict, counts, what blocks and where, in colour on a TTY.
import { styleText } from 'node:util';
import { logText } from '../escape/log.js';
import { formatLocation } from '../location.js';
import { translator } from '../i18n/index.js';
import type { Report } from './model.js';

type Style = Parameters<typeof styleText>[0];

export function renderConsole(report: Report, color: boolean): string {
  const t = translator(report.lang);
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const c = report.counts;
  const verdictStyle: Style =
    report.verdict === 'non-conforme'
      ? ['bold', 'red']
      : report.verdict === 'conforme'
        ? ['bold', 'green']
        : ['bold', 'yellow'];
  const lines = [
    paint(
      verdictStyle,
      t('console.verdict', { verdict: t(`md.verdict.${report.verdict}`, { blocking: c.blocking }) }),
    ),
    t('console.counts', {
      conforme: c.conforme,
      failed: c['non-conforme'],
      review: c['a-verifier'],
      unavailable: c.indisponible,
      na: c['non-applicable'],
    }),
  ];
  // Titles, messages and file names come from the manifest, the catalogue or a server: one line each, no escapes.
  const s = logText;
  const where = (loc: Parameters<typeof formatLocation>[0]) => s(formatLocation(loc));
  const describe = (id: string, title: string) => `  ${paint('bold', s(id))} ${s(title)}`;
  const blocking = report.criteria.filter((x) => x.blocking);
  if (blocking.length) {
    lines.push('', paint(['bold', 'red'], t('console.blocking', { count: blocking.length })));
    for (const x of blocking) {
      lines.push(describe(x.id, x.title));
      for (const f of x.findings.filter((f) => f.outcome === 'fail')) {
        lines.push(`    ${f.location ? `${paint('cyan', where(f.location))}: ` : ''}${s(f.message)}`);
      }
    }
  }
  const others = report.criteria.filter((x) => x.status === 'non-conforme' && !x.blocking);
  if (others.length) {
    lines.push('', paint('yellow', t('console.other-failures', { count: others.length })));
    for (const x of others) {
      const waiver = x.waiver?.active ? ` (${t('md.waiver', { date: s(x.waiver.expires) })})` : '';
      lines.push(`${describe(x.id, x.title)}${waiver}`);
    }
  }
  const warnings = report.criteria.flatMap((x) =>
    x.findings.filter((f) => f.outcome === 'warn').map((f) => ({ x, f })),
  );
  if (warnings.length) {
    lines.push('', paint('yellow', t('console.attention', { count: warnings.length })));
    for (const { x, f } of warnings)
      lines.push(
        `  ${paint('bold', s(x.id))} ${f.location ? `${paint('cyan', where(f.location))}: ` : ''}${s(f.message)}`,
      );
  }
  for (const n of report.notices)
    lines.push(`${paint('dim', 'ℹ')} ${n.location ? `${where(n.location)}: ` : ''}${s(n.message)}`);
  return `${lines.join('\n')}\n`;
}

// `evidence`: the proof items a criterion expects are declared, present in the repository (or published at a
// URL), not empty, and within their validity dates.
import { statSync } from 'node:fs';
import type { EvidenceItem } from '../../manifest/types.js';
import { addDays, daysUntil } from '../../util/dates.js';
import { resolveInRepo } from '../../util/repo-path.js';
import type { Check, CheckContext, Finding } from '../types.js';

export interface EvidenceParams {
  items: string[];
  /** `any`: one valid item among `items` is enough (e.g. a statement published either in the repo or online). */
  require?: 'all' | 'any';
  /** `required`: the item must carry an `expires` date (certificates). */
  expires?: 'required' | 'optional';
  /** The item's `issued` date must be less than this many days old (pentest: 365). */
  'max-age-days'?: number;
  /** Warn this many days before expiry or before reaching the maximum age. */
  'warn-days'?: number;
  [key: string]: unknown;
}

const DEFAULT_WARN_DAYS = 60;

export const evidenceCheck: Check<EvidenceParams> = {
  id: 'evidence',
  engine: 'evidence',
  description: {
    fr: 'Les preuves attendues sont déclarées, présentes dans le dépôt ou publiées, non vides et en cours de validité.',
    en: 'Expected proof items are declared, present in the repository or published, non-empty and still valid.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['items'],
    properties: {
      items: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
      require: { enum: ['all', 'any'] },
      expires: { enum: ['required', 'optional'] },
      'max-age-days': { type: 'integer', minimum: 1 },
      'warn-days': { type: 'integer', minimum: 0 },
    },
  },
  evidence: (params) => params.items,
  async run(ctx, params) {
    const perItem = params.items.map((name) => examine(ctx, params, name));
    if (params.require !== 'any') return perItem.flat();
    if (
      perItem.some((findings) =>
        findings.every((f) => f.outcome === 'pass' || f.outcome === 'warn' || f.outcome === 'info'),
      )
    ) {
      // One valid item is enough: the others are mentioned, not held against the criterion.
      return perItem.flat().map((f) => (f.outcome === 'fail' ? { ...f, outcome: 'info' as const } : f));
    }
    return perItem.flat();
  },
};

function examine(ctx: CheckContext, params: EvidenceParams, name: string): Finding[] {
  const { t } = ctx;
  const title = ctx.evidenceTitle(name);
  const item: EvidenceItem | undefined = ctx.manifest.evidence?.[name];
  const at = (...p: string[]) => ctx.locate(['evidence', name, ...p]);
  if (!item) {
    return [
      {
        outcome: 'fail',
        code: 'evidence.missing',
        evidence: name,
        message: t('evidence.missing', { item: title, key: name }),
        location: ctx.manifest.evidence ? ctx.locate(['evidence'], { key: true }) : ctx.locate([]),
      },
    ];
  }
  const findings: Finding[] = [];
  let where = '';
  if (item.path !== undefined) {
    const resolved = resolveInRepo(ctx.repoDir, item.path);
    if (!resolved.ok) {
      findings.push({
        outcome: 'fail',
        code: `evidence.path-${resolved.reason}`,
        evidence: name,
        message: t(`evidence.path-${resolved.reason}`, { item: title, path: item.path }),
        location: at('path'),
      });
    } else if (!resolved.exists) {
      findings.push({
        outcome: 'fail',
        code: 'evidence.file-missing',
        evidence: name,
        message: t('evidence.file-missing', { item: title, path: item.path }),
        location: at('path'),
      });
    } else {
      const stat = statSync(resolved.absolute);
      if (!stat.isFile()) {
        findings.push({
          outcome: 'fail',
          code: 'evidence.not-a-file',
          evidence: name,
          message: t('evidence.not-a-file', { item: title, path: item.path }),
          location: at('path'),
        });
      } else if (stat.size === 0) {
        findings.push({
          outcome: 'fail',
          code: 'evidence.file-empty',
          evidence: name,
          message: t('evidence.file-empty', { item: title, path: item.path }),
          location: { file: resolved.relative, line: 1 },
        });
      } else {
        where = resolved.relative;
      }
    }
  }
  if (item.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(item.url);
    } catch {
      findings.push({
        outcome: 'fail',
        code: 'evidence.bad-url',
        evidence: name,
        message: t('evidence.bad-url', { item: title, url: item.url }),
        location: at('url'),
      });
    }
    if (url?.protocol === 'http:') {
      findings.push({
        outcome: 'warn',
        code: 'evidence.http-url',
        evidence: name,
        message: t('evidence.http-url', { item: title, url: item.url }),
        location: at('url'),
      });
    }
    if (url) where = where ? `${where}, ${item.url}` : item.url;
  }
  findings.push(...dateFindings(ctx, params, name, title, item));
  if (!findings.some((f) => f.outcome === 'fail')) {
    const validity = item.expires
      ? t('evidence.valid-until', { date: item.expires })
      : item.issued
        ? t('evidence.dated', { date: item.issued })
        : '';
    findings.unshift({
      outcome: 'pass',
      code: 'evidence.provided',
      evidence: name,
      message: t('evidence.provided', { item: title, where, validity }).trim(),
      location: item.path && where ? { file: where.split(', ')[0] as string } : at(),
    });
  }
  return findings;
}

function dateFindings(
  ctx: CheckContext,
  params: EvidenceParams,
  name: string,
  title: string,
  item: EvidenceItem,
): Finding[] {
  const { t, now } = ctx;
  const warnDays = params['warn-days'] ?? DEFAULT_WARN_DAYS;
  const at = (field: string) => ctx.locate(['evidence', name, field]);
  const findings: Finding[] = [];
  if (item.expires !== undefined) {
    const left = daysUntil(item.expires, now);
    if (left < 0) {
      findings.push({
        outcome: 'fail',
        code: 'evidence.expired',
        evidence: name,
        message: t('evidence.expired', { item: title, date: item.expires, days: -left }),
        location: at('expires'),
      });
    } else if (left < warnDays) {
      findings.push({
        outcome: 'warn',
        code: 'evidence.expiring',
        evidence: name,
        message: t('evidence.expiring', { item: title, date: item.expires, days: left }),
        location: at('expires'),
      });
    }
  } else if (params.expires === 'required') {
    findings.push({
      outcome: 'fail',
      code: 'evidence.no-expiry',
      evidence: name,
      message: t('evidence.no-expiry', { item: title, key: name }),
      location: ctx.locate(['evidence', name], { key: true }),
    });
  }
  if (item.issued !== undefined && daysUntil(item.issued, now) > 0) {
    findings.push({
      outcome: 'fail',
      code: 'evidence.future-date',
      evidence: name,
      message: t('evidence.future-date', { item: title, date: item.issued }),
      location: at('issued'),
    });
  }
  const maxAge = params['max-age-days'];
  if (maxAge !== undefined) {
    if (item.issued === undefined) {
      findings.push({
        outcome: 'fail',
        code: 'evidence.no-date',
        evidence: name,
        message: t('evidence.no-date', { item: title, key: name, days: maxAge }),
        location: ctx.locate(['evidence', name], { key: true }),
      });
    } else {
      const limit = addDays(item.issued, maxAge);
      const left = daysUntil(limit, now);
      if (left < 0) {
        findings.push({
          outcome: 'fail',
          code: 'evidence.too-old',
          evidence: name,
          message: t('evidence.too-old', { item: title, date: item.issued, days: maxAge, limit }),
          location: at('issued'),
        });
      } else if (left < warnDays) {
        findings.push({
          outcome: 'warn',
          code: 'evidence.ageing',
          evidence: name,
          message: t('evidence.ageing', { item: title, limit, days: left }),
          location: at('issued'),
        });
      }
    }
  }
  return findings;
}

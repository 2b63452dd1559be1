// `repo/secrets`: credentials committed to the repository (API keys, tokens, private keys, connection strings,
// passwords in configuration, .env files). Every value found is registered with the run's Redactor before
// anything else, and findings show only the rule, the place and a masked preview.
import path from 'node:path';
import type { Check, CheckContext, Finding } from '../types.js';
import { LineIndex } from './line-index.js';
import { capFindings, skippedFindings } from './report.js';
import { repoFiles, scanTextFiles } from './scan.js';
import type { SecretHit } from './secret-scan.js';
import { findSecrets } from './secret-scan.js';

/** Credentials live in small files; larger ones are data or bundles git should not hold anyway. */
const MAX_BYTES = 2 * 1024 * 1024;
const RULE_PREFIX = '@secretlint/secretlint-rule-';
const DOTENV_RULE = `${RULE_PREFIX}no-dotenv`;

interface Hit {
  file: string;
  line: number;
  column: number;
  rule: string;
  kind: string;
  /** Masked value; none for a committed .env file, where the whole file is the finding. */
  preview?: string;
}

export const repoSecretsCheck: Check = {
  id: 'repo/secrets',
  engine: 'repo',
  description: {
    fr: 'Aucun secret (clé d’API, jeton, clé privée, mot de passe, fichier .env) n’est versionné dans le dépôt.',
    en: 'No secret (API key, token, private key, password, .env file) is committed to the repository.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    // Files .gitignore hides are not in the repository: a gitignored .env is exactly what should be done.
    const files = (await repoFiles(ctx)).filter((f) => !f.ignored);
    const hits: Hit[] = [];
    const stats = await scanTextFiles(files, MAX_BYTES, ctx.signal, async (file, text) => {
      const found = await findSecrets(text, path.resolve(file.absolute));
      if (found.length === 0) return;
      const lines = new LineIndex(text);
      // Every value is registered before anything is reported; overlapping hits are then reported once.
      for (const hit of found) ctx.secrets.add(text.slice(hit.start, hit.end));
      for (const hit of withoutOverlaps(found)) {
        const value = text.slice(hit.start, hit.end);
        hits.push({
          file: file.path,
          ...lines.position(hit.start),
          rule: hit.rule.startsWith(RULE_PREFIX) ? hit.rule.slice(RULE_PREFIX.length) : hit.rule,
          kind: hit.kind,
          ...(hit.rule === DOTENV_RULE ? {} : { preview: maskedPreview(value) }),
        });
      }
    });
    ctx.log(ctx.t('repo.secrets.progress', { files: stats.scanned }));
    hits.sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
    );
    const findings = capFindings(
      ctx,
      hits.map((hit) => secretFinding(ctx, hit)),
    );
    if (hits.length === 0)
      findings.push({
        outcome: 'pass',
        code: 'repo.no-secret',
        message: ctx.t('repo.no-secret', { files: stats.scanned }),
      });
    findings.push(...skippedFindings(ctx, stats, MAX_BYTES));
    return findings;
  },
};

/** Two rules may flag the same credential (an npm token and its `_authToken=` line): the earliest, widest wins. */
function withoutOverlaps(found: SecretHit[]): SecretHit[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SecretHit[] = [];
  for (const hit of sorted) {
    const last = kept.at(-1);
    if (last && hit.start < last.end) continue;
    kept.push(hit);
  }
  return kept;
}

/** Enough to recognise which credential it is, never enough to use it. */
export function maskedPreview(value: string): string {
  const firstLine = value.split(/\r?\n/)[0] ?? '';
  return firstLine.length >= 16 ? `${firstLine.slice(0, 4)}***` : '***';
}

function secretFinding(ctx: CheckContext, hit: Hit): Finding {
  const dotenv = hit.preview === undefined;
  return {
    outcome: 'fail',
    code: dotenv ? 'repo.dotenv' : 'repo.secret',
    message: ctx.t(dotenv ? 'repo.dotenv' : 'repo.secret', {
      rule: hit.rule,
      kind: hit.kind,
      preview: hit.preview,
    }),
    location: { file: hit.file, line: hit.line, column: hit.column },
    details: { rule: hit.rule, kind: hit.kind },
  };
}

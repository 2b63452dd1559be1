// Secret detection is secretlint's: its recommended preset (cloud keys, tokens, private keys, connection strings…),
// its rule against committed .env files, and its pattern rule for passwords written in configuration files.
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as noDotenv } from '@secretlint/secretlint-rule-no-dotenv';
import { creator as patternRule } from '@secretlint/secretlint-rule-pattern';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';

export interface SecretHit {
  /** secretlint rule id, e.g. `@secretlint/secretlint-rule-github`. */
  rule: string;
  /** What the rule found, e.g. `GITHUB_TOKEN` (secretlint's message id). */
  kind: string;
  start: number;
  end: number;
}

/** Configuration files, where `password: value` is a committed credential rather than code reading one. */
const CONFIG_EXTENSIONS = [
  'yml',
  'yaml',
  'json',
  'json5',
  'properties',
  'ini',
  'toml',
  'conf',
  'cfg',
  'cnf',
  'xml',
  'env',
];
const CONFIG_FILES = [`**/*.{${CONFIG_EXTENSIONS.join(',')}}`, '**/.env.*', '**/.npmrc'];

/**
 * How a file may be batched. Rules read the name of some files: `.json` (GCP service-account keys, parsed whole),
 * `package.json`, `.npmrc`, `.env*`, key stores — those are scanned alone. Other configuration files only matter to
 * the password pattern, which applies to a batch named like a configuration file. Everything else is code.
 */
type BatchKind = 'alone' | 'config' | 'code';
const ALONE = /(?:\.(?:json|p12|pfx)|(?:^|\/)(?:\.env[^/]*|\.npmrc))$/i;
const CONFIG = new RegExp(`\\.(?:${CONFIG_EXTENSIONS.join('|')})$`, 'i');

function batchKind(path: string): BatchKind {
  if (ALONE.test(path)) return 'alone';
  return CONFIG.test(path) ? 'config' : 'code';
}

/** A key naming a credential, then a literal value of 8+ characters (the value alone is reported). */
const PASSWORD_IN_CONFIG =
  '/(?<=\\b(?:password|passwd|pwd|client[_-]?secret|secret[_-]?key|api[_-]?key|access[_-]?token|auth[_-]?token)["\']?\\s*[:=]\\s*["\']?)[^\\s"\'#,;{}]{8,}/gi';

/** Values that name a credential kept elsewhere, or say they are placeholders. */
const PLACEHOLDERS = [
  '/^\\$/',
  '/^process\\.env/',
  '/^<.*>$/',
  '/^%\\w+%$/',
  '/(?:changeme|change-me|example|placeholder|dummy|redacted|xxxx|\\*\\*\\*|your[_-]|secret-here)/i',
  '/^(?:true|false|null|none|undefined|required|optional)$/i',
];

const config: SecretLintCoreConfig = {
  rules: [
    { id: recommended.meta.id, rule: recommended },
    { id: noDotenv.meta.id, rule: noDotenv },
    {
      id: patternRule.meta.id,
      rule: patternRule,
      options: {
        patterns: [
          { name: 'password in configuration', patterns: [PASSWORD_IN_CONFIG], filePathGlobs: CONFIG_FILES },
        ],
        allows: PLACEHOLDERS,
      },
    },
  ],
};

// @secretlint/profiler 12 records performance marks for every rule on every file, whether or not anyone profiles,
// with bookkeeping that grows quadratically (secretlint/secretlint#1633 and #1653; the fix, #1673, ships in 13.x,
// which needs Node 22). Nobody reads them here: silence the instance @secretlint/core uses (one copy, same version).
secretLintProfiler.mark = () => undefined;

/** secretlint on one text, as if it were the file at `absolutePath` (some rules read the name). */
export async function findSecrets(content: string, absolutePath: string): Promise<SecretHit[]> {
  const result = await lintSource({
    source: { content, filePath: absolutePath, contentType: 'text' },
    // Masked messages: secretlint's own text is never shown, but nothing with the value should exist at all.
    options: { config, maskSecrets: true },
  });
  return result.messages.map((m) => ({
    rule: m.ruleId,
    kind: m.messageId,
    start: m.range[0],
    end: m.range[1],
  }));
}

export interface ScannedFile {
  path: string;
  absolute: string;
  text: string;
}

/**
 * secretlint's cost is mostly per call, not per byte: small files are scanned together, by kind, joined by a line
 * that re-enables any `secretlint-disable` left open by the previous file. A hit that would straddle two files (no
 * rule matches across a line break, but a private key block could) makes the batch scanned again file by file, so
 * results are those of one file at a time.
 */
export class SecretScanner {
  private readonly batches: Record<Exclude<BatchKind, 'alone'>, { files: ScannedFile[]; bytes: number }> = {
    config: { files: [], bytes: 0 },
    code: { files: [], bytes: 0 },
  };
  private readonly onHits: (file: ScannedFile, hits: SecretHit[]) => void;

  constructor(onHits: (file: ScannedFile, hits: SecretHit[]) => void) {
    this.onHits = onHits;
  }

  async add(file: ScannedFile): Promise<void> {
    const kind = batchKind(file.path);
    if (kind === 'alone') return this.scanAlone(file);
    const batch = this.batches[kind];
    batch.files.push(file);
    batch.bytes += file.text.length;
    if (batch.files.length >= BATCH_FILES || batch.bytes >= BATCH_BYTES) await this.flushKind(kind);
  }

  async flush(): Promise<void> {
    await this.flushKind('config');
    await this.flushKind('code');
  }

  private async flushKind(kind: Exclude<BatchKind, 'alone'>): Promise<void> {
    const batch = this.batches[kind].files;
    this.batches[kind] = { files: [], bytes: 0 };
    if (batch.length <= 1) {
      if (batch[0]) await this.scanAlone(batch[0]);
      return;
    }
    const starts: number[] = [];
    let offset = 0;
    for (const file of batch) {
      starts.push(offset);
      offset += file.text.length + SEPARATOR.length;
    }
    const hits = await findSecrets(batch.map((f) => f.text).join(SEPARATOR), BATCH_PATH[kind]);
    const perFile: SecretHit[][] = batch.map(() => []);
    for (const hit of hits) {
      let i = starts.length - 1;
      while ((starts[i] as number) > hit.start) i--;
      const start = starts[i] as number;
      const end = start + (batch[i] as ScannedFile).text.length;
      if (hit.start >= end || hit.end > end) {
        for (const file of batch) await this.scanAlone(file);
        return;
      }
      perFile[i]?.push({ ...hit, start: hit.start - start, end: hit.end - start });
    }
    batch.forEach((file, i) => {
      if (perFile[i]?.length) this.onHits(file, perFile[i] as SecretHit[]);
    });
  }

  private async scanAlone(file: ScannedFile): Promise<void> {
    const hits = await findSecrets(file.text, file.absolute);
    if (hits.length > 0) this.onHits(file, hits);
  }
}

const BATCH_FILES = 128;
const BATCH_BYTES = 1024 * 1024;
const SEPARATOR = '\nsecretlint-enable\n';
/** Names for batches: one no rule reads, and one the password pattern recognises as configuration. */
const BATCH_PATH = { code: '/mes-referencing-batch', config: '/mes-referencing-batch.yml' };

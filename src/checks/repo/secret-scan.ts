// Secret detection is secretlint's: its recommended preset (cloud keys, tokens, private keys, connection strings…),
// its rule against committed .env files, and its pattern rule for passwords written in configuration files.
import { lintSource } from '@secretlint/core';
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

/** Configuration files where `password: value` is a committed credential rather than code reading one. */
const CONFIG_FILES = [
  '**/*.{yml,yaml,json,json5,properties,ini,toml,conf,cfg,cnf,xml,env}',
  '**/.env.*',
  '**/.npmrc',
  '**/application*.properties',
];

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

export const SECRET_RULE_PASSWORD = 'PATTERN';

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

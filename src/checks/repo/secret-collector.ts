// The secret scan of the repository pass: every file git holds (not what .gitignore hides), through secretlint.
// Each value found is registered with the run's Redactor before anything else; what is kept for the report is
// the rule, the place and a masked preview.
import path from 'node:path';
import type { Redactor } from '../../secrets.js';
import type { RepoFile } from './files.js';
import { LineIndex } from '../../util/line-index.js';
import type { FileVisitor } from './scan.js';
import { emptyStats } from './scan.js';
import type { SecretHit } from './secret-scan.js';
import { SecretScanner } from './secret-scan.js';

const RULE_PREFIX = '@secretlint/secretlint-rule-';
const DOTENV_RULE = `${RULE_PREFIX}no-dotenv`;

export interface LocatedSecret {
  file: string;
  line: number;
  column: number;
  /** secretlint rule without its package prefix, e.g. `github`. */
  rule: string;
  /** What the rule found, e.g. `GITHUB_TOKEN`. */
  kind: string;
  /** Masked value; none for a committed .env file, where the whole file is the finding. */
  preview?: string;
}

export class SecretCollector implements FileVisitor {
  /** Credentials live in small files; larger ones are data or bundles git should not hold anyway. */
  readonly maxBytes = 2 * 1024 * 1024;
  readonly stats = emptyStats();
  readonly hits: LocatedSecret[] = [];
  private readonly scanner: SecretScanner;

  constructor(secrets: Redactor) {
    this.scanner = new SecretScanner((file, found) => {
      for (const hit of found) secrets.add(file.text.slice(hit.start, hit.end));
      const lines = new LineIndex(file.text);
      for (const hit of withoutOverlaps(found)) {
        this.hits.push({
          file: file.path,
          ...lines.position(hit.start),
          rule: hit.rule.startsWith(RULE_PREFIX) ? hit.rule.slice(RULE_PREFIX.length) : hit.rule,
          kind: hit.kind,
          ...(hit.rule === DOTENV_RULE
            ? {}
            : { preview: maskedPreview(file.text.slice(hit.start, hit.end)) }),
        });
      }
    });
  }

  /** Files .gitignore hides are not in the repository: a gitignored .env is exactly what should be done. */
  wants(file: RepoFile): boolean {
    return !file.ignored;
  }

  visit(file: RepoFile, text: string): Promise<void> {
    return this.scanner.add({ path: file.path, absolute: path.resolve(file.absolute), text });
  }

  finish(): Promise<void> {
    return this.scanner.flush();
  }
}

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

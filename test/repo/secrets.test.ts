// repo/secrets on a repository with fake secrets planted at test time (none is written in this project's own
// files), run through the real CLI: each is found at its file:line:column, and no value appears in any output.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { runCliCheck, tempDir, tempRepo } from '../web/harness.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function random(length: number, alphabet = ALNUM): string {
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}
const digits = (n: number) => random(n, '0123456789');

interface Planted {
  value: string;
  file: string;
  line: number;
  column: number;
  rule: string;
}

/** Builds a file from lines, one of which holds `value` after `before`; records where it sits. */
function plant(
  planted: Planted[],
  file: string,
  lines: string[],
  at: number,
  before: string,
  value: string,
  rule: string,
  after = '',
): [string, string] {
  const content = [...lines.slice(0, at), `${before}${value}${after}`, ...lines.slice(at)].join('\n');
  planted.push({ value, file, line: at + 1, column: before.length + 1, rule });
  return [file, `${content}\n`];
}

let repo: string;
let out: string;
let planted: Planted[];
let notReported: string[];
let cli: { status: number | null; stdout: string; stderr: string };
let report: Report;

beforeAll(() => {
  planted = [];
  const github = `ghp_${random(36)}`;
  const slack = `xoxb-${digits(10)}-${digits(13)}-${random(24)}`;
  const npm = `npm_${random(36)}`;
  const dbPassword = random(14);
  const configPassword = random(18);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
  const ignoredToken = `ghp_${random(36)}`;
  const binaryToken = `ghp_${random(36)}`;
  const hugeToken = `ghp_${random(36)}`;
  const disabledToken = `ghp_${random(36)}`;
  const dotenvKey = random(24);
  notReported = [ignoredToken, binaryToken, hugeToken, disabledToken];

  const files = Object.fromEntries([
    plant(
      planted,
      'scripts/deploy.js',
      ['// deployment helper', "const repo = 'tensio/app';"],
      2,
      "const token = '",
      github,
      'github',
      "';",
    ),
    plant(
      planted,
      'src/notify.ts',
      ['export const channel = "#alertes";'],
      1,
      'const slackToken = "',
      slack,
      'slack',
      '";',
    ),
    plant(
      planted,
      '.npmrc',
      ['registry=https://registry.npmjs.org/'],
      1,
      '//registry.npmjs.org/:',
      `_authToken=${npm}`,
      'npm',
    ),
    plant(planted, 'keys/server.key', [], 0, '', pem, 'privatekey'),
    plant(
      planted,
      'config/database.yml',
      ['production:', '  adapter: postgresql'],
      2,
      '  url: ',
      `postgres://app:${dbPassword}@db.internal:5432/tensio`,
      'database-connection-string',
    ),
    plant(
      planted,
      'config/app.yml',
      ['server:', '  port: 8080', 'auth:'],
      3,
      '  password: ',
      configPassword,
      'pattern',
    ),
    ['config/placeholder.yml', 'auth:\n  password: ${AUTH_PASSWORD}\n  api_key: changeme-in-production\n'],
    ['.env', `API_KEY=${dotenvKey}\n`],
    ['.gitignore', '.env.local\n'],
    ['.env.local', `GITHUB_TOKEN=${ignoredToken}\n`],
    ['src/legacy.js', `const t = '${disabledToken}'; // secretlint-disable-line\n`],
    ['assets/blob.bin', `\u0000\u0001binary ${binaryToken}\n`],
    ['data/huge.json', `{"pad":"${'x'.repeat(2_200_000)}","token":"${hugeToken}"}\n`],
  ]);
  planted.push({ value: dotenvKey, file: '.env', line: 1, column: 1, rule: 'no-dotenv' });
  repo = tempRepo({}, files);
  out = tempDir('mes-secrets-out-');
  cli = runCliCheck(repo, out, ['--offline', '--lang', 'en', '--fail-on', 'obligatoire-suppose']);
  report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
});

describe('repo/secrets', () => {
  it('finds every planted secret at its file, line and column, and blocks under obligatoire-suppose', () => {
    const criterion = report.criteria.find((c) => c.id === 'SEC-SECRETS');
    expect(criterion?.status).toBe('non-conforme');
    expect(criterion?.blocking).toBe(true);
    const found = criterion?.findings
      .filter((f) => f.outcome === 'fail')
      .map((f) => [f.location?.file, f.location?.line, f.location?.column, f.details?.rule]);
    const expected = planted
      .map((p) => [p.file, p.line, p.column, p.rule])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(found).toEqual(expected);
    expect(report.criteria.find((c) => c.id === 'SEX-SECRETS-ECHANGE')?.status).toBe('non-conforme');
    expect(cli.status).toBe(1);
    // Leaked secrets come first in what to do, whatever else fails: the key is to be revoked now.
    const todo = cli.stdout.slice(cli.stdout.indexOf('What to do first'));
    expect(todo.split('\n')[1]).toMatch(/^ {2}! SEC-SECRETS \(presumed mandatory\) .* · SEX-SECRETS-ECHANGE/);
  });

  it('shows a masked preview only, and says what it did not read', () => {
    const criterion = report.criteria.find((c) => c.id === 'SEC-SECRETS');
    const github = criterion?.findings.find((f) => f.location?.file === 'scripts/deploy.js');
    expect(github?.message).toContain('ghp_***');
    expect(criterion?.findings.find((f) => f.code === 'repo.too-large')?.message).toContain('data/huge.json');
  });

  it('leaves no secret value in any output: report files, SARIF, console, logs', () => {
    const outputs = [
      cli.stdout,
      cli.stderr,
      ...readdirSync(out).map((name) => readFileSync(path.join(out, name), 'utf8')),
    ];
    expect(outputs.length).toBeGreaterThanOrEqual(6);
    const values = [...planted.map((p) => p.value), ...notReported];
    // A private key is also looked for line by line, as a log could split it.
    const pieces = values.flatMap((v) => [
      v,
      ...v.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')),
    ]);
    for (const output of outputs) for (const piece of pieces) expect(output.includes(piece)).toBe(false);
  });

  it('reports them as SARIF results located in the repository', () => {
    const sarif = JSON.parse(readFileSync(path.join(out, 'report.sarif'), 'utf8')) as {
      runs: { results: { locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[];
    };
    const uris =
      sarif.runs[0]?.results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri) ?? [];
    for (const p of planted) expect(uris).toContain(p.file);
  });
});

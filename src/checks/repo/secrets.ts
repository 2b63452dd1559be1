// `repo/secrets`: credentials committed to the repository (API keys, tokens, private keys, connection strings,
// passwords in configuration, .env files). Findings show the rule, the place and a masked preview only; every
// value found was registered with the run's Redactor by the scan.
import type { Check, CheckContext, Finding } from '../types.js';
import { byPlace, scanFindings } from './report.js';
import { repoScan } from './repo-scan.js';
import type { LocatedSecret } from './secret-collector.js';

export const repoSecretsCheck: Check = {
  id: 'repo/secrets',
  engine: 'repo',
  description: {
    fr: 'Aucun secret (clé d’API, jeton, clé privée, mot de passe, fichier .env) n’est versionné dans le dépôt.',
    en: 'No secret (API key, token, private key, password, .env file) is committed to the repository.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const { secrets } = await repoScan(ctx);
    const { hits, stats } = secrets;
    ctx.log(ctx.t('repo.secrets.progress', { files: stats.scanned }));
    const pass: Finding | undefined =
      hits.length === 0
        ? {
            outcome: 'pass',
            code: 'repo.no-secret',
            message: ctx.t('repo.no-secret', { files: stats.scanned }),
          }
        : undefined;
    return scanFindings(
      ctx,
      secrets,
      byPlace(hits).map((hit) => secretFinding(ctx, hit)),
      pass,
    );
  },
};

function secretFinding(ctx: CheckContext, hit: LocatedSecret): Finding {
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

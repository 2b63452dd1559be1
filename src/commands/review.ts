// `mes-referencing review <criterion>`: prints the `revues` entry a person adds to the manifest after examining a
// criterion's evidence, with the SHA-256 of each evidence file so that the review lapses when one of them changes.
import path from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../errors.js';
import { loadCatalogue } from '../catalogue/load.js';
import { reviewedFiles } from '../catalogue/reviews.js';
import { registeredChecks } from '../checks/registry.js';
import { pick } from '../i18n/index.js';
import { loadManifest, MANIFEST_FILE } from '../manifest/load.js';
import type { Review } from '../manifest/types.js';
import { isoDate, isValidDate } from '../util/dates.js';
import { fileSha256 } from '../util/file-hash.js';
import { closest } from '../util/suggest.js';
import type { Command } from './command.js';
import { oneOf, parseOptions } from './command.js';

const VERDICTS = ['conforme', 'non-conforme'] as const;

export const reviewCommand: Command = {
  async run(argv, { lang, t }) {
    const { values, positionals } = parseOptions(
      argv,
      {
        repo: { type: 'string', short: 'r' },
        manifest: { type: 'string', short: 'm' },
        reviewer: { type: 'string' },
        verdict: { type: 'string' },
        note: { type: 'string' },
        today: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      process.stdout.write(`${t('cli.review.help')}\n`);
      return 0;
    }
    const [id, ...extra] = positionals;
    if (!id) throw new UserError('cli.review.no-criterion', {});
    if (extra.length) throw new UserError('cli.unexpected-argument', { value: extra[0] as string });
    const verdict = oneOf(values.verdict, VERDICTS, '--verdict', 'conforme');
    if (values.today !== undefined && !isValidDate(values.today))
      throw new UserError('cli.bad-date', { option: '--today', value: values.today });

    const repoDir = path.resolve(values.repo ?? '.');
    const loaded = loadManifest(values.manifest ?? MANIFEST_FILE, repoDir);
    const checks = registeredChecks();
    const catalogue = loadCatalogue({
      version: loaded.manifest.referencing.referentiel,
      checks,
      requestedAt: loaded.locate(['referencing', 'referentiel']),
    });
    const criterion = catalogue.criteria.find((c) => c.id === id);
    if (!criterion) {
      const ids = catalogue.criteria.map((c) => c.id);
      throw new UserError('cli.review.unknown-criterion', {
        id,
        suggestion: closest(id, ids) ?? ids[0] ?? '',
      });
    }
    // The same evidence the evaluation shows for the criterion: its own, and what its checks look at.
    const keys = [
      ...new Set([
        ...criterion.evidence,
        ...criterion.checks.flatMap((inv) => checks.get(inv.check)?.evidence?.(inv.with ?? {}) ?? []),
      ]),
    ];
    const files = reviewedFiles(keys, loaded.manifest);
    const hashes: Record<string, string> = {};
    const missing: string[] = [];
    for (const file of files) {
      const hash = fileSha256(repoDir, file);
      if (hash) hashes[file] = hash;
      else missing.push(file);
    }
    const entry: Review = {
      criterion: criterion.id,
      reviewer: values.reviewer ?? t('cli.review.reviewer-placeholder'),
      date: values.today ?? isoDate(new Date()),
      verdict,
      note: values.note ?? t('cli.review.note-placeholder'),
      ...(files.length ? { sha256: hashes } : {}),
    };
    const comment = (text: string) =>
      text
        .split('\n')
        .map((line) => `# ${line}`)
        .join('\n');
    const lines = [
      comment(t('cli.review.intro', { id: criterion.id, file: loaded.file })),
      ...(criterion.reviewGuide
        ? [comment(t('cli.review.guide', { guide: pick(criterion.reviewGuide, lang) }))]
        : []),
      ...(missing.length
        ? [comment(t('cli.review.missing', { files: missing.join(', '), count: missing.length }))]
        : []),
      stringify([entry], { lineWidth: 0 }).trimEnd().replace(/^/gm, '  '),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return missing.length ? 1 : 0;
  },
};

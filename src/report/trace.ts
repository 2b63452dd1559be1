// Traceability of the dossier: which repository, commit and run it was made from, and for each evidence file its
// SHA-256, size and a link to the file at that commit. The files are read here, once, through the same
// repository-boundary check as the evidence engine (a path may not leave the repository).
import type { Catalogue } from '../catalogue/types.js';
import type { Lang } from '../i18n/index.js';
import { pick } from '../i18n/index.js';
import type { Manifest } from '../manifest/types.js';
import { repoFileDigest } from '../util/file-hash.js';
import type { ReportEvidence, ReportTrace } from './model.js';

/** Where the run comes from; every field is optional (a folder outside git has none). */
export interface Provenance {
  /** Web address of the repository, e.g. https://github.com/owner/repo. */
  repository?: string;
  commit?: string;
  branch?: string;
  runUrl?: string;
  /** The evaluated folder inside the repository ('' at its root), so links point at the right file. */
  pathPrefix?: string;
  /** Tracked files of the folder differ from the commit: the links show the commit, the digests the files. */
  uncommitted?: boolean;
}

/** Evidence key → digest of its file and its path relative to the evaluated folder. */
export type EvidenceDigests = Map<string, { sha256: string; size: number; relative: string }>;

/** Digests of the declared evidence files that exist inside the repository. */
export function digestEvidence(repoDir: string, manifest: Manifest): EvidenceDigests {
  const digests: EvidenceDigests = new Map();
  for (const [key, item] of Object.entries(manifest.evidence ?? {})) {
    // Missing or unreadable: the evidence check says so; the trace only records what it could read.
    const digest = item.path ? repoFileDigest(repoDir, item.path) : undefined;
    if (digest) digests.set(key, digest);
  }
  return digests;
}

/** The web address of a repository file at the commit, when both are known. */
export function fileLink(provenance: Provenance, file: string): string | undefined {
  if (!provenance.repository || !provenance.commit) return undefined;
  const prefix = provenance.pathPrefix ? `${provenance.pathPrefix.replace(/\/+$/, '')}/` : '';
  const encoded = `${prefix}${file}`.split('/').map(encodeURIComponent).join('/');
  return `${provenance.repository.replace(/\/+$/, '')}/blob/${provenance.commit}/${encoded}`;
}

/** An evidence entry with its file facts added. */
export function traced(
  entry: ReportEvidence,
  digests: EvidenceDigests,
  provenance: Provenance,
): ReportEvidence {
  const digest = digests.get(entry.key);
  if (!digest || !entry.path) return entry;
  const link = fileLink(provenance, digest.relative);
  return { ...entry, sha256: digest.sha256, size: digest.size, ...(link ? { link } : {}) };
}

export function buildTrace(input: {
  provenance: Provenance;
  manifest: Manifest;
  catalogue: Catalogue;
  digests: EvidenceDigests;
  lang: Lang;
}): ReportTrace {
  const { provenance, manifest, catalogue, digests, lang } = input;
  const evidence = Object.entries(manifest.evidence ?? {})
    .map(([key, item]): ReportEvidence => {
      const type = catalogue['evidence-types'][key];
      return traced(
        {
          key,
          title: type ? pick(type.title, lang) : key,
          declared: true,
          ...(item.path ? { path: item.path } : {}),
          ...(item.url ? { url: item.url } : {}),
          ...(item.issued ? { issued: item.issued } : {}),
          ...(item.expires ? { expires: item.expires } : {}),
        },
        digests,
        provenance,
      );
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    ...(provenance.repository ? { repository: provenance.repository } : {}),
    ...(provenance.commit ? { commit: provenance.commit } : {}),
    ...(provenance.branch ? { branch: provenance.branch } : {}),
    ...(provenance.runUrl ? { runUrl: provenance.runUrl } : {}),
    ...(provenance.uncommitted ? { uncommitted: true } : {}),
    evidence,
  };
}

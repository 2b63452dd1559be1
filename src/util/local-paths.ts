// Folders of the machine that ran the checks (the repository checkout, the FHIR package folders, the home
// directory) replaced by stable names in every text of the report: the dossier says nothing about the runner,
// and two machines give the same report.
import os from 'node:os';
import path from 'node:path';

export interface LocalFolder {
  folder: string;
  /** What the folder is shown as. */
  label: string;
}

export class LocalPaths {
  private readonly folders: LocalFolder[];

  constructor(folders: LocalFolder[]) {
    // Longest first, so a folder inside another keeps its own name.
    this.folders = folders
      .filter((f) => path.isAbsolute(f.folder) && f.folder.length > 1)
      .map((f) => ({ ...f, folder: f.folder.replace(/[\\/]+$/, '') }))
      .sort((a, b) => b.folder.length - a.folder.length);
  }

  /** The usual folders of a run: the repository (shown as `.`), FHIR package folders and cache, home, temp. */
  static forRun(repoDir: string, fhirPackagePath: string[], fhirPackageCache?: string): LocalPaths {
    return new LocalPaths([
      { folder: path.resolve(repoDir), label: '.' },
      ...fhirPackagePath.map((folder) => ({ folder: path.resolve(folder), label: '$FHIR_PACKAGE_PATH' })),
      ...(fhirPackageCache ? [{ folder: path.resolve(fhirPackageCache), label: '~/.fhir/packages' }] : []),
      { folder: os.homedir(), label: '~' },
      { folder: os.tmpdir(), label: '$TMPDIR' },
    ]);
  }

  scrub(text: string): string {
    let out = text;
    for (const { folder, label } of this.folders) {
      if (!out.includes(folder)) continue;
      // Only whole paths: /home/a must not eat /home/ab, nor /tmp the path of https://host.example/tmp/x.
      out = out.replace(new RegExp(`(?<![\\w.-])${escapeRegExp(folder)}(?=[\\\\/]|$|[^\\w.-])`, 'g'), label);
    }
    return out;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

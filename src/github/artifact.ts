// The dossier artifact: report.json, report.html, report.md, report.sarif and the checks' attachments, uploaded
// with @actions/artifact. Best-effort: a refusal is reported by the caller, never fatal.

/**
 * The artifact service exists on github.com, GHE.com and local test hosts; @actions/artifact refuses any other
 * host (GitHub Enterprise Server) and prints its own warning when asked, so the host is checked first.
 */
export function artifactServiceAvailable(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost');
}

export interface DossierUpload {
  name: string;
  /** Absolute paths, all inside rootDir. */
  files: string[];
  rootDir: string;
  retentionDays?: number;
}

export async function uploadDossier(upload: DossierUpload): Promise<number> {
  // Loaded only when there is something to upload: the client and its storage SDK are most of the bundle.
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const { id } = await client.uploadArtifact(upload.name, upload.files, upload.rootDir, {
    ...(upload.retentionDays ? { retentionDays: upload.retentionDays } : {}),
  });
  if (id === undefined) throw new Error('the artifact service returned no artifact id');
  return id;
}

// The SARIF file for github/codeql-action/upload-sarif: the report's SARIF with every location made relative to
// the checkout, as code scanning resolves URIs from the repository root.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { underPrefix } from './paths.js';

interface SarifLog {
  runs?: { results?: { locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[];
}

export function rebaseSarif(sarif: string, prefix: string): string {
  if (!prefix) return sarif;
  const log = JSON.parse(sarif) as SarifLog;
  for (const run of log.runs ?? [])
    for (const result of run.results ?? [])
      for (const location of result.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (artifact?.uri) artifact.uri = underPrefix(prefix, artifact.uri);
      }
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function writeSarif(target: string, sarif: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, sarif);
}

// A FHIR package reference as the HL7 tools write it: `id#version` (e.g. `hl7.fhir.fr.core#2.1.0`).

export interface PackageSpec {
  id: string;
  version: string;
}

const SPEC = /^([a-z0-9][a-z0-9._-]*)#([0-9A-Za-z][0-9A-Za-z.+-]*)$/i;

export function parsePackageSpec(text: string): PackageSpec | undefined {
  const match = SPEC.exec(text.trim());
  return match ? { id: (match[1] as string).toLowerCase(), version: match[2] as string } : undefined;
}

export function formatPackageSpec(spec: PackageSpec): string {
  return `${spec.id}#${spec.version}`;
}

/** Orders versions numerically by their dotted parts (pre-release labels sort before the release). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core, pre] = v.split('-', 2);
    return { parts: (core ?? '').split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre);
}

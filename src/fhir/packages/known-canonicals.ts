// Which canonical URLs a package defines, for packages a loaded package depends on but that could not be loaded
// (their package.json is not at hand to say it). A canonical under one of them is "not checked", not "unknown":
// the definition exists, it just is not available offline. Each entry is the package's canonical base as its
// ImplementationGuide publishes it.
import type { FhirContext } from './context.js';
import { parsePackageSpec } from './package-spec.js';

const KNOWN: Record<string, string[]> = {
  // The extensions pack defines its extensions under the core namespace.
  'hl7.fhir.uv.extensions': ['http://hl7.org/fhir/StructureDefinition/', 'http://hl7.org/fhir/extensions/'],
  'hl7.fhir.uv.extensions.r4': [
    'http://hl7.org/fhir/StructureDefinition/',
    'http://hl7.org/fhir/extensions/',
  ],
  'hl7.fhir.uv.extensions.r5': [
    'http://hl7.org/fhir/StructureDefinition/',
    'http://hl7.org/fhir/extensions/',
  ],
  'hl7.terminology': ['http://terminology.hl7.org/'],
  'hl7.terminology.r4': ['http://terminology.hl7.org/'],
  'hl7.terminology.r5': ['http://terminology.hl7.org/'],
  'hl7.fhir.uv.xver-r5.r4': ['http://hl7.org/fhir/5.0/StructureDefinition/'],
  'hl7.fhir.uv.xver-r4b.r4': ['http://hl7.org/fhir/4.3/StructureDefinition/'],
  'hl7.fhir.uv.tools': ['http://hl7.org/fhir/tools/'],
  'hl7.fhir.uv.phd': ['http://hl7.org/fhir/uv/phd/'],
  'hl7.fhir.fr.core': ['https://hl7.fr/ig/fhir/core/'],
  'ans.fr.terminologies': ['https://smt.esante.gouv.fr/', 'https://mos.esante.gouv.fr/NOS/'],
  'ans.fr.nos': ['https://mos.esante.gouv.fr/NOS/'],
  'ihe.formatcode.fhir': ['http://ihe.net/fhir/ihe.formatcode.fhir/'],
};

/** Canonical bases of a package id: from the table, else from the naming conventions of HL7 and ANS. */
export function canonicalBases(id: string): string[] {
  const known = KNOWN[id];
  if (known) return known;
  const ans = /^ans\.fhir\.fr\.([a-z0-9]+)$/.exec(id);
  if (ans) return [`https://interop.esante.gouv.fr/ig/fhir/${ans[1]}/`];
  const uv = /^hl7\.fhir\.uv\.([a-z0-9-]+)$/.exec(id);
  if (uv) return [`http://hl7.org/fhir/uv/${uv[1]}/`];
  const ihe = /^ihe\.([a-z]+)\.([a-z0-9]+)$/.exec(id);
  if (ihe)
    return [
      `https://profiles.ihe.net/${(ihe[1] as string).toUpperCase()}/${(ihe[2] as string).toUpperCase()}/`,
    ];
  return [];
}

/** The declared-but-missing dependency (`id#version`) whose namespace holds a canonical, if there is one. */
export function missingDependencyOwning(ctx: FhirContext, canonical: string): string | undefined {
  const memo = ctx.memo<string, string | null>('known-canonicals.missing');
  const known = memo.get(canonical);
  if (known !== undefined) return known ?? undefined;
  let found: string | null = null;
  for (const problem of ctx.problems) {
    if (problem.kind !== 'missing-dependency') continue;
    const spec = parsePackageSpec(problem.spec);
    if (spec && canonicalBases(spec.id).some((base) => canonical.startsWith(base))) {
      found = problem.spec;
      break;
    }
  }
  memo.set(canonical, found);
  return found ?? undefined;
}

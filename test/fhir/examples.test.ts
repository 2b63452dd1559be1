// The golden set: every example shipped in the FHIR packages, validated against its meta.profile (and the profile
// its package's example index names) with its own package loaded. A folder without `.index.json` is indexed
// from its files. No error is expected, except:
// - genuine defects of official examples, each named below with the rule it breaks (the HL7 validator reports
//   them as errors too);
// - errors raised by a profile of a package loaded in place of the version the example's package declares (the
//   substitution is reported as a warning; the issues keep their severity). Those are listed by the test run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FhirContext } from '../../src/fhir/packages/context.js';
import { readPackageIndex } from '../../src/fhir/packages/package-index.js';
import type { ValidationIssue } from '../../src/fhir/validator/issue.js';
import { validateText } from '../../src/fhir/validator/validate.js';
import { context, errors, packagePath, show } from './helpers.js';

interface Defect {
  /** The rule the example breaks, as the specification states it. */
  rule: string;
  /** The errors it causes: message id, and the profile (or expression) they are raised against. */
  messageId: string;
  where: string;
  count: number;
}

const VITAL_SIGNS =
  'the R4 vital signs profile its LOINC code implies (http://hl7.org/fhir/R4/observation-vitalsigns.html)';

const KNOWN_DEFECTS: Record<string, Defect[]> = {
  'ans.fhir.fr.pdsm#3.1.1/DocumentReference-exemple-pdsm-documentreference.json': [
    {
      rule: 'dom-3: the contained Practitioner is referenced by nothing',
      messageId: 'fhir.v.invariant',
      where: 'dom-3',
      count: 1,
    },
    {
      rule: 'dom-4: a contained resource carries meta.versionId/lastUpdated',
      messageId: 'fhir.v.invariant',
      where: 'dom-4',
      count: 1,
    },
  ],
  'ans.fhir.fr.pdsm#3.1.1/List-ExampleSubmissionSet.json': [
    {
      rule: 'dom-4: a contained resource carries meta.versionId/lastUpdated',
      messageId: 'fhir.v.invariant',
      where: 'dom-4',
      count: 1,
    },
  ],
  'ans.fhir.fr.pdsm#3.1.1/DocumentReference-PDSmSimplifiedExample.json': [
    {
      rule: 'Attachment.size (250000) is not the size of data (11 bytes)',
      messageId: 'fhir.v.attachment-size',
      where: 'DocumentReference.content[0].attachment',
      count: 1,
    },
    {
      rule: 'Attachment.hash is the SHA-1 of empty content, not of data',
      messageId: 'fhir.v.attachment-hash',
      where: 'DocumentReference.content[0].attachment',
      count: 1,
    },
  ],
  'ans.fhir.fr.pdsm4dmp#0.1.0/Bundle-example-annexe-searchset-documentreferences.json': [
    {
      rule: 'Bundle.entry.fullUrl is relative (DocumentReference/…): it must be an absolute URL',
      messageId: 'fhir.v.bundle-fullurl-absolute',
      where: 'Bundle.entry',
      count: 2,
    },
  ],
  'ihe.iti.mhd#4.2.0/Bundle-ex-findDocumentReferencesResponse.json': [
    {
      rule: 'fullUrl …/DocumentReference/ex-DocumentReferenceMinimal names another id than the resource (in-DocumentReferenceMinimal)',
      messageId: 'fhir.v.bundle-fullurl-id',
      where: 'Bundle.entry[0].fullUrl',
      count: 1,
    },
  ],
  'hl7.fhir.uv.phd#1.0.0/Observation-spotnumeric-1.0.0.3.json': [
    {
      rule: `heart rate without valueQuantity.unit, code {beat}/min instead of /min: ${VITAL_SIGNS}`,
      messageId: '*',
      where: 'http://hl7.org/fhir/StructureDefinition/heartrate',
      count: 2,
    },
  ],
  'hl7.fhir.uv.phd#1.0.0/Observation-bloodPress-1.0.1.json': [
    {
      rule: `blood pressure without the 85354-9 coding nor component units: ${VITAL_SIGNS}`,
      messageId: '*',
      where: 'http://hl7.org/fhir/StructureDefinition/bp',
      count: 3,
    },
  ],
  'hl7.fhir.uv.phd#1.0.0/Bundle-nonin-hdp-1542718631721.json': [
    {
      rule: `SpO2 without valueQuantity.unit: ${VITAL_SIGNS}`,
      messageId: '*',
      where: 'http://hl7.org/fhir/StructureDefinition/oxygensat',
      count: 1,
    },
    {
      rule: `heart rate without unit, code {beat}/min: ${VITAL_SIGNS}`,
      messageId: '*',
      where: 'http://hl7.org/fhir/StructureDefinition/heartrate',
      count: 2,
    },
  ],
  'hl7.fhir.uv.phd#1.0.0/Bundle-bundle-continuousnonin.json': [
    {
      rule: `SpO2 coded 59408-5 only (the R4 profile requires 2708-6) and without unit: ${VITAL_SIGNS}`,
      messageId: '*',
      where: 'http://hl7.org/fhir/StructureDefinition/oxygensat',
      count: 24,
    },
    {
      rule: `heart rate without unit, code {beat}/min: ${VITAL_SIGNS}`,
      messageId: '*',
      where: 'http://hl7.org/fhir/StructureDefinition/heartrate',
      count: 24,
    },
  ],
};

function explains(defect: Defect, issue: ValidationIssue): boolean {
  if (defect.messageId !== '*' && defect.messageId !== issue.messageId) return false;
  return (
    issue.profile === defect.where ||
    issue.constraint === defect.where ||
    issue.expression.startsWith(defect.where)
  );
}

/** The error comes from a profile of a package loaded in place of the declared version. */
function fromSubstitute(ctx: FhirContext, issue: ValidationIssue): boolean {
  const pkg = issue.profile ? ctx.resolve(issue.profile)?.pkg : undefined;
  return pkg !== undefined && ctx.substitutes.has(pkg);
}

const packages = readdirSync(packagePath)
  .filter((name) => existsSync(path.join(packagePath, name, 'package', 'example')))
  .sort();

const totals = { examples: 0, errors: 0, substituted: 0, defects: 0, warnings: 0, information: 0 };
const substituted: string[] = [];

describe('examples shipped in the FHIR packages', () => {
  it('finds the packages with examples, including one without an example index', () => {
    expect(packages.length).toBeGreaterThanOrEqual(11);
    expect(packages).toContain('hl7.fhir.uv.phd#1.0.0');
    expect(
      existsSync(path.join(packagePath, 'hl7.fhir.uv.phd#1.0.0', 'package', 'example', '.index.json')),
    ).toBe(false);
  });

  for (const name of packages) {
    it(`${name}: every example is valid against its meta.profile`, async () => {
      const ctx = await context(name);
      const folder = path.join(packagePath, name, 'package', 'example');
      const index = readPackageIndex(folder, { writeWhenBuilt: false }) as {
        filename: string;
        profile?: string[];
      }[];
      expect(index.length).toBeGreaterThan(0);
      for (const entry of index) {
        const text = readFileSync(path.join(folder, entry.filename), 'utf8');
        const issues = validateText(text, {
          context: ctx,
          profiles: entry.profile ?? [],
          file: entry.filename,
          lang: 'en',
        });
        const defects = KNOWN_DEFECTS[`${name}/${entry.filename}`] ?? [];
        const found = errors(issues);
        const fromSubstitutes = found.filter((i) => fromSubstitute(ctx, i));
        const rest = found.filter((i) => !fromSubstitute(ctx, i));
        const unexplained = rest.filter((i) => !defects.some((d) => explains(d, i)));
        expect(show(unexplained), `${name}/${entry.filename}`).toBe('');
        for (const defect of defects) {
          const count = rest.filter((i) => explains(defect, i)).length;
          expect(count, `${name}/${entry.filename}: ${defect.rule}`).toBe(defect.count);
        }
        for (const i of fromSubstitutes)
          substituted.push(`${name}/${entry.filename} ${i.expression} [${i.profile}] ${i.message}`);
        totals.examples++;
        totals.errors += found.length;
        totals.substituted += fromSubstitutes.length;
        totals.defects += rest.length;
        totals.warnings += issues.filter((i) => i.severity === 'warning').length;
        totals.information += issues.filter((i) => i.severity === 'information').length;
      }
    });
  }

  it('validated every example (totals and errors from substituted packages printed for the record)', () => {
    console.log(`FHIR package examples: ${JSON.stringify(totals)}`);
    for (const line of substituted) console.log(`  substituted dependency: ${line}`);
    expect(totals.examples).toBeGreaterThanOrEqual(240);
  });
});

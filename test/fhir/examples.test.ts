// The golden set: every example shipped in the FHIR packages, validated against its meta.profile with its own
// package loaded, gives no error. The only exceptions are two official PDSm examples with genuine defects
// (contained resources that carry meta.versionId/lastUpdated, a contained Practitioner nobody references),
// which the HL7 validator reports as well; they are asserted exactly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateText } from '../../src/fhir/validator/validate.js';
import { context, errors, packagePath, show } from './helpers.js';

interface ExampleEntry {
  filename: string;
  profile?: string[];
}

const KNOWN_DEFECTS: Record<string, string[]> = {
  'ans.fhir.fr.pdsm#3.1.1/DocumentReference-exemple-pdsm-documentreference.json': [
    'fhir.v.invariant DocumentReference dom-3',
    'fhir.v.invariant DocumentReference dom-4',
  ],
  'ans.fhir.fr.pdsm#3.1.1/List-ExampleSubmissionSet.json': ['fhir.v.invariant List dom-4'],
};

const packages = readdirSync(packagePath)
  .filter((name) => existsSync(path.join(packagePath, name, 'package', 'example', '.index.json')))
  .sort();

const totals = { examples: 0, errors: 0, warnings: 0, information: 0 };

describe('examples shipped in the FHIR packages', () => {
  it('finds the packages with examples', () => {
    expect(packages.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of packages) {
    it(`${name}: every example is valid against its meta.profile`, async () => {
      const ctx = await context(name);
      const folder = path.join(packagePath, name, 'package', 'example');
      const index = JSON.parse(readFileSync(path.join(folder, '.index.json'), 'utf8')) as {
        files: ExampleEntry[];
      };
      expect(index.files.length).toBeGreaterThan(0);
      for (const entry of index.files) {
        const text = readFileSync(path.join(folder, entry.filename), 'utf8');
        const issues = validateText(text, {
          context: ctx,
          profiles: entry.profile ?? [],
          file: entry.filename,
          lang: 'en',
        });
        const found = errors(issues);
        const expected = KNOWN_DEFECTS[`${name}/${entry.filename}`] ?? [];
        expect(
          found.map((i) => `${i.messageId} ${i.expression} ${i.constraint ?? ''}`.trim()).sort(),
          show(found),
        ).toEqual(expected.sort());
        totals.examples++;
        totals.errors += found.length;
        totals.warnings += issues.filter((i) => i.severity === 'warning').length;
        totals.information += issues.filter((i) => i.severity === 'information').length;
      }
    });
  }

  it('validated every example (totals printed for the record)', () => {
    console.log(`FHIR package examples: ${JSON.stringify(totals)}`);
    expect(totals.examples).toBeGreaterThanOrEqual(200);
  });
});

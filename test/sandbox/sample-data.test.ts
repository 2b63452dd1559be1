// The project's sample resources moved to the editor's identity: every OID of the sample's identity, and nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuites } from '../../src/checks/sandbox/suite.js';
import { oidsUnder, toEditorIdentity } from '../../src/checks/sandbox/sample-data.js';

const sample = {
  'editor-oid': '1.2.250.1.999.42',
  'solution-oid': '1.2.250.1.999.42.1',
  'patient-system': 'urn:oid:1.2.840.10004.1.1.1.0.0.1.0.0.1.2560',
};
const editor = { editorOid: '1.2.250.1.999.77', solutionOid: '1.2.250.1.999.77.3' };

describe('sample data moved to the editor’s identity', () => {
  it('rewrites the solution first, then the editor root, whole OIDs only, in any string', () => {
    const out = toEditorIdentity(
      {
        source: 'urn:oid:1.2.250.1.999.42.1',
        device: 'urn:oid:1.2.250.1.999.42.1.2',
        other: '1.2.250.1.999.42.7',
        query: 'identifier=urn:oid:1.2.250.1.999.42.1.2|A4-C1',
        longer: 'urn:oid:1.2.250.1.999.421',
        prefixed: 'urn:oid:3.1.2.250.1.999.42',
        list: [{ system: 'urn:oid:1.2.250.1.999.42' }],
        count: 42,
      },
      sample,
      editor,
    );
    expect(out).toEqual({
      source: 'urn:oid:1.2.250.1.999.77.3',
      device: 'urn:oid:1.2.250.1.999.77.3.2',
      other: '1.2.250.1.999.77.7',
      query: 'identifier=urn:oid:1.2.250.1.999.77.3.2|A4-C1',
      longer: 'urn:oid:1.2.250.1.999.421',
      prefixed: 'urn:oid:3.1.2.250.1.999.42',
      list: [{ system: 'urn:oid:1.2.250.1.999.77' }],
      count: 42,
    });
  });

  it('moves the sample patient to the run’s patient identifier system when it has one', () => {
    const bundle = { subject: { identifier: { system: sample['patient-system'], value: 'x' } } };
    const moved = toEditorIdentity(bundle, sample, { ...editor, patientSystem: 'urn:oid:1.2.3.4' });
    expect(moved).toEqual({ subject: { identifier: { system: 'urn:oid:1.2.3.4', value: 'x' } } });
    expect(toEditorIdentity(bundle, sample, editor)).toEqual(bundle);
  });

  it('leaves none of the sample’s OIDs in any fallback the suites ship', () => {
    const fallbacks = loadSuites().flatMap((suite) =>
      Object.values(suite.fixtures ?? {}).flatMap((f) =>
        f.fallback && f.sample ? [{ file: path.join(suite.dir, f.fallback), sample: f.sample }] : [],
      ),
    );
    expect(fallbacks.length).toBeGreaterThanOrEqual(2);
    for (const { file, sample: identity } of fallbacks) {
      const written: unknown = JSON.parse(readFileSync(file, 'utf8'));
      expect(oidsUnder(written, identity['editor-oid']).length, file).toBeGreaterThan(0);
      const moved = toEditorIdentity(written, identity, editor);
      expect(oidsUnder(moved, identity['editor-oid']), file).toEqual([]);
      expect(oidsUnder(moved, editor.editorOid).length, file).toBeGreaterThan(0);
    }
  });
});

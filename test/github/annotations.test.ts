// Annotations: levels, order, locations below working-directory, and GitHub's 10-per-level limit.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/github/annotations.js';
import { capAnnotations, findingAnnotations } from '../../src/github/annotations.js';
import { translator } from '../../src/messages.js';
import { demoManifestLine } from '../helpers.js';
import { cleanTempDirs, expireHdsCertificate } from './harness.js';
import { demoReport } from './reports.js';

const t = translator('fr');
const ORDER = ['error', 'warning', 'notice'];
afterAll(cleanTempDirs);

describe('findingAnnotations', () => {
  it('makes blocking failures errors, other failures warnings, waived ones notices, each at its place', async () => {
    const report = await demoReport(expireHdsCertificate);
    const annotations = findingAnnotations(report, 'app');
    const levels = annotations.map((a) => a.level);
    // Errors, then warnings, then notices.
    expect([...levels].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))).toEqual(levels);
    expect(annotations.filter((a) => a.level === 'error').map((a) => a.title)).toEqual([
      'URB-HDS — Hébergement certifié HDS',
    ]);
    // Among warnings, failures come before warnings about things still met (expiries, FHIR warnings…).
    expect(annotations.find((a) => a.level === 'warning')?.title).toBe(
      'ETH-CONTENU — Qualité du contenu éditorial de santé',
    );
    expect(annotations.filter((a) => a.level === 'notice').map((a) => a.title)).toEqual([
      'ETH-ACCESSIBILITE — Accessibilité numérique (déclaration RGAA)',
    ]);
    // At the expired date in the manifest.
    expect(annotations[0]!.location).toEqual({
      file: 'app/mes-referencing.yml',
      line: demoManifestLine('expires: 2028-06-29'),
      column: 14,
    });
  });

  it('merges a finding shared by several criteria into one annotation naming them all', async () => {
    const report = await demoReport((dir) => rmSync(path.join(dir, 'docs', 'aipd.md')));
    const aipd = findingAnnotations(report, '').filter((a) => a.message.includes('docs/aipd.md'));
    expect(aipd).toHaveLength(1);
    expect(aipd[0]!.title).toBe('ETH-AIPD, FIN-JUSTIFICATION');
  });
});

describe('capAnnotations', () => {
  const many = (level: Annotation['level'], n: number): Annotation[] =>
    Array.from({ length: n }, (_, i) => ({ level, message: `${level} ${i}` }));

  it('keeps everything under the limit', () => {
    const list = [...many('error', 10), ...many('warning', 3)];
    expect(capAnnotations(list, t)).toEqual(list);
  });

  it('keeps 9 and says how many more when a level overflows', () => {
    const out = capAnnotations([...many('error', 25), ...many('notice', 2)], t);
    const errors = out.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map((a) => a.message)).toEqual(many('error', 9).map((a) => a.message));
    expect(errors[9]!.message).toMatch(/^… et 16 autres constats bloquants/);
    expect(out.filter((a) => a.level === 'notice')).toHaveLength(2);
  });

  it('leaves room for annotations made elsewhere', () => {
    const out = capAnnotations(many('warning', 12), t, { warning: 2 });
    expect(out).toHaveLength(8);
    expect(out[7]!.message).toMatch(/^… et 5 autres avertissements/);
    expect(capAnnotations(many('warning', 3), t, { warning: 10 })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import type { CriterionStatus } from '../../src/report/model.js';
import { DEMO_TODAY, copyDemo, editManifest } from '../helpers.js';

async function statuses(edit?: (text: string) => string): Promise<Map<string, CriterionStatus>> {
  const repo = copyDemo();
  if (edit) editManifest(repo, edit);
  const { report } = await run({
    repoDir: repo,
    lang: 'fr',
    failOn: 'obligatoire',
    now: DEMO_TODAY,
    engine: { offline: true },
  });
  return new Map(report.criteria.map((c) => [c.id, c.status]));
}

describe('applicability of criteria', () => {
  it('applies the exchange criteria (finalités, interoperability, exchange security) only with exchange', async () => {
    const withExchange = await statuses();
    const without = await statuses((t) => t.replace('path: avec-echange', 'path: sans-echange'));
    for (const id of [
      'FIN-AUTORISEES',
      'INT-FHIR-MESURES',
      'INT-ACCROCHAGE',
      'SEX-TRACABILITE',
      'INT-FORMATS-DOCUMENTS',
    ]) {
      expect(withExchange.get(id), id).not.toBe('non-applicable');
      expect(without.get(id), id).toBe('non-applicable');
    }
    // The base criteria apply on both paths, and every referenced service signs the convention.
    expect(without.get('REF-CONVENTION')).not.toBe('non-applicable');
    expect(without.get('URB-HDS')).not.toBe('non-applicable');
    expect(without.get('ETH-TRANSPARENCE')).not.toBe('non-applicable');
  });

  it('applies data-domain criteria per declared domain', async () => {
    const demo = await statuses();
    expect(demo.get('INT-FHIR-DOCUMENTS')).not.toBe('non-applicable');
    expect(demo.get('INT-FHIR-AGENDA')).toBe('non-applicable');
    const mesuresOnly = await statuses((t) =>
      t.replace('data-domains: [mesures, documents]', 'data-domains: [mesures, agenda]'),
    );
    expect(mesuresOnly.get('INT-FHIR-DOCUMENTS')).toBe('non-applicable');
    expect(mesuresOnly.get('INT-FHIR-AGENDA')).not.toBe('non-applicable');
  });

  it('applies patient identification to patients and Pro Santé Connect to professionals', async () => {
    const patients = await statuses();
    expect(patients.get('URB-ID-USAGER')).toBe('conforme');
    expect(patients.get('URB-ID-PRO')).toBe('non-applicable');
    const pros = await statuses((t) => t.replace('audience: [patients]', 'audience: [professionnels]'));
    expect(pros.get('URB-ID-USAGER')).toBe('non-applicable');
    // The demo declares FranceConnect and its own 2FA, not Pro Santé Connect: professionals fail.
    expect(pros.get('URB-ID-PRO')).toBe('non-conforme');
    const both = await statuses((t) =>
      t
        .replace('audience: [patients]', 'audience: [patients, professionnels]')
        .replace(
          'identification: [franceconnect, own-2fa]',
          'identification: [franceconnect-plus, pro-sante-connect]',
        ),
    );
    expect(both.get('URB-ID-USAGER')).toBe('conforme');
    expect(both.get('URB-ID-PRO')).toBe('conforme');
  });

  it('asks for the convention once the referencing is decided, not for a first application', async () => {
    const first = await statuses((t) =>
      t
        .replace(/\n {2}last-decision: [0-9-]+\n/, '\n')
        .replace(/\n {4}decision:\n( {6}.*\n)+/, '\n')
        .replace(/\n {4}convention:\n( {6}.*\n)+/, '\n')
        .replace(/\n {4}publication:\n( {6}.*\n)+/, '\n'),
    );
    expect(first.get('REF-CONVENTION')).toBe('non-applicable');
    expect(first.get('REF-EVALUATION-CONTINUE')).toBe('non-applicable');
  });

  it('applies AI, teleconsultation and INS criteria only when declared', async () => {
    const demo = await statuses();
    expect([demo.get('ETH-IA'), demo.get('URB-TELEMEDECINE'), demo.get('URB-INS')]).toEqual([
      'non-applicable',
      'non-applicable',
      'non-applicable',
    ]);
    const all = await statuses((t) =>
      t
        .replace('ai: false', 'ai: true')
        .replace('teleconsultation: false', 'teleconsultation: true')
        .replace('ins: false', 'ins: true'),
    );
    // Declared but without the expected evidence: each one fails.
    expect([all.get('ETH-IA'), all.get('URB-TELEMEDECINE'), all.get('URB-INS')]).toEqual([
      'non-conforme',
      'non-conforme',
      'non-conforme',
    ]);
  });

  it('fails HDS when the hosting is not certified, and password-only identification', async () => {
    const s = await statuses((t) =>
      t
        .replace('    hds: true', '    hds: false')
        .replace('identification: [franceconnect, own-2fa]', 'identification: [own-password]'),
    );
    expect(s.get('URB-HDS')).toBe('non-conforme');
    expect(s.get('URB-ID-USAGER')).toBe('non-conforme');
    expect(s.get('URB-ID-HOMOLOGATION')).toBe('non-applicable');
  });

  it('refuses research and "autre" as finalités', async () => {
    const s = await statuses((t) =>
      t.replace('finalites: [prevention, soins]', 'finalites: [prevention, recherche, autre]'),
    );
    expect(s.get('FIN-AUTORISEES')).toBe('non-conforme');
    expect(s.get('FIN-NON-REUTILISATION')).toBe('non-conforme');
  });
});

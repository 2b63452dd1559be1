// The catalogue fixes that bring it back to its sources, each through the whole pipeline (variants of one check
// on the check alone): identification means
// per audience and the substantial level from 1 January 2026, eligibility, the one-year renewal, the Ecoscore's
// details, the Convergence naming rule, and the document formats on the documents path.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { eligibilityCheck } from '../../src/checks/process/eligibility.js';
import { registeredChecks } from '../../src/checks/registry.js';
import { run } from '../../src/pipeline.js';
import type { CriterionResult } from '../../src/report/model.js';
import { DEMO_TODAY, copyDemo, editManifest } from '../helpers.js';
import { MINIMAL_MANIFEST, runCheck } from '../helpers/check-context.js';

const DOCUMENT = 'fhir/documents/releve-tensionnel.json';

async function criteria(
  edit?: (text: string) => string,
  options: { today?: Date; alter?: (repo: string) => void } = {},
): Promise<Map<string, CriterionResult>> {
  const repo = copyDemo();
  if (edit) editManifest(repo, edit);
  options.alter?.(repo);
  const { report } = await run({
    repoDir: repo,
    lang: 'fr',
    failOn: 'obligatoire',
    now: options.today ?? DEMO_TODAY,
    engine: { offline: true },
  });
  return new Map(report.criteria.map((c) => [c.id, c]));
}

const codes = (c: CriterionResult | undefined) => (c?.findings ?? []).map((f) => `${f.outcome}:${f.code}`);

describe('catalogue fidelity', () => {
  const catalogue = loadCatalogue({ version: '2023-10', checks: registeredChecks() });
  const byId = new Map(catalogue.criteria.map((c) => [c.id, c]));

  it('keeps its sources and the basis of every level, and adds the criteria the process needs', () => {
    for (const id of [
      'REF-ELIGIBILITE',
      'REF-NOMMAGE',
      'REF-COMPLEMENTS',
      'REF-RESERVES',
      'REF-EVALUATION-CONTINUE',
      'INT-FORMATS-DOCUMENTS',
    ])
      expect(byId.has(id), id).toBe(true);
    // The roadmap states the one-year rule: a published basis.
    expect(byId.get('REF-RENOUVELLEMENT')!.niveau).toBe('obligatoire');
    expect(byId.get('REF-RENOUVELLEMENT')!.fondement.sources).toContain('gnius-roadmap');
    // What the process adds is mandatory where a source says so, inferred elsewhere, each with its basis.
    expect(
      ['REF-ELIGIBILITE', 'REF-NOMMAGE', 'REF-COMPLEMENTS', 'REF-RESERVES', 'REF-EVALUATION-CONTINUE'].map(
        (id) => byId.get(id)!.niveau,
      ),
    ).toEqual([
      'obligatoire',
      'obligatoire',
      'obligatoire-suppose',
      'obligatoire-suppose',
      'obligatoire-suppose',
    ]);
    expect(byId.get('INT-FORMATS-DOCUMENTS')!.niveau).toBe('obligatoire-suppose');
    // The arrêté of 20 November 2023 is the source of a criterion now.
    const cited = new Set(catalogue.criteria.flatMap((c) => c.sources));
    expect(cited.has('arrete-2023-11-20')).toBe(true);
    for (const c of catalogue.criteria) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it('takes ApCV and not the e-CPS as a patient means, and wants a substantial level from 2026-01-01', async () => {
    const ecps = await criteria((x) =>
      x.replace('identification: [franceconnect, own-2fa]', 'identification: [e-cps]'),
    );
    expect(ecps.get('URB-ID-USAGER')!.status).toBe('non-conforme');
    const apcv = await criteria((x) =>
      x.replace('identification: [franceconnect, own-2fa]', 'identification: [apcv]'),
    );
    expect(apcv.get('URB-ID-USAGER')!.status).toBe('conforme');
    // FranceConnect alone: enough before 2026, with a warning that says when it stops being enough.
    const franceConnect = (x: string) =>
      x.replace('identification: [franceconnect, own-2fa]', 'identification: [franceconnect]');
    const before = await criteria(franceConnect, { today: new Date('2025-11-20T12:00:00Z') });
    const usager = before.get('URB-ID-USAGER')!;
    expect(usager.status).toBe('conforme');
    expect(usager.attention).toBe(true);
    expect(usager.findings.find((f) => f.outcome === 'warn')!.message).toMatch(
      /^exigé à partir du 2026-01-01 \(dans 42 jours\) : aucun moyen de niveau de garantie substantiel/,
    );
    const after = await criteria(franceConnect);
    expect(after.get('URB-ID-USAGER')).toMatchObject({ status: 'non-conforme', blocking: true });
  });

  it('wants the own means homologated by 2026-01-01, not before', async () => {
    const withoutHomologation = (x: string) =>
      x.replace(/\n {2}identification-homologation:\n( {4}.*\n)+/, '\n');
    const before = await criteria(withoutHomologation, { today: new Date('2025-12-01T12:00:00Z') });
    expect(codes(before.get('URB-ID-HOMOLOGATION'))).toEqual(['warn:evidence.missing.from']);
    const after = await criteria(withoutHomologation);
    expect(after.get('URB-ID-HOMOLOGATION')!.status).toBe('non-conforme');
  });

  it('checks eligibility: patients, and the sanitary, medico-social or social sector', async () => {
    const demo = await criteria();
    expect(codes(demo.get('REF-ELIGIBILITE'))).toEqual(['pass:eligibility.met']);
    // The variants on the check alone: a minimal manifest with the orientation under test.
    const eligibility = async (orientation: string) =>
      (
        await runCheck(
          eligibilityCheck,
          {},
          { manifest: MINIMAL_MANIFEST.replace(/orientation:\n(.*\n)*/, `orientation:\n${orientation}`) },
        )
      ).map((f) => `${f.outcome}:${f.code}`);
    expect(await eligibility('  audience: [patients]\n  sector: [autre]\n  health-data: true\n')).toEqual([
      'fail:eligibility.sector',
    ]);
    expect(
      await eligibility('  audience: [professionnels]\n  sector: [sanitaire]\n  health-data: true\n'),
    ).toEqual(['fail:eligibility.audience']);
    expect(await eligibility('  audience: [patients]\n  health-data: true\n')).toEqual([
      'review:eligibility.sector-undeclared',
    ]);
  });

  it('reads the Ecoscore’s score, journey, version and date, and flags an old or other-version score', async () => {
    const demo = await criteria();
    expect(demo.get('ETH-ECOSCORE')!.findings.map((f) => f.message)).toContain(
      "Ecoscore 72/100 — parcours « saisir une mesure et consulter l'historique », version 2.4.0, calculé le 2026-05-12",
    );
    const noScore = await criteria((x) => x.replace('    score: 72\n', ''));
    expect(noScore.get('ETH-ECOSCORE')!.status).toBe('non-conforme');
    const newer = await criteria((x) => x.replace('  version: 2.4.0', '  version: 3.0.0'), {
      today: new Date('2027-06-01T12:00:00Z'),
    });
    expect(codes(newer.get('ETH-ECOSCORE'))).toEqual(
      expect.arrayContaining(['warn:ecoscore.other-version', 'warn:ecoscore.stale']),
    );
  });

  it('checks the Convergence product names against « [Nom] [OS] [Appareil] » and the catalogue name', async () => {
    const demo = await criteria();
    expect(demo.get('REF-NOMMAGE')!.status).toBe('conforme');
    const wrong = await criteria((x) =>
      x.replace(
        'products: [Tensio iOS Mobile, Tensio Android Mobile, Tensio Site Web]',
        'products: [Tensio Mobile, TensioApp Android Mobile, Tensio Web]',
      ),
    );
    expect(codes(wrong.get('REF-NOMMAGE'))).toEqual([
      'fail:naming.no-os',
      'fail:naming.other-name',
      'fail:naming.no-device',
      'warn:naming.platform-missing',
      'warn:naming.platform-missing',
      'warn:naming.platform-missing',
    ]);
    const none = await criteria((x) =>
      x.replace('      products: [Tensio iOS Mobile, Tensio Android Mobile, Tensio Site Web]\n', ''),
    );
    expect(none.get('REF-NOMMAGE')!.findings[0]!.message).toContain(
      'noms attendus : Tensio Site Web, Tensio iOS Mobile, Tensio Android Mobile',
    );
  });

  it('wants a CDA R2 or FHIR Document on the documents path, not a bare text or PDF', async () => {
    const demo = await criteria();
    expect(codes(demo.get('INT-FORMATS-DOCUMENTS'))).toEqual(['pass:documents.cda-n1']);
    const replaceData = (data: string, contentType: string) => (repo: string) => {
      const file = path.join(repo, DOCUMENT);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      doc.content[0].attachment = { ...doc.content[0].attachment, data, contentType };
      delete doc.content[0].attachment.size;
      delete doc.content[0].attachment.hash;
      writeFileSync(file, JSON.stringify(doc, null, 2));
    };
    const bare = await criteria(undefined, {
      alter: replaceData(Buffer.from('Relevé tensionnel').toString('base64'), 'text/plain'),
    });
    expect(codes(bare.get('INT-FORMATS-DOCUMENTS'))).toEqual(['fail:documents.not-cda']);
    const fhirDocument = {
      resourceType: 'Bundle',
      type: 'document',
      entry: [{ resource: { resourceType: 'Composition', status: 'final' } }],
    };
    const fhir = await criteria(undefined, {
      alter: replaceData(
        Buffer.from(JSON.stringify(fhirDocument)).toString('base64'),
        'application/fhir+json',
      ),
    });
    // Still declared with the XDS-SD text code of a CDA: the format code is flagged.
    expect(codes(fhir.get('INT-FORMATS-DOCUMENTS'))).toEqual([
      'pass:documents.fhir-document',
      'warn:documents.code-mismatch',
    ]);
  });
});

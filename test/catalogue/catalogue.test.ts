import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifestSchema from '../../schemas/manifest.schema.json' with { type: 'json' };
import { catalogueVersions, loadCatalogue } from '../../src/catalogue/load.js';
import { registeredChecks } from '../../src/checks/registry.js';
import { UserError } from '../../src/errors.js';
import { translator } from '../../src/messages.js';
import { ROOT, tempDir } from '../helpers.js';

const checks = registeredChecks();
const t = translator('fr');

function brokenRules(file: string, edit: (text: string) => string): string {
  const dir = tempDir('mes-rules-');
  cpSync(path.join(ROOT, 'rules'), dir, { recursive: true });
  const target = path.join(dir, 'catalogue', '2023-10', file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

function loadErrors(rules: string): string[] {
  try {
    loadCatalogue({ version: '2023-10', checks, rules });
  } catch (error) {
    if (error instanceof UserError) return error.all().map((e) => e.render(t));
    throw error;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('criteria catalogue', () => {
  const catalogue = loadCatalogue({ version: '2023-10', checks });

  it('ships version 2023-10', () => {
    expect(catalogueVersions()).toContain('2023-10');
    expect(catalogue.version).toBe('2023-10');
  });

  it('covers every topic named in the public sources', () => {
    const ids = new Set(catalogue.criteria.map((c) => c.id));
    const topics: Record<string, string> = {
      'usager identification (FranceConnect, 2FA)': 'URB-ID-USAGER',
      'identification homologation': 'URB-ID-HOMOLOGATION',
      'Pro Santé Connect': 'URB-ID-PRO',
      'HDS hosting': 'URB-HDS',
      'PGSSI-S': 'URB-PGSSI-S',
      télémédecine: 'URB-TELEMEDECINE',
      INS: 'URB-INS',
      AIPD: 'ETH-AIPD',
      'FHIR mesures': 'INT-FHIR-MESURES',
      'FHIR documents': 'INT-FHIR-DOCUMENTS',
      'FHIR agenda': 'INT-FHIR-AGENDA',
      'MES API rules': 'INT-MES-REGLES-MESURES',
      "tests d'accrochage": 'INT-ACCROCHAGE',
      TLS: 'SEC-TLS',
      'security headers': 'SEC-HEADERS',
      'no secrets in the repo': 'SEC-SECRETS',
      'pentest freshness': 'SEC-PENTEST',
      'security contact': 'SEC-CONTACT',
      'accessibility (RGAA)': 'ETH-ACCESSIBILITE',
      'human support': 'ETH-ACCOMPAGNEMENT',
      transparency: 'ETH-TRANSPARENCE',
      'consent per finalité': 'ETH-CONSENTEMENT-FINALITES',
      'non-EU trackers': 'ETH-TRACEURS',
      Ecoscore: 'ETH-ECOSCORE',
      'AI transparency': 'ETH-IA',
      'allowed finalités': 'FIN-AUTORISEES',
      'no reuse, research included': 'FIN-NON-REUTILISATION',
      'retention period': 'FIN-CONSERVATION',
      'yearly renewal': 'REF-RENOUVELLEMENT',
    };
    for (const [topic, id] of Object.entries(topics)) expect(ids.has(id), `${topic} → ${id}`).toBe(true);
  });

  it('has every criterion in both languages, with sources, and an empty official id', () => {
    for (const c of catalogue.criteria) {
      expect(c.title.fr && c.title.en && c.description.fr && c.description.en, c.id).toBeTruthy();
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(c['official-id'], c.id).toBe('');
    }
  });

  it('declares exactly the evidence types the manifest schema knows', () => {
    expect(Object.keys(catalogue['evidence-types']).sort()).toEqual(
      Object.keys(manifestSchema.properties.evidence.properties).sort(),
    );
  });

  it('gives a located error for invalid YAML in a rules file', () => {
    const [error] = loadErrors(
      brokenRules('securite.yml', (s) => s.replace('rubrique: securite', 'rubrique: [securite')),
    );
    expect(error).toMatch(/\/catalogue\/2023-10\/securite\.yml:\d+:\d+: /);
  });

  it('refuses an unknown check id with a suggestion, at its line', () => {
    const [error] = loadErrors(
      brokenRules('securite.yml', (s) =>
        s.replace(
          '- check: evidence\n        with: { items: [pentest-report]',
          '- check: evidenc\n        with: { items: [pentest-report]',
        ),
      ),
    );
    expect(error).toMatch(
      /\/catalogue\/2023-10\/securite\.yml:\d+:\d+: SEC-PENTEST : contrôle « evidenc » inconnu \(vouliez-vous dire « evidence » \?\)$/,
    );
  });

  it('refuses a condition on a field the manifest does not define', () => {
    const errors = loadErrors(
      brokenRules('urbanisation.yml', (s) =>
        s.replace('field: orientation.teleconsultation', 'field: orientation.teleconsult'),
      ),
    );
    expect(errors.some((e) => e.includes('condition sur « orientation.teleconsult »'))).toBe(true);
  });

  it('refuses duplicate criterion ids, naming the first definition', () => {
    const errors = loadErrors(brokenRules('ethique.yml', (s) => s.replace('id: ETH-CGU', 'id: ETH-IA')));
    expect(
      errors.some((e) =>
        /ETH-IA en double \(déjà défini en .*catalogue\/2023-10\/ethique\.yml:\d+\)/.test(e),
      ),
    ).toBe(true);
  });

  it('refuses bad check parameters', () => {
    const errors = loadErrors(
      brokenRules('securite.yml', (s) => s.replace('max-age-days: 365', 'max-age-days: "un an"')),
    );
    expect(errors.some((e) => e.includes('paramètres invalides pour le contrôle evidence'))).toBe(true);
  });

  it('refuses evidence items the catalogue does not define', () => {
    const errors = loadErrors(
      brokenRules('ethique.yml', (s) => s.replace('items: [ecoscore]', 'items: [ecoscor]')),
    );
    expect(errors.some((e) => e.includes('type de preuve « ecoscor »') && e.includes('« ecoscore »'))).toBe(
      true,
    );
  });

  it('refuses an unknown version with the known ones', () => {
    try {
      loadCatalogue({ version: '2024-01', checks });
      expect.unreachable();
    } catch (error) {
      expect((error as UserError).render(t)).toContain(
        'référentiel « 2024-01 » inconnu : versions disponibles 2023-10',
      );
    }
  });
});

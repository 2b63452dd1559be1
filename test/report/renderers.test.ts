import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { run } from '../../src/pipeline.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { MARKDOWN_DEFAULT_MAX, complianceBar, renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { renderSarif } from '../../src/report/sarif.js';
import { DEMO_TODAY, copyDemo, editManifest } from '../helpers.js';
import { demoReport } from '../helpers/demo-report.js';

/** The demo without its waiver: one blocking criterion (ETH-ACCESSIBILITE, obligatoire-suppose). */
async function failing(): Promise<Report> {
  const repo = copyDemo();
  editManifest(repo, (t) => t.replace(/\nwaivers:\n( {2}.*\n| {4}.*\n)+/, '\n'));
  return (
    await run({
      repoDir: repo,
      lang: 'fr',
      failOn: 'obligatoire-suppose',
      now: DEMO_TODAY,
      engine: { offline: true },
    })
  ).report;
}

/** A report inflated with thousands of long failing findings (emoji included, to test surrogate-safe cuts). */
function huge(report: Report, findings: number, length = 8): Report {
  const copy = structuredClone(report);
  for (const c of copy.criteria.filter((x) => x.status !== 'non-applicable')) {
    c.status = 'non-conforme';
    c.blocking = c.niveau === 'obligatoire';
    for (let i = 0; i < findings; i++) {
      c.findings.push({
        outcome: 'fail',
        code: 'x',
        check: 'evidence',
        message: `constat n° ${i} 🩺 ${'très long texte '.repeat(length)}`,
        location: { file: `docs/f${i}.md`, line: i + 1 },
      });
    }
  }
  copy.counts.blocking = copy.criteria.filter((c) => c.blocking).length;
  copy.verdict = 'non-conforme';
  return copy;
}

describe('Markdown', () => {
  it('puts the verdict first and the blocking items next', async () => {
    const md = renderMarkdown(await failing());
    const lines = md.split('\n').filter(Boolean);
    expect(lines[0]).toBe('## Référencement Mon espace santé — Tensio');
    expect(lines[1]).toMatch(/^❌ \*\*Non conforme : 1 critère bloquant\*\*/);
    const todoAt = md.indexOf('### À traiter en premier');
    expect(todoAt).toBeGreaterThan(0);
    expect(todoAt).toBeLessThan(md.indexOf('### Par rubrique'));
    // The blocking failure comes first, with its level, where it is and what to do.
    const first = lines.find((l) => l.startsWith('1. '));
    expect(first).toContain(
      '1. ❌ **ETH-ACCESSIBILITE** Accessibilité numérique (déclaration RGAA) <sub>obligatoire supposé · bloquant</sub><br>preuve manquante',
    );
    expect(first).toContain('`mes-referencing.yml:');
    // Level and basis next to the criterion in the details.
    expect(md).toMatch(/\| \*\*ETH-ACCESSIBILITE\*\* [^|]+ \| obligatoire supposé<br><sub>L’arrêté/);
    // Details are folded per rubrique; the one holding a blocking criterion opens.
    expect(md).toContain('<details open><summary><b>Éthique');
    expect(md).toContain('<details><summary><b>Urbanisation');
  });

  it('says when nothing blocks, in English too', async () => {
    const md = renderMarkdown(await demoReport('en'));
    expect(md.split('\n')[2]).toMatch(
      /^🔍 \*\*No blocking criterion — some evidence is still to be reviewed\*\*/,
    );
    expect(md).toContain('### 🛡️ Active waivers (1)');
  });

  it('draws a ten-square compliance bar per rubrique', async () => {
    const report = await demoReport();
    for (const r of report.rubriques.filter((x) => x.applicable > 0)) {
      expect([...complianceBar(r)].length).toBe(10);
    }
  });

  it('fits 65,000 characters by folding, then by cutting, pointing at the artifact', async () => {
    const report = await failing();
    const links = { artifact: 'https://github.com/o/r/actions/runs/1/artifacts/2' };
    // Long messages, so the details exceed the limit even with repeated findings grouped.
    const folded = renderMarkdown(huge(report, 20, 60), { maxLength: MARKDOWN_DEFAULT_MAX, links });
    expect(folded.length).toBeLessThanOrEqual(MARKDOWN_DEFAULT_MAX);
    expect(folded).toMatch(/Rapport replié|Rapport tronqué/);
    expect(folded).toContain(links.artifact);

    // Unbounded lists (here thousands of manifest notices) are what folding cannot shorten: they get cut.
    const noisy = huge(report, 3, 300);
    noisy.notices.push(
      ...Array.from({ length: 2000 }, (_, i) => ({
        code: 'x',
        message: `remarque ${i} 🩺 ${'longue '.repeat(40)}`,
      })),
    );
    const cutReport = renderMarkdown(noisy, { maxLength: MARKDOWN_DEFAULT_MAX, links });
    expect(cutReport.length).toBeLessThanOrEqual(MARKDOWN_DEFAULT_MAX);
    expect(cutReport).toContain('Rapport tronqué');
    expect(cutReport).toContain(links.artifact);
    expect(cutReport.split('\n')[2]).toMatch(/^❌ \*\*Non conforme/);
    // No half emoji, and every <details> that opens closes.
    expect(cutReport).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect((cutReport.match(/<details/g) ?? []).length).toBe((cutReport.match(/<\/details>/g) ?? []).length);
    // The footer survives the cut.
    expect(cutReport.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('escapes data that could break the table or inject HTML', async () => {
    const report = await failing();
    const c = report.criteria.find((x) => x.blocking)!;
    c.findings[0]!.message = 'a | b <script>alert(1)</script>\nc';
    const md = renderMarkdown(report);
    expect(md).toContain('a \\| b &lt;script&gt;alert(1)&lt;/script&gt; c');
    expect(md).not.toContain('<script>');
  });
});

describe('HTML dossier', () => {
  it('is self-contained and lists every criterion with its evidence', async () => {
    const report = await demoReport();
    const html = renderHtml(report);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/<script|<link |<img |@import|url\(/i);
    expect(html).toContain('<svg');
    for (const c of report.criteria) expect(html).toContain(`id="${c.id}"`);
    expect(html).toContain('docs/certificat-hds.md');
    expect(html).toContain('Déclaration d’accessibilité — non déclarée');
  });
});

describe('SARIF', () => {
  it('has one rule per criterion and located results for failures and warnings', async () => {
    const report = await failing();
    const sarif = JSON.parse(renderSarif(report));
    expect(sarif.version).toBe('2.1.0');
    const runDoc = sarif.runs[0];
    expect(runDoc.tool.driver.rules).toHaveLength(report.criteria.length);
    const blocking = runDoc.results.find((r: { ruleId: string }) => r.ruleId === 'ETH-ACCESSIBILITE');
    expect(blocking.level).toBe('error');
    expect(blocking.locations[0].physicalLocation.artifactLocation.uri).toBe('mes-referencing.yml');
    expect(blocking.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    const optional = runDoc.results.find((r: { ruleId: string }) => r.ruleId === 'ETH-CONTENU');
    expect(optional.level).toBe('warning');
    for (const r of runDoc.results) expect(runDoc.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(runDoc.automationDetails.id).toBe('mes-referencing/default/');
  });

  it('gives each instance (header) its own code-scanning category', async () => {
    const report = await failing();
    const id = (instance?: string) =>
      JSON.parse(renderSarif(report, instance === undefined ? {} : { instance })).runs[0].automationDetails
        .id;
    expect(id('ios')).toBe('mes-referencing/ios/');
    expect(id('android')).toBe('mes-referencing/android/');
    // Whatever a header holds, the category stays one path segment before the final slash.
    expect(id('Tensio iOS / prod')).toBe('mes-referencing/Tensio-iOS-prod/');
    expect(id('  ')).toBe('mes-referencing/default/');
  });
});

describe('report.json', () => {
  it('validates against the shipped report schema', async () => {
    const validate = new Ajv2020.default({ allErrors: true, allowUnionTypes: true }).compile(reportSchema);
    for (const report of [await demoReport(), await failing()]) {
      const ok = validate(JSON.parse(renderJson(report)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});

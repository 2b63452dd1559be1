// The dossier an editor hands in: traceable evidence (sha256, size, link at the commit), a printable document
// with nothing from the machine that made it, and convergence.csv for the chapter-by-chapter upload.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { run } from '../../src/pipeline.js';
import type { RunOptions } from '../../src/pipeline.js';
import { renderConvergenceCsv } from '../../src/report/convergence.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { STATUSES } from '../../src/report/model.js';
import { contrast, MUTED, PAGE, STATUS_COLOURS, TEXT, ACCENT } from '../../src/report/palette.js';
import { cssString } from '../../src/escape/css.js';
import { safeHref } from '../../src/escape/html.js';
import { DEMO_TODAY, FHIR_PACKAGE_FOLDERS, ROOT, copyDemo, editManifest, tempDir } from '../helpers.js';

const PROVENANCE = {
  repository: 'https://github.com/tensio-sante/tensio',
  commit: '0123456789abcdef0123456789abcdef01234567',
  branch: 'main',
  runUrl: 'https://github.com/tensio-sante/tensio/actions/runs/42',
  pathPrefix: 'examples/demo-editor',
};

async function demo(options: Partial<RunOptions> = {}, edit?: (text: string) => string) {
  const repoDir = copyDemo();
  if (edit) editManifest(repoDir, edit);
  const result = await run({
    repoDir,
    lang: 'fr',
    failOn: 'obligatoire',
    now: DEMO_TODAY,
    engine: { offline: true },
    provenance: PROVENANCE,
    ...options,
  });
  return { ...result, repoDir };
}

describe('traceability', () => {
  it('records each evidence file’s sha256, size and link at the commit, in report.json and the dossier', async () => {
    const { report, repoDir } = await demo();
    expect(report.trace).toMatchObject({
      repository: PROVENANCE.repository,
      commit: PROVENANCE.commit,
      branch: 'main',
      runUrl: PROVENANCE.runUrl,
    });
    expect(report.manifest.version).toBe('2.4.0');
    const aipd = report.trace.evidence.find((e) => e.key === 'aipd')!;
    const bytes = readFileSync(path.join(repoDir, 'docs/aipd.md'));
    expect(aipd).toMatchObject({
      path: 'docs/aipd.md',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      link: `${PROVENANCE.repository}/blob/${PROVENANCE.commit}/examples/demo-editor/docs/aipd.md`,
    });
    // A proof published online has no file to hash.
    expect(report.trace.evidence.find((e) => e.key === 'privacy-policy')).not.toHaveProperty('sha256');
    // The criteria carry the same facts.
    const etAipd = report.criteria.find((c) => c.id === 'ETH-AIPD')!.evidence[0]!;
    expect(etAipd.sha256).toBe(aipd.sha256);
    const html = renderHtml(report);
    expect(html).toContain(aipd.sha256!);
    expect(html).toContain(`href="${aipd.link}"`);
    const valid = new Ajv2020({ allErrors: true, strict: false }).compile(reportSchema);
    expect(valid(JSON.parse(renderJson(report))), JSON.stringify(valid.errors)).toBe(true);
  });

  it('gives the same report.json from another commit but for the commit-specific fields', async () => {
    const a = await demo();
    const b = await demo({
      provenance: {
        ...PROVENANCE,
        commit: 'f'.repeat(40),
        branch: 'feature',
        runUrl: `${PROVENANCE.runUrl}3`,
      },
    });
    const normalise = (r: Report) =>
      renderJson(r)
        .replace(/"generatedAt": "[^"]+"/, '')
        .replaceAll(PROVENANCE.commit, 'COMMIT')
        .replaceAll('f'.repeat(40), 'COMMIT')
        .replace(/"branch": "[^"]+"/, '')
        .replace(/"runUrl": "[^"]+"/, '');
    expect(normalise(b.report)).toBe(normalise(a.report));
    expect(renderJson(b.report)).not.toBe(renderJson(a.report));
  });

  it('leaves no folder of the machine in the report, and says missing FHIR dependencies in one line', async () => {
    const { report, repoDir } = await demo({
      engine: { offline: true, fhirPackagePath: FHIR_PACKAGE_FOLDERS },
    });
    const texts = [renderJson(report), renderHtml(report), renderMarkdown(report)];
    for (const folder of [repoDir, ROOT, os.homedir(), os.tmpdir(), ...FHIR_PACKAGE_FOLDERS])
      for (const text of texts) {
        const at = text.indexOf(folder);
        expect(at < 0 ? '' : text.slice(Math.max(0, at - 80), at + 80), folder).toBe('');
      }
    const dependencies = report.criteria
      .flatMap((c) => c.findings)
      .filter((f) => f.code === 'fhir.package-dependencies');
    expect(dependencies.length).toBeGreaterThan(0);
    for (const f of dependencies) {
      expect(f.message).not.toContain('\n');
      expect(f.message.length).toBeLessThan(700);
      expect(f.message).toMatch(/\d+ dépendances introuvables/);
    }
    // Packages missing altogether: the folder searched is named, not shown.
    const empty = tempDir('mes-no-packages-');
    const missing = await demo({ engine: { offline: true, fhirPackagePath: [empty] } });
    const unavailable = missing.report.criteria.find((c) => c.id === 'INT-FHIR-MESURES')!.findings;
    expect(
      unavailable.some((f) => f.outcome === 'unavailable' && f.message.includes('$FHIR_PACKAGE_PATH')),
    ).toBe(true);
    expect(renderJson(missing.report)).not.toContain(empty);
  });
});

describe('the printable dossier', () => {
  it('is one self-contained page with a cover, contents, a line per criterion and the process', async () => {
    const { report } = await demo();
    const html = renderHtml(report);
    // One <style> element, no style attribute, no script: a strict Content-Security-Policy can serve it.
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<script/i);
    // Statuses in words and CSS shapes, no emoji (they print as empty boxes without an emoji font).
    expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(html).toMatch(/@page\{size:A4;/);
    expect(html).toContain('counter(page)');
    expect(html.indexOf('id="couverture"')).toBeLessThan(html.indexOf('id="sommaire"'));
    // Every label of the cover is a real text, never a message key that fell through.
    const cover = /<section[^>]*id="couverture"[\s\S]*?<\/section>/.exec(html)![0];
    expect(cover).toContain('Politique d’échec');
    expect(cover).not.toMatch(/\b[a-z]+\.[a-z.-]+ \{/);
    for (const id of ['synthese', 'processus', 'tableau', 'criteres', 'tracabilite'])
      expect(html).toContain(`<a href="#${id}">`);
    const table = /<table class="summary-table">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table.match(/<tr>/g)).toHaveLength(report.criteria.length + 1);
    for (const c of report.criteria) expect(table).toContain(`<a href="#${c.id}">${c.id}</a>`);
    // The process: the eight steps, the overdue reservation, the timeline.
    expect(html).toContain('Étapes 01 à 08');
    expect(html).toContain('réserve R1 non levée : échéance du 2026-09-30 dépassée de 57 jours');
    expect(html).toContain('Chronologie');
    // A non-applicable criterion shows no missing proof.
    const ia = /<li class="na" id="ETH-IA">[\s\S]*?<\/li>/.exec(html)![0];
    expect(ia).not.toContain('non déclarée');
  });

  it('keeps text from the manifest inside the page: escaped in HTML and in the running header', async () => {
    const { report } = await demo({}, (x) =>
      x.replace('  name: Tensio\n', "  name: 'Tensio\"}</style><script>alert(1)</script>'\n"),
    );
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(cssString('a"b\\c</style>')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e "');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('https://tensio.example/cgu')).toBe('https://tensio.example/cgu');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it('uses colours with an AA contrast for every status, word and shape', () => {
    for (const s of STATUSES) {
      expect(contrast(STATUS_COLOURS[s].text, STATUS_COLOURS[s].background), s).toBeGreaterThanOrEqual(4.5);
      expect(contrast(STATUS_COLOURS[s].mark, PAGE), s).toBeGreaterThanOrEqual(3);
    }
    for (const c of [TEXT, MUTED, ACCENT]) expect(contrast(c, PAGE)).toBeGreaterThanOrEqual(4.5);
  });

  it('flags the overdue deadlines at the top of the comment', async () => {
    const { report } = await demo();
    const md = renderMarkdown(report);
    expect(md).toContain('### Processus de référencement');
    expect(md).toContain('**en retard** — réserve R1 non levée');
    expect(md).toContain('commit 0123456');
  });
});

describe('convergence.csv', () => {
  it('lists the proofs chapter by chapter with official ids, status, links and hashes', async () => {
    const { report } = await demo({}, (x) =>
      x.replace('official-ids: {}', 'official-ids: { ETH-AIPD: ETH.12 }'),
    );
    const csv = renderConvergenceCsv(report);
    expect(csv.startsWith('\uFEFFChapitre;Critère;Identifiant officiel;Intitulé;Niveau;Statut;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(';'));
    const chapters = [...new Set(rows.slice(1).map((r) => r[0]))];
    expect(chapters).toEqual(
      report.rubriques.filter((r) => report.criteria.some((c) => c.rubrique === r.id)).map((r) => r.title),
    );
    const aipd = rows.find((r) => r[1] === 'ETH-AIPD')!;
    const trace = report.trace.evidence.find((e) => e.key === 'aipd')!;
    expect(aipd[2]).toBe('ETH.12');
    expect(aipd).toEqual(
      expect.arrayContaining([trace.link, trace.sha256, String(trace.size), 'docs/aipd.md']),
    );
    // Every applicable criterion is there, once per proof at least.
    for (const c of report.criteria)
      expect(
        rows.some((r) => r[1] === c.id),
        c.id,
      ).toBe(true);
  });

  it('keeps manifest text from running as a spreadsheet formula', async () => {
    const { report, repoDir } = await demo({}, (x) =>
      x.replace('    path: docs/aipd.md', '    path: "=HYPERLINK(1);x.md"'),
    );
    writeFileSync(path.join(repoDir, '=HYPERLINK(1);x.md'), 'AIPD');
    const csv = renderConvergenceCsv(report);
    expect(csv).toContain(`"'=HYPERLINK(1);x.md"`);
    expect(csv).not.toMatch(/(^|;)=HYPERLINK/m);
  });
});

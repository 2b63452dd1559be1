// The trust boundary of pull-request runs: where the run connects and which secrets it reads come from the base
// branch's manifest; what the pull request proposes is shown, and what the base never approved does not run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { BaseManifest } from '../../src/manifest/trust.js';
import { applyTrust } from '../../src/manifest/trust.js';
import type { Manifest } from '../../src/manifest/types.js';
import { run } from '../../src/pipeline.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { markupFrom, renderGfm } from '../escape/gfm.js';
import { ROOT, tempDir } from '../helpers.js';

const MINIMAL = readFileSync(path.join(ROOT, 'test/fixtures/web/mes-referencing.yml'), 'utf8');
const REF = '3333333333333333333333333333333333333333';

function manifest(extra: string): Manifest {
  return parse(`${MINIMAL}${extra}`) as Manifest;
}

const base = (m: Manifest): BaseManifest => ({ status: 'found', manifest: m, ref: REF });

describe('applyTrust', () => {
  it('keeps the base values of every connection setting and lists what the pull request changes', () => {
    const trusted = manifest(
      'endpoints:\n  web: [https://tensio.example]\nsandbox:\n  target: https://sandbox.mes.example/fhir\n  token-url: https://sandbox.mes.example/token\n  auth: {type: client-secret, client-id-env: MES_CLIENT_ID, client-secret-env: MES_CLIENT_SECRET}\n',
    );
    const head = manifest(
      'endpoints:\n  web: [http://169.254.169.254/latest]\nsandbox:\n  target: http://127.0.0.1:8080/fhir\n  token-url: https://sandbox.mes.example/token\n  auth: {type: client-secret, client-id-env: MES_CLIENT_ID, client-secret-env: MES_DEPLOY_KEY}\n  headers-env: {x-exfil: MES_OTHER}\n  suites: [mesures]\n',
    );
    const { manifest: effective, decision } = applyTrust(head, base(trusted));
    expect(effective.endpoints).toEqual(trusted.endpoints);
    expect(effective.sandbox).toEqual({ ...trusted.sandbox, suites: ['mesures'] });
    expect(decision.changes.map((c) => c.setting)).toEqual([
      'endpoints',
      'sandbox.target',
      'sandbox.auth',
      'sandbox.headers-env',
    ]);
    expect(decision.changes[1]).toEqual({
      setting: 'sandbox.target',
      group: 'sandbox',
      base: '"https://sandbox.mes.example/fhir"',
      proposed: '"http://127.0.0.1:8080/fhir"',
    });
    expect(decision.pending).toEqual([]);
  });

  it('leaves nothing pending when the pull request does not touch connection settings', () => {
    const head = manifest('endpoints:\n  web: [https://tensio.example]\nsandbox:\n  target: emulator\n');
    const { manifest: effective, decision } = applyTrust(
      head,
      base(manifest('endpoints:\n  web: [https://tensio.example]\n')),
    );
    expect(decision).toEqual({ base: 'found', ref: REF, changes: [], pending: [] });
    expect(effective).toEqual(head);
  });

  it('keeps checks waiting when the base has no destination for them', () => {
    const head = manifest(
      'endpoints:\n  api: [https://api.tensio.example]\nsandbox:\n  target: https://sandbox.mes.example/fhir\nfhir:\n  packages: [hl7.fhir.fr.core#2.1.0]\n',
    );
    // A base manifest without endpoints: its sandbox is the emulator and its packages the domain's defaults.
    expect(applyTrust(head, base(manifest(''))).decision.pending).toEqual(['endpoints']);
    // No base manifest at all, or one that cannot be read: nothing was ever approved.
    expect(applyTrust(head, { status: 'absent', ref: REF }).decision.pending).toEqual([
      'endpoints',
      'sandbox',
      'fhir-packages',
    ]);
    const unreadable = applyTrust(head, { status: 'unreadable', ref: REF, detail: 'HTTP 403' });
    expect(unreadable.decision.pending).toEqual(['endpoints', 'sandbox', 'fhir-packages']);
    expect(unreadable.manifest.endpoints).toBeUndefined();
    expect(unreadable.manifest.sandbox?.target).toBeUndefined();
    // The workflow's sandbox-target input is trusted: the sandbox does not wait.
    expect(
      applyTrust(head, { status: 'absent', ref: REF }, { workflowSandboxTarget: true }).decision.pending,
    ).toEqual(['endpoints', 'fhir-packages']);
  });
});

describe('a pull-request run', () => {
  it('reports waiting checks as indisponible with the reason, and shows the proposed change in the comment', async () => {
    const repo = tempDir();
    writeFileSync(
      path.join(repo, 'mes-referencing.yml'),
      // Without data exchange: no FHIR package to load, the run stays fast.
      `${MINIMAL.replace('path: avec-echange', 'path: sans-echange').replace('  data-domains: [mesures]\n', '')}endpoints:\n  web: ["https://evil.example/@octocat"]\n`,
    );
    const { report } = await run({
      repoDir: repo,
      lang: 'fr',
      failOn: 'obligatoire',
      engine: { offline: false },
      base: () => Promise.resolve({ status: 'absent', ref: REF }),
    });
    const web = report.criteria.flatMap((c) => c.findings).filter((f) => f.check.startsWith('web/'));
    expect(web.length).toBeGreaterThan(0);
    for (const f of web) {
      expect(f.outcome).toBe('unavailable');
      expect(f.code).toBe('trust.pending.absent');
      expect(f.message).toContain('le manifeste est nouveau dans cette pull request');
    }
    expect(report.trust?.changes).toEqual([
      { setting: 'endpoints', group: 'endpoints', proposed: '{"web":["https://evil.example/@octocat"]}' },
    ]);
    const html = renderGfm(renderMarkdown(report));
    expect(html).toContain('Paramètres de connexion proposés par cette pull request');
    expect(html).toContain('<code>{&quot;web&quot;:[&quot;https://evil.example/@octocat&quot;]}</code>');
    expect(html).toContain('En attente de fusion : contrôles des adresses déclarées (endpoints).');
    expect(
      markupFrom(html, [
        'h2',
        'h3',
        'p',
        'strong',
        'em',
        'sub',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'code',
        'details',
        'summary',
        'b',
        'br',
        'blockquote',
        'a',
        'ul',
        'ol',
        'li',
      ]),
    ).toEqual([]);
    // The printed dossier shows the same table, the proposed value as text.
    const dossier = renderHtml(report);
    const trace = /<section class="chapter" id="tracabilite">[\s\S]*?<\/section>/.exec(dossier)![0];
    expect(trace).toContain('<h3>Paramètres de connexion proposés par la pull request</h3>');
    expect(trace).toContain(
      '<td><code>endpoints</code></td><td>(absent)</td><td><code>{&quot;web&quot;:[&quot;https://evil.example/@octocat&quot;]}</code></td>',
    );
    expect(trace).toContain('En attente de fusion : contrôles des adresses déclarées (endpoints).');
  });
});

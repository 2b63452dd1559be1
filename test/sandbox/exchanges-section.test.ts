// The dossier de recette in report.html: writeReportFiles turns exchanges.json into a readable section, escaped.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../src/checks/sandbox/recorder.js';
import { exchangesSection } from '../../src/report/exchanges.js';
import { run } from '../../src/pipeline.js';
import { writeReportFiles } from '../../src/report/write.js';
import { Redactor } from '../../src/secrets.js';
import { cleanRepos, demoRepo } from './repo.js';

describe('exchanges section', () => {
  it('records redacted exchanges and renders them, escaped, under their test and step', () => {
    const secrets = new Redactor();
    secrets.add('super-secret-value');
    const recorder = new ExchangeRecorder(secrets, new Set(['x-id-token']));
    const id = recorder.record({
      suite: 'mesures',
      test: 'nominal-create',
      step: 'create',
      attempt: 1,
      method: 'POST',
      url: 'http://127.0.0.1:1/fhir/',
      status: 422,
      durationMs: 12,
      startedAt: '2026-06-01T12:00:00.000Z',
      request: {
        headers: {
          Authorization: 'Bearer abc.def.ghi',
          'X-Id-Token': 'eyJhbGciOi.x.y',
          accept: 'application/fhir+json',
        },
        body: '{"client_secret":"plain","note":"<script>super-secret-value</script>"}',
      },
      response: { headers: { 'content-type': 'application/fhir+json' }, body: '{"resourceType":"Bundle"}' },
    });
    recorder.suites.set('mesures', { id: 'mesures', title: 'Mesures de santé', requirements: [] });
    recorder.tests.push({
      suite: 'mesures',
      id: 'nominal-create',
      title: 'Création <nominale>',
      result: 'fail',
      durationMs: 12,
      steps: [
        {
          id: 'create',
          title: 'create',
          result: 'fail',
          messages: ['statut HTTP 200 attendu, 422 reçu'],
          exchanges: [id],
        },
      ],
    });
    const json = JSON.stringify(
      recorder.document({ kind: 'emulator', url: 'http://127.0.0.1:1/fhir' }, 'abcd'),
    );
    expect(json).not.toContain('abc.def.ghi');
    expect(json).not.toContain('eyJhbGciOi');
    expect(json).not.toContain('super-secret-value');
    expect(json).not.toContain('plain');
    const section = exchangesSection(json, 'fr');
    expect(section?.id).toBe('dossier-de-recette');
    expect(section?.html).toContain('Création &lt;nominale&gt;');
    expect(section?.html).toContain('authorization: Bearer ***');
    // The emulator's address changes with every run: the dossier shows the path under it.
    expect(section?.html).toContain('#1 POST /fhir/ → 422');
    expect(section?.html).not.toContain('127.0.0.1');
    expect(section?.html).not.toContain('<script>');
  });

  it('is added to report.html when the attachments hold exchanges.json', async () => {
    const result = await run({
      repoDir: demoRepo(),
      lang: 'en',
      failOn: 'obligatoire',
      now: new Date('2026-06-01T12:00:00Z'),
    });
    const out = mkdtempSync(path.join(os.tmpdir(), 'mes-html-'));
    writeReportFiles(out, result.report, result.attachments, new Redactor());
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toMatch(
      /<section class="chapter" id="dossier-de-recette"><h2>\d\. Acceptance test record: exchanges of the hooking tests<\/h2>/,
    );
    expect(html).toContain('Device idempotency (201 then 200)');
    expect(readFileSync(path.join(out, 'exchanges.json'), 'utf8')).toContain(
      '"schema": "mes-referencing/exchanges"',
    );
    cleanRepos();
  });
});

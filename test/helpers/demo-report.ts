// The demo repository's report as the pipeline makes it offline, on the day its dates were written for.
import type { Lang } from '../../src/i18n/index.js';
import { run } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { DEMO_TODAY, copyDemo } from '../helpers.js';

export async function demoReport(lang: Lang = 'fr', now = DEMO_TODAY): Promise<Report> {
  return (await run({ repoDir: copyDemo(), lang, failOn: 'obligatoire', now, engine: { offline: true } }))
    .report;
}

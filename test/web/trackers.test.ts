// web/trackers: the live front page and the scripts it loads from its own origin.
import { describe, expect, it } from 'vitest';
import type { Handler, TestServer } from './harness.js';
import { manifestLine, page, runChecks, tempRepo, testPki } from './harness.js';

const pki = testPki();

async function site(files: Record<string, string>): Promise<TestServer> {
  const handler: Handler = (request, response) => {
    const body = files[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404);
      response.end();
      return;
    }
    const type = request.url?.endsWith('.js') ? 'text/javascript' : 'text/html';
    return page(body, { 'content-type': type })(request, response);
  };
  return pki.serve({}, handler);
}

const GTAG = `<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-TEST123');</script>`;

describe('web/trackers', () => {
  it('fails a page carrying the Google Analytics snippet, located at the manifest line of the URL', async () => {
    const server = await site({ '/': `<html><head>${GTAG}</head></html>` });
    const repo = tempRepo({ web: [server.url] });
    const trackers = (await runChecks(repo, pki.env)).criterion('ETH-TRACEURS');
    expect(trackers.status).toBe('non-conforme');
    const web = trackers.findings.filter((f) => f.check === 'web/trackers');
    expect(web.map((f) => [f.outcome, f.details?.tracker])).toEqual([['fail', 'google-analytics']]);
    expect(web[0]?.location).toMatchObject({
      file: 'mes-referencing.yml',
      line: manifestLine(repo, server.url),
    });
  });

  it('finds a Meta pixel in a same-origin bundle and ignores scripts from other origins', async () => {
    const bundle = '!function(){var a=1}();fbq("init","123456789");fbq("track","PageView");';
    const server = await site({
      '/': '<html><script src="/assets/app.js"></script><script src="https://cdn.example.net/lib.js"></script></html>',
      '/assets/app.js': bundle,
    });
    const trackers = (await runChecks(tempRepo({ web: [server.url] }), pki.env)).criterion('ETH-TRACEURS');
    const web = trackers.findings.filter((f) => f.check === 'web/trackers');
    expect(web.map((f) => [f.outcome, f.details?.tracker, f.details?.where])).toEqual([
      ['fail', 'meta-pixel', `${server.url}assets/app.js`],
    ]);
    expect(server.requests.sort()).toEqual(['/', '/.well-known/security.txt', '/assets/app.js']);
  });

  it('passes a page with a self-hosted Matomo, reported as information', async () => {
    const matomo = "<script>var _paq=window._paq=window._paq||[];_paq.push(['trackPageView']);</script>";
    const server = await site({ '/': `<html><head>${matomo}</head></html>` });
    const trackers = (await runChecks(tempRepo({ web: [server.url] }), pki.env)).criterion('ETH-TRACEURS');
    expect(trackers.status).toBe('conforme');
    const web = trackers.findings.filter((f) => f.check === 'web/trackers');
    expect(web.map((f) => [f.outcome, f.code])).toEqual([
      ['pass', 'web.no-tracker'],
      ['info', 'web.tracker-eu'],
    ]);
  });
});

// The behaviours judged from recorded traffic, on small hand-made recordings: the timing rules of retries and
// backoff, a document the server lost, and a token fetched again while still valid.
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/exchanges/format.js';
import { judgeBehaviours } from '../../src/checks/sandbox/recording/behaviours.js';
import type { BehaviourId } from '../../src/checks/sandbox/recording/behaviours.js';
import { callsOf } from '../../src/checks/sandbox/recording/traffic.js';

const T0 = Date.parse('2026-06-01T10:00:00.000Z');
let next = 1;

function x(at: number, operation: string, status: number, extra: Partial<Exchange> = {}): Exchange {
  const method = ['iti-67', 'iti-68', 'search-mesures'].includes(operation) ? 'GET' : 'POST';
  return {
    id: next++,
    suite: 'recording',
    test: operation,
    step: operation,
    attempt: 1,
    operation,
    method,
    url: 'http://127.0.0.1:1/fhir',
    status,
    durationMs: 10,
    startedAt: new Date(T0 + at).toISOString(),
    request: { headers: {}, body: '{"same":"body"}' },
    response: { headers: {}, body: '' },
    fingerprints: { accessToken: 'tok', idToken: 'idt' },
    ...extra,
  };
}

function judge(exchanges: Exchange[], id: BehaviourId) {
  const found = judgeBehaviours({
    calls: callsOf(exchanges),
    validRequests: new Set(exchanges.map((e) => e.id)),
    consentMessage: 'Consent not given, access refused.',
  }).find((b) => b.id === id);
  return found;
}

describe('backoff after 503', () => {
  it('observes growing delays and reports one that does not grow, on the retry', () => {
    const growing = [x(0, 'mesures', 503), x(310, 'mesures', 503), x(920, 'mesures', 200)];
    expect(judge(growing, 'backoff-503')?.result).toBe('observed');
    const flat = [x(0, 'mesures', 503), x(310, 'mesures', 503), x(630, 'mesures', 200)];
    expect(judge(flat, 'backoff-503')).toMatchObject({
      result: 'wrong',
      reason: 'not-growing',
      exchange: flat[2]?.id,
    });
    const shrinking = [
      x(0, 'mesures', 503),
      x(410, 'mesures', 503),
      x(820, 'mesures', 503),
      x(1130, 'mesures', 200),
    ];
    expect(judge(shrinking, 'backoff-503')).toMatchObject({
      result: 'wrong',
      reason: 'not-growing',
      exchange: shrinking[3]?.id,
      params: { delay: 300, wanted: 450 },
    });
    const laterImmediate = [x(0, 'mesures', 503), x(310, 'mesures', 503), x(350, 'mesures', 200)];
    expect(judge(laterImmediate, 'backoff-503')).toMatchObject({
      result: 'wrong',
      reason: 'immediate',
      exchange: laterImmediate[2]?.id,
    });
    const withRetryAfter = [
      x(0, 'mesures', 503, { response: { headers: { 'retry-after': '2' }, body: '' } }),
      x(1500, 'mesures', 200),
    ];
    expect(judge(withRetryAfter, 'backoff-503')).toMatchObject({
      result: 'wrong',
      exchange: withRetryAfter[1]?.id,
    });
  });
});

describe('backoff with jitter', () => {
  it('observes gRPC’s connection backoff (×1.6 ± 20 %), whose one step may grow by only 7 %', () => {
    // 1 s −20 % then 1.6 s −20 %... at the edges of the jitter: 1,200 ms then 1,280 ms.
    const calls = [x(0, 'mesures', 503), x(1210, 'mesures', 503), x(2500, 'mesures', 200)];
    expect(judge(calls, 'backoff-503')?.result).toBe('observed');
  });

  it('judges growth over the whole chain: a step that shrinks is forgiven when the chain grows', () => {
    const calls = [
      x(0, 'mesures', 503),
      x(310, 'mesures', 503),
      x(1020, 'mesures', 503),
      x(1630, 'mesures', 503),
      x(2840, 'mesures', 200),
    ];
    expect(judge(calls, 'backoff-503')?.result).toBe('observed');
  });

  it('does not fail a doubling client whose first wait a busy machine stretched by 150 ms', () => {
    // The reference client waits 300 then 600 ms; here the first wait took 450 ms.
    const calls = [x(0, 'mesures', 503), x(460, 'mesures', 503), x(1070, 'mesures', 200)];
    expect(judge(calls, 'backoff-503')?.result).toBe('observed');
  });
});

describe('backoff on a loaded machine', () => {
  // A client that needs 250 ms to send its next request whatever it does (a slow runner): an immediate retry takes
  // as long, a real backoff takes longer. Judged on the wait beyond that pace, in both directions.
  const paced = () => [
    x(0, 'search-mesures', 200),
    x(260, 'search-mesures', 200),
    x(520, 'search-mesures', 200),
    x(780, 'mesures', 503),
  ];

  it('reports an immediate retry that the slow machine made look like a wait', () => {
    const calls = [...paced(), x(1040, 'mesures', 200)];
    expect(judge(calls, 'backoff-503')).toMatchObject({
      result: 'wrong',
      reason: 'immediate',
      exchange: calls[4]?.id,
      params: { delay: 250, wanted: 350 },
    });
  });

  it('observes a real backoff on the same machine', () => {
    expect(judge([...paced(), x(1340, 'mesures', 200)], 'backoff-503')?.result).toBe('observed');
  });

  it('does not count a token fetched before an immediate retry as a wait, but sees a wait after it', () => {
    const withToken = (retryAt: number) => [
      x(0, 'search-mesures', 200),
      x(20, 'search-mesures', 200),
      x(40, 'mesures', 503),
      x(60, 'token', 200, {
        durationMs: 80,
        request: { headers: {}, body: 'grant_type=client_credentials' },
      }),
      x(retryAt, 'mesures', 200),
    ];
    const immediate = withToken(150);
    expect(judge(immediate, 'backoff-503')).toMatchObject({
      result: 'wrong',
      reason: 'immediate',
      exchange: immediate[4]?.id,
    });
    expect(judge(withToken(450), 'backoff-503')?.result).toBe('observed');
  });

  it('does not hold a client that pauses a second between measures to that pause', () => {
    const calls = [
      x(0, 'search-mesures', 200),
      x(1010, 'search-mesures', 200),
      x(2020, 'search-mesures', 200),
      x(3030, 'mesures', 503),
      x(3440, 'mesures', 200),
    ];
    expect(judge(calls, 'backoff-503')?.result).toBe('observed');
  });
});

describe('retry after 429', () => {
  it('accepts a retry at Retry-After and reports one given up', () => {
    const headers = { 'retry-after': '1' };
    const waited = [x(0, 'mesures', 429, { response: { headers, body: '' } }), x(1015, 'mesures', 200)];
    expect(judge(waited, 'retry-after-429')?.result).toBe('observed');
    const abandoned = [x(0, 'mesures', 429, { response: { headers, body: '' } })];
    expect(judge(abandoned, 'retry-after-429')).toMatchObject({ result: 'wrong', reason: 'abandoned' });
    expect(judge([x(0, 'mesures', 200)], 'retry-after-429')?.result).toBe('missing');
  });
});

describe('publish then find', () => {
  const published = (at: number) =>
    x(at, 'iti-105', 201, {
      request: {
        headers: {},
        body: '{"resourceType":"DocumentReference","masterIdentifier":{"value":"urn:uuid:1"},"subject":{"identifier":{"value":"p1"}}}',
      },
      response: {
        headers: {},
        body: '{"resourceType":"DocumentReference","id":"doc-1","content":[{"attachment":{"url":"Binary/bin-1"}}]}',
      },
    });
  const search = (at: number, body: string) =>
    x(at, 'iti-67', 200, {
      url: 'http://127.0.0.1:1/fhir/DocumentReference?patient.identifier=urn%3Aoid%3A1.2%7Cp1&status=current',
      response: { headers: {}, body },
    });

  it('observes a document found again, and fails one the server lost', () => {
    const found = [published(0), search(100, '{"entry":[{"resource":{"id":"doc-1"}}]}')];
    expect(judge(found, 'publish-and-find')?.result).toBe('observed');
    const lost = [published(0), search(100, '{"resourceType":"Bundle","total":0,"entry":[]}')];
    expect(judge(lost, 'publish-and-find')).toMatchObject({ result: 'wrong', exchange: lost[1]?.id });
    const retrieved = [published(0), x(100, 'iti-68', 200, { url: 'http://127.0.0.1:1/fhir/Binary/bin-1' })];
    expect(judge(retrieved, 'publish-and-find')?.result).toBe('observed');
    expect(judge([published(0)], 'publish-and-find')?.result).toBe('missing');
  });
});

describe('token reuse', () => {
  const grant = (at: number, fingerprint: string, grantType = 'client_credentials') =>
    x(at, 'token', 200, {
      request: { headers: {}, body: `grant_type=${grantType}&client_id=c` },
      response: { headers: {}, body: '{"access_token":"***","expires_in":3600}' },
      fingerprints: { issued: fingerprint },
    });

  it('reports a token fetched again while valid, but not a new token after a 401 or a second pairing', () => {
    const again = [
      grant(0, 'a'),
      x(50, 'mesures', 200, { fingerprints: { accessToken: 'a', idToken: 'i' } }),
      grant(100, 'b'),
    ];
    expect(judge(again, 'token-reused')).toMatchObject({ result: 'wrong', exchange: again[2]?.id });
    const afterRefusal = [
      grant(0, 'a'),
      x(50, 'mesures', 401, { fingerprints: { accessToken: 'a', idToken: 'i' } }),
      grant(100, 'b'),
      x(150, 'mesures', 200, { fingerprints: { accessToken: 'b', idToken: 'i' } }),
      x(200, 'mesures', 200, { fingerprints: { accessToken: 'b', idToken: 'i' } }),
    ];
    expect(judge(afterRefusal, 'token-reused')?.result).toBe('observed');
    const pairings = [grant(0, 'a', 'authorization_code'), grant(100, 'b', 'authorization_code')];
    expect(judge(pairings, 'token-reused')?.result).toBe('missing');
  });
});

describe('the recording to grade', () => {
  it('a missing file makes the hooking criteria indisponible, naming the file and how to make it', async () => {
    const { run } = await import('../../src/pipeline.js');
    const { demoRepo, cleanRepos } = await import('./repo.js');
    try {
      const result = await run({
        repoDir: demoRepo(),
        lang: 'en',
        failOn: 'obligatoire',
        now: new Date('2026-06-01T12:00:00Z'),
        engine: { offline: true, sandboxRecording: '/nonexistent/exchanges.json' },
      });
      const hooking = result.report.criteria.find((c) => c.id === 'INT-ACCROCHAGE');
      expect(hooking?.status).toBe('indisponible');
      expect(hooking?.findings[0]?.message).toBe(
        'recording /nonexistent/exchanges.json not found: start the emulator with --record /nonexistent/exchanges.json during your tests',
      );
    } finally {
      cleanRepos();
    }
  });
});

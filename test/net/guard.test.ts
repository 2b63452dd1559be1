// Where a run may connect: public addresses only, every hop of a redirect included, unless the run opts in; and
// credentials only to the origins they are for. A canary server on 127.0.0.1 counts what reaches it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonPublicKind } from '../../src/net/address.js';
import { guardedAgent, publicLookup } from '../../src/net/guard.js';

describe('nonPublicKind', () => {
  it('names every non-public range, IPv4 and IPv6, IPv4 inside IPv6 included', () => {
    const cases: [string, string | undefined][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.31.0.1', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'shared'],
      ['0.0.0.0', 'unspecified'],
      ['224.0.0.251', 'multicast'],
      ['255.255.255.255', 'reserved'],
      ['192.0.2.10', 'documentation'],
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['::', 'unspecified'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:a9fe:a9fe', 'link-local'],
      ['64:ff9b::a9fe:a9fe', 'link-local'],
      ['fd00:ec2::254', 'unique-local'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'documentation'],
      ['2002:7f00:1::1', 'reserved'],
      ['::127.0.0.1', 'reserved'],
      ['not-an-address', 'reserved'],
      ['8.8.8.8', undefined],
      ['172.32.0.1', undefined],
      ['2606:4700:4700::1111', undefined],
      ['::ffff:8.8.8.8', undefined],
      ['64:ff9b::808:808', undefined],
    ];
    for (const [address, kind] of cases) expect(nonPublicKind(address), address).toBe(kind);
  });
});

describe('publicLookup', () => {
  it('refuses a name that resolves to a loopback address, and lets the opt-in through', async () => {
    const lookup = publicLookup({ allowPrivateNetwork: false })!;
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', { all: true }, (e) => resolve(e)),
    );
    expect(error?.code).toBe('EMES_NOT_PUBLIC');
    expect(error?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(publicLookup({ allowPrivateNetwork: true })).toBeUndefined();
  });
});

describe('guardedAgent', () => {
  let hits: string[] = [];
  let canary: http.Server;
  let other: http.Server;
  let canaryUrl = '';
  let otherUrl = '';

  beforeAll(async () => {
    const listen = async (server: http.Server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    canary = http.createServer((req, res) => {
      hits.push(`canary ${req.url}`);
      if (req.url === '/redirect') res.writeHead(302, { location: `${otherUrl}/stolen` }).end();
      else res.end('ok');
    });
    other = http.createServer((req, res) => {
      hits.push(`other ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('other');
    });
    canaryUrl = await listen(canary);
    otherUrl = await listen(other);
  });
  afterAll(() => {
    canary.close();
    other.close();
  });

  const codeOf = async (promise: Promise<unknown>) =>
    promise.then(
      () => 'reached',
      (e: { cause?: { code?: string } }) => e.cause?.code,
    );

  it('refuses loopback by address and by name; the canary sees nothing', async () => {
    hits = [];
    const agent = guardedAgent({ policy: { allowPrivateNetwork: false } });
    expect(await codeOf(fetch(`${canaryUrl}/a`, { dispatcher: agent }))).toBe('EMES_NOT_PUBLIC');
    expect(await codeOf(fetch(canaryUrl.replace('127.0.0.1', 'localhost'), { dispatcher: agent }))).toBe(
      'EMES_NOT_PUBLIC',
    );
    expect(
      await codeOf(fetch(canaryUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]'), { dispatcher: agent })),
    ).toBe('EMES_NOT_PUBLIC');
    expect(hits).toEqual([]);
    await agent.close();
  });

  it('with the opt-in, reaches a local server', async () => {
    hits = [];
    const agent = guardedAgent({ policy: { allowPrivateNetwork: true } });
    const response = await fetch(`${canaryUrl}/allowed`, { dispatcher: agent });
    expect(await response.text()).toBe('ok');
    expect(hits).toEqual(['canary /allowed']);
    await agent.close();
  });

  it('keeps credentials on their origins: a redirect elsewhere is never followed', async () => {
    hits = [];
    const agent = guardedAgent({ policy: { allowPrivateNetwork: true }, origins: [`${canaryUrl}/fhir`] });
    const code = await codeOf(
      fetch(`${canaryUrl}/redirect`, {
        dispatcher: agent,
        headers: { authorization: 'Bearer secret', 'x-api-key': 'k' },
      }),
    );
    expect(code).toBe('EMES_OTHER_ORIGIN');
    expect(await codeOf(fetch(`${otherUrl}/direct`, { dispatcher: agent }))).toBe('EMES_OTHER_ORIGIN');
    expect(hits).toEqual(['canary /redirect']);
    await agent.close();
  });
});

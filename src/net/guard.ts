// Where a run may connect. Every outbound connection of the checks (endpoints and their redirects, TLS probes,
// security.txt, the sandbox and its token URL) resolves the host name, refuses it when any address it resolves to
// is not public, and connects to exactly the address it checked: a second DNS answer (DNS rebinding) cannot slip a
// private address in between the check and the connection. The embedded emulator the run starts is always allowed;
// anything else local needs the workflow's or the user's opt-in (`allow-private-network`, `--allow-private-network`).
import dns from 'node:dns';
import type { LookupAddress, LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import type { AddressKind } from './address.js';
import { nonPublicKind } from './address.js';

export interface NetworkPolicy {
  /** Local and private addresses allowed: an explicit opt-in of the workflow or the user, never of the manifest. */
  allowPrivateNetwork: boolean;
}

export const PUBLIC_ONLY: NetworkPolicy = { allowPrivateNetwork: false };

/** A connection refused because the address is not public. */
export class NotPublicError extends Error {
  readonly code = 'EMES_NOT_PUBLIC';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly kind: AddressKind,
  ) {
    super(
      host === address
        ? `${address} is a ${kind} address, not a public one`
        : `${host} resolves to ${address}, a ${kind} address, not a public one`,
    );
    this.name = 'NotPublicError';
  }
}

/** A connection refused because it would carry credentials to another origin than the one they are for. */
export class OtherOriginError extends Error {
  readonly code = 'EMES_OTHER_ORIGIN';
  constructor(readonly origin: string) {
    super(
      `${origin} is not an origin this connection may reach (credentials go to the target and its token URL only)`,
    );
    this.name = 'OtherOriginError';
  }
}

/** Throws when `host` is an IP literal that is not public (a name is checked when resolved, by `publicLookup`). */
export function assertPublicLiteral(policy: NetworkPolicy, host: string): void {
  if (policy.allowPrivateNetwork) return;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!isIP(bare)) return;
  const kind = nonPublicKind(bare);
  if (kind) throw new NotPublicError(bare, bare, kind);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls/http connections: resolves every address of the name, refuses the name when one of them is
 * not public (an attacker's name may answer with both), and hands the connection the checked addresses.
 */
export function publicLookup(policy: NetworkPolicy): LookupFunction | undefined {
  if (policy.allowPrivateNetwork) return undefined;
  return ((hostname: string, options: LookupOneOptions & { all?: boolean }, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const kind = nonPublicKind(address);
        if (kind) return callback(new NotPublicError(hostname, address, kind), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

export interface GuardedAgentOptions {
  policy: NetworkPolicy;
  /** When given, the only origins (`https://host:port`) the agent connects to: where credentials may go. */
  origins?: readonly string[];
  /** TLS options of every connection (client certificate, extra CA). */
  tls?: Record<string, unknown>;
}

/** An undici dispatcher whose every connection, redirects included, goes through the checks above. */
export function guardedAgent(options: GuardedAgentOptions): Agent {
  const lookup = publicLookup(options.policy);
  const connector = buildConnector({
    ...(options.tls ?? {}),
    ...(lookup ? { lookup } : {}),
  } as buildConnector.BuildOptions);
  const origins = options.origins ? new Set(options.origins.map(originOf)) : undefined;
  return new Agent({
    connect: (connectOptions, callback) => {
      const { protocol, hostname, port } = connectOptions;
      const origin = originOf(
        `${protocol}//${hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname}${port ? `:${port}` : ''}`,
      );
      if (origins && !origins.has(origin)) return callback(new OtherOriginError(origin), null);
      try {
        assertPublicLiteral(options.policy, hostname);
      } catch (error) {
        return callback(error as Error, null);
      }
      return connector(connectOptions, callback);
    },
  });
}

/** `scheme://host:port` with the default port written out, as connections see it. */
export function originOf(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
}

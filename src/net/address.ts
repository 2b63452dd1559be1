// Which IP addresses are public. Outbound requests of a run go to public addresses only (unless the workflow or
// the user opts in): the manifest of a pull request must not reach the runner's loopback, the cloud metadata
// service, or the company network. Ranges from the IANA special-purpose address registries (RFC 6890 and
// updates); an IPv6 address outside global unicast (2000::/3) is never public, and an IPv4 address carried inside
// an IPv6 one (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96) is judged as the IPv4 address it carries.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export type AddressKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'documentation'
  | 'reserved';

function list(family: 'ipv4' | 'ipv6', ranges: [string, number][]): BlockList {
  const blocks = new BlockList();
  for (const [network, prefix] of ranges) blocks.addSubnet(network, prefix, family);
  return blocks;
}

const V4: [AddressKind, BlockList][] = [
  ['unspecified', list('ipv4', [['0.0.0.0', 8]])],
  ['loopback', list('ipv4', [['127.0.0.0', 8]])],
  [
    'private',
    list('ipv4', [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ]),
  ],
  ['shared', list('ipv4', [['100.64.0.0', 10]])],
  ['link-local', list('ipv4', [['169.254.0.0', 16]])],
  ['multicast', list('ipv4', [['224.0.0.0', 4]])],
  [
    'documentation',
    list('ipv4', [
      ['192.0.2.0', 24],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
    ]),
  ],
  // IETF protocol assignments, 6to4 relay anycast, benchmarking, future use and broadcast.
  [
    'reserved',
    list('ipv4', [
      ['192.0.0.0', 24],
      ['192.88.99.0', 24],
      ['198.18.0.0', 15],
      ['240.0.0.0', 4],
    ]),
  ],
];

const V6: [AddressKind, BlockList][] = [
  ['unspecified', list('ipv6', [['::', 128]])],
  ['loopback', list('ipv6', [['::1', 128]])],
  ['unique-local', list('ipv6', [['fc00::', 7]])],
  [
    'link-local',
    list('ipv6', [
      ['fe80::', 10],
      ['fec0::', 10],
    ]),
  ],
  ['multicast', list('ipv6', [['ff00::', 8]])],
  [
    'documentation',
    list('ipv6', [
      ['2001:db8::', 32],
      ['3fff::', 20],
    ]),
  ],
  // IETF protocol assignments (Teredo, ORCHID…), 6to4, discard-only, and everything outside global unicast.
  [
    'reserved',
    list('ipv6', [
      ['2001::', 23],
      ['2002::', 16],
      ['100::', 64],
    ]),
  ],
];
const GLOBAL_UNICAST = list('ipv6', [['2000::', 3]]);
const EMBEDS_IPV4 = list('ipv6', [
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
]);

/** Undefined for a public address; otherwise why it is not one. A non-address is `reserved` (never public). */
export function nonPublicKind(address: string): AddressKind | undefined {
  const ip = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(ip)) return V4.find(([, blocks]) => blocks.check(ip, 'ipv4'))?.[0];
  if (!isIPv6(ip)) return 'reserved';
  if (EMBEDS_IPV4.check(ip, 'ipv6')) return nonPublicKind(embeddedIpv4(ip));
  const kind = V6.find(([, blocks]) => blocks.check(ip, 'ipv6'))?.[0];
  if (kind) return kind;
  return GLOBAL_UNICAST.check(ip, 'ipv6') ? undefined : 'reserved';
}

/** The last 32 bits of an IPv6 address, as dotted IPv4. */
function embeddedIpv4(ip: string): string {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted) return dotted[1] as string;
  const groups = expandIpv6(ip);
  const high = groups[6] as number;
  const low = groups[7] as number;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address written in hexadecimal groups. */
function expandIpv6(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

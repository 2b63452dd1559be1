// `process/naming`: the products declared in Convergence are named « [Nom] [OS] [Appareil] », Appareil being
// « Mobile » or « Site Web », and carry the name citizens see in the catalogue (solution.name). A web product has
// no operating system to name, so its OS part is optional (the FAQ gives the rule, not a web example).
import type { Platform } from '../../manifest/types.js';
import type { Check, Finding } from '../types.js';

const DEVICES = ['Mobile', 'Site Web'] as const;
const EXPECTED: Record<Platform, { os?: RegExp; osName?: string; device: (typeof DEVICES)[number] }> = {
  ios: { os: /^i(phone)?os$/i, osName: 'iOS', device: 'Mobile' },
  android: { os: /^android$/i, osName: 'Android', device: 'Mobile' },
  web: { device: 'Site Web' },
};

interface ParsedName {
  os?: string;
  device?: (typeof DEVICES)[number];
}

export function parseProductName(product: string, name: string): ParsedName | undefined {
  if (!product.startsWith(`${name} `)) return undefined;
  const rest = product.slice(name.length + 1).trim();
  const device = DEVICES.find((d) => rest === d || rest.endsWith(` ${d}`));
  if (!device) return { ...(rest ? { os: rest } : {}) };
  const os = rest.slice(0, rest.length - device.length).trim();
  return { device, ...(os ? { os } : {}) };
}

export function expectedProductName(name: string, platform: Platform): string {
  const e = EXPECTED[platform];
  return [name, e.osName, e.device].filter(Boolean).join(' ');
}

export const namingCheck: Check = {
  id: 'process/naming',
  engine: 'process',
  description: {
    fr: 'Les produits déclarés dans Convergence suivent la règle « [Nom] [OS] [Appareil] » avec le nom vu par les usagers.',
    en: 'Products declared in Convergence follow the “[Name] [OS] [Device]” rule with the name users see.',
  },
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  async run(ctx) {
    const { t } = ctx;
    const name = ctx.manifest.solution.name;
    const platforms = ctx.manifest.solution.platforms;
    const products = ctx.manifest.referencing.process?.convergence?.products;
    const expected = platforms.map((p) => expectedProductName(name, p)).join(', ');
    if (!products)
      return [
        {
          outcome: 'review',
          code: 'naming.undeclared',
          message: t('naming.undeclared', { expected }),
          location: ctx.locate(['solution', 'name']),
        },
      ];
    const findings: Finding[] = [];
    const parsed = products.map((product, i) => {
      const location = ctx.locate(['referencing', 'process', 'convergence', 'products', i]);
      const p = parseProductName(product, name);
      if (!p)
        findings.push({
          outcome: 'fail',
          code: 'naming.other-name',
          message: t('naming.other-name', { product, name }),
          location,
        });
      else if (!p.device)
        findings.push({
          outcome: 'fail',
          code: 'naming.no-device',
          message: t('naming.no-device', { product }),
          location,
        });
      else if (p.device === 'Mobile' && !p.os)
        findings.push({
          outcome: 'fail',
          code: 'naming.no-os',
          message: t('naming.no-os', { product }),
          location,
        });
      else
        findings.push({ outcome: 'pass', code: 'naming.ok', message: t('naming.ok', { product }), location });
      return p;
    });
    for (const platform of platforms) {
      const e = EXPECTED[platform];
      const covered = parsed.some(
        (p) => p?.device === e.device && (!e.os || (p.os !== undefined && e.os.test(p.os))),
      );
      if (!covered)
        findings.push({
          outcome: 'warn',
          code: 'naming.platform-missing',
          message: t('naming.platform-missing', { platform, expected: expectedProductName(name, platform) }),
          location: ctx.locate(['referencing', 'process', 'convergence', 'products']),
        });
    }
    return findings;
  },
};

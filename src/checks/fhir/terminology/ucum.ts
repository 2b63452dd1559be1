// UCUM unit codes, checked with the UCUM library of the US National Library of Medicine. The library loads its
// unit tables on first use, so it is imported only when a UCUM code is met.
import { createRequire } from 'node:module';

export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

interface UcumUtils {
  validateUnitString(code: string, suggest?: boolean): { status: 'valid' | 'invalid' | 'error' };
}

let utils: UcumUtils | undefined;
const verdicts = new Map<string, boolean>();

function ucum(): UcumUtils {
  if (!utils) {
    const require = createRequire(import.meta.url);
    const lib = require('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): UcumUtils } };
    utils = lib.UcumLhcUtils.getInstance();
  }
  return utils;
}

export function isValidUcum(code: string): boolean {
  let valid = verdicts.get(code);
  if (valid === undefined) {
    try {
      valid = ucum().validateUnitString(code).status === 'valid';
    } catch {
      valid = false;
    }
    verdicts.set(code, valid);
  }
  return valid;
}

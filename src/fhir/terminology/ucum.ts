// UCUM unit codes, checked with the UCUM library of the US National Library of Medicine (also the one fhirpath.js
// uses, so it is loaded once).
import ucumLhc from '@lhncbc/ucum-lhc';

export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

interface UcumUtils {
  validateUnitString(code: string, suggest?: boolean): { status: 'valid' | 'invalid' | 'error' };
}

let utils: UcumUtils | undefined;
const verdicts = new Map<string, boolean>();

function ucum(): UcumUtils {
  utils ??= (ucumLhc as { UcumLhcUtils: { getInstance(): UcumUtils } }).UcumLhcUtils.getInstance();
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

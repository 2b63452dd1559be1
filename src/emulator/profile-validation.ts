// Profile validation for the emulator: MES validates the Observation, the Device and the DocumentReference it
// receives against their profiles and answers 422 on errors. The packages are those of the MES data domains
// (rules/fhir/domains.yml), loaded on the first request that needs them, with the project's FHIR validator.
import type { EngineOptions } from '../checks/types.js';
import { PackageStore, loadPackages } from '../fhir/packages/load.js';
import { domainRules } from '../checks/fhir/profiles/domains.js';
import { profileValidationHook } from '../fhir/validator/profile-validator.js';
import type { ProfileValidator } from './options.js';

export type PackageSource = Pick<
  EngineOptions,
  'fhirPackagePath' | 'fhirPackageCache' | 'fhirRegistry' | 'offline'
>;

/** A profile validator that can tell, afterwards, whether it really validated anything. */
export interface PackageProfileValidator extends ProfileValidator {
  /**
   * The packages that could not be loaded when a request needed them (`[]` when all loaded or none was needed yet):
   * the profiles they hold went unchecked, which the caller must say rather than report a clean exchange.
   */
  unchecked(): Promise<string[]>;
}

export function packageProfileValidator(
  source: PackageSource,
  packages?: string[],
  /** Told once, when a request needed packages that could not be loaded (the emulator command prints it). */
  onUnchecked?: (missing: string[]) => void,
): PackageProfileValidator {
  let loaded: Promise<Loaded> | undefined;
  const start = () =>
    load(source, packages).then((result) => {
      if (result.missing.length > 0) onUnchecked?.(result.missing);
      return result;
    });
  const validate: ProfileValidator = async (resource, profileUrl) => {
    loaded ??= start();
    return (await loaded).validate(resource, profileUrl);
  };
  return Object.assign(validate, {
    unchecked: async () => (loaded ? (await loaded).missing : []),
  });
}

interface Loaded {
  validate: ProfileValidator;
  missing: string[];
}

async function load(source: PackageSource, packages?: string[]): Promise<Loaded> {
  const wanted = packages ?? [...new Set([...domainRules().values()].flatMap((d) => d.packages))];
  const store = new PackageStore({
    packagePath: source.fhirPackagePath,
    ...(source.fhirPackageCache ? { cacheDir: source.fhirPackageCache } : {}),
    ...(source.fhirRegistry ? { registry: source.fhirRegistry } : {}),
    offline: source.offline,
  });
  const context = await loadPackages(wanted, { packagePath: source.fhirPackagePath, store });
  const missing = [...new Set(context.missing.map((p) => p.spec))].sort();
  // Without the packages (or R4 itself) every resource would look invalid: refusing valid requests would be worse
  // than not validating, so the emulator then keeps to the MES business rules alone — and says so through
  // `unchecked()`, so no exchange passes as profile-valid when it was not checked.
  if (missing.length > 0) return { validate: async () => [], missing };
  return { validate: profileValidationHook(context), missing };
}

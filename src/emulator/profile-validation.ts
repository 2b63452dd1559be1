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

export function packageProfileValidator(source: PackageSource, packages?: string[]): ProfileValidator {
  let hook: Promise<ProfileValidator> | undefined;
  return async (resource, profileUrl) => {
    hook ??= load(source, packages);
    return (await hook)(resource, profileUrl);
  };
}

async function load(source: PackageSource, packages?: string[]): Promise<ProfileValidator> {
  const wanted = packages ?? [...new Set([...domainRules().values()].flatMap((d) => d.packages))];
  const store = new PackageStore({
    packagePath: source.fhirPackagePath,
    ...(source.fhirPackageCache ? { cacheDir: source.fhirPackageCache } : {}),
    ...(source.fhirRegistry ? { registry: source.fhirRegistry } : {}),
    offline: source.offline,
  });
  const context = await loadPackages(wanted, { packagePath: source.fhirPackagePath, store });
  // Without the packages (or R4 itself) every resource would look invalid: refusing valid requests would be worse
  // than not validating, so the emulator then keeps to the MES business rules alone.
  if (context.missing.length > 0) return async () => [];
  return profileValidationHook(context);
}

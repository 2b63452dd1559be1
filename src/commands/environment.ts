// Engine options that come from the environment, shared by the CLI and the action.
import os from 'node:os';
import path from 'node:path';
import type { EngineOptions } from '../checks/types.js';

export function engineOptionsFromEnv(env: NodeJS.ProcessEnv): EngineOptions {
  return {
    offline: env.MES_REFERENCING_OFFLINE === 'true' || env.MES_REFERENCING_OFFLINE === '1',
    fhirPackagePath: (env.FHIR_PACKAGE_PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((p) => path.resolve(p)),
    fhirPackageCache: env.FHIR_PACKAGE_CACHE
      ? path.resolve(env.FHIR_PACKAGE_CACHE)
      : path.join(os.homedir(), '.fhir', 'packages'),
    ...(env.FHIR_REGISTRY_URL ? { fhirRegistry: env.FHIR_REGISTRY_URL } : {}),
    env: { ...env },
  };
}

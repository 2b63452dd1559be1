// Where the hooking tests run: the embedded emulator (started in-process on 127.0.0.1, shared by every
// invocation of the run and stopped when the last one is done) or the URL of the MES sandbox.
import { packageProfileValidator, startEmulator } from '../../emulator/index.js';
import type { PackageProfileValidator, RunningEmulator } from '../../emulator/index.js';
import type { CheckContext, Finding } from '../types.js';

export type Target =
  { kind: 'emulator'; emulator: RunningEmulator; fhirBase: string } | { kind: 'url'; fhirBase: string };

export type TargetChoice = { kind: 'emulator' } | { kind: 'url'; url: string };

export function chosenTarget(ctx: CheckContext): TargetChoice {
  const value = ctx.options.sandboxTarget ?? ctx.manifest.sandbox?.target ?? 'emulator';
  return value === 'emulator' ? { kind: 'emulator' } : { kind: 'url', url: value.replace(/\/+$/, '') };
}

/**
 * A reference-counted emulator: the first user starts it, the last one stops it, so both catalogue invocations of
 * a run share one instance and the process never keeps a listening socket after the checks.
 */
export class EmulatorLease {
  private users = 0;
  private running: Promise<RunningEmulator> | undefined;

  constructor(private readonly start: () => Promise<RunningEmulator>) {}

  async acquire(): Promise<RunningEmulator> {
    this.users++;
    this.running ??= this.start();
    try {
      return await this.running;
    } catch (error) {
      this.users--;
      this.running = undefined;
      throw error;
    }
  }

  async release(): Promise<void> {
    this.users--;
    if (this.users > 0 || !this.running) return;
    const running = this.running;
    this.running = undefined;
    await (await running).stop();
  }
}

/** One profile validator per run, shared by the emulator and the grading of recorded traffic. */
export function sandboxProfileValidator(ctx: CheckContext): Promise<PackageProfileValidator> {
  return ctx.shared('sandbox/profile-validator', () => Promise.resolve(packageProfileValidator(ctx.options)));
}

/**
 * When the run's profile validator could not load its packages, the requests were judged on the MES business rules
 * alone: a person must know that, since MES itself would also have validated the profiles.
 */
export async function profilesUnchecked(
  ctx: CheckContext,
  location: Finding['location'],
): Promise<Finding | undefined> {
  const missing = await (await sandboxProfileValidator(ctx)).unchecked();
  if (missing.length === 0) return undefined;
  return {
    outcome: 'review',
    code: 'sandbox.profiles-unchecked',
    message: ctx.t('sandbox.profiles-unchecked', { packages: missing.join(', ') }),
    fix: ctx.t('sandbox.fix.profiles-unchecked'),
    ...(location ? { location } : {}),
    details: { packages: missing.join(', ') },
  };
}

export function emulatorLease(ctx: CheckContext): Promise<EmulatorLease> {
  return ctx.shared('sandbox/emulator-lease', async () => {
    const manifest = ctx.manifest;
    const validateProfile = await sandboxProfileValidator(ctx);
    return new EmulatorLease(() =>
      startEmulator({
        host: '127.0.0.1',
        port: 0,
        editorOid: manifest.solution['editor-oid'],
        solutionOid: manifest.solution['solution-oid'],
        // With mTLS declared, the emulator requires a client certificate too, so the mTLS scenario runs.
        mtls: manifest.sandbox?.mtls !== undefined,
        validateProfile,
        keepProcessAlive: false,
      }),
    );
  });
}

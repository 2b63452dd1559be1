// The contract between the pipeline and the engines: a check is registered by id, receives a context and the
// parameters the catalogue gives it, and returns findings. Engines never import each other.
import type { Condition } from '../catalogue/types.js';
import type { Lang, LocalizedText } from '../i18n/index.js';
import type { Translate } from '../messages.js';
import type { SourceLocation } from '../location.js';
import type { TrustGroup } from '../manifest/trust.js';
import type { LoadedManifest, Manifest } from '../manifest/types.js';
import type { ProcessState } from '../process/state.js';
import type { Redactor } from '../secrets.js';

/**
 * - pass: the requirement is met;
 * - fail: it is not (the criterion becomes non-conforme);
 * - warn: met today, but something needs attention (expiring soon, obsolete profile…);
 * - review: nothing wrong found, but a person must look at the evidence;
 * - unavailable: the check could not run (network, missing package, sandbox down);
 * - info: context that does not weigh on the status.
 */
export type Outcome = 'pass' | 'fail' | 'warn' | 'review' | 'unavailable' | 'info';

export interface Finding {
  outcome: Outcome;
  /** One sentence in the run's language, saying what was found and, when failing, what to do. */
  message: string;
  /** Stable code for machines and tests, e.g. `evidence.expired`, `fhir.cardinality`, `mes.422.bmi`. */
  code: string;
  location?: SourceLocation;
  /**
   * What the user does about it, in the run's language, when the message does not already say it: set a variable,
   * allow the network, start the emulator… Shown next to failures and to what could not be checked.
   */
  fix?: string;
  /** Evidence item (manifest `evidence` key) the finding is about. */
  evidence?: string;
  /** Structured extras (FHIRPath expression, HTTP status…). Never secrets. */
  details?: Record<string, string | number | boolean | null>;
}

export interface EngineOptions {
  /** Skip everything that needs the network (endpoint checks, remote sandbox, package downloads). */
  offline: boolean;
  /** Read-only FHIR package folders (FHIR_PACKAGE_PATH), searched first. */
  fhirPackagePath: string[];
  /** The writable FHIR package cache (default ~/.fhir/packages). */
  fhirPackageCache?: string;
  /** FHIR package registry base URL. */
  fhirRegistry?: string;
  /** Overrides the manifest's sandbox target (e.g. `emulator` in a demo). */
  sandboxTarget?: string;
  /**
   * Grade this traffic recording (`emulator --record`) instead of replaying the scenarios: the editor's own tests
   * are the client under test. Given by the workflow (action input, CLI flag), so it may lie outside the repository.
   */
  sandboxRecording?: string;
  /** Environment the checks may read (credentials named by the manifest); injectable for tests. */
  env: Record<string, string | undefined>;
  /**
   * Outbound connections may reach loopback and private addresses (a sandbox or endpoint on the local network):
   * the workflow's `allow-private-network` input or the CLI's `--allow-private-network`, never the manifest.
   */
  allowPrivateNetwork?: boolean;
}

export interface CheckContext {
  repoDir: string;
  /**
   * Repository-relative paths (folders or files, with `/`) no check reads: the run's own output when it is written
   * inside the repository, so that a second run judges the same files as the first.
   */
  excluded: readonly string[];
  manifest: Manifest;
  manifestFile: string;
  locate: LoadedManifest['locate'];
  /** "Today" for every date comparison (injectable clock). */
  now: Date;
  /** The referencing process on that day (steps, deadlines), computed once for every check and the report. */
  process: ProcessState;
  lang: Lang;
  t: Translate;
  options: EngineOptions;
  /** Secret values the check reads must be registered here before any use. */
  secrets: Redactor;
  /** Title of an evidence item, as the catalogue names it. */
  evidenceTitle(key: string): string;
  /** Progress line for the console / action log. */
  log(message: string): void;
  /** Adds a file to the dossier (e.g. `exchanges.json`). */
  attach(name: string, content: string): void;
  /** A value computed once per run and shared by all invocations (loaded packages, started emulator…). */
  shared<T>(key: string, create: () => Promise<T>): Promise<T>;
  signal: AbortSignal;
}

export type CheckParams = Record<string, unknown>;

export interface Check<P extends CheckParams = CheckParams> {
  /** Referenced by the catalogue as `check: <id>`. */
  id: string;
  engine: 'evidence' | 'process' | 'web' | 'repo' | 'fhir' | 'sandbox';
  description: LocalizedText;
  /**
   * The manifest settings that choose where this check connects or what it reads outside the repository. In a
   * pull-request run they come from the base branch; when it has none, the check is `indisponible` until merged.
   */
  settings?: readonly TrustGroup[];
  /** JSON Schema of the `with:` parameters; the catalogue loader validates them against it. */
  paramsSchema?: object;
  /** Evidence items (manifest `evidence` keys) this invocation looks at, shown to reviewers. */
  evidence?(params: P): string[];
  /** Conditions on the manifest held in the parameters, so the catalogue loader can check the fields they read. */
  conditions?(params: P): Condition[];
  run(ctx: CheckContext, params: P): Promise<Finding[]>;
}

/** Registered checks are stored with their parameter type erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheck = Check<any>;

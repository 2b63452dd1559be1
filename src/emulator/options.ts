// How an emulator instance is configured, from the CLI (`mes-referencing emulator`) or in-process (the sandbox
// check, tests).
import type { MesSpec } from '../mes/spec.js';
import type { ClientRegistration } from './auth.js';
import type { FaultOptions } from './faults.js';
import type { EmulatorScript } from './script.js';

/** An issue a profile validator reports (the shape of an OperationOutcome issue). */
export interface ProfileIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics: string;
  expression?: string;
}

/**
 * Hook for full StructureDefinition validation (the FHIR validator engine): called for the Observation and the
 * Device of each mesures Bundle and for each published DocumentReference, with the profile they declare. Only
 * `fatal`/`error` issues refuse the request (422), as MES does; warnings are returned with the success.
 */
export type ProfileValidator = (
  resource: Record<string, unknown>,
  profileUrl: string,
) => Promise<ProfileIssue[]>;

/** Deliberate deviations from the specification, to prove the scenario runner catches them. */
export const MISBEHAVIOURS = [
  'accept-everything',
  'device-always-created',
  'ignore-consent',
  'lose-documents',
  'ignore-id-token',
  'pairing-ignore-verifier',
  'pairing-reusable-codes',
] as const;
export type Misbehaviour = (typeof MISBEHAVIOURS)[number];

export interface EmulatorOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  tls?: boolean;
  /** Requires a client certificate signed by the emulator's CA (implies tls). */
  mtls?: boolean;
  /** OIDs of the generated test client (the manifest's, when the check starts the emulator). */
  editorOid?: string;
  solutionOid?: string;
  /** Further clients (e.g. the editor's real client id and public key). */
  clients?: ClientRegistration[];
  faults?: FaultOptions;
  /** Request bodies beyond this size are refused with 413. */
  maxBodyBytes?: number;
  tokenTtlSeconds?: number;
  validateProfile?: ProfileValidator;
  misbehave?: Misbehaviour[];
  /** The MES specification data (rules/mes) to follow; loaded from the project by default. */
  spec?: MesSpec;
  /** Bearer token the `/_admin` endpoints require (random by default). */
  adminToken?: string;
  /** Records every exchange to this file (exchanges.json format), as it happens. */
  recordFile?: string;
  /** Faults and refusals to play (`--script`). */
  script?: EmulatorScript;
  /** The patient a pairing names when the request names none (default: a generated test idPe). */
  defaultPatient?: string;
  /** A line per request (method, path, status, duration): never a header or a body. */
  log?: (line: string) => void;
  /**
   * When false (in-process use by a check), the server does not keep the Node process alive on its own, so a CLI
   * run can never hang on it; `stop()` is still the normal way out.
   */
  keepProcessAlive?: boolean;
}

/** OIDs under the ITU "example" arc (2.999), so the emulator's defaults never collide with a real éditeur. */
export const DEFAULT_EDITOR_OID = '2.999.42';
export const DEFAULT_SOLUTION_OID = '2.999.42.1';
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

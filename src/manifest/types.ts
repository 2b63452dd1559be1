// The manifest as the user writes it (keys as in mes-referencing.yml), after schema validation.
import type { SourceLocation } from '../location.js';
import type { DataPath } from '../util/yaml-source.js';

export type Platform = 'web' | 'ios' | 'android';
export type ReferencingPath = 'sans-echange' | 'avec-echange';
export type Audience = 'patients' | 'professionnels';
export type DataDomain = 'mesures' | 'documents' | 'agenda';
export type Finalite =
  'prevention' | 'diagnostic' | 'soins' | 'suivi-social' | 'suivi-medico-social' | 'recherche' | 'autre';
export type IdentificationMeans =
  | 'franceconnect'
  | 'franceconnect-plus'
  | 'apcv'
  | 'pro-sante-connect'
  | 'e-cps'
  | 'own-2fa'
  | 'own-password';
export type Sector = 'sanitaire' | 'medico-social' | 'social' | 'autre';
export type OpinionResult =
  'favorable' | 'favorable-reserves-non-suspensives' | 'favorable-reserves-suspensives' | 'defavorable';

export interface EvidenceItem {
  path?: string;
  url?: string;
  issued?: string;
  expires?: string;
  note?: string;
}

/** The Ecoscore result: the evidence item plus what was measured. */
export interface EcoscoreEvidence extends EvidenceItem {
  score?: number;
  journey?: string;
  'app-version'?: string;
}

export interface InformationRequest {
  id: string;
  date: string;
  subject?: string;
  due: string;
  answered?: string;
}

export interface Reservation {
  id: string;
  text: string;
  suspensive: boolean;
  criterion?: string;
  due: string;
  lifted?: string;
}

/** The referencing process as it happens, one key per step (01 to 08) and the follow-up after referencing. */
export interface ReferencingProcess {
  convergence?: {
    account?: string;
    'account-created'?: string;
    'administrative-file'?: string;
    'gie-agreement'?: string;
    products?: string[];
  };
  orientation?: { date: string };
  submission?: { date: string; 'file-number'?: string };
  evaluation?: { admissible?: string; completed?: string; requests?: InformationRequest[] };
  opinion?: { date: string; result: OpinionResult; reservations?: Reservation[] };
  decision?: { date: string; reference?: string; notified?: string };
  convention?: { signed?: string; 'hooking-tests'?: string };
  publication?: { date: string; url?: string };
  'continuous-evaluation'?: { 'every-months'?: number; 'last-report'?: string; 'next-due'?: string };
}

export interface Waiver {
  criterion: string;
  justification: string;
  expires: string;
}

/** A person's review of a criterion that needs one (`revues`). */
export interface Review {
  criterion: string;
  reviewer: string;
  date: string;
  verdict: 'conforme' | 'non-conforme';
  note?: string;
  /** SHA-256 of each evidence file reviewed, by repository-relative path. */
  sha256?: Record<string, string>;
}

export interface SandboxAuth {
  type: 'none' | 'client-secret' | 'private-key-jwt' | 'bearer';
  'client-id-env'?: string;
  'client-secret-env'?: string;
  'private-key-env'?: string;
  'bearer-token-env'?: string;
  'id-token-env'?: string;
  scope?: string;
}

export interface SandboxMtls {
  'cert-env'?: string;
  'key-env'?: string;
  'pfx-env'?: string;
  'passphrase-env'?: string;
  'ca-env'?: string;
  'cert-file'?: string;
  'key-file'?: string;
  'pfx-file'?: string;
  'ca-file'?: string;
}

export interface Manifest {
  version: 1;
  solution: {
    name: string;
    /** The application version this dossier describes. */
    version?: string;
    editor: string;
    website?: string;
    platforms: Platform[];
    'editor-oid': string;
    'solution-oid': string;
    contact?: string;
  };
  referencing: {
    referentiel: string;
    path: ReferencingPath;
    'last-decision'?: string;
    process?: ReferencingProcess;
  };
  orientation: {
    audience: Audience[];
    sector?: Sector[];
    'data-domains'?: DataDomain[];
    finalites?: Finalite[];
    'health-data': boolean;
    hosting?: { hds: boolean; provider?: string; location?: string };
    identification?: IdentificationMeans[];
    ins?: boolean;
    ai?: boolean;
    teleconsultation?: boolean;
    'secondary-uses'?: boolean;
    'retention-months'?: number;
  };
  evidence?: Record<string, EvidenceItem> & { ecoscore?: EcoscoreEvidence };
  endpoints?: { web?: string[]; api?: string[] };
  fhir?: {
    resources?: string[];
    packages?: string[];
    /** The editor's own conformance resources (profiles, extensions, value sets), repository-relative globs. */
    definitions?: string[];
    'unknown-extensions'?: 'warning' | 'error' | 'ignore';
  };
  sandbox?: {
    target?: string;
    /** A traffic recording of the editor's own tests (`emulator --record`), graded instead of replayed scenarios. */
    recording?: string;
    suites?: string[];
    'token-url'?: string;
    auth?: SandboxAuth;
    mtls?: SandboxMtls;
    'headers-env'?: Record<string, string>;
    patient?: {
      idpe?: string;
      'idpe-env'?: string;
      system?: string;
      'without-consent'?: { idpe?: string; 'idpe-env'?: string; 'id-token-env'?: string };
    };
    'timeout-seconds'?: number;
    'budget-seconds'?: number;
  };
  waivers?: Waiver[];
  revues?: Review[];
  'official-ids'?: Record<string, string>;
}

/** A loaded manifest: the data, where it came from, and how to point back into it. */
export interface LoadedManifest {
  manifest: Manifest;
  /** Repository-relative path of the manifest file. */
  file: string;
  /** Location of a value in the manifest (for findings about a declaration). */
  locate(path: DataPath, options?: { key?: boolean }): SourceLocation;
}

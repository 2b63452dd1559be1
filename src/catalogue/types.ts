// The criteria catalogue as stored in rules/catalogue/<version>/ (data, not code).
import type { LocalizedText } from '../i18n/index.js';
import type { SourceLocation } from '../location.js';
import type { ProcessDefinition } from '../process/definition.js';

export type Rubrique =
  | 'urbanisation'
  | 'interoperabilite'
  | 'securite'
  | 'securite-echange'
  | 'ethique'
  | 'finalites'
  | 'referencement';

/**
 * Where a criterion's level comes from:
 * - obligatoire: a published source says the requirement is mandatory;
 * - obligatoire-suppose: the project infers it is mandatory (the reasoning is in `fondement`);
 * - recommande: good practice the project adds, not known to be mandatory in the référentiel.
 */
export type Niveau = 'obligatoire' | 'obligatoire-suppose' | 'recommande';
export const NIVEAUX: readonly Niveau[] = ['obligatoire', 'obligatoire-suppose', 'recommande'];

/** Why a criterion has its level: the reasoning, and the sources that state it (required for `obligatoire`). */
export interface Fondement {
  text: LocalizedText;
  sources: string[];
}

/** A declarative condition on the manifest. `field` is a dotted path such as `orientation.audience`. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; includes: string }
  | { field: string; 'includes-any': string[] }
  | { field: string; exists: boolean };

export interface CheckInvocation {
  check: string;
  with?: Record<string, unknown>;
  /** The requirement applies from this date (YYYY-MM-DD): before it, a failure is only a warning. */
  from?: string;
}

export interface Source {
  title: string;
  url?: string;
  /** Whether the source is the official text or a secondary account of it. */
  kind: 'officiel' | 'secondaire' | 'specification';
}

export interface Criterion {
  id: string;
  /** Official identifier in the référentiel, when sourced (the manifest may map it). */
  'official-id': string;
  title: LocalizedText;
  description: LocalizedText;
  rubrique: Rubrique;
  niveau: Niveau;
  fondement: Fondement;
  /** Passing checks still leave the criterion `a-verifier`: a person must look at the evidence. */
  review: boolean;
  /** What that person checks (required when `review` is set). */
  reviewGuide?: LocalizedText;
  'applies-if'?: Condition;
  checks: CheckInvocation[];
  evidence: string[];
  sources: string[];
  /** Where the criterion is defined, for errors and for reviewers. */
  definedAt: SourceLocation;
}

export interface EvidenceType {
  title: LocalizedText;
}

export interface RubriqueInfo {
  id: Rubrique;
  title: LocalizedText;
}

export interface Catalogue {
  version: string;
  revision: number;
  title: LocalizedText;
  referentiel: LocalizedText;
  rubriques: RubriqueInfo[];
  sources: Record<string, Source>;
  'evidence-types': Record<string, EvidenceType>;
  criteria: Criterion[];
  /** The referencing process: steps, actors, renewal and continuous evaluation. */
  process: ProcessDefinition;
  /** Folder the catalogue was read from. */
  dir: string;
}

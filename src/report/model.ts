// The Report: the one object every output (Markdown, HTML, SARIF, JSON, console, PR comment) is rendered from.
// Its JSON form is described by schemas/report.schema.json; bump REPORT_SCHEMA_VERSION on breaking changes.
import type { Finding } from '../checks/types.js';
import type { Lang } from '../i18n/index.js';
import type { SourceLocation } from '../location.js';
import type { Notice } from '../notice.js';

export type { Notice } from '../notice.js';
import type { Niveau, Rubrique, Source } from '../catalogue/types.js';
import type { OpinionResult } from '../manifest/types.js';
import type { StepState, DeadlineKind, DeadlineState } from '../process/state.js';
import type { TrustDecision } from '../manifest/trust.js';

export const REPORT_SCHEMA_VERSION = 2;

export type CriterionStatus = 'conforme' | 'non-conforme' | 'a-verifier' | 'indisponible' | 'non-applicable';
export const STATUSES: readonly CriterionStatus[] = [
  'non-conforme',
  'indisponible',
  'a-verifier',
  'conforme',
  'non-applicable',
];
export type Verdict = 'conforme' | 'non-conforme' | 'a-verifier';
/**
 * Which failures fail the job: published mandatory criteria (`obligatoire`), those and the inferred ones
 * (`obligatoire-suppose`), any criterion (`tout`), or none (`jamais`).
 */
export type FailOn = 'obligatoire' | 'obligatoire-suppose' | 'tout' | 'jamais';
export const FAIL_ON: readonly FailOn[] = ['obligatoire', 'obligatoire-suppose', 'tout', 'jamais'];

export interface Policy {
  failOn: FailOn;
  /** Mandatory criteria that could not be checked (`indisponible`) fail the job too. */
  failOnUnverified: boolean;
}

export interface ReportFinding extends Finding {
  /** The check that produced it. */
  check: string;
}

export interface ReportEvidence {
  key: string;
  title: string;
  declared: boolean;
  path?: string;
  url?: string;
  issued?: string;
  expires?: string;
  /** The file in the repository, as it was evaluated. */
  sha256?: string;
  size?: number;
  /** The file at the evaluated commit (when the repository and commit are known). */
  link?: string;
}

/** Where the evaluated files come from: the same files at the same commit give the same report. */
export interface ReportTrace {
  /** Web address of the repository. */
  repository?: string;
  commit?: string;
  branch?: string;
  /** The workflow run that made the report. */
  runUrl?: string;
  /** The evaluated files differ from the commit (a local run on a modified checkout). */
  uncommitted?: boolean;
  /** Every declared evidence item once, with the digest of its file. */
  evidence: ReportEvidence[];
}

/** A step of the process state as the report shows it. */
export type ReportProcessStep = Omit<StepState, 'actors'> & {
  /** Actor names, in the report's language. */
  actors: string[];
};

export interface ReportTimelineItem {
  date: string;
  /** `event`: something that happened; `deadline`: something due. */
  kind: 'event' | 'deadline';
  label: string;
  actors: string[];
  step?: number;
  state?: DeadlineState;
}

export interface ReportProcessAlert {
  kind: DeadlineKind;
  id: string;
  state: 'overdue' | 'soon';
  message: string;
  due: string;
  location: SourceLocation;
}

export interface ReportNextAction {
  label: string;
  actors: string[];
  due?: string;
  state?: DeadlineState;
}

/** The referencing process as the manifest records it, on the report's day. */
export interface ReportProcess {
  /** Whether the manifest records the process (referencing.process). */
  recorded: boolean;
  convergence: { account?: string; fileNumber?: string; products: string[] };
  opinion?: OpinionResult;
  lastDecision?: string;
  steps: ReportProcessStep[];
  timeline: ReportTimelineItem[];
  /** Deadlines passed or close: what the report flags. */
  alerts: ReportProcessAlert[];
  /** What is due next, soonest first, then the step in progress. */
  next: ReportNextAction[];
}

/** A person's review of an `a-verifier` criterion (manifest `revues`), and whether it still holds. */
export interface ReportReview {
  reviewer: string;
  date: string;
  verdict: 'conforme' | 'non-conforme';
  note?: string;
  /** `applied`: it decides the status; `lapsed`: a reviewed file changed, or a year went by. */
  state: 'applied' | 'lapsed';
  /** Why it lapsed, in the run's language. */
  lapse?: string;
}

export interface ReportWaiver {
  justification: string;
  expires: string;
  active: boolean;
}

export interface CriterionResult {
  id: string;
  officialId?: string;
  title: string;
  description: string;
  rubrique: Rubrique;
  niveau: Niveau;
  /** Why the criterion has its level: the reasoning and the sources that state it. */
  fondement: { text: string; sources: Source[] };
  status: CriterionStatus;
  /**
   * It fails the job under the policy: non-conforme at a level `fail-on` blocks, without an active waiver, or
   * (with `fail-on-unverified`) indisponible.
   */
  blocking: boolean;
  /** What a person checks when the criterion needs review. */
  reviewGuide?: string;
  review?: ReportReview;
  /** Has a warning finding (expiring soon…), whatever the status. */
  attention: boolean;
  waiver?: ReportWaiver;
  findings: ReportFinding[];
  evidence: ReportEvidence[];
  checks: string[];
  sources: Source[];
  /** Where the criterion is best pointed at: its first failing finding, or the manifest. */
  location: SourceLocation;
}

export type StatusCounts = Record<CriterionStatus, number>;

export interface RubriqueSummary {
  id: Rubrique;
  title: string;
  counts: StatusCounts;
  applicable: number;
  blocking: number;
}

export interface Report {
  schema: 'mes-referencing/report';
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** The only field that changes between identical runs. */
  generatedAt: string;
  lang: Lang;
  /** The date every expiry was compared with (YYYY-MM-DD). */
  today: string;
  manifest: {
    file: string;
    solution: string;
    editor: string;
    solutionOid: string;
    /** The application version the dossier describes (solution.version). */
    version?: string;
    path: 'sans-echange' | 'avec-echange';
  };
  catalogue: { version: string; revision: number; title: string; referentiel: string };
  trace: ReportTrace;
  process: ReportProcess;
  policy: Policy;
  verdict: Verdict;
  /** Whether the `fail-on` policy fails the job. */
  failing: boolean;
  counts: StatusCounts & {
    total: number;
    applicable: number;
    blocking: number;
    /** Mandatory criteria (obligatoire or obligatoire-suppose) that could not be checked. */
    unverified: number;
    failed: number;
    waived: number;
    attention: number;
  };
  rubriques: RubriqueSummary[];
  criteria: CriterionResult[];
  notices: Notice[];
  /** Extra files of the dossier (exchange logs…), by name. */
  attachments: string[];
  /**
   * In a pull-request run: the settings the pull request proposes for where the run connects and which secrets it
   * reads, set aside for the base branch's (src/manifest/trust.ts).
   */
  trust?: TrustDecision;
}

export function emptyCounts(): StatusCounts {
  return { conforme: 0, 'non-conforme': 0, 'a-verifier': 0, indisponible: 0, 'non-applicable': 0 };
}

// The exchanges.json format: every HTTP exchange of a hooking-test run (replayed by the sandbox check, or recorded
// by the emulator while the editor's own tests ran), with the tests that used them. One format for the dossier de
// recette, the HTML report and the grading of recorded traffic.

export const EXCHANGES_SCHEMA = 'mes-referencing/exchanges';
export const EXCHANGES_VERSION = 1;

export interface Exchange {
  id: number;
  suite: string;
  test: string;
  item?: string;
  step: string;
  attempt: number;
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  startedAt: string;
  request: { headers: Record<string, string>; body?: string };
  response?: { headers: Record<string, string>; body?: string };
  failure?: string;
  /** Recorded traffic: the MES operation the emulator recognised (token, mesures, iti-105, iti-67…). */
  operation?: string;
  /** Recorded traffic: the fault or refusal the emulator's script played on this exchange. */
  fault?: string;
  /**
   * Recorded traffic: short fingerprints of the credentials (never the values), so a reader can tell that two
   * calls used the same token: `accessToken`/`idToken` presented by the call, `issued`/`issuedIdToken` granted by it.
   */
  fingerprints?: { accessToken?: string; idToken?: string; issued?: string; issuedIdToken?: string };
  /** Recorded traffic: the connection presented a client certificate (mTLS). */
  clientCertificate?: boolean;
}

export type Result = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

export interface StepRecord {
  id: string;
  title: string;
  result: Result;
  messages: string[];
  exchanges: number[];
}

export interface TestRecord {
  suite: string;
  id: string;
  title: string;
  item?: string;
  /** The item is the project's sample rewritten to the editor's identity, not the editor's own resource. */
  sample?: boolean;
  result: Result;
  reason?: string;
  durationMs: number;
  steps: StepRecord[];
}

export interface ExchangesTarget {
  /** `recording`: the traffic of the editor's own tests, recorded by the emulator. */
  kind: 'emulator' | 'url' | 'recording';
  url: string;
}

export interface ExchangesDocument {
  schema: typeof EXCHANGES_SCHEMA;
  version: typeof EXCHANGES_VERSION;
  target: ExchangesTarget;
  runId: string;
  /** Recorded traffic: when and against which emulator configuration the editor's tests ran. */
  recording?: {
    startedAt: string;
    editorOid: string;
    solutionOid: string;
    idTokenHeader: string;
    script?: string;
  };
  suites: { id: string; title: string; requirements: string[] }[];
  tests: TestRecord[];
  exchanges: Exchange[];
}

// `emulator --script <yaml>`: the faults and refusals to play while the editor's own tests run, so their error
// handling is exercised on known exchanges: "the 3rd measure gets 429", "patient X has no consent". Counting is per
// operation and per request received (a retry is a new request), so `nth: 3, times: 2` refuses the 3rd request
// and the retry that follows it.
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { UserError, combineErrors } from '../errors.js';
import { lazySchema, schemaErrorsToUserErrors } from '../util/schema-errors.js';
import { readYamlFile } from '../util/yaml-source.js';
import { operationOutcome, sendJson, sendOutcome } from './http.js';
import type { Operation, ScriptOperation } from './operations.js';
import { SCRIPT_OPERATIONS } from './operations.js';

export const SCRIPT_STATUSES = [401, 422, 429, 500, 502, 503, 504, 'reset'] as const;
export type ScriptStatus = (typeof SCRIPT_STATUSES)[number];

export interface ScriptFault {
  operation: ScriptOperation;
  nth: number;
  times?: number;
  status: ScriptStatus;
  'retry-after'?: number;
}

export interface ScriptPatient {
  idpe: string;
  /** false: every exchange about this patient is refused with the catalogue's 403 « Consent not given ». */
  consent?: boolean;
  /** The pairing of this patient: `refused` (the patient declines at MES), `revoked` (unpaired since). */
  pairing?: 'active' | 'refused' | 'revoked';
}

export interface EmulatorScript {
  /** File name, for the recording. */
  name: string;
  patients: ScriptPatient[];
  faults: ScriptFault[];
}

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    patients: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['idpe'],
        properties: {
          idpe: { type: 'string', minLength: 1, maxLength: 64 },
          consent: { type: 'boolean' },
          pairing: { enum: ['active', 'refused', 'revoked'] },
        },
      },
    },
    faults: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['operation', 'nth', 'status'],
        properties: {
          operation: { enum: [...SCRIPT_OPERATIONS] },
          nth: { type: 'integer', minimum: 1 },
          times: { type: 'integer', minimum: 1, maximum: 100 },
          status: { enum: [...SCRIPT_STATUSES] },
          'retry-after': { type: 'integer', minimum: 0, maximum: 3600 },
        },
      },
    },
  },
};
const validate = lazySchema(schema);

/** Reads and checks a script file; every problem is a located UserError. */
export function loadScript(file: string, display = file): EmulatorScript {
  const source = readYamlFile(file, { displayPath: display, maxBytes: 256 * 1024 });
  const data = source.data ?? {};
  if (!validate(data)) {
    const error = combineErrors(schemaErrorsToUserErrors(validate.errors ?? [], source));
    if (error) throw error;
  }
  const script = data as { patients?: ScriptPatient[]; faults?: ScriptFault[] };
  const problems: UserError[] = [];
  for (const [i, fault] of (script.faults ?? []).entries()) {
    if (fault['retry-after'] !== undefined && fault.status !== 429 && fault.status !== 503)
      problems.push(
        new UserError(
          'emulator.script.retry-after',
          { status: String(fault.status) },
          source.locate(['faults', i, 'retry-after'], { key: true }),
        ),
      );
  }
  const error = combineErrors(problems);
  if (error) throw error;
  return { name: path.basename(file), patients: script.patients ?? [], faults: script.faults ?? [] };
}

/** Plays a script: counts requests per operation and answers the scripted ones. */
export class ScriptPlayer {
  private readonly counts = new Map<string, number>();

  constructor(readonly script: EmulatorScript) {}

  /** The scripted fault for this request, if any (the count moves on either way). */
  decide(operation: Operation): { fault: ScriptFault; index: number } | undefined {
    const index = (this.counts.get(operation) ?? 0) + 1;
    this.counts.set(operation, index);
    const any = (this.counts.get('any') ?? 0) + 1;
    this.counts.set('any', any);
    const fault = this.script.faults.find((f) => {
      const n = f.operation === 'any' ? any : f.operation === operation ? index : -1;
      return n >= f.nth && n < f.nth + (f.times ?? 1);
    });
    return fault ? { fault, index: fault.operation === 'any' ? any : index } : undefined;
  }
}

/** How a scripted fault reads in the recording. */
export function describeFault(operation: Operation, index: number, fault: ScriptFault): string {
  const retry = fault['retry-after'] !== undefined ? `, Retry-After ${fault['retry-after']} s` : '';
  return `script: ${operation} #${index} → ${fault.status}${retry}`;
}

/** Answers a scripted fault (a `reset` closes the connection without an answer). */
export function answerFault(
  res: ServerResponse,
  operation: Operation,
  fault: ScriptFault,
  destroy: () => void,
): void {
  const diagnostics = `Scripted by the emulator (--script): ${operation} answered ${fault.status}.`;
  const retryAfter: Record<string, string> =
    fault['retry-after'] !== undefined ? { 'retry-after': String(fault['retry-after']) } : {};
  switch (fault.status) {
    case 'reset':
      destroy();
      return;
    case 401:
      sendOutcome(
        res,
        401,
        { code: 'login', details: 'Unauthorized', diagnostics },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      );
      return;
    case 422:
      // The mesures API answers its 422 as a transaction-response Bundle (rules/mes/mesures.yml, responses).
      if (operation === 'mesures')
        sendJson(res, 422, {
          resourceType: 'Bundle',
          type: 'transaction-response',
          entry: [
            {
              response: {
                status: '422 Unprocessable Entity',
                outcome: operationOutcome([
                  { code: 'processing', details: 'Bundle not valid.', diagnostics },
                ]),
              },
            },
          ],
        });
      else sendOutcome(res, 422, { code: 'processing', diagnostics });
      return;
    default:
      sendOutcome(
        res,
        fault.status,
        {
          code: fault.status === 429 ? 'throttled' : fault.status === 500 ? 'exception' : 'transient',
          diagnostics,
        },
        retryAfter,
      );
  }
}

// Fault injection, for tests and demos of the runner's resilience: added latency, a share of 500/503, 429 with
// Retry-After, connection resets. Draws come from a seeded generator, so a run is reproducible.

export interface FaultOptions {
  /** Added to every API answer (not to the admin endpoints). */
  latencyMs?: number;
  /** Share (0–1) of requests answered 500 / 503. */
  error500Rate?: number;
  error503Rate?: number;
  /** Share (0–1) of requests answered 429 with `Retry-After`. */
  throttleRate?: number;
  retryAfterSeconds?: number;
  /** Share (0–1) of requests whose connection is reset without an answer. */
  resetRate?: number;
  /** The first N requests fail with 503 (then normal service): a deterministic outage for retry tests. */
  failFirst?: number;
  seed?: number;
}

export type FaultDecision =
  { kind: 'none' } | { kind: 'status'; status: 429 | 500 | 503; retryAfter?: number } | { kind: 'reset' };

export class FaultInjector {
  private random: () => number;
  private served = 0;

  constructor(private options: FaultOptions = {}) {
    this.random = mulberry32(options.seed ?? 1);
  }

  configure(options: FaultOptions): void {
    this.options = options;
    this.random = mulberry32(options.seed ?? 1);
    this.served = 0;
  }

  get current(): FaultOptions {
    return { ...this.options };
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  decide(): FaultDecision {
    const o = this.options;
    this.served++;
    if (o.failFirst && this.served <= o.failFirst) return { kind: 'status', status: 503 };
    const draw = this.random();
    let edge = 0;
    if (draw < (edge += o.resetRate ?? 0)) return { kind: 'reset' };
    if (draw < (edge += o.throttleRate ?? 0))
      return { kind: 'status', status: 429, retryAfter: o.retryAfterSeconds ?? 1 };
    if (draw < (edge += o.error500Rate ?? 0)) return { kind: 'status', status: 500 };
    if (draw < (edge += o.error503Rate ?? 0)) return { kind: 'status', status: 503 };
    return { kind: 'none' };
  }
}

/** A small, well-known seeded PRNG (public domain). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

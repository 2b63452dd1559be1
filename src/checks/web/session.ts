// One web session per run, shared by every endpoint check: the limits (per-request timeout, overall budget,
// connections at once), the hosts the manifest declares (the only ones contacted), and the probes already made,
// so that an endpoint named by several criteria is contacted once.
import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';
import type { Manifest } from '../../manifest/types.js';
import type { NetworkPolicy } from '../../net/guard.js';
import type { CheckContext } from '../types.js';
import { ProbeError, classifyError } from './probe-error.js';
import type { WebSettings } from './settings.js';
import { readWebSettings } from './settings.js';

export class WebSession {
  readonly settings: WebSettings;
  /** Which addresses may be connected to (public ones only, unless the run opted in). */
  readonly policy: NetworkPolicy;
  private readonly limit: LimitFunction;
  private readonly deadline: number;
  private readonly runSignal: AbortSignal;
  private readonly declaredHosts: ReadonlySet<string>;
  private readonly probes = new Map<string, Promise<unknown>>();

  constructor(
    settings: WebSettings,
    declaredHosts: ReadonlySet<string>,
    runSignal: AbortSignal,
    start = Date.now(),
    policy: NetworkPolicy = { allowPrivateNetwork: false },
  ) {
    this.settings = settings;
    this.policy = policy;
    this.limit = pLimit(settings.concurrency);
    this.deadline = start + settings.budgetMs;
    this.runSignal = runSignal;
    this.declaredHosts = declaredHosts;
  }

  /** Whether the manifest declares this host name (any scheme or port); no other host is ever contacted. */
  isDeclared(url: URL): boolean {
    return this.declaredHosts.has(hostName(url));
  }

  /** The result of `probe`, computed once per key for the whole run. */
  once<T>(key: string, probe: () => Promise<T>): Promise<T> {
    let known = this.probes.get(key) as Promise<T> | undefined;
    if (!known) {
      known = probe();
      this.probes.set(key, known);
    }
    return known;
  }

  /**
   * Runs one network operation within the limits: it waits for a free connection slot, and its signal aborts at
   * the per-request timeout or when the run's budget is spent. Every failure comes out as a ProbeError.
   */
  run<T>(operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.limit(async () => {
      const remaining = this.deadline - Date.now();
      if (remaining <= 0) throw new ProbeError('budget', `${this.settings.budgetMs} ms`);
      if (this.runSignal.aborted) throw new ProbeError('aborted', 'run aborted');
      const byBudget = remaining < this.settings.timeoutMs;
      const controller = new AbortController();
      const timer = setTimeout(
        () =>
          controller.abort(
            byBudget
              ? new ProbeError('budget', `${this.settings.budgetMs} ms`)
              : new ProbeError('timeout', `${this.settings.timeoutMs} ms`),
          ),
        byBudget ? remaining : this.settings.timeoutMs,
      );
      const onRunAbort = () => controller.abort(new ProbeError('aborted', 'run aborted'));
      this.runSignal.addEventListener('abort', onRunAbort, { once: true });
      try {
        return await operation(controller.signal);
      } catch (error) {
        if (controller.signal.aborted && controller.signal.reason instanceof ProbeError)
          throw controller.signal.reason;
        throw classifyError(error);
      } finally {
        clearTimeout(timer);
        this.runSignal.removeEventListener('abort', onRunAbort);
      }
    });
  }
}

export function hostName(url: URL): string {
  return url.hostname.toLowerCase();
}

/** Every host name the manifest names in endpoints.web and endpoints.api. */
export function declaredHosts(manifest: Manifest): Set<string> {
  const hosts = new Set<string>();
  for (const raw of [...(manifest.endpoints?.web ?? []), ...(manifest.endpoints?.api ?? [])]) {
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    if (url) hosts.add(hostName(url));
  }
  return hosts;
}

/** The run's web session, created by the first endpoint check (the budget starts then). */
export function webSession(ctx: CheckContext): Promise<WebSession> {
  return ctx.shared(
    'web:session',
    async () =>
      new WebSession(readWebSettings(ctx.options.env), declaredHosts(ctx.manifest), ctx.signal, Date.now(), {
        allowPrivateNetwork: ctx.options.allowPrivateNetwork === true,
      }),
  );
}

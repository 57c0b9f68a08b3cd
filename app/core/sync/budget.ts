/**
 * Time budgets for a sync: each source gets so long, the whole sync so long (images included),
 * whatever the servers do. A server that accepts a connection and never answers costs one fetch
 * its timeout; a feed with hundreds of images on such a server would otherwise take hours. When a
 * budget runs out, the fetches of what it covers are aborted (fetch.ts destroys their sockets),
 * what was read by then is stored, and the summary says which sources ran out
 * (docs/technotes/0006-sync.md).
 */

export interface BudgetLimits {
  /** One source, from its first fetch to its stored result (ms). */
  readonly sourceMs: number;
  /** The whole sync (ms). */
  readonly syncMs: number;
}

export const DEFAULT_BUDGET: BudgetLimits = { sourceMs: 120_000, syncMs: 15 * 60_000 };

/** The reason a budget's signal carries: what ran out, in words. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
}

export interface SyncBudget {
  /** Aborted when the sync is cancelled or its budget runs out. */
  readonly signal: AbortSignal;
  /** A signal for one source: the sync's, and the source's own budget from now; release it after. */
  forSource(): { readonly signal: AbortSignal; release(): void };
  /**
   * When `signal` was aborted by a budget, what ran out, for the source's outcome (`stored`:
   * whether what was read was stored); null when it was not (still running, or cancelled).
   */
  overrun(signal: AbortSignal | undefined, stored: boolean): string | null;
  /** True once the sync's own budget has run out. */
  readonly spent: boolean;
  /** Stops the sync's timer (the sync is over). */
  dispose(): void;
}

const inWords = (ms: number): string =>
  ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;

export function syncBudget(cancel: AbortSignal, limits: BudgetLimits = DEFAULT_BUDGET): SyncBudget {
  const whole = new AbortController();
  const timer = setTimeout(() => {
    whole.abort(
      new BudgetExceeded(`the sync went over its time budget of ${inWords(limits.syncMs)}`),
    );
  }, limits.syncMs);
  // A CLI process must not stay alive for a timer of a sync that has finished.
  timer.unref();
  const signal = AbortSignal.any([cancel, whole.signal]);
  return {
    signal,
    forSource() {
      const own = new AbortController();
      const sourceTimer = setTimeout(() => {
        own.abort(
          new BudgetExceeded(`it went over its time budget of ${inWords(limits.sourceMs)}`),
        );
      }, limits.sourceMs);
      sourceTimer.unref();
      return {
        signal: AbortSignal.any([signal, own.signal]),
        release: () => clearTimeout(sourceTimer),
      };
    },
    overrun(source, stored) {
      if (source?.aborted !== true || !(source.reason instanceof BudgetExceeded)) return null;
      const why = source.reason.message;
      return stored
        ? `Stopped: ${why}. What was read by then is stored; the rest comes with the next sync.`
        : `Stopped: ${why} before anything could be stored.`;
    },
    get spent() {
      return whole.signal.aborted;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

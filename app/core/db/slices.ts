/**
 * Long writes in short transactions, for the library's own thread or process, whose thread also
 * answers the reader (docs/technotes/0009-library-process.md): each transaction is sized from how
 * long the last one took per item, to hold the thread for about `budgetMs`, and the thread is let
 * go between them, so that calls queued behind the work are answered. Where nothing else waits
 * (the CLI) the callers keep one transaction.
 *
 * Slices take turns: however many long jobs run at once (a sync writes several sources side by
 * side, a prune may run beside it), one slice runs per turn of the event loop, so a call queued
 * behind them waits for one slice, not one slice per job.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one transaction may hold the library's thread, roughly, where it answers a reader. */
export const SLICE_BUDGET_MS = 8;

/** What one slice may hold at most, however fast the last one was. */
const MAX_SLICE = 256;

/** Settles once the slice before the next one has run and the event loop has gone round. */
let nextSlot: Promise<void> = Promise.resolve();

/**
 * Runs `work` as one slice of long work: after the slices queued before it, with the event loop
 * let go between. Two turns, not one: a slice started from a message (poll phase) is otherwise
 * followed by the next in the same turn's check phase, before the loop polls for calls again.
 */
export function inTurn<R>(work: () => R): Promise<R> {
  const ran = nextSlot.then(work);
  const letGo = async (): Promise<void> => {
    await nextTurn();
    await nextTurn();
  };
  nextSlot = ran.then(letGo, letGo);
  return ran;
}

/** The next slice's size: fitted to the budget from the last one, but never more than doubled. */
function nextSize(size: number, took: number, count: number, budgetMs: number): number {
  const each = took / Math.max(count, 1);
  const fits = Math.floor(budgetMs / Math.max(each, 0.001));
  return Math.max(1, Math.min(MAX_SLICE, size * 2, fits));
}

/**
 * Runs `write` on slices of `items` (the first of `first` items), each in its turn (`inTurn`);
 * `clock` is for tests.
 */
export async function inSlices<T, R>(
  items: readonly T[],
  first: number,
  budgetMs: number,
  write: (slice: readonly T[]) => R,
  clock: () => number = () => performance.now(),
): Promise<R[]> {
  const results: R[] = [];
  let size = first;
  for (let start = 0; start < items.length;) {
    const slice = items.slice(start, start + size);
    const [result, took] = await inTurn(() => timed(clock, () => write(slice)));
    results.push(result);
    start += slice.length;
    size = nextSize(size, took, slice.length, budgetMs);
  }
  return results;
}

/**
 * Runs `step(limit)` (which does at most `limit` items' work and says how many it did) until it
 * does fewer than asked, each step in its turn (`inTurn`); returns how many were done in all.
 */
export async function untilDone(
  first: number,
  budgetMs: number,
  step: (limit: number) => number,
  clock: () => number = () => performance.now(),
): Promise<number> {
  let total = 0;
  for (let size = first; ;) {
    const limit = size;
    const [done, took] = await inTurn(() => timed(clock, () => step(limit)));
    total += done;
    if (done < size) return total;
    size = nextSize(size, took, done, budgetMs);
  }
}

/** What `work` returned, and how long it took by `clock`. */
function timed<R>(clock: () => number, work: () => R): [R, number] {
  const t0 = clock();
  const result = work();
  return [result, clock() - t0];
}

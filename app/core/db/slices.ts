/**
 * Long writes in short transactions, for the library's own thread or process, whose thread also
 * answers the reader (docs/technotes/0009-library-process.md): each transaction is sized from how
 * long the last one took per item, to hold the thread for about `budgetMs`, and the thread is let
 * go between them, so that calls queued behind the work are answered. Where nothing else waits
 * (the CLI) the callers keep one transaction.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one transaction may hold the library's thread, roughly, where it answers a reader. */
export const SLICE_BUDGET_MS = 8;

/** What one slice may hold at most, however fast the last one was. */
const MAX_SLICE = 256;

/** The next slice's size: fitted to the budget from the last one, but never more than doubled. */
function nextSize(size: number, took: number, count: number, budgetMs: number): number {
  const each = took / Math.max(count, 1);
  const fits = Math.floor(budgetMs / Math.max(each, 0.001));
  return Math.max(1, Math.min(MAX_SLICE, size * 2, fits));
}

/**
 * Runs `write` on slices of `items` (the first of `first` items), letting the thread go between;
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
    const t0 = clock();
    results.push(write(slice));
    start += slice.length;
    size = nextSize(size, clock() - t0, slice.length, budgetMs);
    if (start < items.length) await nextTurn();
  }
  return results;
}

/**
 * Runs `step(limit)` (which does at most `limit` items' work and says how many it did) until it
 * does fewer than asked, letting the thread go between; returns how many were done in all.
 */
export async function untilDone(
  first: number,
  budgetMs: number,
  step: (limit: number) => number,
  clock: () => number = () => performance.now(),
): Promise<number> {
  let total = 0;
  for (let size = first; ;) {
    const t0 = clock();
    const done = step(size);
    total += done;
    if (done < size) return total;
    size = nextSize(size, clock() - t0, done, budgetMs);
    await nextTurn();
  }
}

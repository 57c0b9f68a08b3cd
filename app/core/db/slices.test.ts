import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inSlices, untilDone } from './slices.ts';

/** A clock that only the work moves: each item takes half a millisecond. */
function workClock(): { now: () => number; work: (items: number) => void } {
  let t = 0;
  return { now: () => t, work: (items) => (t += items * 0.5) };
}

test('inSlices writes every item once, in order, in slices fitted to the budget, and lets the thread go between', async () => {
  const items = Array.from({ length: 200 }, (_, i) => i);
  const slices: number[][] = [];
  let turns = 0;
  const ticking = setInterval(() => (turns += 1), 0);
  const clock = workClock(); // 16 items fit in the budget of 8 ms
  const results = await inSlices(
    items,
    4,
    8,
    (slice) => {
      slices.push([...slice]);
      clock.work(slice.length);
      return slice.length;
    },
    clock.now,
  );
  clearInterval(ticking);
  assert.deepEqual(slices.flat(), items);
  assert.deepEqual(
    results,
    slices.map((s) => s.length),
  );
  // 4 first, then doubled to the budget, never past it (16 × 0.5 ms = 8 ms).
  assert.deepEqual(
    slices.slice(0, 3).map((s) => s.length),
    [4, 8, 16],
  );
  assert.ok(
    slices.slice(2, -1).every((s) => s.length === 16),
    slices.map((s) => s.length).join(','),
  );
  assert.ok(turns > 0, 'timers ran between the slices');
});

test('untilDone repeats a step until it does less than asked, and sums what it did', async () => {
  let left = 100;
  const asked: number[] = [];
  const clock = workClock();
  const done = await untilDone(
    10,
    8,
    (limit) => {
      asked.push(limit);
      const n = Math.min(limit, left);
      left -= n;
      clock.work(n);
      return n;
    },
    clock.now,
  );
  assert.equal(done, 100);
  assert.equal(left, 0);
  // 10, then 16 (the budget's fit, not 20), until the last step does less than asked.
  assert.deepEqual(asked, [10, 16, 16, 16, 16, 16, 16]);
  // Nothing to do: one step, which did nothing.
  assert.equal(await untilDone(10, 8, () => 0), 0);
});

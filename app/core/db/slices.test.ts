import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
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

test('slices of long jobs running at once take turns: one slice per turn of the event loop', async () => {
  // A job is written in slices; three run side by side, as a sync writes several sources at once.
  // Each turn of the event loop runs `tick` once (check phase), and a message posted to this
  // thread is taken in each turn's poll phase: no two slices may fall in the same turn, or a call
  // queued behind the jobs waits for one slice per job.
  let turn = 0;
  let running = true;
  const tick = (): void => {
    turn += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const turns: number[] = [];
  const { port1, port2 } = new MessageChannel();
  const answered: number[] = [];
  port1.on('message', () => answered.push(turns.length));
  const job = (n: number): Promise<number[]> =>
    inSlices(
      Array.from({ length: n }, (_, i) => i),
      2,
      8,
      (slice) => {
        turns.push(turn);
        // A message sent from within a slice waits only for that slice.
        if (turns.length % 5 === 0) port2.postMessage('call');
        return slice.length;
      },
      () => 0,
    );
  const [a, b, c] = await Promise.all([job(40), job(30), job(20)]);
  running = false;
  port1.close();
  assert.equal(
    a.reduce((x, y) => x + y, 0),
    40,
  );
  assert.equal(
    b.reduce((x, y) => x + y, 0),
    30,
  );
  assert.equal(
    c.reduce((x, y) => x + y, 0),
    20,
  );
  assert.equal(new Set(turns).size, turns.length, `slices per turn: ${turns.join(',')}`);
  // Each message was taken before the slice after the one that sent it.
  assert.ok(answered.length > 0);
  for (const [i, seen] of answered.entries()) assert.equal(seen, (i + 1) * 5, answered.join(','));
});

test('a slice that throws fails its own job only; the next job still gets its turn', async () => {
  const failing = inSlices([1, 2, 3], 1, 8, () => {
    throw new Error('disk full');
  });
  const next = inSlices([1, 2, 3], 1, 8, (slice) => slice.length);
  await assert.rejects(failing, /disk full/);
  assert.equal(
    (await next).reduce((x, y) => x + y, 0),
    3,
  );
});

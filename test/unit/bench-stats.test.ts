import assert from 'node:assert/strict';
import { test } from 'node:test';
import { round, stats } from '../../scripts/bench-stats.ts';

test('p95 is the nearest rank: of 20 samples the 19th, so one outlier does not decide it', () => {
  const samples = [...Array.from({ length: 18 }, (_, i) => 10 + i / 10), 15, 40];
  assert.deepEqual(stats(samples), { median_ms: 11, p95_ms: 15 });
  // Of 100, the 95th; of 10, the 10th (the largest).
  assert.equal(stats(Array.from({ length: 100 }, (_, i) => i + 1)).p95_ms, 95);
  assert.equal(stats(Array.from({ length: 10 }, (_, i) => i + 1)).p95_ms, 10);
});

test('the median of an even count is the mean of the middle two; order does not matter', () => {
  assert.deepEqual(stats([4, 1, 3, 2]), { median_ms: 2.5, p95_ms: 4 });
  assert.deepEqual(stats([7]), { median_ms: 7, p95_ms: 7 });
  assert.deepEqual(stats([]), { median_ms: 0, p95_ms: 0 });
});

test('figures are rounded to the places asked for', () => {
  assert.equal(round(1.26), 1.3);
  assert.equal(round(1.2345, 3), 1.235);
  assert.deepEqual(stats([0.12345, 0.12345], 3), { median_ms: 0.123, p95_ms: 0.123 });
});

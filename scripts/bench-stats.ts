/** Summary statistics shared by the benchmark scripts (bench-ui, bench-store). */

/** `x` rounded to `places` decimal places. */
export function round(x: number, places = 1): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

/**
 * The median (the mean of the middle two for an even count) and the 95th percentile by the
 * nearest-rank method: the smallest sample with at least 95 % of the samples at or below it (of
 * 20, the 19th, not the largest). 0 for no samples.
 */
export function stats(
  samples: readonly number[],
  places = 1,
): { median_ms: number; p95_ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median_ms: 0, p95_ms: 0 };
  const middle =
    n % 2 === 1
      ? (sorted[(n - 1) / 2] ?? 0)
      : ((sorted[n / 2 - 1] ?? 0) + (sorted[n / 2] ?? 0)) / 2;
  const p95 = sorted[Math.ceil(0.95 * n) - 1] ?? 0;
  return { median_ms: round(middle, places), p95_ms: round(p95, places) };
}

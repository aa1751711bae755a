/**
 * Percentiles by the nearest-rank method: of n values sorted ascending, the
 * p-th percentile is the value at rank ceil(p/100 · n) (ranks 1...n). So the median
 * (p = 50) of an even count is the lower of the two middle values, and the
 * 90th percentile of 3 values is the largest. Always one of the values itself.
 */

/** The `p`-th percentile (0 < p <= 100) of `values` by nearest rank; null when there are none. */
export function nearestRank(values: readonly number[], p: number): number | null {
  return rankIn(Float64Array.from(values).sort(), p);
}

/** The `p`-th percentile of values already sorted ascending. */
function rankIn(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Cannot take percentile ${p}: use 0 < p <= 100`);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(1, rank) - 1] ?? null;
}

/** The median and 90th percentile of some durations, and how many there are. */
export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** Sums up durations in milliseconds by nearest rank. */
export function summarize(values: readonly number[]): DurationSummary {
  const sorted = Float64Array.from(values).sort();
  return { count: values.length, medianMs: rankIn(sorted, 50), p90Ms: rankIn(sorted, 90) };
}

/**
 * Robust statistics for anomaly detection: the median and the median absolute deviation
 * (MAD) resist the odd extreme week far better than a mean and standard deviation would.
 */

/** Median of the values (sorts a copy); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median; null for none. */
export function mad(
  values: readonly number[],
  center: number | null = median(values),
): number | null {
  if (center === null) return null;
  return median(values.map((v) => Math.abs(v - center)));
}

/** 1.4826 × MAD estimates the standard deviation when the bulk of the data is normal. */
export const MAD_TO_SD = 1.4826;

export interface RobustSummary {
  median: number;
  mad: number;
  n: number;
}

export function summarise(values: readonly number[]): RobustSummary | null {
  const m = median(values);
  if (m === null) return null;
  return { median: m, mad: mad(values, m)!, n: values.length };
}

/**
 * How many robust standard deviations `value` lies from the median. Most students attend every
 * day, so the MAD is often 0: `minScale` (in the feature's own units) keeps a one-day dip from
 * looking infinitely unusual.
 */
export function robustZ(value: number, summary: RobustSummary, minScale: number): number {
  const scale = Math.max(MAD_TO_SD * summary.mad, minScale);
  return (value - summary.median) / scale;
}

/** Small statistics for the benchmark: medians, and a spread that says how steady a figure is. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Lowest and highest, for the results file. */
export function range(values: readonly number[]): [number, number] {
  return values.length === 0 ? [Number.NaN, Number.NaN] : [Math.min(...values), Math.max(...values)];
}

/** A figure for tables: three significant figures, at most two decimals. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A linear scale for the seat chart: seats to per cent of the chart's width.
 *
 * Why not d3-scale: `scaleLinear` brings d3-interpolate, d3-color, d3-format and d3-array with
 * it (measured: 9.0 KB gzip minified, for a line of arithmetic), and the four widgets share a
 * 30 KB budget. The seat chart needs only the mapping and its inverse over a domain that starts
 * at zero, so this keeps d3-scale's calling shape (`scale(value)`, `scale.domain()`,
 * `scale.range()`, `scale.invert(x)`) for the part that is used.
 */

export interface LinearScale {
  (value: number): number;
  /** The input extent, [d0, d1]. */
  domain(): readonly [number, number];
  /** The output extent, [r0, r1]. */
  range(): readonly [number, number];
  /** The input that maps to `x`. */
  invert(x: number): number;
}

/**
 * Maps [d0, d1] linearly onto [r0, r1]. A collapsed domain (d0 === d1) maps every value to
 * the middle of the range, as d3-scale does; NaN stays NaN. Not clamped: seats beyond the
 * domain map beyond the range, so callers see an error instead of a silently clipped bar.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number] = [0, 100],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  scale.domain = () => [d0, d1];
  scale.range = () => [r0, r1];
  scale.invert = (x: number) => (r1 === r0 ? d0 : d0 + ((x - r0) / (r1 - r0)) * span);
  return scale;
}

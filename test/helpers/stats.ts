/** Statistics written out in the tests as the second method, beside the model SQL. */

/** 95 % Wilson score interval of k successes in n, in per cent. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const d = 1 + (z * z) / n;
  return [(100 * (centre - margin)) / d, (100 * (centre + margin)) / d];
}

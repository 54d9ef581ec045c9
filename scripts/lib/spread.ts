/** Small statistics for benchmarks that repeat runs on a noisy machine: medians, spreads, targets. */

/** The `p`-th percentile (0–100, nearest rank) of `xs`; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** The median of `xs`. */
export const median = (xs: readonly number[]): number => percentile(xs, 50);

/** "median m (min–max, n runs)" with `digits` decimals; `unit` follows each number. */
export function spread(xs: readonly number[], digits = 0, unit = ''): string {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return 'n/a';
  const f = (x: number): string => `${x.toFixed(digits)}${unit}`;
  const missing = xs.length - finite.length;
  const note = missing ? `, ${missing} of ${xs.length} runs without a figure` : '';
  return `median ${f(median(finite))} (${f(Math.min(...finite))}–${f(Math.max(...finite))}, ${finite.length} runs${note})`;
}

/** Whether every run met a target: `≤ limit`. */
export type Verdict = 'met' | 'MISSED' | 'met in some runs only' | 'no figure';

/** The verdict of runs `xs` against an upper bound `limit`. */
export function verdict(xs: readonly number[], limit: number): Verdict {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0 || finite.length < xs.length)
    return finite.length ? 'MISSED' : 'no figure';
  const ok = finite.filter((x) => x <= limit).length;
  if (ok === finite.length) return 'met';
  return ok === 0 ? 'MISSED' : 'met in some runs only';
}

/** One report line: label, spread, and the target with its verdict. */
export function line(
  label: string,
  xs: readonly number[],
  target: { limit: number; text: string } | null,
  digits = 0,
  unit = '',
): string {
  const t = target ? ` [target ${target.text}: ${verdict(xs, target.limit)}]` : '';
  return `${label}: ${spread(xs, digits, unit)}${t}`;
}

/**
 * Page-level bootstrap intervals for the accuracy figures: the pages of a split are resampled
 * with replacement and the figure recomputed, so a report can say how far a figure would move
 * on another sample of pages of the same kind (the judge's pages are such a sample).
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Resamples drawn, and the fixed seed that makes a report reproducible. */
export const BOOTSTRAP_SAMPLES = 1000;
const BOOTSTRAP_SEED = 20261201;

/** The central 95% of `statOf` over page resamples of `items` (2.5th and 97.5th percentiles). */
export function bootstrapInterval<T>(
  items: readonly T[],
  statOf: (sample: readonly T[]) => number,
  samples = BOOTSTRAP_SAMPLES,
): [low: number, high: number] {
  if (items.length === 0) return [Number.NaN, Number.NaN];
  const rng = xoroshiro128plus(BOOTSTRAP_SEED);
  const stats: number[] = [];
  const sample: T[] = new Array<T>(items.length);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < items.length; i++)
      sample[i] = items[uniformInt(rng, 0, items.length - 1)] as T;
    stats.push(statOf(sample));
  }
  stats.sort((a, b) => a - b);
  const at = (q: number): number =>
    stats[Math.min(stats.length - 1, Math.max(0, Math.round(q * (stats.length - 1))))] ??
    Number.NaN;
  return [at(0.025), at(0.975)];
}

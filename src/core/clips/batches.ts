/**
 * Splitting bulk writes into messages of bounded size. A browser refuses an extension message
 * over 64 MiB, and a delete's reply carries every deleted clip (for undo), so batches are bounded
 * by their clips' serialised size as well as by count.
 */
import type { Clip } from './model';
import { LIMITS } from './schema';

/** Characters of serialised clips per message: far under 64 MiB even at 3 UTF-8 bytes each. */
export const BATCH_CHARS = 8_000_000;

/** Serialised size of a clip, in characters. */
export function clipChars(clip: Clip): number {
  return JSON.stringify(clip).length;
}

/**
 * Splits `items` in order into batches of at most `maxCount` items whose `weightOf` sums to at
 * most `maxWeight`; an item heavier than `maxWeight` alone makes a batch of its own.
 */
export function splitIntoBatches<T>(
  items: readonly T[],
  weightOf: (item: T) => number,
  maxCount: number = LIMITS.batch,
  maxWeight: number = BATCH_CHARS,
): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let weight = 0;
  for (const item of items) {
    const w = weightOf(item);
    if (batch.length > 0 && (batch.length >= maxCount || weight + w > maxWeight)) {
      batches.push(batch);
      batch = [];
      weight = 0;
    }
    batch.push(item);
    weight += w;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

import { describe, expect, it } from 'vitest';
import { BATCH_CHARS, clipChars, splitIntoBatches } from '../../../../src/core/clips/batches';
import { makeClip } from '../../../support/clip-fixtures';

describe('splitIntoBatches', () => {
  it('keeps order and bounds each batch by count and by weight', () => {
    const items = [1, 2, 3, 4, 5, 6, 7];
    expect(splitIntoBatches(items, () => 1, 3, 100)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(splitIntoBatches(items, (x) => x, 100, 6)).toEqual([[1, 2, 3], [4], [5], [6], [7]]);
  });

  it('gives an item heavier than the bound a batch of its own', () => {
    expect(splitIntoBatches(['a', 'huge', 'b'], (x) => (x === 'huge' ? 50 : 1), 10, 10)).toEqual([
      ['a'],
      ['huge'],
      ['b'],
    ]);
    expect(splitIntoBatches([], () => 1)).toEqual([]);
  });

  it('weighs a clip by its serialised size, whole articles included', () => {
    const clip = makeClip();
    expect(clipChars(clip)).toBe(JSON.stringify(clip).length);
    const article = {
      ...clip,
      quote: { exact: '字'.repeat(200_000), simplified: '字'.repeat(200_000) },
    };
    const batches = splitIntoBatches(Array(100).fill(article), clipChars);
    for (const batch of batches) {
      expect(batch.reduce((n, c) => n + clipChars(c), 0)).toBeLessThanOrEqual(BATCH_CHARS);
    }
    expect(batches.flat()).toHaveLength(100);
  });
});

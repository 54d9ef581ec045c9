import { describe, expect, it } from 'vitest';
import { slicesByCount, slicesByPosition } from '../../../src/core/step-slices';
import { STEP_UNITS } from '../../../src/core/text/normalize';

/** Runs `steps`, recording `seen()` at each yield. */
function yieldsOf<T>(steps: Generator<undefined, void>, seen: () => T): T[] {
  const out: T[] = [];
  while (!steps.next().done) out.push(seen());
  return out;
}

describe('slicesByPosition', () => {
  it('yields before the same checkpoints as a loop with its own nextYield', () => {
    const hits = [5, 7_999, 8_000, 8_001, 15_999, 16_000, 40_000, 40_001, 48_000];
    // The loop the drivers replace.
    const expected: number[] = [];
    let nextYield = STEP_UNITS;
    for (const h of hits) {
      if (h >= nextYield) {
        nextYield = h + STEP_UNITS;
        expected.push(h);
      }
    }
    // A slice function in the style of the passes: stops at the first hit at or past `limit`.
    let k = 0;
    const handled: number[] = [];
    const run = (limit: number): number => {
      for (; k < hits.length; k++) {
        const h = hits[k] as number;
        if (h >= limit) return h;
        handled.push(h);
      }
      return -1;
    };
    const atYields = yieldsOf(slicesByPosition(run), () => hits[k]);
    expect(atYields).toEqual(expected);
    expect(atYields).toEqual([8_000, 16_000, 40_000, 48_000]);
    expect(handled).toEqual(hits);
  });

  it('never yields when the scan ends before the first checkpoint', () => {
    expect(
      yieldsOf(
        slicesByPosition(() => -1),
        () => 0,
      ),
    ).toEqual([]);
  });
});

describe('slicesByCount', () => {
  it('covers [0, n) once, in order, yielding before every index i with i % every === every - 1', () => {
    const done: number[] = [];
    const atYields = yieldsOf(
      slicesByCount(23, 5, (from, to) => {
        for (let i = from; i < to; i++) done.push(i);
      }),
      () => done.length,
    );
    expect(done).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(atYields).toEqual([4, 9, 14, 19]);
  });

  it('does nothing for an empty range', () => {
    let calls = 0;
    expect(
      yieldsOf(
        slicesByCount(0, 5, () => calls++),
        () => 0,
      ),
    ).toEqual([]);
    expect(calls).toBe(0);
  });
});

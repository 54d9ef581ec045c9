/**
 * Thin stepping drivers around a pass's plain loop functions. A loop written inside a generator is
 * optimised by V8 as part of the whole generator, late, and its code is thrown away when the
 * generator moves on to its next phase; a plain function that works through a slice and returns
 * where it stopped is optimised on its own, on a page's first call.
 */
import { STEP_UNITS } from './text/normalize';

/**
 * Drives a scan through a text in slices: `run(limit)` works until the first checkpoint at or past
 * `limit` and answers that checkpoint's position (it resumes there on the next call), or -1 when
 * it is done. Yields before each checkpoint it answers; the next slice reaches {@link STEP_UNITS}
 * past it, as the loops' own `if (at >= nextYield) { nextYield = at + STEP_UNITS; yield; }` did.
 */
export function* slicesByPosition(run: (limit: number) => number): Generator<undefined, void> {
  let limit = STEP_UNITS;
  for (let at = run(limit); at >= 0; at = run(limit)) {
    limit = at + STEP_UNITS;
    yield;
  }
}

/**
 * Drives `run(from, to)` over `[0, n)` in slices, yielding before every index `i` with
 * `i % every === every - 1`, as a loop's own `if (i % every === every - 1) yield;` did.
 */
export function* slicesByCount(
  n: number,
  every: number,
  run: (from: number, to: number) => void,
): Generator<undefined, void> {
  let i = 0;
  while (i < n) {
    const r = i % every;
    if (r === every - 1) yield;
    const to = Math.min(n, r === every - 1 ? i + every : i + every - 1 - r);
    run(i, to);
    i = to;
  }
}

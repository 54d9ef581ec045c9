/**
 * The way back from normalised text to the original: maps offsets the engine's passes report in
 * the normalised text (glosses stripped) to offsets in the page's text as given.
 */
import type { NormalizedText } from './normalize';

/** Original index of a normalised index (binary search over the shifts). */
function toOriginal(norm: NormalizedText, index: number): number {
  const sh = norm.shifts;
  if (!sh || sh.length === 0) return Math.min(index, norm.original.length);
  let lo = 0;
  let hi = sh.length / 2 - 1;
  let delta = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sh[2 * mid] ?? 0) <= index) {
      delta = sh[2 * mid + 1] ?? 0;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Math.min(index + delta, norm.original.length);
}

/** True when `i` would split a surrogate pair of the original text. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
}

/** Original offset of a normalised start offset (never inside a surrogate pair). */
export function toOriginalStart(norm: NormalizedText, index: number): number {
  const i = toOriginal(norm, index);
  return splitsPair(norm.original, i) ? i - 1 : i;
}

/** Original offset of a normalised end offset (includes a gloss trailing the last character). */
export function toOriginalEnd(norm: NormalizedText, index: number): number {
  const i = toOriginal(norm, index);
  return splitsPair(norm.original, i) ? i + 1 : i;
}

/**
 * Maps many normalised offsets back to the original, fast when they come roughly in order (as an
 * engine pass reports them): walks forward from the last answer instead of searching every time.
 */
export class OffsetMapper {
  private readonly shifts: Int32Array | undefined;
  private readonly pairs: number;
  private readonly original: string;
  /** Pair index of the last answer: the last shift starting at or before the last index asked. */
  private k = -1;

  /** Prepares a mapper for one normalised text. */
  constructor(norm: NormalizedText) {
    this.shifts = norm.shifts;
    this.pairs = norm.shifts ? norm.shifts.length / 2 : 0;
    this.original = norm.original;
  }

  /** Original index of a normalised index (same as the binary search in `toOriginal`). */
  private map(index: number): number {
    const sh = this.shifts;
    const len = this.original.length;
    if (sh === undefined || this.pairs === 0) return Math.min(index, len);
    let k = this.k;
    // Asked for an earlier offset (a name inside the span just mapped): step back.
    while (k >= 0 && (sh[2 * k] ?? 0) > index) k--;
    while (k + 1 < this.pairs && (sh[2 * (k + 1)] ?? 0) <= index) k++;
    this.k = k;
    return Math.min(index + (k >= 0 ? (sh[2 * k + 1] ?? 0) : 0), len);
  }

  /** Original offset of a normalised start offset (see {@link toOriginalStart}). */
  start(index: number): number {
    const i = this.map(index);
    return splitsPair(this.original, i) ? i - 1 : i;
  }

  /** Original offset of a normalised end offset (see {@link toOriginalEnd}). */
  end(index: number): number {
    const i = this.map(index);
    return splitsPair(this.original, i) ? i + 1 : i;
  }
}

/** The original characters behind a normalised range, glosses left out (original script kept). */
export function originalCharsOf(norm: NormalizedText, start: number, end: number): string {
  if (!norm.shifts) return norm.original.slice(start, end);
  let s = '';
  for (let k = start; k < end; k++) s += norm.original.charAt(toOriginal(norm, k));
  return s;
}

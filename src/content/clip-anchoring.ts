/**
 * Re-finds a saved clip's passage in the current page text: at its recorded position if the text
 * there is still the quote, else the exact quote nearest to that position (prefix and suffix
 * break ties), else the best approximate match (`approx-string-match`) with context scoring.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../core/clips/model';

/** Where the passage was found. */
export interface Anchor {
  found: 'exact' | 'fuzzy' | 'none';
  start: number;
  end: number;
}

/** Longest quote the fuzzy search is attempted for (longer ones use their head). */
const FUZZY_PATTERN_LIMIT = 256;

/** Locates `quote` in `text`, using `position` as a hint. */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): Anchor {
  const { exact } = quote;
  if (!exact) return { found: 'none', start: 0, end: 0 };
  if (position && text.slice(position.start, position.end) === exact) {
    return { found: 'exact', start: position.start, end: position.end };
  }
  const hint = position?.start ?? 0;
  let best: { start: number; score: number } | null = null;
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    const score = contextScore(text, quote, i, i + exact.length) * 1e7 - Math.abs(i - hint);
    if (!best || score > best.score) best = { start: i, score };
  }
  if (best) return { found: 'exact', start: best.start, end: best.start + exact.length };

  const pattern = exact.slice(0, FUZZY_PATTERN_LIMIT);
  const maxErrors = Math.max(1, Math.floor(pattern.length * 0.25));
  const matches = search(text, pattern, maxErrors);
  let pick: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const end =
      pattern.length < exact.length ? Math.min(text.length, m.start + exact.length) : m.end;
    const score =
      -m.errors * 1e8 + contextScore(text, quote, m.start, end) * 1e7 - Math.abs(m.start - hint);
    if (!pick || score > pick.score) pick = { start: m.start, end, score };
  }
  return pick
    ? { found: 'fuzzy', start: pick.start, end: pick.end }
    : { found: 'none', start: 0, end: 0 };
}

/** Number of matching characters of prefix (backwards) and suffix (forwards) around a match. */
function contextScore(text: string, quote: TextQuoteSelector, start: number, end: number): number {
  let score = 0;
  for (
    let k = 1;
    k <= quote.prefix.length && text[start - k] === quote.prefix[quote.prefix.length - k];
    k++
  )
    score++;
  for (let k = 0; k < quote.suffix.length && text[end + k] === quote.suffix[k]; k++) score++;
  return score;
}

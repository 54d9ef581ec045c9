/**
 * Text helpers the meeting-records pass shares between its parts: where a sentence or clause
 * starts, whether reported speech has opened, and the records word lists of `lexicons/records.json`.
 */
import { wordsOf } from './lexicons/index';

/** The words of list `list` in `lexicons/records.json`. */
export const recordWords = (list: string): readonly string[] => wordsOf('records', list);

/** The words of a records list, longest first (so the longest word is tried first). */
export const longestFirst = (list: string): string[] =>
  [...recordWords(list)].sort((a, b) => b.length - a.length);

const REPORTED = longestFirst('reportedSpeech');

const SENTENCE_END = /[。！？!?\n]/;
/** Punctuation that ends a clause (and so a meeting's name or a person's part in it). */
export const CLAUSE_END = /[。！？!?\n；;，,：:]/;

/** Start of the sentence holding `i`. */
export function sentenceStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && !SENTENCE_END.test(text.charAt(s - 1))) s--;
  return s;
}

/** Start of the clause holding `i` (its leading spaces skipped). */
export function clauseStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && !CLAUSE_END.test(text.charAt(s - 1))) s--;
  while (s < i && /[\s\u3000]/.test(text.charAt(s))) s++;
  return s;
}

/** True when the sentence holding `i` has opened reported speech before `i` (会议指出, 强调). */
export function inReportedSpeech(text: string, i: number): boolean {
  const before = text.slice(sentenceStart(text, i), i);
  return REPORTED.some((w) => before.includes(w));
}

/** True when one of `list` starts at `at`. */
export const startsWithAny = (text: string, at: number, list: readonly string[]): boolean =>
  list.some((w) => text.startsWith(w, at));

/** True when one of `list` ends right before `at`. */
export const endsWithAny = (text: string, at: number, list: readonly string[]): boolean =>
  list.some((w) => at >= w.length && text.startsWith(w, at - w.length));

/** Longest span of a mention the other passes report (a title chain with its name). */
export const LONGEST_SPAN = 160;

/** Index of the first item (sorted by start) that may still reach past `at`. */
export function firstEndingAfter(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { start: number }).start >= at - LONGEST_SPAN) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

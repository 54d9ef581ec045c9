/**
 * Finds any of a fixed set of words in a text faster than a regular-expression alternation:
 * a table lookup on the first character, a hash of the first two, then a few `startsWith`
 * checks. Longer words win at the same position (总书记 over 书记).
 */

/** A 16-bit hash of two code units (collisions only cost a `startsWith` check). */
function pairHash(a: number, b: number): number {
  return ((a << 7) ^ b) & 0xffff;
}

/** Matches a fixed word list against a text. */
export class LiteralMatcher {
  /** 1 when some word starts with the code unit. */
  private readonly first = new Uint8Array(0x10000);
  /** 1 at the hash of the first two code units of some word. */
  private readonly pairs = new Uint8Array(0x10000);
  /** Words by the hash of their first two code units, longest first (read only on a pair hit). */
  private readonly byPair = new Map<number, string[]>();
  /** 1 for one-character words, by code unit. */
  private readonly singles = new Uint8Array(0x10000);

  /** Prepares the matcher for `words` (empty strings ignored). */
  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (w.length === 0) continue;
      const c = w.charCodeAt(0);
      this.first[c] = 1;
      if (w.length === 1) {
        this.singles[c] = 1;
        continue;
      }
      const h = pairHash(c, w.charCodeAt(1));
      const list = this.byPair.get(h) ?? [];
      list.push(w);
      list.sort((a, b) => b.length - a.length);
      this.byPair.set(h, list);
      this.pairs[h] = 1;
    }
  }

  /** The longest word starting exactly at `at`, or undefined. */
  wordAt(text: string, at: number): string | undefined {
    const c = text.charCodeAt(at);
    if (this.first[c] !== 1) return undefined;
    const h = pairHash(c, text.charCodeAt(at + 1));
    const list = this.pairs[h] === 1 ? this.byPair.get(h) : undefined;
    if (list !== undefined) {
      for (let k = 0; k < list.length; k++) {
        const w = list[k] as string;
        if (text.startsWith(w, at)) return w;
      }
    }
    return this.singles[c] === 1 ? text.charAt(at) : undefined;
  }

  /** The word found by the last successful {@link nextIndex}. */
  lastWord = '';

  /**
   * Index of the first match at or after `from` (before `to`), or -1; the word is left in
   * {@link lastWord}. Allocation-free, for the hot loops.
   */
  nextIndex(text: string, from: number, to?: number): number {
    const first = this.first;
    const pairs = this.pairs;
    const singles = this.singles;
    const end = to === undefined ? text.length : to;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (first[c] !== 1) continue;
      // Most first-character hits fail on the pair table: check it before calling out.
      if (singles[c] !== 1 && pairs[pairHash(c, text.charCodeAt(i + 1))] !== 1) continue;
      const w = this.wordAt(text, i);
      if (w !== undefined) {
        this.lastWord = w;
        return i;
      }
    }
    return -1;
  }

  /** The first match at or after `from` (before `to`), or undefined. */
  next(text: string, from: number, to?: number): { index: number; word: string } | undefined {
    const i = this.nextIndex(text, from, to);
    return i < 0 ? undefined : { index: i, word: this.lastWord };
  }
}

/**
 * One word list for {@link LiteralCounter}: a word counts only where `keep` holds, if given, and
 * only the first time when `distinct` is set (how many different words a page uses).
 */
export interface CountedWords {
  words: Iterable<string>;
  keep?: (text: string, word: string, at: number) => boolean;
  distinct?: boolean;
}

/**
 * Counts the words of several lists in one pass over a text, each list exactly as a scan of its
 * own would count it (longest word first, no overlaps within a list, stopping at a cap): a page
 * is read once for a dozen genres' words instead of once per genre.
 */
export class LiteralCounter {
  private readonly lists: readonly LiteralMatcher[];
  private readonly keeps: readonly CountedWords['keep'][];
  private readonly distinct: readonly boolean[];
  /** Every list's words together: finds the positions where any list may have a word. */
  private readonly any: LiteralMatcher;

  /** Prepares the counter for `lists`, each counted up to `cap`. */
  constructor(
    lists: readonly CountedWords[],
    private readonly cap: number,
  ) {
    const words = lists.map((l) => [...l.words]);
    this.lists = words.map((w) => new LiteralMatcher(w));
    this.keeps = lists.map((l) => l.keep);
    this.distinct = lists.map((l) => l.distinct === true);
    this.any = new LiteralMatcher(words.flat());
  }

  /** The count of each list's words in `text`, in the order of the lists. */
  count(text: string): number[] {
    const n = this.lists.length;
    const counts = new Array<number>(n).fill(0);
    // Where each list's own scan would resume: past its last word, which hides words inside it.
    const resume = new Array<number>(n).fill(0);
    const seen = this.distinct.map((d) => (d ? new Set<string>() : undefined));
    let open = n;
    for (
      let i = this.any.nextIndex(text, 0);
      i >= 0 && open > 0;
      i = this.any.nextIndex(text, i + 1)
    )
      for (let g = 0; g < n; g++) {
        if (i < (resume[g] as number) || (counts[g] as number) >= this.cap) continue;
        const word = (this.lists[g] as LiteralMatcher).wordAt(text, i);
        if (word === undefined) continue;
        resume[g] = i + word.length;
        const keep = this.keeps[g];
        if (keep && !keep(text, word, i)) continue;
        const words = seen[g];
        if (words) {
          if (words.has(word)) continue;
          words.add(word);
        }
        counts[g] = (counts[g] as number) + 1;
        if (counts[g] === this.cap) open--;
      }
    return counts;
  }
}

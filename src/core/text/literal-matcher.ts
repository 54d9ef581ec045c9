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

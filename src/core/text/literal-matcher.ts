/**
 * Finds any of a fixed set of words in a text faster than a regular-expression alternation:
 * a table lookup on the first two characters, then a few `startsWith` checks.
 * Longer words win at the same position (总书记 over 书记).
 */
/** A 16-bit hash of two code units (collisions only cost a `startsWith` check). */
function pairHash(a: number, b: number): number {
  return ((a << 7) ^ b) & 0xffff;
}

export class LiteralMatcher {
  /** 1 when some word starts with the code unit. */
  private readonly first = new Uint8Array(0x10000);
  /** 1 at the hash of the first two code units of some word (single-character words: `hasSingle`). */
  private readonly pairs = new Uint8Array(0x10000);
  private hasSingle = false;
  private readonly byFirst = new Map<number, string[]>();

  /** Prepares the matcher for `words` (empty strings ignored). */
  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (w.length === 0) continue;
      const c = w.charCodeAt(0);
      this.first[c] = 1;
      if (w.length === 1) this.hasSingle = true;
      else this.pairs[pairHash(c, w.charCodeAt(1))] = 1;
      const list = this.byFirst.get(c) ?? [];
      list.push(w);
      this.byFirst.set(c, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest word starting exactly at `at`, or undefined. */
  wordAt(text: string, at: number): string | undefined {
    const c = text.charCodeAt(at);
    if (this.first[c] !== 1) return undefined;
    for (const w of this.byFirst.get(c) ?? []) if (text.startsWith(w, at)) return w;
    return undefined;
  }

  /** The first match at or after `from` (before `to`), or undefined. */
  next(text: string, from: number, to = text.length): { index: number; word: string } | undefined {
    const first = this.first;
    const pairs = this.pairs;
    const single = this.hasSingle;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (first[c] !== 1) continue;
      if (!single && pairs[pairHash(c, text.charCodeAt(i + 1))] !== 1) continue;
      const w = this.wordAt(text, i);
      if (w !== undefined) return { index: i, word: w };
    }
    return undefined;
  }

  /** The longest word (of at most `maxLength` characters) that ends exactly at `end`, or undefined. */
  endingAt(text: string, end: number, maxLength = 8): string | undefined {
    for (let len = Math.min(maxLength, end); len >= 1; len--) {
      const at = end - len;
      for (const w of this.byFirst.get(text.charCodeAt(at)) ?? []) {
        if (w.length === len && text.startsWith(w, at)) return w;
      }
    }
    return undefined;
  }
}

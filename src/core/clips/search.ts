/**
 * Search text for clips. Matching works across scripts (韦韬 finds 韋韜 and back) and ignores
 * inline pinyin glosses (網(wǎng)) because query and clip text go through the same folding. The
 * traditional→simplified step is pluggable: the engine's `toSimplified` in the product, a small
 * double in tests.
 */
import type { Clip } from './model';

/** Turns text into simplified script (and may strip pinyin glosses). */
export type ToSimplified = (text: string) => string;

/** A Han character followed by a parenthesised pinyin gloss, e.g. `網(wǎng)` or `節（jié）`. */
const PINYIN_GLOSS =
  /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]\s*[a-zàáâǎèéêěìíîǐòóôǒùúûǔüǖǘǚǜńňǹḿ]{1,7}\s*[)）]/gu;

/** Removes inline pinyin glosses after Han characters. */
export function stripPinyinGlosses(text: string): string {
  return text.replace(PINYIN_GLOSS, '$1');
}

/** Script-independent folding: glosses off, width/compatibility forms unified, case and spaces dropped. */
export function foldText(text: string): string {
  return stripPinyinGlosses(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
}

/** A search normaliser: maps clip text and queries onto the same comparable form. */
export interface SearchNormaliser {
  /** Folds text of any script. */
  normalise(text: string): string;
  /** Folds text already in simplified script (cheaper: skips conversion). */
  normaliseSimplified(text: string): string;
}

/** Builds a normaliser around a traditional→simplified converter (identity when none is given). */
export function createSearchNormaliser(toSimplified: ToSimplified = (t) => t): SearchNormaliser {
  return {
    normalise: (text) => foldText(toSimplified(stripPinyinGlosses(text))),
    normaliseSimplified: foldText,
  };
}

/** Separates fields so a query never matches across two of them. */
const FIELD_SEPARATOR = '\u0001';

const haystacks = new WeakMap<Clip, { normaliser: SearchNormaliser; text: string }>();

/**
 * The folded text a query is matched against: quote, note, tags, title and entity fields.
 * Cached per clip object, so repeated keystrokes cost only the substring tests.
 */
function searchTextOf(clip: Clip, normaliser: SearchNormaliser): string {
  const cached = haystacks.get(clip);
  if (cached && cached.normaliser === normaliser) return cached.text;
  // Quote and entity fields are simplified already; user-typed fields may be in any script.
  const simplified: string[] = [clip.quote.simplified];
  for (const e of clip.entities) {
    simplified.push(e.simplified);
    if (e.kind === 'official') simplified.push(e.name, ...e.titles);
    else if (e.kind === 'meeting') simplified.push(e.body ?? '', e.meetingType ?? '');
    else simplified.push(e.normalized);
  }
  const typed = [clip.note, ...clip.tags, clip.title];
  const text = [
    ...simplified.map((p) => normaliser.normaliseSimplified(p)),
    ...typed.map((p) => normaliser.normalise(p)),
  ].join(FIELD_SEPARATOR);
  haystacks.set(clip, { normaliser, text });
  return text;
}

/** Splits a query into folded terms (whitespace separates terms; all must match). */
export function queryTerms(query: string, normaliser: SearchNormaliser): string[] {
  return query
    .split(/\s+/)
    .map((t) => normaliser.normalise(t))
    .filter((t) => t.length > 0);
}

/** Whether a clip matches every folded term. */
export function matchesTerms(clip: Clip, terms: readonly string[], normaliser: SearchNormaliser) {
  if (terms.length === 0) return true;
  const hay = searchTextOf(clip, normaliser);
  return terms.every((t) => hay.includes(t));
}

/**
 * Builds the search text of `clips` in slices between other work, so the first keystroke after
 * loading a large library does not pay for it. `schedule` runs the next slice (e.g. setTimeout).
 */
export function warmSearchText(
  clips: readonly Clip[],
  normaliser: SearchNormaliser,
  schedule: (next: () => void) => void,
  onDone: () => void = () => undefined,
  slice = 500,
): void {
  let at = 0;
  const step = () => {
    const end = Math.min(clips.length, at + slice);
    for (; at < end; at++) searchTextOf(clips[at]!, normaliser);
    if (at < clips.length) schedule(step);
    else onDone();
  };
  schedule(step);
}

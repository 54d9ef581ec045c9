/**
 * Normalisation for matching: strips inline pinyin glosses (`網(wǎng)`) when the page uses them,
 * converts traditional characters to simplified and full-width digits/letters to ASCII, and keeps
 * a map from every normalised UTF-16 index back to the original text (read by `offset-mapping.ts`).
 */
import { mapOf } from '../lexicons/index';
import { codeUnits } from './buffers';
import { codeUnitFlags } from './code-unit-flags';
import { runSteps } from '../steps';
import type { Script } from '../types';
import {
  foldTraditionalZhu,
  getSimplifiedOnlyTable,
  getSimplifyTable,
  simplifyAstral,
} from './script-convert';

/** Normalised text plus the way back to the original offsets. */
export interface NormalizedText {
  /** The input as given. */
  original: string;
  /** Simplified, glosses stripped, full-width digits/letters as ASCII. */
  text: string;
  /**
   * Offset shifts where glosses were removed, as pairs: from normalised index `shifts[2k]` on,
   * original index = normalised index + `shifts[2k + 1]`. Undefined (or empty) means identity:
   * every other change keeps lengths.
   */
  shifts: Int32Array | undefined;
  /** True when inline pinyin glosses were found densely enough to be stripped. */
  pinyinStripped: boolean;
  /** CJK ideographs seen. */
  cjkCount: number;
  /** Ideographs that changed in traditional → simplified conversion. */
  traditionalCount: number;
  /** Ideographs only simplified text uses. */
  simplifiedOnlyCount: number;
}

/** Tone-marked vowels (and the rare tone-marked nasals) of Hanyu Pinyin. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** A toneless syllable that is valid pinyin (so `(pdf)` or `(abc)` are never taken for glosses). */
const PINYIN_SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|in|ia|ie|iu|ua|uo|ui|un|ün|üe|ue|ve|vn|a|o|e|i|u|ü|v)[1-5]?$/;

/** Glosses needed on a page before any is stripped (real parentheses must never go). */
const MIN_TONED_GLOSSES = 2;
/** Work (code units) between two yields of the step generator. */
export const STEP_UNITS = 8_000;
/** Code units handled per call of the per-character loop (see {@link normalizeSteps}). */
const CALL_UNITS = 512;

/** True for CJK unified ideographs (BMP blocks, incl. extension A and compatibility). */
export function isHan(unit: number): boolean {
  return (
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0xf900 && unit <= 0xfaff)
  );
}

/**
 * Counts tone-marked glosses (and repeated toneless ones), stopping at `cap`. Toneless glosses
 * between ideographs (人(ren)大, or 党(dang) 委 with a space, as some sites write them) count too
 * once a page has {@link MIN_TONELESS_GLOSSES} of them: one alone may be a real parenthesis.
 */
export function countPinyinGlosses(text: string, cap = Infinity): number {
  let found = 0;
  let toneless = 0;
  // Only parentheses can open a gloss: jump from one to the next instead of scanning every character.
  for (const open of ['(', '（']) {
    for (let i = text.indexOf(open); i >= 0 && found < cap; i = text.indexOf(open, i + 1)) {
      if (i === 0 || !isHan(text.charCodeAt(i - 1))) continue;
      const len = oneGlossAt(text, i);
      if (len === 0) continue;
      const toned = [...text.slice(i + 1, i + len - 1)].some(
        (ch) => TONED_UNITS[ch.charCodeAt(0)] === 1,
      );
      if (toned || oneGlossAt(text, i + len) > 0) found++;
      else if (spaceBeforeHan(text, i + len) > 0 || isHan(text.charCodeAt(i + len))) toneless++;
    }
  }
  return toneless >= MIN_TONELESS_GLOSSES ? found + toneless : found;
}

/** Toneless glosses between ideographs needed before they count (real parentheses are rare there). */
const MIN_TONELESS_GLOSSES = 4;

/** 1 when one space and then an ideograph stand at `at` (the space after 党(dang) in 党(dang) 委), else 0. */
function spaceBeforeHan(text: string, at: number): number {
  return text.charCodeAt(at) === 0x20 && isHan(text.charCodeAt(at + 1)) ? 1 : 0;
}

/** Code units of tone-marked pinyin letters. */
const TONED_UNITS = codeUnitFlags(TONED);

/** Code units of the parentheses a gloss opens with: ASCII and full-width. */
const OPEN_PARENS = [0x28, 0xff08];
/** True for a parenthesis that opens a gloss. */
const isOpenParen = (unit: number): boolean => OPEN_PARENS.includes(unit);
/** True for a parenthesis that closes one. */
const isCloseParen = (unit: number): boolean => unit === 0x29 || unit === 0xff09;

/** Length of one gloss `(wǎng)` starting at `at` (which holds a parenthesis), or 0. */
function oneGlossAt(text: string, at: number): number {
  const limit = Math.min(text.length, at + 10);
  let toned = false;
  let k = at + 1;
  for (; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (isCloseParen(c)) break;
    // a–z, ü, and the Latin alpha / script g (ɑ, ɡ) some sites use in pinyin.
    if ((c >= 0x61 && c <= 0x7a) || c === 0xfc || c === 0x251 || c === 0x261) continue;
    if (c >= 0x31 && c <= 0x35 && k > at + 1) continue;
    // 會(huì )議: some sites leave a space before the closing parenthesis.
    if (c === 0x20 && k > at + 1 && isCloseParen(text.charCodeAt(k + 1))) continue;
    if (TONED_UNITS[c] === 1) {
      toned = true;
      continue;
    }
    return 0;
  }
  if (k >= limit || k === at + 1) return 0;
  if (
    !toned &&
    !PINYIN_SYLLABLE.test(
      text
        .slice(at + 1, k)
        .trimEnd()
        .replace(/ɑ/g, 'a')
        .replace(/ɡ/g, 'g'),
    )
  )
    return 0;
  return k + 1 - at;
}

/**
 * Length of a pinyin gloss (or run of glosses, `(zheng)(zheng)`) starting at `at`, or 0; a
 * single space between the gloss and the next ideograph goes with it (党(dang) 委).
 */
function glossLengthAt(text: string, at: number): number {
  let end = at;
  for (;;) {
    const c = text.charCodeAt(end);
    if (!isOpenParen(c)) break;
    const len = oneGlossAt(text, end);
    if (len === 0) break;
    end += len;
  }
  if (end > at) end += spaceBeforeHan(text, end);
  return end - at;
}

let decoder: TextDecoder | undefined;

/** Builds a string from UTF-16 units (a lone surrogate becomes U+FFFD, length unchanged). */
function unitsToString(units: Uint16Array, length: number): string {
  decoder ??= new TextDecoder('utf-16le');
  return decoder.decode(units.subarray(0, length));
}

/** Work state of one normalisation, advanced chunk by chunk. */
interface NormState {
  original: string;
  strip: boolean;
  classes: Uint8Array;
  outputs: Uint16Array;
  out: Uint16Array;
  /** Shift pairs so far (see {@link NormalizedText.shifts}), grown by doubling. */
  shifts: Int32Array;
  shiftCount: number;
  o: number;
  /** Code units seen per {@link UnitClass} (astral pairs counted apart). */
  counts: Int32Array;
  astralPairs: number;
  astralChanged: number;
}

/**
 * What a code unit needs in normalisation, by code unit. Classes below {@link SPECIAL} only count and
 * copy their output unit, so the hot loop is two table lookups and no branches per character.
 */
const enum UnitClass {
  Other = 0,
  Han = 1,
  HanSimplifiedOnly = 2,
  Traditional = 3,
  FullWidth = 4,
  HighSurrogate = 5,
  OpenParen = 6,
  /** ? or U+FFFD: what a misdecoding leaves of a character's lead byte (see misdecodedLetters). */
  Misdecoded = 7,
}
/** The first {@link UnitClass} that needs more than a count and a copy. */
const SPECIAL = UnitClass.HighSurrogate;

let unitTables: { classes: Uint8Array; outputs: Uint16Array } | undefined;

/** Ranges of full-width digits and letters (each becomes its ASCII form, 0xfee0 lower). */
const FULL_WIDTH_RANGES = [
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
] as const;
/** The BMP blocks {@link isHan} accepts. */
const HAN_RANGES = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0xf900, 0xfaff],
] as const;

/**
 * The {@link UnitClass} and the normalised output of every BMP code unit, built once from the
 * conversion tables. Built range by range, weakest class first so stronger ones overwrite it
 * (surrogate, then parenthesis, then traditional, then ideograph, then full-width): each loop is
 * branch-free, where one loop over all 65,536 units with every case in it ran unoptimised on a
 * cold engine (V8 kept bailing out of it on branches it had not yet seen).
 */
function getUnitTables(): { classes: Uint8Array; outputs: Uint16Array } {
  if (unitTables) return unitTables;
  const table = getSimplifyTable();
  const simplifiedOnly = getSimplifiedOnlyTable();
  const k = new Uint8Array(0x10000);
  const outputs = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) outputs[c] = c;
  for (const [from, to] of FULL_WIDTH_RANGES)
    for (let c = from; c <= to; c++) {
      k[c] = UnitClass.FullWidth;
      outputs[c] = c - 0xfee0;
    }
  for (const [from, to] of HAN_RANGES)
    for (let c = from; c <= to; c++)
      k[c] = simplifiedOnly[c] === 1 ? UnitClass.HanSimplifiedOnly : UnitClass.Han;
  for (let c = 0; c < 0x10000; c++) {
    const t = table[c] ?? 0;
    if (t === 0) continue;
    k[c] = UnitClass.Traditional;
    outputs[c] = t;
  }
  for (const c of OPEN_PARENS) {
    k[c] = UnitClass.OpenParen;
    outputs[c] = c;
  }
  for (const c of MISDECODED_MARKS) k[c] = UnitClass.Misdecoded;
  for (let c = 0xd800; c <= 0xdbff; c++) {
    k[c] = UnitClass.HighSurrogate;
    outputs[c] = c;
  }
  unitTables = { classes: k, outputs };
  return unitTables;
}

/** ? and U+FFFD, which stand where a misdecoded character's lead byte was. */
const MISDECODED_MARKS = [0x3f, 0xfffd];
/** The character a letter after such marks stands for, as a code unit: h → 縣 (GBK BF 68). */
const MISDECODED_LETTERS = new Map(
  Object.entries(mapOf('characters', 'misdecodedLetters')).map(([letter, ch]) => [
    letter.charCodeAt(0),
    ch.charCodeAt(0),
  ]),
);

/**
 * Index of the letter that ends a misdecoded character starting at `at` (??h before 委, 政協 or a
 * gloss), or -1: marks, one letter of the table, then an ideograph or an opening parenthesis.
 */
function misdecodedLetterAt(text: string, at: number): number {
  let k = at;
  while (k < text.length && MISDECODED_MARKS.includes(text.charCodeAt(k))) k++;
  if (!MISDECODED_LETTERS.has(text.charCodeAt(k))) return -1;
  const next = text.charCodeAt(k + 1);
  return isHan(next) || isOpenParen(next) ? k : -1;
}

/** True when the last normalised unit before `o` is an ideograph (a gloss may follow it). */
function hanBefore(st: NormState, o: number): boolean {
  if (o === 0) return false;
  const prev = st.out[o - 1] ?? 0;
  if (prev >= 0xdc00 && prev <= 0xdfff) {
    const high = o >= 2 ? (st.out[o - 2] ?? 0) : 0;
    return high >= 0xd800 && high <= 0xdbff;
  }
  const k = st.classes[prev] ?? UnitClass.Other;
  return k >= UnitClass.Han && k <= UnitClass.Traditional;
}

/** Records that from normalised index `at` on, original index = normalised index + `delta`. */
function pushShift(st: NormState, at: number, delta: number): void {
  if (st.shiftCount + 2 > st.shifts.length) {
    // A typed array grown by doubling: a page of glosses makes no garbage of boxed numbers.
    const grown = new Int32Array(Math.max(256, st.shifts.length * 2));
    grown.set(st.shifts);
    st.shifts = grown;
  }
  st.shifts[st.shiftCount++] = at;
  st.shifts[st.shiftCount++] = delta;
}

/**
 * Handles a high surrogate, an opening parenthesis or a misdecoding mark at `i`; returns the last
 * index consumed.
 */
function normalizeSpecial(st: NormState, i: number, k: number): number {
  const { original, out } = st;
  const c = original.charCodeAt(i);
  if (k === UnitClass.Misdecoded) {
    const letter = misdecodedLetterAt(original, i);
    if (letter > 0) {
      // The marks stay (they may stand for lost punctuation too: 召開??h人大 is 召開。縣人大);
      // the letter becomes the character, so lengths and offsets are unchanged.
      for (let m = i; m < letter; m++) out[st.o++] = original.charCodeAt(m);
      const ch = MISDECODED_LETTERS.get(original.charCodeAt(letter)) ?? c;
      const kc = st.classes[ch] ?? UnitClass.Other;
      st.counts[kc] = (st.counts[kc] ?? 0) + 1;
      out[st.o++] = st.outputs[ch] ?? ch;
      return letter;
    }
  }
  if (k === UnitClass.OpenParen && st.strip && hanBefore(st, st.o)) {
    const len = glossLengthAt(original, i);
    if (len > 0) {
      const last = i + len - 1;
      // The next kept character (original last + 1) will be normalised index o.
      pushShift(st, st.o, last + 1 - st.o);
      return last;
    }
  }
  if (k === UnitClass.HighSurrogate && i + 1 < original.length) {
    const low = original.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      const s = simplifyAstral(cp);
      st.astralPairs++;
      if (s !== cp) {
        const str = String.fromCodePoint(s);
        st.astralChanged++;
        out[st.o++] = str.charCodeAt(0);
        out[st.o++] = str.charCodeAt(1);
      } else {
        out[st.o++] = c;
        out[st.o++] = low;
      }
      return i + 1;
    }
  }
  out[st.o++] = c;
  return i;
}

/** Normalises the original code units from `from` up to `to`; returns where it stopped. */
function normalizeChunk(st: NormState, from: number, to: number): number {
  const { original, classes, outputs, out, counts } = st;
  let o = st.o;
  let i = from;
  for (; i < to; i++) {
    const c = original.charCodeAt(i);
    const k = classes[c] ?? UnitClass.Other;
    if (k >= SPECIAL) {
      st.o = o;
      i = normalizeSpecial(st, i, k);
      o = st.o;
      continue;
    }
    counts[k] = (counts[k] ?? 0) + 1;
    out[o++] = outputs[c] ?? c;
  }
  st.o = o;
  return i;
}

/** Normalises `original`, yielding after every {@link STEP_UNITS} code units of work. */
export function* normalizeSteps(original: string): Generator<undefined, NormalizedText> {
  const n = original.length;
  const { classes, outputs } = getUnitTables();
  const st: NormState = {
    original,
    strip: countPinyinGlosses(original, MIN_TONED_GLOSSES) >= MIN_TONED_GLOSSES,
    classes,
    outputs,
    out: codeUnits.borrow(n),
    shifts: new Int32Array(0),
    shiftCount: 0,
    o: 0,
    counts: new Int32Array(SPECIAL),
    astralPairs: 0,
    astralChanged: 0,
  };
  let finished = false;
  try {
    for (let i = 0; i < n;) {
      const stop = Math.min(n, i + STEP_UNITS);
      // Short calls: the loop is then optimised as a whole function once its every path has
      // type feedback. One long call gets on-stack-replaced code compiled before the code after
      // the loop ever ran, which V8 keeps re-entering and bailing out of at the loop's end.
      while (i < stop) i = normalizeChunk(st, i, Math.min(stop, i + CALL_UNITS));
      if (i < n) yield;
    }
    finished = true;
  } finally {
    // An aborted run (generator returned early or threw) must give the shared buffer back.
    if (!finished) {
      codeUnits.giveBack(st.out);
    }
  }
  const { o, out, strip, counts: byClass } = st;
  const shifts = st.shifts.subarray(0, st.shiftCount);
  const trad = (byClass[UnitClass.Traditional] ?? 0) + st.astralChanged;
  const simpOnly = byClass[UnitClass.HanSimplifiedOnly] ?? 0;
  const counts = {
    cjkCount: (byClass[UnitClass.Han] ?? 0) + simpOnly + trad + st.astralPairs - st.astralChanged,
    traditionalCount: trad,
    simplifiedOnlyCount: simpOnly,
  };
  const changed = trad > 0 || (byClass[UnitClass.FullWidth] ?? 0) > 0 || shifts.length > 0;
  const converted = changed ? unitsToString(out, o) : original;
  const text = scriptOf(counts) === 'traditional' ? foldTraditionalZhu(converted) : converted;
  codeUnits.giveBack(out);
  if (!changed) return { original, text, shifts: undefined, pinyinStripped: false, ...counts };
  return {
    original,
    text,
    shifts: shifts.length > 0 ? shifts.slice() : undefined,
    pinyinStripped: strip && o < n,
    ...counts,
  };
}

/** Script of the page as a whole, from the conversion counts. */
export function scriptOf(
  counts: Pick<NormalizedText, 'cjkCount' | 'traditionalCount' | 'simplifiedOnlyCount'>,
): Script {
  const { cjkCount, traditionalCount, simplifiedOnlyCount } = counts;
  if (cjkCount === 0) return 'none';
  const trad = traditionalCount / cjkCount;
  const simp = simplifiedOnlyCount / cjkCount;
  if (trad < 0.02) return 'simplified';
  if (trad >= 0.12 && simp < 0.08) return 'traditional';
  if (simp < 0.01) return 'traditional';
  return 'mixed';
}

/** Normalises `original` in one go. */
export function normalize(original: string): NormalizedText {
  return runSteps(normalizeSteps(original));
}

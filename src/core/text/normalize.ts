/**
 * Normalisation for matching: strips inline pinyin glosses (`網(wǎng)`) when the page uses them,
 * converts traditional characters to simplified and full-width digits/letters to ASCII, and keeps
 * a map from every normalised UTF-16 index back to the original text.
 */
import { getSimplifyTable, isSimplifiedOnly, simplifyAstral } from './script-convert';

/** Normalised text plus the way back to the original offsets. */
export interface NormalizedText {
  /** The input as given. */
  original: string;
  /** Simplified, glosses stripped, full-width digits/letters as ASCII. */
  text: string;
  /** Normalised index → original index (length `text.length + 1`); undefined means identity. */
  map: Int32Array | undefined;
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
const TONED_RE = new RegExp(`[${TONED}]`);
/** A gloss right after an ideograph: `網(wǎng)` or `網（wǎng）`. */
const GLOSS_AFTER_HAN = new RegExp(`[\\u3400-\\u9fff][(（][a-zü${TONED}]{1,7}[1-5]?[)）]`, 'g');
/** A gloss at a given position (sticky). */
const GLOSS_AT = new RegExp(`[(（]([a-zü${TONED}]{1,7}[1-5]?)[)）]`, 'y');
/** A toneless syllable that is valid pinyin (so `(pdf)` or `(abc)` are never taken for glosses). */
const PINYIN_SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|in|ia|ie|iu|ua|uo|ui|un|ün|üe|ue|ve|vn|a|o|e|i|u|ü|v)[1-5]?$/;

/** Glosses needed on a page before any is stripped (real parentheses must never go). */
const MIN_TONED_GLOSSES = 3;
/** Work (code units) between two yields of the step generator. */
export const STEP_UNITS = 20_000;

/** True for CJK unified ideographs (BMP blocks, incl. extension A and compatibility). */
export function isHan(unit: number): boolean {
  return (
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0xf900 && unit <= 0xfaff)
  );
}

/** Counts tone-marked glosses (and repeated toneless ones) to decide whether to strip. */
export function countPinyinGlosses(text: string): number {
  if (text.indexOf('(') < 0 && text.indexOf('（') < 0) return 0;
  let toned = 0;
  let repeated = 0;
  GLOSS_AFTER_HAN.lastIndex = 0;
  for (let m = GLOSS_AFTER_HAN.exec(text); m; m = GLOSS_AFTER_HAN.exec(text)) {
    if (TONED_RE.test(m[0])) toned++;
    else {
      GLOSS_AT.lastIndex = m.index + m[0].length;
      if (GLOSS_AT.test(text)) repeated++;
    }
  }
  return toned + repeated;
}

/** Length of a pinyin gloss (or run of glosses) starting at `at`, or 0. */
function glossLengthAt(text: string, at: number): number {
  let end = at;
  for (;;) {
    GLOSS_AT.lastIndex = end;
    const m = GLOSS_AT.exec(text);
    if (!m) break;
    const body = m[1] ?? '';
    if (!TONED_RE.test(body) && !PINYIN_SYLLABLE.test(body)) break;
    end = GLOSS_AT.lastIndex;
  }
  return end - at;
}

/** Builds a string from UTF-16 units in chunks (avoids argument-count limits). */
function unitsToString(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(
      String.fromCharCode.apply(
        null,
        units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[],
      ),
    );
  }
  return parts.join('');
}

/** Normalises `original`, yielding after every {@link STEP_UNITS} code units of work. */
export function* normalizeSteps(original: string): Generator<undefined, NormalizedText> {
  const table = getSimplifyTable();
  const strip = countPinyinGlosses(original) >= MIN_TONED_GLOSSES;
  yield;
  const n = original.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let o = 0;
  let changed = false;
  let cjk = 0;
  let trad = 0;
  let simpOnly = 0;
  let prevHan = false;
  let nextYield = STEP_UNITS;
  for (let i = 0; i < n; i++) {
    if (i >= nextYield) {
      nextYield = i + STEP_UNITS;
      yield;
    }
    let c = original.charCodeAt(i);
    if (strip && prevHan && (c === 0x28 || c === 0xff08)) {
      const len = glossLengthAt(original, i);
      if (len > 0) {
        i += len - 1;
        changed = true;
        continue;
      }
    }
    map[o] = i;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = original.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        const s = simplifyAstral(cp);
        if (s !== cp) {
          changed = true;
          trad++;
          const str = String.fromCodePoint(s);
          out[o++] = str.charCodeAt(0);
          map[o] = i + 1;
          out[o++] = str.charCodeAt(1);
        } else {
          out[o++] = c;
          map[o] = i + 1;
          out[o++] = low;
        }
        cjk++;
        prevHan = true;
        i++;
        continue;
      }
    }
    if (isHan(c)) {
      cjk++;
      prevHan = true;
      const s = table[c];
      if (s) {
        trad++;
        c = s;
        changed = true;
      } else if (isSimplifiedOnly(c)) simpOnly++;
    } else {
      prevHan = false;
      if (
        (c >= 0xff10 && c <= 0xff19) ||
        (c >= 0xff21 && c <= 0xff3a) ||
        (c >= 0xff41 && c <= 0xff5a)
      ) {
        c -= 0xfee0;
        changed = true;
      }
    }
    out[o++] = c;
  }
  map[o] = n;
  if (!changed) {
    return {
      original,
      text: original,
      map: undefined,
      pinyinStripped: false,
      cjkCount: cjk,
      traditionalCount: trad,
      simplifiedOnlyCount: simpOnly,
    };
  }
  return {
    original,
    text: unitsToString(out, o),
    map: o === n ? map : map.slice(0, o + 1),
    pinyinStripped: strip && o < n,
    cjkCount: cjk,
    traditionalCount: trad,
    simplifiedOnlyCount: simpOnly,
  };
}

/** Normalises `original` in one go. */
export function normalize(original: string): NormalizedText {
  const steps = normalizeSteps(original);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Original offset of a normalised start offset (never inside a surrogate pair). */
export function toOriginalStart(norm: NormalizedText, index: number): number {
  let i = norm.map ? (norm.map[index] ?? norm.original.length) : index;
  if (i > 0 && i < norm.original.length) {
    const c = norm.original.charCodeAt(i);
    const p = norm.original.charCodeAt(i - 1);
    if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) i--;
  }
  return i;
}

/** Original offset of a normalised end offset (includes a gloss trailing the last character). */
export function toOriginalEnd(norm: NormalizedText, index: number): number {
  let i = norm.map ? (norm.map[index] ?? norm.original.length) : index;
  if (i > 0 && i < norm.original.length) {
    const c = norm.original.charCodeAt(i);
    const p = norm.original.charCodeAt(i - 1);
    if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) i++;
  }
  return i;
}

/** The original characters behind a normalised range, glosses left out (original script kept). */
export function originalCharsOf(norm: NormalizedText, start: number, end: number): string {
  if (!norm.map) return norm.original.slice(start, end);
  let s = '';
  for (let k = start; k < end; k++) s += norm.original.charAt(norm.map[k] ?? 0);
  return s;
}

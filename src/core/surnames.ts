/**
 * Surname lookups over the lists in `lexicons/surnames.json`: single and compound surnames, the
 * characters that never stand inside a given name, and the dots of transliterated names.
 */
import { wordsOf } from './lexicons/index';
import { LiteralMatcher } from './text/literal-matcher';

const SINGLE = wordsOf('surnames', 'single');
/** Compound surnames (欧阳, 司马, 上官). */
export const COMPOUND_SURNAMES = wordsOf('surnames', 'compound');

/** Bit 1: a single surname; bit 2: the first character of a compound surname. */
const SURNAME_TABLE = new Uint8Array(0x10000);
for (const ch of SINGLE) {
  const c = ch.charCodeAt(0);
  SURNAME_TABLE[c] = (SURNAME_TABLE[c] ?? 0) | 1;
}
for (const name of COMPOUND_SURNAMES) {
  const c = name.charCodeAt(0);
  SURNAME_TABLE[c] = (SURNAME_TABLE[c] ?? 0) | 2;
}
const COMPOUND_SET = new Set(COMPOUND_SURNAMES);
const COMPOUND_LENGTHS = [...new Set(COMPOUND_SURNAMES.map((s) => s.length))].sort((a, b) => b - a);

/** Length of the surname at `text[at]` (that of a compound surname, 1 for a single one, 0 if none). */
export function surnameLengthAt(text: string, at: number): number {
  const t = SURNAME_TABLE[text.charCodeAt(at)] ?? 0;
  if (t === 0) return 0;
  if (t & 2)
    for (const len of COMPOUND_LENGTHS) if (COMPOUND_SET.has(text.slice(at, at + len))) return len;
  return t & 1;
}

/**
 * Characters that almost never occur inside a given name but often follow or precede one
 * (function words, verbs, organisation characters), so a name candidate containing one is rejected.
 */
export const NON_NAME_CHARS: ReadonlySet<string> = new Set(wordsOf('surnames', 'nonNameChars'));

/** Function-word characters that still open many given names (陈其春, 丁和平): see `rareNameChars`. */
export const RARE_NAME_CHARS: ReadonlySet<string> = new Set(wordsOf('surnames', 'rareNameChars'));

/** Function-word characters that still end many given names (王国和, 陈大为): see `rareNameEndings`. */
export const RARE_NAME_ENDINGS: ReadonlySet<string> = new Set(
  wordsOf('surnames', 'rareNameEndings'),
);

/** Dots that join the parts of a transliterated name; `·` is how names are reported. */
export const NAME_DOTS = wordsOf('surnames', 'nameDots').join('');

/** Characters that never stand inside a name read from a list of names. */
export const NOT_IN_LISTED_NAMES = wordsOf('surnames', 'notInListedNames').join('');

const MINORITY_STARTS = wordsOf('surnames', 'minorityNameStarts');
const MINORITY_SET = new Set(MINORITY_STARTS);
const MINORITY_LENGTHS = [...new Set(MINORITY_STARTS.map((s) => s.length))].sort((a, b) => b - a);

/** True when a Tibetan, Uyghur, Mongolian … name without a Chinese surname starts at `at`. */
export function minorityNameAt(text: string, at: number): boolean {
  for (const len of MINORITY_LENGTHS) if (MINORITY_SET.has(text.slice(at, at + len))) return true;
  return false;
}

const NOT_NAMES = new Set(wordsOf('surnames', 'notNames'));
const NOT_NAME_LENGTHS = [...new Set([...NOT_NAMES].map((w) => w.length))];

const CONJUNCTION_SURNAMES = new Set(wordsOf('surnames', 'conjunctionSurnames'));
const GROUPS_AFTER_CONJUNCTION = new LiteralMatcher(wordsOf('surnames', 'groupsAfterConjunction'));

/** True when the surname at `at` is also a conjunction (和): 和与会同志 joins, it names no one. */
export function conjunctionSurnameAt(text: string, at: number): boolean {
  return CONJUNCTION_SURNAMES.has(text.charAt(at));
}

/**
 * True when a common word that reads as a name starts at `at` (总书记关于…, 领导向上级…), or a
 * conjunction joining a group (组成人员和人大代表: 和 is no surname there).
 */
export function notNameAt(text: string, at: number): boolean {
  for (const len of NOT_NAME_LENGTHS) if (NOT_NAMES.has(text.slice(at, at + len))) return true;
  return (
    conjunctionSurnameAt(text, at) && GROUPS_AFTER_CONJUNCTION.wordAt(text, at + 1) !== undefined
  );
}

/** Read in place (no substring per name tried: this runs for every title's head). */
const WORDS_ACROSS_NAME_START = new LiteralMatcher(wordsOf('surnames', 'wordsAcrossNameStart'));

/** True when a name at `at` would start inside a word begun before it (河长 + 远发展 in 长远发展). */
export function wordAcrossNameStart(text: string, at: number): boolean {
  return at > 0 && WORDS_ACROSS_NAME_START.wordAt(text, at - 1)?.length === 2;
}

const DEPARTMENT_LAST_CHARS = new Set(wordsOf('surnames', 'departmentLastChars'));

/** True when `c` ends departments' short names and no given name (局, 队, 委: see departmentLastChars). */
export function isDepartmentLastChar(c: string): boolean {
  return DEPARTMENT_LAST_CHARS.has(c);
}

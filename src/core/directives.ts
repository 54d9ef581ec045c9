/**
 * Finds directive phrases in normalised text: quoted slogans (“三防”), numbered formulas
 * (二十条优化措施), imperative clauses (要…, 坚决…, 确保…) and enumeration markers
 * (一是/二是, 第一/第二, 一要/二要). Offsets are normalised offsets.
 */
import { NUMERAL_CHARS, parseNumeral } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { slicesByPosition } from './step-slices';
import { LiteralMatcher } from './text/literal-matcher';
import { alternationOf, wordsOf } from './lexicons/index';
import { bulletLineRanges, findArticleEnd, inBullet } from './article-extent';
import { QUOTE_RE, readQuotedSlogans } from './quoted-slogans';
import { enumerationAt, keepNumberedFamilies } from './enumeration-markers';
import type { DirectiveSubtype } from './types';

/** A directive phrase in normalised offsets. */
export interface RawDirective {
  start: number;
  end: number;
  subtype: DirectiveSubtype;
  normalized: string;
  count?: number;
}

const IMPERATIVE_HEADS = wordsOf('directives', 'imperativeHeads');
const NOT_BEFORE_YAO = wordsOf('directives', 'notBeforeYao').join('');
const NOT_AFTER_YAO = wordsOf('directives', 'notAfterYao').join('');
const FORMULA_MEASURES = wordsOf('directives', 'formulaMeasures');
const FORMULA_NOUNS = wordsOf('directives', 'formulaNouns');
/** What may stand between a formula's measure word and its noun, then the noun (sticky). */
const FORMULA_TAIL = new RegExp(`([\\u4e00-\\u9fff]{0,4})(${alternationOf(FORMULA_NOUNS)})`, 'y');
const IMPERATIVES = new LiteralMatcher(IMPERATIVE_HEADS);
/** Characters that end an imperative clause. */
const CLAUSE_END_CHARS = '，,。；;！!？?\n：:';

const NUMERAL_FLAGS = codeUnitFlags(NUMERAL_CHARS);
const CLAUSE_END_FLAGS = codeUnitFlags(CLAUSE_END_CHARS);

/** Trigger bits by code unit: what a character can open in the one pass over the article. */
const MEASURE = 1;
const IMPERATIVE = 2;
const ENUMERATION = 4;
const TRIGGER_FLAGS = new Uint8Array(0x10000);
/** Adds `bit` to the trigger flags of the first code unit of each of `words`. */
function addTrigger(words: Iterable<string>, bit: number): void {
  for (const w of words) {
    const c = w.charCodeAt(0);
    TRIGGER_FLAGS[c] = (TRIGGER_FLAGS[c] ?? 0) | bit;
  }
}
addTrigger(FORMULA_MEASURES.join(''), MEASURE);
addTrigger(IMPERATIVE_HEADS, IMPERATIVE);
addTrigger('是要第', ENUMERATION);

/**
 * The numbered formula whose measure word (条/项/版/大) is at `i`, read backwards to its numeral
 * (二十条优化措施), unless it lies inside a quoted slogan. `sp` walks the sorted slogans.
 */
function formulaAt(
  text: string,
  i: number,
  slogans: readonly RawDirective[],
  sp: { at: number },
): RawDirective | undefined {
  let ns = i;
  while (ns > 0 && i - ns < 8 && NUMERAL_FLAGS[text.charCodeAt(ns - 1)] === 1) ns--;
  if (ns === i) return undefined;
  const measure = text.charAt(i);
  const di = text.charAt(ns - 1) === '第';
  if (di && measure !== '版') return undefined; // 第二十条 is an article of a law, not a formula
  FORMULA_TAIL.lastIndex = i + 1;
  const tail = FORMULA_TAIL.exec(text);
  if (!tail) return undefined;
  if (/[的和与及在了是]/.test(tail[1] ?? '')) return undefined;
  const count = parseNumeral(text.slice(ns, i));
  if (count === undefined || count === 0 || count > 1000) return undefined;
  // 一项重要任务 is no formula; 十八大以来 is a Party congress, not N big things.
  if (count === 1 || (measure === '大' && count >= 8)) return undefined;
  const start = di ? ns - 1 : ns;
  const end = FORMULA_TAIL.lastIndex;
  while (sp.at < slogans.length && (slogans[sp.at]?.end ?? 0) <= start) sp.at++;
  const q = slogans[sp.at];
  if (q && q.start < end && q.end > start) return undefined;
  return { start, end, subtype: 'formula', normalized: text.slice(start, end), count };
}

/** The imperative clause opened by `word` at `s` (要压实责任), or undefined when it is no directive. */
function imperativeAt(text: string, s: number, word: string): RawDirective | undefined {
  const partOfWord =
    word === '要' &&
    (NOT_BEFORE_YAO.includes(text.charAt(s - 1)) || NOT_AFTER_YAO.includes(text.charAt(s + 1)));
  if (partOfWord) return undefined;
  let e = s + word.length;
  const limit = Math.min(text.length, s + 60);
  while (e < limit && CLAUSE_END_FLAGS[text.charCodeAt(e)] !== 1) e++;
  if (e - s - word.length < 2) return undefined;
  return { start: s, end: e, subtype: 'imperative', normalized: text.slice(s, e) };
}

/** Options of the directives pass. */
export interface DirectiveOptions {
  /** Extra slogans to find unquoted (user lexicon). */
  slogans?: readonly string[];
}

/** Where the one pass over the article stands: its position and each shape's resume position. */
interface ShapeScan {
  i: number;
  formulaFrom: number;
  imperativeFrom: number;
  /** Walks the sorted slogans (formulas inside one are none). */
  sp: { at: number };
  /** Enumeration markers by family (是, 要, 第). */
  families: Map<string, RawDirective[]>;
}

/**
 * Formulas, imperative clauses and enumeration markers, from `scan.i` up to the first character
 * at or past `limit` that can open one (answered).
 */
function readShapes(
  text: string,
  articleEnd: number,
  bullets: readonly [number, number][],
  slogans: readonly RawDirective[],
  out: RawDirective[],
  scan: ShapeScan,
  limit: number,
): number {
  for (; scan.i < articleEnd; scan.i++) {
    const i = scan.i;
    const flags = TRIGGER_FLAGS[text.charCodeAt(i)] ?? 0;
    if (flags === 0) continue;
    if (i >= limit) return i;
    if ((flags & MEASURE) !== 0 && i >= scan.formulaFrom) {
      const f = formulaAt(text, i, slogans, scan.sp);
      if (f) {
        out.push(f);
        scan.formulaFrom = f.end;
      }
    }
    if ((flags & IMPERATIVE) !== 0 && i >= scan.imperativeFrom) {
      const word = IMPERATIVES.wordAt(text, i);
      if (word !== undefined) {
        const clause = imperativeAt(text, i, word);
        if (clause && !inBullet(bullets, i)) {
          out.push(clause);
          scan.imperativeFrom = clause.end;
        } else scan.imperativeFrom = i + word.length;
      }
    }
    if ((flags & ENUMERATION) !== 0) {
      const e = enumerationAt(text, i);
      if (e) {
        const list = scan.families.get(e.family) ?? [];
        list.push(e.directive);
        scan.families.set(e.family, list);
      }
    }
  }
  return -1;
}

/**
 * Finds directive phrases in normalised text (the caller decides whether the page is political);
 * each scan is a plain function driven in slices.
 */
export function* findDirectives(
  text: string,
  options: DirectiveOptions = {},
): Generator<undefined, RawDirective[]> {
  const out: RawDirective[] = [];
  const articleEnd = findArticleEnd(text);
  yield;
  const bullets = bulletLineRanges(text, articleEnd);
  yield;

  // Slogans in quotes.
  QUOTE_RE.lastIndex = 0;
  const quotes = { m: QUOTE_RE.exec(text) };
  yield* slicesByPosition((limit) =>
    readQuotedSlogans(text, articleEnd, bullets, out, quotes, limit),
  );
  for (const s of options.slogans ?? []) {
    if (s.length < 2) continue;
    for (let i = text.indexOf(s); i >= 0 && i < articleEnd; i = text.indexOf(s, i + s.length)) {
      if (!out.some((d) => d.start <= i && d.end >= i + s.length)) {
        out.push({ start: i, end: i + s.length, subtype: 'slogan', normalized: s });
      }
    }
  }
  yield;

  // One pass over the article finds the other three shapes, each from the characters that
  // can open (or, for formulas, carry) it; each shape keeps its own resume position.
  const slogans = out.slice();
  const scan: ShapeScan = {
    i: 0,
    formulaFrom: 0,
    imperativeFrom: 0,
    sp: { at: 0 },
    families: new Map(),
  };
  yield* slicesByPosition((limit) =>
    readShapes(text, articleEnd, bullets, slogans, out, scan, limit),
  );
  yield;
  out.push(...keepNumberedFamilies(scan.families));

  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Finds directive phrases in normalised text: quoted slogans (“三防”), numbered formulas
 * (二十条优化措施), imperative clauses (要…, 坚决…, 确保…) and enumeration markers
 * (一是/二是, 第一/第二, 一要/二要). Offsets are normalised offsets.
 */
import { CHINESE_NUMERAL_CHARS, NUMERAL_CHARS, parseNumeral } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { slicesByPosition } from './step-slices';
import { LiteralMatcher } from './text/literal-matcher';
import { alternationOf, wordsOf } from './lexicons/index';
import { bulletLineRanges, findArticleEnd, inBullet } from './article-extent';
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
const HOLIDAYS = new Set(wordsOf('directives', 'holidays'));
const MEDIA_ENDING = new RegExp(
  `(?:${alternationOf([...wordsOf('directives', 'mediaEndings'), ...wordsOf('directives', 'quotedNameEndings')])})$`,
);
const NOT_SLOGANS = new Set(wordsOf('directives', 'notSlogans'));
const OWN_PLACE = new RegExp(alternationOf(wordsOf('directives', 'ownPlaceWords')));
const NAME_NOUNS = new LiteralMatcher(wordsOf('directives', 'nounsAfterQuotedNames'));
const LISTED_NAME_NOUNS = new LiteralMatcher(wordsOf('directives', 'nounsAfterListedNames'));
const NAME_LEADS = wordsOf('directives', 'nounsBeforeQuotedNames');
const LEADER_WORDS = new LiteralMatcher(wordsOf('directives', 'leaderWordsAfterQuote'));
/** Quoted strings listed after a closing quote (“甲”、“乙”等): skipped to reach the noun after them. */
const MORE_QUOTED = /^(?:[、，,]?[“「『‘"][^“”「」『』‘’"\n]{1,32}[”」』’"])*(等?)/;
/** Quoted formulas written with digits and symbols: “1+N”, “4+1”, “1+4+X”, “1+3>4”, “12345”. */
const DIGIT_FORMULA = /^(?:[0-9]+(?:[+>][0-9A-Za-z]+)+|[0-9]{3,6})$/;
/** A formula of counted parts (“两城三区四基地”, “一核两翼”): a directive whatever its last word. */
const COUNTED_PARTS = new RegExp(
  `^(?:[${CHINESE_NUMERAL_CHARS}]+[^${CHINESE_NUMERAL_CHARS}\\s]{1,3}){2,}$`,
);
/** A formula of one counted part (“一张网”, “六大产业基地”): numeral, measure word, a few nouns. */
const COUNTED_PART = new RegExp(
  `^[${CHINESE_NUMERAL_CHARS}]+[${wordsOf('directives', 'countedMeasures').join('')}][\u4e00-\u9fff]{1,4}$`,
);
/** Longest quoted list of phrases (“干字当头、目标倒逼、问题导向、重点发力、以上率下”). */
const MAX_LISTED_SLOGAN = 32;
const NOTICE_OPENING = new RegExp(
  `^(?:${alternationOf([...wordsOf('directives', 'noticeOpenings'), ...wordsOf('directives', 'documentOpenings')])})`,
);
const FORMULA_MEASURES = wordsOf('directives', 'formulaMeasures');
const FORMULA_NOUNS = wordsOf('directives', 'formulaNouns');
/** Quotations up to the longest programme read (see {@link MAX_PROGRAMME}). */
const QUOTE_RE =
  /“([^“”\n]{1,160})”|「([^「」\n]{1,160})」|『([^『』\n]{1,160})』|‘([^‘’\n]{1,160})’|"([^"\n]{1,160})"/g;
/** Longest quoted programme (按照“…”的总体思路) read as a formula. */
const MAX_PROGRAMME = 160;
const POLICY_NOUNS = new LiteralMatcher(wordsOf('directives', 'policyNouns'));
/** Words between a quotation and its policy noun (“…”的原则, 以“…”为总目标). */
const BEFORE_POLICY_NOUN = '的为';
/** Characters that open a formula that counts (“六稳”, “双减”, “1+N”). */
const COUNTING_START = new RegExp(
  `^[0-9${CHINESE_NUMERAL_CHARS}${wordsOf('directives', 'countingWords').join('')}]`,
);

/** A year at the start of a quotation (2020年, 2008年度). */
const YEAR_OPENING = /^(?:19|20)\d{2}年/;
/** A quoted honour a place won (“全国重点镇”, “湖北省生态示范镇”): see honourOpenings. */
const HONOUR = new RegExp(
  `^(?:${alternationOf(wordsOf('directives', 'honourOpenings'))}|[\\u4e00-\\u9fff]{2,3}省).*[${wordsOf('directives', 'honourPlaceUnits').join('')}]$`,
);
/** An opening quote inside a quotation. */
const NESTED_QUOTE_RE = /[“「『‘"]/;

/**
 * True when the quoted text reads like a policy formula rather than a name, holiday or notice.
 * `paired`: the quotation stands in a series with another (“输血”向“造血”), so a two-character
 * word in it is a coined term rather than a word in scare quotes.
 */
export function isSloganText(s: string, paired = false): boolean {
  const t = s.trim();
  if (DIGIT_FORMULA.test(t) && !/^(?:19|20)\d{2}$/.test(t)) return true;
  const listed =
    /[、，,]/.test(t) && t.split(/[、，,]/).every((p) => p.length > 0 && p.length <= 8);
  if (t.length === 0 || t.length > (listed ? MAX_LISTED_SLOGAN : 20)) return false;
  if (!/[\u4e00-\u9fff]/.test(t)) return false;
  if (!paired && isScareQuotedWord(t)) return false;
  // Sentence marks and book titles are speech or citations; a parenthesis (市(县)) glosses a name;
  // words joined by a middle dot name an event or a brand (格桑花开·南京墨竹周).
  if (/[。！？!?；;：:《》()（）]|[\u4e00-\u9fff][·•][\u4e00-\u9fff]/.test(t)) return false;
  // “2020年主要工作”, “2021年项目建设大会战”: a year opens a report's section or an event.
  if (
    HOLIDAYS.has(t) ||
    NOT_SLOGANS.has(t) ||
    NOTICE_OPENING.test(t) ||
    YEAR_OPENING.test(t) ||
    HONOUR.test(t) ||
    OWN_PLACE.test(t)
  )
    return false;
  if (MEDIA_ENDING.test(t) && !COUNTED_PARTS.test(t) && !COUNTED_PART.test(t)) return false;
  return true;
}

const SERIES_JOINERS = codeUnitFlags(wordsOf('directives', 'quotedSeriesJoiners').join(''));
const OPENING_QUOTES = codeUnitFlags('“「『‘"');
const CLOSING_QUOTES = codeUnitFlags('”」』’"');

/**
 * True when the quotation from `start` to `end` has another right before or after it, at most
 * one joining character away (“清朗”“净网”, “红线”、“底线”, “输血”向“造血”).
 */
function inQuotedSeries(text: string, start: number, end: number): boolean {
  const before = SERIES_JOINERS[text.charCodeAt(start - 1)] === 1 ? start - 2 : start - 1;
  if (before >= 0 && CLOSING_QUOTES[text.charCodeAt(before)] === 1) return true;
  const after = SERIES_JOINERS[text.charCodeAt(end)] === 1 ? end + 1 : end;
  return OPENING_QUOTES[text.charCodeAt(after)] === 1;
}

/** Two characters that count nothing (“卷面”, “硬核”): a word in scare quotes, unlike “六稳”. */
function isScareQuotedWord(t: string): boolean {
  return /^[\u4e00-\u9fff]{2}$/.test(t) && !COUNTING_START.test(t);
}

/**
 * True when a quotation that is no catch-phrase by its own shape, ending at `at`, names a policy:
 * a programme too long for a catch-phrase or a word in scare quotes, before a policy noun
 * (按照“因地制宜、分类指导……”的原则, “灰码”制度), holding no sentence or nested quote.
 */
function namesAPolicy(text: string, inner: string, at: number): boolean {
  const t = inner.trim();
  if (!(t.length > 20 || isScareQuotedWord(t)) || t.length > MAX_PROGRAMME) return false;
  if (/[。！？!?；;：:《》“”「」『』‘’"]/.test(t)) return false;
  // “关于…的议案”的要求, “2024年…”: a document's or an event's title before the noun.
  if (NOTICE_OPENING.test(t) || YEAR_OPENING.test(t) || OWN_PLACE.test(t)) return false;
  const k = BEFORE_POLICY_NOUN.includes(text.charAt(at)) ? at + 1 : at;
  return POLICY_NOUNS.wordAt(text, k) !== undefined;
}

const BANNER_NOUNS = new LiteralMatcher(wordsOf('directives', 'bannerNouns'));
const BANNER_LEADS = wordsOf('directives', 'bannerLeads');
/** Most characters between a banner's quotation and its noun (的巨幅, 大红). */
const MAX_BEFORE_BANNER_NOUN = 4;

/**
 * True when the quotation `inner` from `start` to `end` is the text of a banner (会场悬挂着“…”,
 * “…”的大幅标语): a slogan whatever its length, a closing exclamation mark or full stop allowed.
 */
function isBannerText(text: string, inner: string, start: number, end: number): boolean {
  const t = inner.trim().replace(/[。！!]$/, '');
  if (t.length === 0 || t.length > MAX_PROGRAMME || /[。！？!?：:《》]/.test(t)) return false;
  const lead = /[:：]/.test(text.charAt(start - 1)) ? start - 1 : start;
  if (BANNER_LEADS.some((w) => text.startsWith(w, lead - w.length))) return true;
  for (let k = 0; k <= MAX_BEFORE_BANNER_NOUN; k++) {
    if (BANNER_NOUNS.wordAt(text, end + k) !== undefined) return true;
    if (!/[\u4e00-\u9fff]/.test(text.charAt(end + k))) return false;
  }
  return false;
}

/**
 * True when the quotation from `start` to `at` names a brand, activity or campaign (“甲”品牌)
 * or a storm (台风“杜苏芮”), or quotes a leader's words (关于“…”的重要论述).
 */
function namesAThing(text: string, start: number, at: number): boolean {
  if (NAME_LEADS.some((w) => text.startsWith(w, start - w.length))) return true;
  if (
    text.startsWith('关于', start - 2) &&
    text.charAt(at) === '的' &&
    LEADER_WORDS.wordAt(text, at + 1) !== undefined
  )
    return true;
  const more = MORE_QUOTED.exec(text.slice(at, at + 200));
  const after = at + (more?.[0].length ?? 0);
  if (NAME_NOUNS.wordAt(text, after) !== undefined) return true;
  return more?.[1] === '等' && LISTED_NAME_NOUNS.wordAt(text, after) !== undefined;
}

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

/** Slogans in quotes from the match `at.m`, up to the first one at or past `limit`. */
function readQuotedSlogans(
  text: string,
  articleEnd: number,
  bullets: readonly [number, number][],
  out: RawDirective[],
  at: { m: RegExpExecArray | null },
  limit: number,
): number {
  for (let m = at.m; m && m.index < articleEnd; m = QUOTE_RE.exec(text)) {
    if (m.index >= limit) {
      at.m = m;
      return m.index;
    }
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    const end = m.index + m[0].length;
    const sloganShaped =
      isSloganText(inner) ||
      (isScareQuotedWord(inner.trim()) &&
        inQuotedSeries(text, m.index, end) &&
        isSloganText(inner, true));
    if (
      !(
        sloganShaped ||
        namesAPolicy(text, inner, end) ||
        isBannerText(text, inner, m.index, end)
      ) ||
      inBullet(bullets, m.index) ||
      namesAThing(text, m.index, end)
    ) {
      // 「关于优化提升『一江两岸三带』景观带建设」: a title that is no slogan may quote one.
      if (NESTED_QUOTE_RE.test(inner)) QUOTE_RE.lastIndex = m.index + 1;
      continue;
    }
    out.push({
      start: m.index,
      end,
      subtype: 'slogan',
      normalized: inner.trim(),
    });
    // “构建‘三位一体’监督格局”: the formula quoted inside a slogan is one of its own.
    if (NESTED_QUOTE_RE.test(inner)) QUOTE_RE.lastIndex = m.index + 1;
  }
  at.m = null;
  return -1;
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

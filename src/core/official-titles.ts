/**
 * The title vocabulary of an officials pass compiled into matchers (built-in titles plus the
 * user's), and the reading of the titles written before a name (省委常委、市委书记) or implied by
 * them (the administrative level). Works on normalised (simplified) text.
 */
import { isHan } from './text/normalize';
import { NUMERAL_CHARS } from './numerals';
import { LiteralMatcher } from './text/literal-matcher';
import { alternationOf as alternation, wordsOf } from './lexicons/index';
import type { OfficialLevel } from './types';

/** Compiled matchers for one vocabulary (built-in plus the user's). */
export interface Matchers {
  head: LiteralMatcher;
  headAtEnd: RegExp;
  bareTitleAtEnd: RegExp;
  validStart: RegExp;
  departmentTitle: RegExp;
  headAfterName: LiteralMatcher;
  afterName: LiteralMatcher;
  /** What an official did, ending a name with a surname only (县长王刚发言). */
  speechAfterName: LiteralMatcher;
  listEnd: LiteralMatcher;
  listLinker: LiteralMatcher;
}

const TITLE_HEADS = wordsOf('titles', 'heads');
const TITLE_MODIFIERS = wordsOf('titles', 'modifiers');
const HEADS_AFTER_NAME = wordsOf('titles', 'headsAfterName');
const ORGANISATION_OPENINGS = wordsOf('titles', 'organisationOpenings');
const PLACE_UNITS = wordsOf('titles', 'placeUnits');
const AFTER_PLACE = alternation(wordsOf('titles', 'organisationsAfterPlace'));
const LEVELS_AFTER_PLACE = alternation(wordsOf('titles', 'levelsAfterPlace'));
const DEPARTMENT_ENDINGS = alternation(wordsOf('titles', 'departmentEndings'));
/** Words saying where people sat or stood (就座, 就坐, 出席): a phrase with one describes them. */
const SEATED = new RegExp(alternation(wordsOf('titles', 'seatedWords')));
/** 及 between the last name of a list and a title that follows it. */
const LIST_JOINS = wordsOf('titles', 'listJoins');
/** 位, 名: after a count, a group of people. */
const COUNT_MEASURES = wordsOf('titles', 'countMeasures').join('');
/**
 * Time and connective words that may open a clause before a title (今天上午市委书记…), a verb
 * with its 了 (听取了市政府副市长…).
 */
const CLAUSE_OPENINGS = new RegExp(
  `^(?:(?:[0-9一二三四五六七八九十〇]+(?:年|月|日|号)|${alternation(wordsOf('titles', 'clauseOpenings'))})了?)+`,
);
/** Words after which a title starts (听取了…, 大会由…, 该镇…, 汪洋和省委常委). */
const TITLE_BREAKS = wordsOf('titles', 'titleBreakWords');
const BREAKS_IN_NAMES = new Set(wordsOf('titles', 'titleBreaksInNames'));

/**
 * Where a title starts inside `seg` after the last break word whose rest is a title's valid start
 * (审议并通过了市政府副市长…: 市政府副市长), or 0 when none does.
 */
function startAfterBreak(seg: string, m: Matchers): number {
  let best = 0;
  for (const word of TITLE_BREAKS) {
    const at = seg.lastIndexOf(word);
    const end = at + word.length;
    if (at < 0 || end >= seg.length || end <= best) continue;
    // 党的 belongs to titles (党的建设…); 和 joins a name to a title (省委书记汪洋和省委常委)
    // but also stands inside names (呼和浩特市委, 农业和农村委员会).
    if (word === '的' && seg.charAt(at - 1) === '党') continue;
    if (BREAKS_IN_NAMES.has(word)) {
      const head = m.head.nextIndex(seg, 0);
      if (head < 0 || head >= at) continue;
    }
    if (m.validStart.test(seg.slice(end))) best = end;
  }
  return best;
}

/** Longest title kept whole before a name; a longer run keeps only its bare title at the end. */
const MAX_TITLE = 40;

const matcherCache = new Map<string, Matchers>();
/** Lexicons kept compiled (each user lexicon makes one entry; pages share very few). */
const MATCHER_CACHE_SIZE = 4;
/** Word matchers that do not depend on the user's lexicon, built once. */
let fixedMatchers:
  | Pick<Matchers, 'headAfterName' | 'afterName' | 'speechAfterName' | 'listEnd' | 'listLinker'>
  | undefined;

/** Matchers for the built-in lexicon extended with the user's titles and organisations. */
export function getMatchers(
  extraTitles: readonly string[],
  extraOrgs: readonly string[],
): Matchers {
  const key = `${extraTitles.join('|')}#${extraOrgs.join('|')}`;
  const cached = matcherCache.get(key);
  if (cached) return cached;
  const heads = alternation([...TITLE_HEADS, ...extraTitles]);
  const mods = alternation(TITLE_MODIFIERS);
  const orgs = alternation([...ORGANISATION_OPENINGS, ...extraOrgs]);
  const units = alternation(PLACE_UNITS);
  fixedMatchers ??= {
    headAfterName: new LiteralMatcher(HEADS_AFTER_NAME),
    afterName: new LiteralMatcher(wordsOf('titles', 'afterNameWords')),
    speechAfterName: new LiteralMatcher(wordsOf('titles', 'speechWordsAfterNames')),
    listEnd: new LiteralMatcher(wordsOf('titles', 'listEndWords')),
    listLinker: new LiteralMatcher(wordsOf('titles', 'listLinkers')),
  };
  const m: Matchers = {
    ...fixedMatchers,
    head: new LiteralMatcher([...TITLE_HEADS, ...extraTitles]),
    headAtEnd: new RegExp(`(?:${heads})$`),
    bareTitleAtEnd: new RegExp(`(?:${mods})*(?:${heads})$`),
    validStart: new RegExp(
      // 寿光市级领导班子成员: a place's level opens a post, though not after a modifier
      // (其他副县级干部 starts at 副). 南昌市市长, 乌鲁木齐市副市长: a place before its head.
      `^(?:${orgs}|${mods}|${heads}|[\\u4e00-\\u9fff]{1,6}?(?:${units})(?:${AFTER_PLACE})|[\\u4e00-\\u9fff]{1,6}?(?<!${mods})(?:${units})(?:${LEVELS_AFTER_PLACE})|[\\u4e00-\\u9fff]{1,6}?(?:${units})(?:${mods})*(?:${heads}))`,
    ),
    departmentTitle: new RegExp(
      `^[\\u4e00-\\u9fff]{1,5}?(?:${DEPARTMENT_ENDINGS})(?:${mods})*(?:${heads})$`,
    ),
  };
  if (matcherCache.size >= MATCHER_CACHE_SIZE) {
    const oldest = matcherCache.keys().next().value;
    if (oldest !== undefined) matcherCache.delete(oldest);
  }
  matcherCache.set(key, m);
  return m;
}

/** True when `text[at]` is a CJK ideograph. */
export function hanAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && isHan(text.charCodeAt(at));
}

/** Start of the run of ideographs ending at `end`. */
export function hanRunStart(text: string, end: number): number {
  let s = end;
  while (s > 0 && hanAt(text, s - 1)) s--;
  return s;
}

/** End of the numerals and measure word starting at `at` (17名, 十二位), or -1. */
export function countEnd(text: string, at: number): number {
  let k = at;
  while (k < text.length && NUMERAL_CHARS.includes(text.charAt(k))) k++;
  return k > at && COUNT_MEASURES.includes(text.charAt(k)) ? k + 1 : -1;
}

/**
 * True when a count opens the run at `runStart` (276位…, 十二名…): what follows is a group's
 * title, and the word after it no name (276位区人大代表陆续来到). Arabic digits stand before the run.
 */
function countedAt(text: string, runStart: number): boolean {
  let k = runStart;
  while (k > 0 && '0123456789'.includes(text.charAt(k - 1))) k--;
  return countEnd(text, k) > runStart;
}

/** Title modifiers, longest first. */
const MODIFIERS_LONGEST_FIRST = [...TITLE_MODIFIERS].sort((a, b) => b.length - a.length);

/**
 * Organisations of two characters or more that open a title without a place (人大主任, 政协主席):
 * one letter (市, 区) could open a name's given part, so those are left out.
 */
const NAMED_ORGANISATIONS = new LiteralMatcher(ORGANISATION_OPENINGS.filter((w) => w.length >= 2));

/**
 * True when a head, maybe after an organisation and modifiers (副主任, 常务副县长, 人大主任),
 * starts at `at`.
 */
export function titleOpensAt(text: string, at: number, m: Matchers): boolean {
  const organisation = NAMED_ORGANISATIONS.wordAt(text, at);
  return (
    headOpensAt(text, at, m) ||
    (organisation !== undefined && headOpensAt(text, at + organisation.length, m))
  );
}

/** True when a head, maybe after modifiers, starts at `at`. */
function headOpensAt(text: string, at: number, m: Matchers): boolean {
  let p = at;
  for (let mod = MODIFIERS_LONGEST_FIRST.find((w) => text.startsWith(w, p)); mod;) {
    p += mod.length;
    mod = MODIFIERS_LONGEST_FIRST.find((w) => text.startsWith(w, p));
  }
  return m.head.wordAt(text, p) !== undefined;
}

/** The title that ends at `end` inside a run starting at `runStart`, or undefined. */
function titleEndingAt(
  text: string,
  runStart: number,
  end: number,
  m: Matchers,
): { start: number; title: string } | undefined {
  let seg = text.slice(runStart, end);
  if (!m.headAtEnd.test(seg)) return undefined;
  // 276位区人大代表: a group's title, unless a 的 clause opens another title after the count
  // (19名代表外加列席的文化和旅游部部长雒树刚).
  // 新选出的10名…副主席是:甲、乙: a counted title whose members the text then lists by name.
  const counted = countedAt(text, runStart) && !membersListedAt(text, end, m);
  if (counted && !seg.includes('的')) return undefined;
  let start = runStart;
  const opening = CLAUSE_OPENINGS.exec(seg);
  if (opening && opening[0].length < seg.length) {
    start += opening[0].length;
    seg = seg.slice(opening[0].length);
  }
  const broken = startAfterBreak(seg, m);
  if (broken > 0) {
    start += broken;
    seg = seg.slice(broken);
  }
  // 市委常委、宣传部部长: after 、 a department of the organisation already named may open a title.
  const listed = runStart > 0 && '、,，'.includes(text.charAt(runStart - 1));
  let valid = m.validStart.test(seg) || (listed && m.departmentTitle.test(seg));
  // 出席会议的市委常委: a title starting after 的 when the words before it are no title, or
  // describe where the holders sat (在主席台就座的大会主席团成员); 党的 belongs to titles.
  const de = seg.lastIndexOf('的');
  const described = de > 0 && seg.charAt(de - 1) !== '党' && SEATED.test(seg.slice(0, de));
  // The rest still ends with the head, so a described title is whatever follows 的.
  if (described || (!valid && de >= 0 && m.validStart.test(seg.slice(de + 1)))) {
    start += de + 1;
    seg = seg.slice(de + 1);
    valid = true;
  } else if (counted) return undefined;
  // 黄智迅及市政府秘书长: a conjunction after a name that is no title joins the title to it.
  for (const join of LIST_JOINS) {
    const j = seg.lastIndexOf(join);
    if (j <= 0 || m.headAtEnd.test(seg.slice(0, j))) continue;
    const rest = seg.slice(j + join.length);
    if (!m.validStart.test(rest)) continue;
    start += j + join.length;
    seg = rest;
    valid = true;
  }
  if (seg.length > MAX_TITLE || !valid) {
    const bare = m.bareTitleAtEnd.exec(seg);
    if (!bare) return undefined;
    return { start: end - bare[0].length, title: bare[0] };
  }
  return { start, title: seg };
}

/** Colons that open a list of names after a linking word (副主席是:甲、乙). */
const LIST_COLONS = ':：';

/** True when a linking word and a colon at `at` open a list of names (是:, 有:, or a bare colon). */
function membersListedAt(text: string, at: number, m: Matchers): boolean {
  const link = m.listLinker.wordAt(text, at);
  if (link === undefined) return false;
  return LIST_COLONS.includes(link) || LIST_COLONS.includes(text.charAt(at + link.length));
}

/** Farthest a title reaches from where it starts to its head's end (中共贵德县委副书记). */
const MAX_TITLE_REACH = 16;

/** True when a title chain starts right at `at` (县人大副主任李宏芳: the title opens there). */
export function titleChainStartsAt(text: string, at: number, m: Matchers): boolean {
  const hi = m.head.nextIndex(text, at, at + MAX_TITLE_REACH);
  if (hi < 0) return false;
  return titleChainBefore(text, hi, hi + m.head.lastWord.length, m)?.start === at;
}

/** The title chain (市委常委、宣传部部长) whose last head starts at `hi` and ends at `headEnd`. */
export function titleChainBefore(
  text: string,
  hi: number,
  headEnd: number,
  m: Matchers,
): { start: number; titles: string[] } | undefined {
  const first = titleEndingAt(text, hanRunStart(text, hi), headEnd, m);
  if (!first) return undefined;
  const titles = [first.title];
  let start = first.start;
  while (start > 0 && '、,，'.includes(text.charAt(start - 1))) {
    const prevEnd = start - 1;
    const prev = titleEndingAt(text, hanRunStart(text, prevEnd), prevEnd, m);
    if (!prev || prev.start === prevEnd) break;
    titles.unshift(prev.title);
    start = prev.start;
  }
  return { start, titles };
}

/** Administrative level implied by a set of titles. */
export function inferLevel(titles: readonly string[]): OfficialLevel | undefined {
  for (const t of titles) {
    if (
      /^(?:中共中央|中央|党中央|党和国家|国务院|全国|国家)|^(?:总书记|总理|副总理|国务委员)$/.test(
        t,
      )
    )
      return 'national';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:省|自治区))|省长|省委/.test(t)) return 'provincial';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:市|州|盟))|市长|市委/.test(t)) return 'municipal';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:县|区|旗))|县长|区长|县委|区委/.test(t)) return 'county';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:乡|镇|街道))|乡长|镇长/.test(t)) return 'township';
  }
  return undefined;
}

/**
 * Finds officials: title chains before a name (省委常委、市委书记韦韬), names before a head
 * (习近平总书记), leaders' lists (市领导甲、乙出席) and later bare mentions of the same people.
 * Works on normalised (simplified) text; offsets returned here are normalised offsets.
 */
import { codeUnitFlags } from './text/code-unit-flags';
import { isHan, STEP_UNITS } from './text/normalize';
import { LiteralMatcher } from './text/literal-matcher';
import { marks } from './text/buffers';
import {
  minorityNameAt,
  NAME_DOTS,
  NON_NAME_CHARS,
  NOT_IN_LISTED_NAMES,
  surnameLengthAt,
} from './surnames';
import { alternationOf as alternation, wordsOf } from './lexicons/index';
import type { OfficialLevel } from './types';

/** An official mention in normalised offsets. */
export interface RawOfficial {
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  name: string;
  titles: string[];
  role: 'titled' | 'list' | 'mention';
  personId: string;
  level?: OfficialLevel;
}

/** Compiled matchers for one vocabulary (built-in plus the user's). */
interface Matchers {
  head: LiteralMatcher;
  headAtEnd: RegExp;
  bareTitleAtEnd: RegExp;
  validStart: RegExp;
  departmentTitle: RegExp;
  headAfterName: LiteralMatcher;
  afterName: LiteralMatcher;
  listEnd: LiteralMatcher;
  listLinker: LiteralMatcher;
}

const TITLE_HEADS = wordsOf('titles', 'heads');
const TITLE_MODIFIERS = wordsOf('titles', 'modifiers');
const HEADS_AFTER_NAME = wordsOf('titles', 'headsAfterName');
const ORGANISATION_OPENINGS = wordsOf('titles', 'organisationOpenings');
const PLACE_UNITS = wordsOf('titles', 'placeUnits');
const AFTER_PLACE = alternation(wordsOf('titles', 'organisationsAfterPlace'));
const DEPARTMENT_ENDINGS = alternation(wordsOf('titles', 'departmentEndings'));
/** Time and connective words that may open a clause before a title (今天上午市委书记…). */
const CLAUSE_OPENINGS = new RegExp(
  `^(?:[0-9一二三四五六七八九十〇]+(?:年|月|日|号)|${alternation(wordsOf('titles', 'clauseOpenings'))})+`,
);

const matcherCache = new Map<string, Matchers>();
/** Lexicons kept compiled (each user lexicon makes one entry; pages share very few). */
const MATCHER_CACHE_SIZE = 4;
/** Word matchers that do not depend on the user's lexicon, built once. */
let fixedMatchers:
  Pick<Matchers, 'headAfterName' | 'afterName' | 'listEnd' | 'listLinker'> | undefined;

/** Matchers for the built-in lexicon extended with the user's titles and organisations. */
function getMatchers(extraTitles: readonly string[], extraOrgs: readonly string[]): Matchers {
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
    listEnd: new LiteralMatcher(wordsOf('titles', 'listEndWords')),
    listLinker: new LiteralMatcher(wordsOf('titles', 'listLinkers')),
  };
  const m: Matchers = {
    ...fixedMatchers,
    head: new LiteralMatcher([...TITLE_HEADS, ...extraTitles]),
    headAtEnd: new RegExp(`(?:${heads})$`),
    bareTitleAtEnd: new RegExp(`(?:${mods})*(?:${heads})$`),
    validStart: new RegExp(
      `^(?:${orgs}|${mods}|${heads}|[\\u4e00-\\u9fff]{1,6}?(?:${units})(?:${AFTER_PLACE}))`,
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

const BEFORE_NAME_SET = new Set(wordsOf('titles', 'beforeNameWords'));
const ANY_CONTEXT_HEADS = new Set(wordsOf('titles', 'headsBeforeAnyContext'));
/** {@link NON_NAME_CHARS} as a table by code unit (no string per lookup). */
const NON_NAME_TABLE = codeUnitFlags(NON_NAME_CHARS);
/** {@link NOT_IN_LISTED_NAMES} as a table by code unit. */
const NOT_IN_LIST_TABLE = codeUnitFlags(NOT_IN_LISTED_NAMES);
/** Name lengths tried before a head (习近平总书记, 赵革书记, 欧阳明明书记), most likely first. */
const NAME_LENGTHS_BEFORE_HEAD = [3, 2, 4] as const;
const MAX_TITLE = 40;
/** Unresolved titles looked up between two yields. */
const UNRESOLVED_PER_STEP = 500;
/** Officials turned into results between two yields. */
const OFFICIALS_PER_STEP = 1000;

/** True when `text[at]` is a CJK ideograph. */
function hanAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && isHan(text.charCodeAt(at));
}

/** True when a name may end at `end`: punctuation, space, end of text, or a verb/conjunction. */
function rightContextOk(text: string, end: number, m: Matchers): boolean {
  if (!hanAt(text, end)) return true;
  return m.afterName.wordAt(text, end) !== undefined;
}

/** True when a name may start at `start`: after punctuation, space, or a verb like 学习. */
function leftContextOk(text: string, start: number): boolean {
  if (!hanAt(text, start - 1)) return true;
  for (let len = 1; len <= 2; len++) {
    if (BEFORE_NAME_SET.has(text.slice(start - len, start))) return true;
  }
  return false;
}

/** True when the characters are a plausible given name. */
function givenNameOk(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!hanAt(text, k) || NON_NAME_TABLE[text.charCodeAt(k)] === 1) return false;
  }
  return true;
}

/** Spaces that may stand inside a name (王　伟, typeset to the width of three characters) or after a title. */
function isNameGap(unit: number): boolean {
  return unit === 0x20 || unit === 0x3000 || unit === 0xa0;
}

/** Number of name-gap spaces at `at` (0 when more than two: a column break, not a gap). */
function gapAt(text: string, at: number): number {
  let k = at;
  while (k < text.length && k - at <= 2 && isNameGap(text.charCodeAt(k))) k++;
  return k - at > 2 ? 0 : k - at;
}

/** The name written from `start` to `end`, typesetting spaces left out, any name dot as `·`. */
function nameOf(text: string, start: number, end: number): string {
  let name = '';
  for (let k = start; k < end; k++) {
    const ch = text.charAt(k);
    if (NAME_DOTS.includes(ch)) name += '·';
    else if (!isNameGap(text.charCodeAt(k))) name += ch;
  }
  return name;
}

/** Longest name part after the last dot of a transliterated name. */
const MAX_NAME_PART = 8;

/**
 * End of the shortest prefix of the ideograph run at `at` (2 to `max` characters) that a word
 * of `words` follows, preferring the longest such word (丁和平出席: 出席 beats 和); -1 if none.
 */
function cutBeforeWord(
  text: string,
  at: number,
  min: number,
  max: number,
  words: LiteralMatcher,
  more?: LiteralMatcher,
  nameOk: (end: number) => boolean = () => true,
): number {
  let best = -1;
  let bestLen = 0;
  for (let k = min; k <= max && hanAt(text, at + k - 1); k++) {
    if (!hanAt(text, at + k)) return best >= 0 ? best : at + k;
    const w = words.wordAt(text, at + k) ?? more?.wordAt(text, at + k);
    if (w !== undefined && w.length > bestLen && nameOk(at + k)) {
      best = at + k;
      bestLen = w.length;
    }
  }
  return best;
}

/** End of a transliterated name with dots at `at` (买买提·艾力, 郭莽仓·罗藏宗哲嘉措), or -1. */
function dottedNameEnd(text: string, at: number, m: Matchers): number {
  let p = at;
  let parts = 0;
  for (;;) {
    const s = p;
    while (hanAt(text, p) && p - s < MAX_NAME_PART) p++;
    if (p === s) return -1;
    // 常委会副主任郭莽仓·…: a part that holds a function or organisation character is no name.
    if (parts === 0)
      for (let k = s; k < p; k++) if (NOT_IN_LIST_TABLE[text.charCodeAt(k)] === 1) return -1;
    parts++;
    if (!NAME_DOTS.includes(text.charAt(p)) || !hanAt(text, p + 1)) break;
    p++;
  }
  if (parts < 2) return -1;
  // The last part may run into the next word (吐尼亚孜出席, 格列朗杰委托): cut it before a word
  // that follows names, unless the part ends the run and no two-character word stands inside it.
  const lastStart = hanRunStart(text, p);
  const cut = cutBeforeWord(text, lastStart, 1, MAX_NAME_PART, m.listEnd, m.afterName);
  if (!hanAt(text, p)) {
    const word =
      cut > lastStart && cut < p
        ? (m.listEnd.wordAt(text, cut) ?? m.afterName.wordAt(text, cut))
        : undefined;
    return word !== undefined && word.length >= 2 ? cut : p;
  }
  return cut > lastStart ? cut : -1;
}

/** End of a name starting at `at` (surname + 1–2 characters, then a fitting context), or -1. */
export function matchNameAt(text: string, at: number, m: Matchers = getMatchers([], [])): number {
  const dotted = dottedNameEnd(text, at, m);
  if (dotted > 0) return dotted;
  const sl = surnameLengthAt(text, at);
  if (sl === 0) return -1;
  const long = at + sl + 2;
  const short = at + sl + 1;
  const longOk = long <= text.length && givenNameOk(text, at + sl, long);
  const shortOk = short <= text.length && givenNameOk(text, at + sl, short);
  if (longOk && rightContextOk(text, long, m)) {
    // 张浩陪同: a one-character word after a longer name loses to a longer word after a shorter one.
    const shortWord = shortOk && hanAt(text, short) ? m.afterName.wordAt(text, short) : undefined;
    const longWord = hanAt(text, long) ? m.afterName.wordAt(text, long) : undefined;
    const preferShort =
      shortWord !== undefined && longWord !== undefined && longWord.length < shortWord.length;
    return preferShort ? short : long;
  }
  if (shortOk && rightContextOk(text, short, m)) return short;
  // 王　伟: a one-character given name spaced out to the width of a three-character name.
  const gap = sl === 1 ? gapAt(text, at + 1) : 0;
  if (gap > 0) {
    const end = at + 1 + gap + 1;
    if (end <= text.length && givenNameOk(text, end - 1, end) && rightContextOk(text, end, m))
      return end;
  }
  return -1;
}

/** Characters of administrative units, never in a given name read from a list. */
const PLACE_UNIT_CHAR = new RegExp(`[${PLACE_UNITS.filter((u) => u.length === 1).join('')}]`);
/** Longest name read in a list of names. */
const MAX_LIST_NAME = 4;

/**
 * End of one name of a list (甲、乙、丙出席) starting at `at`, or -1. The separators delimit the
 * names, so a name further down a list needs no common surname (尼玛卓玛, 鸟成云); the first one
 * must start with a surname or the beginning of a minority name (次仁达朗). The last name is cut
 * before the word that ends the list.
 */
function listNameEnd(text: string, at: number, m: Matchers, first = false): number {
  const dotted = dottedNameEnd(text, at, m);
  if (dotted > 0) return dotted;
  if (!hanAt(text, at)) return -1;
  const sl = surnameLengthAt(text, at);
  if (
    sl === 0 &&
    (first ? !minorityNameAt(text, at) : NOT_IN_LIST_TABLE[text.charCodeAt(at)] === 1)
  )
    return -1;
  // 王　伟: a one-character given name spaced out to the width of three characters.
  const gap = gapAt(text, at + 1);
  if (gap === 1 && sl === 1 && hanAt(text, at + 1 + gap)) {
    const end = at + 2 + gap;
    if (!hanAt(text, end) || m.listEnd.wordAt(text, end) !== undefined) return end;
  }
  let runEnd = at;
  while (hanAt(text, runEnd) && runEnd - at <= MAX_LIST_NAME) runEnd++;
  const run = runEnd - at;
  let end = -1;
  if (run > 2) {
    // 刘攀担任。: a two-character word that ends a list wins over a longer name.
    const cut = cutBeforeWord(text, at, 2, MAX_LIST_NAME, m.listEnd, m.afterName, (e) => {
      // 阮彬等参加: a cut that would take 等 into the name loses to a shorter one.
      for (let c = at + Math.max(sl, 1); c < e; c++)
        if (NOT_IN_LIST_TABLE[text.charCodeAt(c)] === 1) return false;
      return true;
    });
    const word =
      cut > 0 ? (m.listEnd.wordAt(text, cut) ?? m.afterName.wordAt(text, cut)) : undefined;
    if (word !== undefined && (word.length >= 2 || hanAt(text, runEnd))) end = cut;
  }
  // A whole run between separators is a name whatever its characters (刘会军、), unless it is
  // a word that follows names (代表) or a title (党组成员).
  if (end < 0 && run >= 2 && run <= MAX_LIST_NAME && !hanAt(text, runEnd)) {
    const word = m.listEnd.wordAt(text, at) ?? m.afterName.wordAt(text, at);
    if (word?.length === run || m.headAtEnd.test(text.slice(at, runEnd))) return -1;
    // A first name must read as one, or at least have three characters none of them a place
    // unit (郭向荣 passes, 包乡镇 does not).
    const given = text.slice(at + sl, runEnd);
    const plausible =
      givenNameOk(text, at + sl, runEnd) || (run === sl + 2 && !PLACE_UNIT_CHAR.test(given));
    if (first && sl > 0 && !plausible) return -1;
    return runEnd;
  }
  if (end < 0) return -1;
  for (let k = at + Math.max(sl, 1); k < end; k++)
    if (NOT_IN_LIST_TABLE[text.charCodeAt(k)] === 1) return -1;
  return end;
}

/**
 * Reads the names that follow a name at `end` joined by 、 or spaces (和/及 before the last), calling
 * `emit` for each; returns where the list stops.
 */
function readNameList(
  text: string,
  end: number,
  m: Matchers,
  emit: (start: number, end: number) => void,
): number {
  let p = end;
  for (let count = 0; count < 60; count++) {
    const sep = text.charAt(p);
    // 赵刚 钱明: a space also separates the names of a list.
    if (sep !== '、' && sep !== '和' && sep !== '及' && !isNameGap(text.charCodeAt(p))) break;
    let q = p + 1;
    while (q < text.length && isNameGap(text.charCodeAt(q))) q++;
    const next = listNameEnd(text, q, m);
    if (next < 0) break;
    emit(q, next);
    p = next;
  }
  return p;
}

/** Start of the run of ideographs ending at `end`. */
function hanRunStart(text: string, end: number): number {
  let s = end;
  while (s > 0 && hanAt(text, s - 1)) s--;
  return s;
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
  let start = runStart;
  const opening = CLAUSE_OPENINGS.exec(seg);
  if (opening && opening[0].length < seg.length) {
    start += opening[0].length;
    seg = seg.slice(opening[0].length);
  }
  // 市委常委、宣传部部长: after 、 a department of the organisation already named may open a title.
  const listed = runStart > 0 && '、,，'.includes(text.charAt(runStart - 1));
  let valid = m.validStart.test(seg) || (listed && m.departmentTitle.test(seg));
  // 出席会议的市委常委: a title starting after 的 when the words before it are no title.
  const de = seg.lastIndexOf('的');
  if (!valid && de >= 0 && m.validStart.test(seg.slice(de + 1))) {
    start += de + 1;
    seg = seg.slice(de + 1);
    valid = true;
  }
  if (seg.length > MAX_TITLE || !valid) {
    const bare = m.bareTitleAtEnd.exec(seg);
    if (!bare) return undefined;
    return { start: end - bare[0].length, title: bare[0] };
  }
  return { start, title: seg };
}

/** The title chain (市委常委、宣传部部长) whose last head starts at `hi` and ends at `headEnd`. */
function titleChainBefore(
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
    if (/^(?:中共中央|中央|党中央|国务院|全国|国家)|^(?:总书记|总理|副总理|国务委员)$/.test(t))
      return 'national';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:省|自治区))|省长|省委/.test(t)) return 'provincial';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:市|州|盟))|市长|市委/.test(t)) return 'municipal';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:县|区|旗))|县长|区长|县委|区委/.test(t)) return 'county';
    if (/^(?:[\u4e00-\u9fff]{0,6}?(?:乡|镇|街道))|乡长|镇长/.test(t)) return 'township';
  }
  return undefined;
}

/** Texts shorter than this look names up with `indexOf` (building a matcher costs more). */
const SHORT_TEXT = 50_000;

/** A function returning the next occurrence of any of `names` at or after a position. */
function nameFinder(
  text: string,
  names: string[],
): (from: number) => { index: number; word: string } | undefined {
  if (text.length >= SHORT_TEXT) {
    const matcher = new LiteralMatcher(names);
    // One reused hit object: the caller reads it before asking for the next.
    const hit = { index: 0, word: '' };
    return (from) => {
      const i = matcher.nextIndex(text, from);
      if (i < 0) return undefined;
      hit.index = i;
      hit.word = matcher.lastWord;
      return hit;
    };
  }
  const hits: { index: number; word: string }[] = [];
  for (const word of names) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
      hits.push({ index: i, word });
  }
  // Longest name first at the same position, as the matcher does.
  hits.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  let k = 0;
  return (from) => {
    while (k < hits.length && (hits[k]?.index ?? 0) < from) k++;
    return hits[k];
  };
}

/** Options of the officials pass. */
export interface OfficialsOptions {
  /** Names that belong to reporters/editors: never officials. */
  excludedNames?: ReadonlySet<string>;
  extraTitles?: readonly string[];
  extraOrganisations?: readonly string[];
}

/** An official found by the titled passes, before persons and mentions are linked. */
type Candidate = Omit<RawOfficial, 'personId'>;

/** A name read from a list, with the titles the list shares. */
function listed(text: string, start: number, end: number, titles: readonly string[]): Candidate {
  return {
    start,
    end,
    nameStart: start,
    nameEnd: end,
    name: nameOf(text, start, end),
    titles: [...titles],
    role: 'list',
  };
}

/**
 * The titled passes (title chains, names before heads, leaders' lists, late-resolved titles).
 * `covered` marks characters already inside a mention, so later passes never overlap one.
 */
function* findTitled(
  text: string,
  m: Matchers,
  covered: Uint8Array,
): Generator<undefined, Candidate[]> {
  const found: Candidate[] = [];
  const isCovered = (s: number, e: number): boolean => {
    for (let k = s; k < e; k++) if (covered[k] === 1) return true;
    return false;
  };
  const cover = (s: number, e: number): void => {
    covered.fill(1, s, e);
  };
  let nextYield = STEP_UNITS;

  // 1. Title chains before a name.
  // Heads a name may stand before, collected in the same scan (习近平总书记).
  const afterNameHeads: number[] = [];
  // Titles followed by a surname but no word the name could end before (市长张浩视察):
  // resolved at the end against the names the page gives elsewhere.
  const unresolved: { hi: number; headEnd: number; nameStart: number }[] = [];
  for (let pos = 0, hi = m.head.nextIndex(text, 0); hi >= 0; hi = m.head.nextIndex(text, pos)) {
    const headEnd = hi + m.head.lastWord.length;
    pos = hi + 1;
    if (m.headAfterName.wordAt(text, hi) !== undefined) afterNameHeads.push(hi);
    if (hi >= nextYield) {
      nextYield = hi + STEP_UNITS;
      yield;
    }
    // 市委书记 张三: a space may stand between the title and the name.
    let nameStart = headEnd + gapAt(text, headEnd);
    // 执行主席是甲、乙 / 委员有甲、乙 / 执行主席由甲、乙担任: a linker before a list of names.
    const link = m.listLinker.wordAt(text, nameStart);
    const linked = link === undefined ? -1 : listNameEnd(text, nameStart + link.length, m, true);
    let nameEnd = linked;
    if (linked > 0) nameStart += link?.length ?? 0;
    else nameEnd = matchNameAt(text, nameStart, m);
    if (nameEnd < 0) {
      // 乡人大主席次仁达朗、纪委书记…: a name without a Chinese surname, ended by a separator.
      const end = listNameEnd(text, nameStart, m, true);
      const sl = surnameLengthAt(text, nameStart);
      // 市委常委陈社教、: a three-character name is plausible whatever its characters.
      const plausible =
        sl === 0 || end - nameStart === sl + 2 || givenNameOk(text, nameStart + sl, end);
      if (end > 0 && plausible && '、,，'.includes(text.charAt(end))) nameEnd = end;
    }
    if (nameEnd < 0) {
      if (surnameLengthAt(text, nameStart) > 0) unresolved.push({ hi, headEnd, nameStart });
      continue;
    }
    const chain = titleChainBefore(text, hi, headEnd, m);
    if (!chain) continue;
    const { titles } = chain;
    const chainStart = chain.start;
    found.push({
      start: chainStart,
      end: nameEnd,
      nameStart,
      nameEnd,
      name: nameOf(text, nameStart, nameEnd),
      titles,
      role: 'titled',
    });
    cover(chainStart, nameEnd);
    // 副市长甲、乙、丙出席: further names joined by 、 share the same titles.
    pos = readNameList(text, nameEnd, m, (s, e) => {
      found.push(listed(text, s, e, titles));
      cover(s, e);
    });
  }
  yield;

  // 2. Names before a head: 习近平总书记, 王金山省长.
  nextYield = STEP_UNITS;
  for (const hi of afterNameHeads) {
    const word = m.headAfterName.wordAt(text, hi) ?? '';
    const h = { index: hi, word };
    if (hi >= nextYield) {
      nextYield = hi + STEP_UNITS;
      yield;
    }
    // 李四副市长: the modifier belongs to the title, the name stands before it.
    const hs = text.charAt(h.index - 1) === '副' ? h.index - 1 : h.index;
    const title = text.slice(hs, h.index + h.word.length);
    for (let li = 0; li < NAME_LENGTHS_BEFORE_HEAD.length; li++) {
      const len = NAME_LENGTHS_BEFORE_HEAD[li] ?? 2;
      const ns = hs - len;
      if (ns < 0 || !hanAt(text, ns)) continue;
      const sl = surnameLengthAt(text, ns);
      if (sl === 0 || len - sl < 1 || len - sl > 2) continue;
      const anyContext = ANY_CONTEXT_HEADS.has(h.word);
      if (!givenNameOk(text, ns + sl, hs) || (!anyContext && !leftContextOk(text, ns))) continue;
      if (isCovered(ns, hs)) break;
      found.push({
        start: ns,
        end: hs + title.length,
        nameStart: ns,
        nameEnd: hs,
        name: text.slice(ns, hs),
        titles: [title],
        role: 'titled',
      });
      cover(ns, hs + title.length);
      break;
    }
  }
  yield;

  // 3. Leaders' lists: 市领导甲、乙、丙出席.
  const listRe = new RegExp(
    `(?:${alternation(wordsOf('titles', 'leaderListUnits'))})[\\u4e00-\\u9fff]{0,4}?领导(?!${alternation(wordsOf('titles', 'leaderCompounds'))})(?:同志)?(?:有|是)?[:：]?[ \\t\\u3000]*`,
    'g',
  );
  nextYield = STEP_UNITS;
  for (let l = listRe.exec(text); l; l = listRe.exec(text)) {
    if (l.index >= nextYield) {
      nextYield = l.index + STEP_UNITS;
      yield;
    }
    const title = l[0].replace(/同志|有|是|[:：\s\u3000]/g, '');
    const from = l.index + l[0].length;
    const first = listNameEnd(text, from, m, true);
    if (first < 0) continue;
    const emit = (s: number, e: number): void => {
      if (isCovered(s, e)) return;
      found.push(listed(text, s, e, [title]));
      cover(s, e);
    };
    emit(from, first);
    const p = readNameList(text, first, m, emit);
    listRe.lastIndex = Math.max(listRe.lastIndex, p);
  }
  yield;

  // 4. Unresolved titles whose following characters are a name found elsewhere on the page.
  if (unresolved.length > 0) {
    const known = new Set(found.map((f) => f.name));
    yield;
    for (let ui = 0; ui < unresolved.length; ui++) {
      if (ui % UNRESOLVED_PER_STEP === UNRESOLVED_PER_STEP - 1) yield;
      const u = unresolved[ui];
      if (!u) continue;
      for (const len of NAME_LENGTHS_BEFORE_HEAD) {
        const end = u.nameStart + len;
        if (!known.has(text.slice(u.nameStart, end)) || isCovered(u.nameStart, end)) continue;
        const chain = titleChainBefore(text, u.hi, u.headEnd, m);
        if (!chain || isCovered(chain.start, u.headEnd)) break;
        found.push({
          start: chain.start,
          end,
          nameStart: u.nameStart,
          nameEnd: end,
          name: text.slice(u.nameStart, end),
          titles: chain.titles,
          role: 'titled',
        });
        cover(chain.start, end);
        break;
      }
    }
  }

  return found;
}

/** Finds officials in normalised text, yielding now and then on long pages. */
export function* findOfficials(
  text: string,
  options: OfficialsOptions = {},
): Generator<undefined, RawOfficial[]> {
  const m = getMatchers(options.extraTitles ?? [], options.extraOrganisations ?? []);
  const excluded = options.excludedNames ?? new Set<string>();
  const covered = marks.borrow(text.length + 1);
  let found: Candidate[];
  try {
    found = yield* findTitled(text, m, covered);
  } finally {
    // Also when the caller stops early: the shared buffer must go back to the pool.
    marks.giveBack(covered);
  }
  let nextYield = STEP_UNITS;

  // 5. Persons, then later bare mentions of the same names.
  const persons = new Map<string, { id: string; titles: string[] }>();
  found.sort((a, b) => a.start - b.start);
  const kept = found.filter((f) => !excluded.has(f.name));
  for (const f of kept) {
    let p = persons.get(f.name);
    if (!p) {
      p = { id: `p${persons.size + 1}`, titles: [] };
      persons.set(f.name, p);
    }
    for (const t of f.titles) if (!p.titles.includes(t)) p.titles.push(t);
  }
  const mentions: Omit<RawOfficial, 'personId'>[] = [];
  if (persons.size > 0) {
    nextYield = STEP_UNITS;
    const names = nameFinder(text, [...persons.keys()]);
    const spans = kept.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
    let si = 0;
    for (let x = names(0); x; x = names(x.index + x.word.length)) {
      if (x.index >= nextYield) {
        nextYield = x.index + STEP_UNITS;
        yield;
      }
      const s = x.index;
      const e = s + x.word.length;
      while (si < spans.length && (spans[si]?.[1] ?? 0) <= s) si++;
      const span = spans[si];
      if (span && span[0] < e && span[1] > s) continue;
      if (!leftContextOk(text, s) || !rightContextOk(text, e, m)) continue;
      mentions.push({
        start: s,
        end: e,
        nameStart: s,
        nameEnd: e,
        name: x.word,
        titles: [],
        role: 'mention',
      });
    }
  }
  yield;
  const all = [...kept, ...mentions].sort((a, b) => a.start - b.start);
  // inferLevel answers from the first title that has a level: cache per title, not per list.
  const levels = new Map<string, OfficialLevel | null>();
  const levelOf = (titles: readonly string[]): OfficialLevel | undefined => {
    for (const t of titles) {
      let level = levels.get(t);
      if (level === undefined) {
        level = inferLevel([t]) ?? null;
        levels.set(t, level);
      }
      if (level !== null) return level;
    }
    return undefined;
  };
  const out: RawOfficial[] = [];
  for (const f of all) {
    // Thousands of officials on a long page: their objects are built over several steps.
    if (out.length % OFFICIALS_PER_STEP === OFFICIALS_PER_STEP - 1) yield;
    const p = persons.get(f.name);
    const titles = f.role === 'mention' ? [...(p?.titles ?? [])] : f.titles;
    const level = levelOf(titles) ?? levelOf(p?.titles ?? []);
    // Built with or without `level` rather than deleting it (delete makes a slow object).
    out.push({
      start: f.start,
      end: f.end,
      nameStart: f.nameStart,
      nameEnd: f.nameEnd,
      name: f.name,
      titles,
      role: f.role,
      personId: p?.id ?? 'p0',
      ...(level ? { level } : {}),
    });
  }
  return out;
}

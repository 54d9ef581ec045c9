/**
 * Finds officials: title chains before a name (省委常委、市委书记韦韬), names before a head
 * (习近平总书记), leaders' lists (市领导甲、乙出席) and later bare mentions of the same people.
 * Works on normalised (simplified) text; offsets returned here are normalised offsets.
 */
import { isHan, STEP_UNITS } from './text/normalize';
import { LiteralMatcher } from './text/literal-matcher';
import { marks } from './text/buffers';
import { NON_NAME_CHARS, surnameLengthAt } from './lexicons/surnames';
import {
  AFTER_NAME_WORDS,
  BEFORE_NAME_WORDS,
  CLAUSE_OPENINGS,
  HEADS_AFTER_NAME,
  LIST_END_WORDS,
  ORGANISATION_OPENINGS,
  PLACE_UNITS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from './lexicons/titles';
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
  headAfterName: LiteralMatcher;
  afterName: LiteralMatcher;
  listEnd: LiteralMatcher;
}

/** Longest alternatives first, so 副书记/总书记 win over 书记. */
function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

const matcherCache = new Map<string, Matchers>();
/** Lexicons kept compiled (each user lexicon makes one entry; pages share very few). */
const MATCHER_CACHE_SIZE = 4;
/** Word matchers that do not depend on the user's lexicon, built once. */
let fixedMatchers: Pick<Matchers, 'headAfterName' | 'afterName' | 'listEnd'> | undefined;

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
    afterName: new LiteralMatcher(AFTER_NAME_WORDS),
    listEnd: new LiteralMatcher(LIST_END_WORDS),
  };
  const m: Matchers = {
    ...fixedMatchers,
    head: new LiteralMatcher([...TITLE_HEADS, ...extraTitles]),
    headAtEnd: new RegExp(`(?:${heads})$`),
    bareTitleAtEnd: new RegExp(`(?:${mods})*(?:${heads})$`),
    validStart: new RegExp(
      `^(?:${orgs}|${mods}|${heads}|[\\u4e00-\\u9fff]{1,6}?(?:${units})(?:委|政府|人大|政协|纪委|监委|党委|党工委|管委会))`,
    ),
  };
  if (matcherCache.size >= MATCHER_CACHE_SIZE) {
    const oldest = matcherCache.keys().next().value;
    if (oldest !== undefined) matcherCache.delete(oldest);
  }
  matcherCache.set(key, m);
  return m;
}

const BEFORE_NAME_SET = new Set(BEFORE_NAME_WORDS);
/** {@link NON_NAME_CHARS} as a table by code unit (no string per lookup). */
const NON_NAME_TABLE = new Uint8Array(0x10000);
for (const ch of NON_NAME_CHARS) NON_NAME_TABLE[ch.charCodeAt(0)] = 1;
/** Name lengths tried before a head (习近平总书记, 赵革书记, 欧阳明明书记), most likely first. */
const NAME_LENGTHS_BEFORE_HEAD = [3, 2, 4] as const;
/** Given-name lengths, longest first (a verb after the name decides). */
const GIVEN_NAME_LENGTHS = [2, 1] as const;
const MAX_TITLE = 40;

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

/** End of a name starting at `at` (surname + 1–2 characters, then a fitting context), or -1. */
export function matchNameAt(text: string, at: number, m: Matchers = getMatchers([], [])): number {
  const sl = surnameLengthAt(text, at);
  if (sl === 0) return -1;
  for (let g = 0; g < GIVEN_NAME_LENGTHS.length; g++) {
    const gl = GIVEN_NAME_LENGTHS[g] ?? 1;
    const end = at + sl + gl;
    if (end > text.length) continue;
    if (!givenNameOk(text, at + sl, end)) continue;
    if (rightContextOk(text, end, m)) return end;
  }
  return -1;
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
  if (seg.length > MAX_TITLE || !m.validStart.test(seg)) {
    const bare = m.bareTitleAtEnd.exec(seg);
    if (!bare) return undefined;
    return { start: end - bare[0].length, title: bare[0] };
  }
  return { start, title: seg };
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

/** Finds officials in normalised text, yielding now and then on long pages. */
export function* findOfficials(
  text: string,
  options: OfficialsOptions = {},
): Generator<undefined, RawOfficial[]> {
  const m = getMatchers(options.extraTitles ?? [], options.extraOrganisations ?? []);
  const excluded = options.excludedNames ?? new Set<string>();
  const found: Omit<RawOfficial, 'personId'>[] = [];
  // Marks characters already inside a mention, so later passes never overlap one.
  const covered = marks.borrow(text.length + 1);
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
  for (let pos = 0, hi = m.head.nextIndex(text, 0); hi >= 0; hi = m.head.nextIndex(text, pos)) {
    const headEnd = hi + m.head.lastWord.length;
    pos = hi + 1;
    if (m.headAfterName.wordAt(text, hi) !== undefined) afterNameHeads.push(hi);
    if (hi >= nextYield) {
      nextYield = hi + STEP_UNITS;
      yield;
    }
    const nameEnd = matchNameAt(text, headEnd, m);
    if (nameEnd < 0) continue;
    const first = titleEndingAt(text, hanRunStart(text, hi), headEnd, m);
    if (!first) continue;
    const titles = [first.title];
    let chainStart = first.start;
    while (chainStart > 0 && '、,，'.includes(text.charAt(chainStart - 1))) {
      const prevEnd = chainStart - 1;
      const prev = titleEndingAt(text, hanRunStart(text, prevEnd), prevEnd, m);
      if (!prev || prev.start === prevEnd) break;
      titles.unshift(prev.title);
      chainStart = prev.start;
    }
    found.push({
      start: chainStart,
      end: nameEnd,
      nameStart: headEnd,
      nameEnd,
      name: text.slice(headEnd, nameEnd),
      titles,
      role: 'titled',
    });
    cover(chainStart, nameEnd);
    pos = nameEnd;
    // 副市长甲、乙、丙出席: further names joined by 、 share the same titles.
    for (let more = 0; more < 30 && text.charAt(pos) === '、'; more++) {
      const next = matchNameAt(text, pos + 1, m);
      if (next < 0) break;
      found.push({
        start: pos + 1,
        end: next,
        nameStart: pos + 1,
        nameEnd: next,
        name: text.slice(pos + 1, next),
        titles: [...titles],
        role: 'list',
      });
      cover(pos + 1, next);
      pos = next;
    }
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
      if (!givenNameOk(text, ns + sl, hs) || !leftContextOk(text, ns)) continue;
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
  const listRe = /(?:省|市|县|区|州|盟|旗|乡|镇)领导(?:同志)?有?[:：]?[ \t\u3000]*/g;
  nextYield = STEP_UNITS;
  for (let l = listRe.exec(text); l; l = listRe.exec(text)) {
    if (l.index >= nextYield) {
      nextYield = l.index + STEP_UNITS;
      yield;
    }
    const title = l[0].replace(/同志|有|[:：\s\u3000]/g, '');
    let p = l.index + l[0].length;
    for (let count = 0; count < 60; count++) {
      const sl = surnameLengthAt(text, p);
      if (sl === 0) break;
      let end = p + sl;
      while (hanAt(text, end) && end - p < sl + 2) {
        if (end - p >= 2 && m.listEnd.wordAt(text, end) !== undefined) break;
        end++;
      }
      const lenOk = end - p >= 2 && end - p <= sl + 2;
      if (!lenOk || !givenNameOk(text, p + sl, end)) break;
      let stop = hanAt(text, end);
      if (stop && m.listEnd.wordAt(text, end) === undefined) break;
      if (!isCovered(p, end)) {
        found.push({
          start: p,
          end,
          nameStart: p,
          nameEnd: end,
          name: text.slice(p, end),
          titles: [title],
          role: 'list',
        });
        cover(p, end);
      }
      if (stop) break;
      const sep = text.charAt(end);
      if (sep !== '、' && sep !== ' ' && sep !== '\u3000' && sep !== '\t') break;
      p = end;
      while (' \u3000\t、'.includes(text.charAt(p)) && p < text.length) p++;
      stop = false;
    }
    listRe.lastIndex = Math.max(listRe.lastIndex, p);
  }
  yield;

  marks.giveBack(covered);

  // 4. Persons, then later bare mentions of the same names.
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
  const all = [...kept, ...mentions].sort((a, b) => a.start - b.start);
  const levels = new Map<string, OfficialLevel | undefined>();
  const levelOf = (titles: readonly string[]): OfficialLevel | undefined => {
    const key = titles.join('|');
    if (!levels.has(key)) levels.set(key, inferLevel(titles));
    return levels.get(key);
  };
  return all.map((f) => {
    const p = persons.get(f.name);
    const titles = f.role === 'mention' ? [...(p?.titles ?? [])] : f.titles;
    const level = levelOf(titles) ?? levelOf(p?.titles ?? []);
    // Built with or without `level` rather than deleting it (delete makes a slow object).
    const o: RawOfficial = {
      start: f.start,
      end: f.end,
      nameStart: f.nameStart,
      nameEnd: f.nameEnd,
      name: f.name,
      titles,
      role: f.role,
      personId: p?.id ?? 'p0',
      ...(level ? { level } : {}),
    };
    return o;
  });
}

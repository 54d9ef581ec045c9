/**
 * Finds directive phrases in normalised text: quoted slogans (“三防”), numbered formulas
 * (二十条优化措施), imperative clauses (要…, 坚决…, 确保…) and enumeration markers
 * (一是/二是, 第一/第二, 一要/二要). Offsets are normalised offsets.
 */
import { CHINESE_NUMERAL_CHARS, NUMERAL_PATTERN, parseNumeral } from './numerals';
import { STEP_UNITS } from './text/normalize';
import {
  ARTICLE_END,
  FORMULA_MEASURES,
  FORMULA_NOUNS,
  HOLIDAYS,
  IMPERATIVE_HEADS,
  MEDIA_ENDING,
  NOT_AFTER_YAO,
  NOT_BEFORE_YAO,
  NOTICE_OPENING,
} from './lexicons/directives';
import type { DirectiveSubtype } from './types';

/** A directive phrase in normalised offsets. */
export interface RawDirective {
  start: number;
  end: number;
  subtype: DirectiveSubtype;
  normalized: string;
  count?: number;
}

/** Where the article proper ends: the first copyright / related-links / editor line past the top. */
export function findArticleEnd(text: string): number {
  const from = Math.floor(text.length * 0.2);
  const re = new RegExp(ARTICLE_END.source, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** Start offsets of lines that are list bullets (related links), never article prose. */
function bulletLineRanges(text: string, end: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /^[ \t\u3000]*[-•·▪►]\s.*$/gm;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const QUOTE_RE =
  /“([^“”\n]{1,24})”|「([^「」\n]{1,24})」|『([^『』\n]{1,24})』|‘([^‘’\n]{1,24})’|"([^"\n]{1,24})"/g;

/** True when the quoted text reads like a policy formula rather than a name, holiday or notice. */
export function isSloganText(s: string): boolean {
  const t = s.trim();
  if (t.length === 0 || t.length > 20) return false;
  if (!/[\u4e00-\u9fff]/.test(t)) return false;
  if (/[。！？!?；;：:《》]/.test(t)) return false;
  if (HOLIDAYS.has(t) || NOTICE_OPENING.test(t) || MEDIA_ENDING.test(t)) return false;
  return true;
}

const NUM = NUMERAL_PATTERN;
const FORMULA_RE = new RegExp(
  `(第)?(${NUM})(${FORMULA_MEASURES.join('|')})([\\u4e00-\\u9fff]{0,4}?)(${FORMULA_NOUNS.join('|')})`,
  'g',
);
const IMPERATIVE_RE = new RegExp(`(?:${IMPERATIVE_HEADS.join('|')})`, 'g');
const CLAUSE_END = /[，,。；;！!？?\n：:]/g;
const ENUM_RE = new RegExp(
  `(?:^|(?<=[\\s,，。；;:：!！?？、]))(?:([${CHINESE_NUMERAL_CHARS.slice(0, 24)}]{1,3})(是|要)|第([一二三四五六七八九十]{1,3})(?=[,，、:：]))`,
  'gm',
);

/** Options of the directives pass. */
export interface DirectiveOptions {
  /** Extra slogans to find unquoted (user lexicon). */
  slogans?: readonly string[];
}

/** Finds directive phrases in normalised text (the caller decides whether the page is political). */
export function* findDirectives(
  text: string,
  options: DirectiveOptions = {},
): Generator<undefined, RawDirective[]> {
  const out: RawDirective[] = [];
  const articleEnd = findArticleEnd(text);
  const bullets = bulletLineRanges(text, articleEnd);
  const inBullet = (at: number): boolean => {
    // Bullet ranges are sorted and disjoint: binary search.
    let lo = 0;
    let hi = bullets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = bullets[mid] ?? [0, 0];
      if (at < a) hi = mid - 1;
      else if (at >= b) lo = mid + 1;
      else return true;
    }
    return false;
  };
  let nextYield = STEP_UNITS;

  // Slogans in quotes.
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(text); m && m.index < articleEnd; m = QUOTE_RE.exec(text)) {
    if (m.index >= nextYield) {
      nextYield = m.index + STEP_UNITS;
      yield;
    }
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (!isSloganText(inner) || inBullet(m.index)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      subtype: 'slogan',
      normalized: inner.trim(),
    });
  }
  for (const s of options.slogans ?? []) {
    if (s.length < 2) continue;
    for (let i = text.indexOf(s); i >= 0 && i < articleEnd; i = text.indexOf(s, i + s.length)) {
      if (!out.some((d) => d.start <= i && d.end >= i + s.length)) {
        out.push({ start: i, end: i + s.length, subtype: 'slogan', normalized: s });
      }
    }
  }
  yield;

  // Numbered formulas.
  nextYield = STEP_UNITS;
  FORMULA_RE.lastIndex = 0;
  for (let m = FORMULA_RE.exec(text); m && m.index < articleEnd; m = FORMULA_RE.exec(text)) {
    if (m.index >= nextYield) {
      nextYield = m.index + STEP_UNITS;
      yield;
    }
    const [whole, di, num = '', measure, between = ''] = m;
    if (di && measure !== '版') continue; // 第二十条 is an article of a law, not a formula
    if (/[的和与及在了是]/.test(between)) continue;
    const count = parseNumeral(num);
    if (count === undefined || count === 0 || count > 1000) continue;
    if (out.some((d) => d.start < m.index + whole.length && d.end > m.index)) continue;
    out.push({
      start: m.index,
      end: m.index + whole.length,
      subtype: 'formula',
      normalized: whole,
      count,
    });
  }
  yield;

  // Imperative clauses.
  nextYield = STEP_UNITS;
  IMPERATIVE_RE.lastIndex = 0;
  for (let m = IMPERATIVE_RE.exec(text); m && m.index < articleEnd; m = IMPERATIVE_RE.exec(text)) {
    if (m.index >= nextYield) {
      nextYield = m.index + STEP_UNITS;
      yield;
    }
    const s = m.index;
    if (m[0] === '要') {
      if (NOT_BEFORE_YAO.includes(text.charAt(s - 1)) || NOT_AFTER_YAO.includes(text.charAt(s + 1)))
        continue;
    }
    CLAUSE_END.lastIndex = s;
    const stop = CLAUSE_END.exec(text);
    const e = Math.min(stop ? stop.index : text.length, s + 60);
    if (e - s - m[0].length < 2 || inBullet(s)) continue;
    out.push({ start: s, end: e, subtype: 'imperative', normalized: text.slice(s, e) });
    IMPERATIVE_RE.lastIndex = e;
  }
  yield;

  // Enumeration markers: a family counts only when it has both its first and second items.
  const families = new Map<string, RawDirective[]>();
  ENUM_RE.lastIndex = 0;
  for (let m = ENUM_RE.exec(text); m && m.index < articleEnd; m = ENUM_RE.exec(text)) {
    const num = m[1] ?? m[3] ?? '';
    const count = parseNumeral(num);
    if (count === undefined || count === 0 || count > 30) continue;
    const family = m[2] ?? '第';
    const list = families.get(family) ?? [];
    list.push({
      start: m.index,
      end: m.index + m[0].length,
      subtype: 'enumeration',
      normalized: m[0],
      count,
    });
    families.set(family, list);
  }
  for (const list of families.values()) {
    const counts = new Set(list.map((d) => d.count));
    if (counts.has(1) && counts.has(2)) out.push(...list);
  }

  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

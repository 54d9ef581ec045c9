/**
 * Plenums written with 中 (十九届四中全会, 县委十三届五中全会) and Party congresses written N大
 * (党的二十大, 中共十九大), read around the character that marks them. Works on normalised text.
 */
import { CHINESE_NUMERAL_CHARS, parseNumeral } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { isHan } from './text/normalize';
import { wordsOf } from './lexicons/index';
import { bodyBefore } from './meeting-bodies';
import type { RawMeeting } from './meeting-numbers';

const CONGRESS_OPENINGS = wordsOf('meetings', 'congressOpenings');
const CONGRESS_FOLLOWERS = wordsOf('meetings', 'congressFollowers');
const CONGRESS_LEADS = wordsOf('meetings', 'congressLeads');
/** The Party's names before a plenum of its Central Committee, longest first (see plenumPartyOpenings). */
const PARTY_OPENINGS = [...wordsOf('meetings', 'plenumPartyOpenings')].sort(
  (a, b) => b.length - a.length,
);

/** The body of the Party's own congress or plenum as the text names it: 中共, else 党. */
function partyBodyOf(opening: string | undefined): string {
  return opening && /^中共|^中国共产党/.test(opening) ? '中共' : '党';
}

/** Numeral characters (Chinese) of plenum and congress numbers. */
const CN_NUMERAL_UNITS = codeUnitFlags(CHINESE_NUMERAL_CHARS);
/** A plenum's ordinals: 四中, 三中、四中、五中 (read backwards from 全会). */
const PLENUM_LIST_UNITS = codeUnitFlags(`${CHINESE_NUMERAL_CHARS}中、,，和及`);

/** Start of the numeral run ending at `end` (Chinese numerals only). */
function numeralRunStart(text: string, end: number, max = 4): number {
  let s = end;
  while (s > 0 && end - s < max && CN_NUMERAL_UNITS[text.charCodeAt(s - 1)] === 1) s--;
  return s;
}

/** 十九届四中全会, 二十届二中、三中全会, 县委十三届五中全会: plenums written with 中. */
export function plenumAt(text: string, ai: number): RawMeeting | undefined {
  // ai is the index of 中 in 中全会.
  let ls = ai + 1;
  while (ls > 0 && ai + 1 - ls < 16 && PLENUM_LIST_UNITS[text.charCodeAt(ls - 1)] === 1) ls--;
  while (ls < ai && !CN_NUMERAL_UNITS[text.charCodeAt(ls)]) ls++;
  // Each 中 ends one ordinal, with or without a separator after it (二中三中, 四中,、五中).
  const ordinals = text
    .slice(ls, ai + 1)
    .split(/[中、,，和及]+/)
    .filter((p) => p !== '')
    .map((p) => parseNumeral(p) ?? 0);
  if (ordinals.length === 0 || ordinals.some((o) => o <= 0 || o > 30)) return undefined;
  let start = ls;
  let term: number | undefined;
  let body: string | undefined;
  if (text.charAt(ls - 1) === '届') {
    const ts = numeralRunStart(text, ls - 1);
    term = ts < ls - 1 ? parseNumeral(text.slice(ts, ls - 1)) : undefined;
    if (term !== undefined) start = text.charAt(ts - 1) === '第' ? ts - 1 : ts;
    const before = bodyBefore(text, start);
    if (before) {
      body = before.body;
      start = before.start;
    } else {
      // 党的十九届四中全会, 中共十九届六中全会: the Party's Central Committee, named as for 二十大.
      const opening = PARTY_OPENINGS.find((w) => text.startsWith(w, start - w.length));
      if (opening) start -= opening.length;
      body = partyBodyOf(opening);
    }
  }
  // 十九届四中全会 with no body before it: 中全会 is the Central Committee's (a province or a
  // county numbers its plenums 次), so the body is the Party's.
  body ??= '党';
  const end = ai + 3;
  return {
    start,
    end,
    ordinals,
    ...(term !== undefined ? { term } : {}),
    ...(body ? { body } : {}),
    meetingType: '全会',
    category: 'plenum',
  };
}

/** 党的二十大, 中共十九大, 二十大精神: Party congresses written N大. */
function congressAt(text: string, di: number): RawMeeting | undefined {
  const ns = numeralRunStart(text, di, 3);
  if (ns === di) return undefined;
  const n = parseNumeral(text.slice(ns, di));
  if (n === undefined || n <= 0 || n > 30) return undefined;
  const opening = CONGRESS_OPENINGS.find((w) => text.startsWith(w, ns - w.length));
  const follower = CONGRESS_FOLLOWERS.some((w) => text.startsWith(w, di + 1));
  // 三大攻坚战, 第二大城市: a small number or 第 without a Party opening is no congress.
  if (!opening && (!follower || n < 8 || text.charAt(ns - 1) === '第')) return undefined;
  // Inside a run of ideographs only a verb or conjunction may stand before the number.
  const led = CONGRESS_LEADS.some((w) => text.startsWith(w, ns - w.length));
  if (!opening && isHan(text.charCodeAt(ns - 1)) && !led) return undefined;
  const start = opening ? ns - opening.length : ns;
  return {
    start,
    end: di + 1,
    ordinals: [n],
    body: partyBodyOf(opening),
    meetingType: '代表大会',
    category: 'congress',
  };
}

const TERM_CONGRESS_TYPES = wordsOf('meetings', 'termCongressTypes');

/**
 * Party congresses numbered by a term written 届 with no session after it (化州市第十三届党代会,
 * 十一届党代会): a session (第十五届党代会第二次会议) is the counted scan's, whose mention covers
 * this one. 新一届党代会 names none: a first term needs its 第.
 */
export function readTermCongresses(text: string, more: RawMeeting[]): void {
  for (const type of TERM_CONGRESS_TYPES)
    for (let at = text.indexOf(`届${type}`); at >= 0; at = text.indexOf(`届${type}`, at + 1)) {
      const ns = numeralRunStart(text, at);
      const n = ns < at ? parseNumeral(text.slice(ns, at)) : undefined;
      const ordinal = text.charAt(ns - 1) === '第';
      if (n === undefined || n <= 0 || n > 30 || (n === 1 && !ordinal)) continue;
      let start = ordinal ? ns - 1 : ns;
      const before = bodyBefore(text, start);
      if (before) start = before.start;
      more.push({
        start,
        end: at + 1 + type.length,
        ordinals: [n],
        ...(before?.body ? { body: before.body } : {}),
        meetingType: type,
        category: 'congress',
      });
    }
}

/** Party congresses written N大 from the 大 at `at.di`, up to the first 大 at or past `limit`. */
export function readCongresses(
  text: string,
  more: RawMeeting[],
  at: { di: number },
  limit: number,
): number {
  for (; at.di >= 0; at.di = text.indexOf('大', at.di + 1)) {
    const di = at.di;
    if (di >= limit) return di;
    if (CN_NUMERAL_UNITS[text.charCodeAt(di - 1)] !== 1) continue;
    const c = congressAt(text, di);
    if (c) more.push(c);
  }
  return -1;
}

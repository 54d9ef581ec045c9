/**
 * Finds numbered meetings: 第115次会议, 第二十五、二十六次专题会议, 召开108次常委会会议,
 * 十二届县委常委会第57次会议, 市委四届八次全会. Works on normalised text (normalised offsets).
 */
import { CHINESE_NUMERAL_CHARS, NUMERAL_PATTERN, parseNumeral } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { slicesByPosition } from './step-slices';
import { LiteralMatcher } from './text/literal-matcher';
import { alternationOf, mapOf, wordsOf } from './lexicons/index';
import { bodyBefore, trimTermBody } from './meeting-bodies';
import { plenumAt, readCongresses, readTermCongresses } from './plenums-congresses';
import type { MeetingCategory } from './types';

/** A meeting reference in normalised offsets. */
export interface RawMeeting {
  start: number;
  end: number;
  ordinals: number[];
  term?: number;
  body?: string;
  meetingType?: string;
  category: MeetingCategory;
  expanded?: boolean;
  /** A meeting of an organ (主席团) of the session named right before it: the organ met. */
  organ?: boolean;
}

/** Kinds of meeting (longest match wins); the generic 会议/会 give no type. */
const MEETING_TYPES = wordsOf('meetings', 'types');
const GENERIC_TYPES = new Set(wordsOf('meetings', 'genericTypes'));
const PLENUM_TYPES = new Set(wordsOf('meetings', 'plenumTypes'));
const PLENUM_WORDS = new LiteralMatcher(PLENUM_TYPES);
const SITTING_TYPES = new Set(wordsOf('meetings', 'sittingTypes'));
const SITTING_BODIES = new Set(wordsOf('meetings', 'sittingBodies'));
const SESSION_ORGANS = wordsOf('meetings', 'sessionOrgans');
/** Meetings whose organs (主席团) hold numbered meetings of their own. */
const ORGAN_HOLDERS = new Set<MeetingCategory>(['session', 'congress']);
/**
 * Meetings whose 第N次全体会议 right after their name is one of their sittings (not a congress:
 * 第四次党员代表大会第六次全体会议 is its sixth yearly session).
 */
const SITTING_HOLDERS = new Set<MeetingCategory>(['plenum', 'session']);
const CONGRESS_TYPES = new Set(wordsOf('meetings', 'congressTypes'));
/** Conjunctions between two numbered meetings named together (党组会议和主席会议, 暨). */
const MEETING_JOINS = '和及暨、';
/** Administrative units a place's name ends with (省, 市, 自治区 …). */
const PLACE_UNIT_ENDS = wordsOf('titles', 'placeUnits');
/** Short forms spelled out, so every page reports the same type. */
const TYPE_ALIASES = mapOf('meetings', 'typeAliases');
const EXPANDED = wordsOf('meetings', 'expandedMarks');
const NOT_IN_TERM_BODY = wordsOf('meetings', 'notInTermBody');

const NUM = NUMERAL_PATTERN;
const SEP = '[、,，和及至到—-]';
/** A parenthesised 扩大 between the number and the type: 第三十一次(扩大)会议. */
const EXPANDED_MARK = `(?:[(（](?:${alternationOf(EXPANDED)})[)）])?`;
/**
 * The meeting types, each of four characters or more also with the mark inside it, after its
 * first word (集中(扩大)学习, 常务(扩大)会议).
 */
const TYPES_WITH_MARK = [...new Set(MEETING_TYPES)]
  .sort((a, b) => b.length - a.length)
  .map((t) =>
    t.length >= 4
      ? `${alternationOf([t.slice(0, 2)])}${EXPANDED_MARK}${alternationOf([t.slice(2)])}`
      : alternationOf([t]),
  )
  .concat(
    wordsOf('meetings', 'typesBeforeJoin').map(
      (t) => `${alternationOf([t])}(?=[${MEETING_JOINS},，])`,
    ),
  )
  .join('|');
/** The parenthesised 扩大 inside a type, taken out to name the type. */
const INNER_MARK_RE = new RegExp(`[(（](?:${alternationOf(EXPANDED)})[)）]`);
const MEETING_RE = new RegExp(
  `(?:第?(${NUM})届([\\u4e00-\\u9fff]{0,12}?))?(第)?[ \\u3000]?(${NUM}(?:次?${SEP}第?${NUM})*)[ \\u3000]?次[ \\u3000]?(${EXPANDED_MARK}[^\\s\\d的了在是到来去我你他她，,。；;：:、！？“”"（）()次届第]{0,12}?${EXPANDED_MARK})(${TYPES_WITH_MARK})`,
  'g',
);
/** The same pattern tried at one position only (the candidate starts worked out from a 次). */
const MEETING_AT = new RegExp(MEETING_RE.source, 'y');
/** Characters a meeting reference can span before its 次 (term, body and numerals). */
const LOOKBEHIND = 40;
/** Characters between a term's 届 and the ordinals (the body the term belongs to, then 第). */
const TERM_REACH = 14;

/** The spaces some sites put around a number (第 32 次). */
const SPACES = new Set([' ', '\u3000']);
/** Code units of numerals (Arabic and Chinese). */
const NUMERAL_UNITS = codeUnitFlags(`0123456789${CHINESE_NUMERAL_CHARS}`);
/** Code units an ordinal list is made of: numerals, separators, 第 and 次 (七次、八次全会). */
const LIST_UNITS = codeUnitFlags(`0123456789${CHINESE_NUMERAL_CHARS}、,，和及至到—-第次`);

/**
 * The meeting reference around the 次 at `ci`, starting at or after `from`. Tries only where one
 * can start (a term's numeral before 届, then each place in the ordinal list before 次), so the
 * pattern runs at a few positions instead of across a window.
 */
function meetingAround(text: string, ci: number, from: number): RegExpExecArray | undefined {
  // Every reference has a numeral right before its 次 (这次, 再次, 层次 have none), or one
  // space apart (第 32 次).
  const numeralEnd = SPACES.has(text.charAt(ci - 1)) ? ci - 1 : ci;
  if (NUMERAL_UNITS[text.charCodeAt(numeralEnd - 1)] !== 1) return undefined;
  const floor = Math.max(from, ci - LOOKBEHIND);
  let listStart = numeralEnd - 1;
  while (listStart > floor && LIST_UNITS[text.charCodeAt(listStart - 1)] === 1) listStart--;
  // 第 120次: a space some sites put between 第 and the number.
  if (SPACES.has(text.charAt(listStart - 1)) && text.charAt(listStart - 2) === '第') listStart -= 2;
  const starts: number[] = [];
  let term = listStart - 1;
  while (term > floor && listStart - term <= TERM_REACH && text.charAt(term) !== '届') {
    // 十八届六中全会精神和省第十次党代会: a term a plenum already closed is not this meeting's.
    if (PLENUM_WORDS.wordAt(text, term) !== undefined) break;
    term--;
  }
  if (
    term >= floor &&
    text.charAt(term) === '届' &&
    NUMERAL_UNITS[text.charCodeAt(term - 1)] === 1
  ) {
    let t = term - 1;
    while (t > floor && NUMERAL_UNITS[text.charCodeAt(t - 1)] === 1) t--;
    if (t > floor && text.charAt(t - 1) === '第') t--;
    starts.push(t);
  }
  for (let p = listStart; p < ci; p++) starts.push(p);
  for (const at of starts) {
    MEETING_AT.lastIndex = at;
    const m = MEETING_AT.exec(text);
    const termBody = m?.[2] ?? '';
    if (m && at + m[0].length > ci && !NOT_IN_TERM_BODY.some((w) => termBody.includes(w))) return m;
  }
  return undefined;
}

/** An ordinal whose meeting type is left to the last of a list (中央财经委员会第六次、). */
const ELIDED_ORDINAL = new RegExp(`第(${NUMERAL_PATTERN})次$`);

/**
 * Meetings listed before one that names its body (中央财经委员会第六次、省委财经委员会第三次、
 * 市委财经委员会第一次会议): each earlier body has its own ordinal and shares the last one's
 * type. Read back from `start`, the last meeting's start, never before `floor`.
 */
function elidedBefore(
  text: string,
  start: number,
  floor: number,
  last: Pick<RawMeeting, 'meetingType' | 'category'>,
): RawMeeting[] {
  const out: RawMeeting[] = [];
  for (let at = start; text.charAt(at - 1) === '、';) {
    const m = ELIDED_ORDINAL.exec(text.slice(Math.max(floor, at - 13), at - 1));
    const ordinal = m?.[1] !== undefined ? parseNumeral(m[1]) : undefined;
    if (!m || !ordinal) break;
    const before = bodyBefore(text, at - 1 - m[0].length);
    if (!before || before.start < floor) break;
    out.unshift({
      start: before.start,
      end: at - 1,
      ordinals: [ordinal],
      body: before.body,
      ...(last.meetingType ? { meetingType: last.meetingType } : {}),
      category: last.category,
    });
    at = before.start;
  }
  return out;
}

/** Splits `二十五、二十六` / `三至五` / `七次、八次` into ordinals (ranges expanded when short). */
export function parseOrdinalList(list: string): number[] | undefined {
  const out: number[] = [];
  const parts = list.split(/([、,，和及至到—-])/);
  let range = false;
  for (const part of parts) {
    if (/^[至到—-]$/.test(part)) {
      range = true;
      continue;
    }
    if (/^[、,，和及]$/.test(part)) continue;
    // 七次、八次、九次全会: each item may carry its own 次.
    const v = parseNumeral(part.replace(/^第/, '').replace(/次$/, ''));
    if (v === undefined) return undefined;
    const prev = out[out.length - 1];
    if (range && prev !== undefined && v > prev && v - prev <= 20) {
      for (let k = prev + 1; k <= v; k++) out.push(k);
    } else out.push(v);
    range = false;
  }
  return out.length > 0 ? out : undefined;
}

/** Bodies whose numbered sessions are sessions of a people's congress or CPPCC. */
const SESSION_BODY = new RegExp(`${alternationOf(wordsOf('meetings', 'sessionBodies'))}|代表大会$`);
/** A standing committee (市人大常委会): its numbered meetings are meetings, not sessions. */
const STANDING_ORGAN = new RegExp(
  `(?:${alternationOf(wordsOf('meetings', 'standingOrganEndings'))})$`,
);
/** True when `body` is a standing committee's (市人大常委会, 区政协常委会). */
export const isStandingOrgan = (body: string): boolean => STANDING_ORGAN.test(body);
/** Types naming an organ of the body before them, which is then the body that met. */
export const ORGAN_TYPES: ReadonlySet<string> = new Set(wordsOf('meetings', 'organTypes'));
const PARTY_GROUPS = mapOf('meetings', 'partyGroupTypes');
const PARTY_GROUP_NAMES = [...new Set(Object.values(PARTY_GROUPS))];

/** True when a term's body (第十三届委员会) only names again the committee before it (县委, 区委员会). */
const isCommitteeAgain = (before: string, termBody: string): boolean =>
  termBody === '委员会' && (before.endsWith('委') || before.endsWith('委员会'));

/** Bodies whose 全会 / 全体会议 are Party plenums. */
const PARTY_BODY = new RegExp(`(?:${alternationOf(wordsOf('meetings', 'partyBodyEndings'))})$`);

/** What kind of meeting a numbered reference is, from its type, body and term. */
function categoryOf(
  typeWord: string,
  body: string | undefined,
  term: number | undefined,
): MeetingCategory {
  if (CONGRESS_TYPES.has(typeWord)) return 'congress';
  const b = body ?? '';
  if (
    PLENUM_TYPES.has(typeWord) &&
    (typeWord !== '全体会议' || (PARTY_BODY.test(b) && !SESSION_BODY.test(b)))
  )
    return 'plenum';
  if (
    SESSION_BODY.test(b) &&
    !isStandingOrgan(b) &&
    (term !== undefined || /人代会$/.test(b)) &&
    GENERIC_TYPES.has(typeWord)
  )
    return 'session';
  return 'meeting';
}

/**
 * Whether the words between the session `prev` and a numbered meeting at `at` name one of the
 * session's organs (省十四届人大四次会议主席团第三次会议).
 */
function isSessionOrganAt(text: string, prev: RawMeeting, at: number): boolean {
  if (!ORGAN_HOLDERS.has(prev.category)) return false;
  return SESSION_ORGANS.some((w) => prev.end + w.length === at && text.startsWith(w, prev.end));
}

/** Where the scan for 次 stands: the next 次 (-1: none left) and the end of the last reference. */
interface CountScan {
  ci: number;
  lastEnd: number;
}

/** Numbered meetings around each 次 from `scan`'s, up to the first 次 at or past `limit`. */
function readCountedMeetings(
  text: string,
  out: RawMeeting[],
  scan: CountScan,
  limit: number,
): number {
  // Every meeting reference has a 次: look only around those, not at every character.
  for (; scan.ci >= 0; scan.ci = text.indexOf('次', scan.ci + 1)) {
    const ci = scan.ci;
    if (ci >= limit) return ci;
    if (ci < scan.lastEnd) continue;
    const m = meetingAround(text, ci, scan.lastEnd);
    if (!m) continue;
    const [whole, termText, rawTermBody, di, list = '', filler = '', markedType = ''] = m;
    const typeWord = markedType.replace(INNER_MARK_RE, '');
    const ordinals = parseOrdinalList(list);
    if (!ordinals || ordinals.some((o) => o <= 0 || o > 100000)) continue;
    const term = termText !== undefined ? parseNumeral(termText) : undefined;
    const termBody = rawTermBody ? trimTermBody(rawTermBody) : rawTermBody;
    const before = bodyBefore(text, m.index);
    let body = termBody || before?.body;
    // 县委员会召开第十三届委员会第五次全体会议: the term's 委员会 is the committee already named.
    if (termBody && before)
      body = isCommitteeAgain(before.body, termBody) ? before.body : `${before.body}${termBody}`;
    const hasTerm = term !== undefined;
    const expanded = EXPANDED.some((w) => filler.includes(w) || markedType.includes(w));
    // …党组会议和七十七次主席会议: a second meeting joined to the one just read, without 第.
    const prev = out[out.length - 1];
    const joined =
      prev !== undefined &&
      prev.end === m.index - 1 &&
      MEETING_JOINS.includes(text.charAt(prev.end));
    if (joined && !body && prev.body) {
      // 党组会议暨56次主席会议: the council is the body's, not its Party group's.
      const prevGroup = PARTY_GROUP_NAMES.find((g) => prev.body?.endsWith(g));
      body =
        prevGroup && !PARTY_GROUPS[typeWord] ? prev.body.slice(0, -prevGroup.length) : prev.body;
    }
    // 市政协第56次主席会议: the chairs' council met, numbered apart from the committee's meetings.
    if (body && ORGAN_TYPES.has(typeWord) && !body.endsWith(typeWord)) body = `${body}${typeWord}`;
    // 市政协十六届60次党组(扩大)会议: the Party group met (市政协党组).
    const group = PARTY_GROUPS[typeWord];
    if (body && group && !body.endsWith(group)) body = `${body}${group}`;
    if (!di && !hasTerm && !joined) {
      // Without 第 or 届 a number of times is only an ordinal right after 召开 or a body.
      const lead = text.slice(Math.max(0, m.index - 2), m.index);
      const bodyLike = before && /[委会组府院部协大办]$/.test(before.body);
      // 省十二次党代会: a place's congress, numbered without 第.
      const placeCongress =
        before &&
        CONGRESS_TYPES.has(typeWord) &&
        PLACE_UNIT_ENDS.some((u) => before.body.endsWith(u));
      if (lead !== '召开' && !bodyLike && !placeCongress) continue;
      if (filler && !expanded) continue;
    }
    const start = before && (body === before.body || termBody) ? before.start : m.index;
    const meetingType = GENERIC_TYPES.has(typeWord)
      ? undefined
      : (TYPE_ALIASES[typeWord] ?? typeWord);
    scan.lastEnd = m.index + whole.length;
    // 省十四届人大四次会议主席团第三次会议: the session's presidium met, numbered on its own; the
    // session stays a reference of its own.
    if (prev && !hasTerm && isSessionOrganAt(text, prev, m.index)) {
      out.push({
        start: prev.end,
        end: scan.lastEnd,
        ordinals,
        body: text.slice(prev.start, m.index),
        ...(meetingType ? { meetingType } : {}),
        category: 'meeting',
        ...(expanded ? { expanded } : {}),
        organ: true,
      });
      continue;
    }
    if (SITTING_TYPES.has(typeWord) && !hasTerm) {
      // 省委十二届三次全会第二次全体会议: a sitting of the plenum or session just named, which the
      // reference names as a whole.
      if (prev && prev.end === m.index && prev.category && SITTING_HOLDERS.has(prev.category)) {
        out[out.length - 1] = { ...prev, end: scan.lastEnd };
        continue;
      }
      // 大会第一次全体会议: a sitting of the session the page is about.
      if (before && !termBody && SITTING_BODIES.has(before.body)) continue;
    }
    // 第十六次党员代表大会第三次会议: the third session of the sixteenth congress, whose number
    // stands for its term, as 第十四届人民代表大会第三次会议 does.
    if (
      prev?.category === 'congress' &&
      prev.end === m.index &&
      !hasTerm &&
      ordinals.length === 1
    ) {
      out[out.length - 1] = {
        start: prev.start,
        end: scan.lastEnd,
        ordinals,
        ...(prev.ordinals.length === 1 ? { term: prev.ordinals[0] } : {}),
        ...(prev.body ? { body: prev.body } : {}),
        ...(meetingType ? { meetingType } : {}),
        category: 'session',
        ...(expanded ? { expanded } : {}),
      };
      continue;
    }
    // 会议举行第一次全体会议: a sitting of the session just named, not a meeting of its own.
    if (SITTING_TYPES.has(typeWord) && !hasTerm && !before) continue;
    const category = categoryOf(typeWord, body, term);
    if (before && start === before.start && !hasTerm)
      out.push(...elidedBefore(text, start, prev?.end ?? 0, { meetingType, category }));
    out.push({
      start,
      end: m.index + whole.length,
      ordinals,
      ...(term !== undefined ? { term } : {}),
      ...(body ? { body } : {}),
      ...(meetingType ? { meetingType } : {}),
      category,
      ...(expanded ? { expanded } : {}),
    });
  }
  return -1;
}

/** Finds numbered meetings in normalised text (each scan a plain function driven in slices). */
export function* findMeetings(text: string): Generator<undefined, RawMeeting[]> {
  const out: RawMeeting[] = [];
  const scan: CountScan = { ci: text.indexOf('次'), lastEnd: 0 };
  yield* slicesByPosition((limit) => readCountedMeetings(text, out, scan, limit));
  yield;
  // Plenums written 四中全会 and congresses written 二十大 have no 次.
  const more: RawMeeting[] = [];
  for (let ai = text.indexOf('中全会'); ai >= 0; ai = text.indexOf('中全会', ai + 3)) {
    const p = plenumAt(text, ai);
    if (p) more.push(p);
  }
  readTermCongresses(text, more);
  yield;
  const congresses = { di: text.indexOf('大') };
  yield* slicesByPosition((limit) => readCongresses(text, more, congresses, limit));
  if (more.length === 0) return out;
  const all = [...out];
  for (const x of more) if (!out.some((o) => o.start < x.end && x.start < o.end)) all.push(x);
  return all.sort((a, b) => a.start - b.start);
}

/**
 * Reading a held meeting's name around its cue: forward from an active cue (召开市委常委会会议,
 * 召开党组会议和常务会议), back from a passive one (第四次会议在昆明隆重开幕), and the numbered
 * meetings inside it. The words are those of `lexicons/records.json`.
 */
import { afterWhen, isDatedLead } from './record-when';
import { alternationOf } from './lexicons/index';
import type { RawMeeting } from './meeting-numbers';
import {
  CLAUSE_END,
  endsWithAny,
  longestFirst,
  LONGEST_SPAN,
  recordWords as words,
  startsWithAny,
  wordAt,
} from './record-text';
import { NUMERAL_CHARS } from './numerals';

const FORM_OPENINGS = words('meetingFormOpenings');
const FORM_CLOSINGS = words('meetingFormClosings');
export const DESCRIBING_AFTER = longestFirst('describingAfterCue');
const PASSIVE_NAME_LEADS = longestFirst('passiveNameLeads');
const NOT_AFTER_HUI = new Set(words('notAfterHui'));
const WORDS_ENDING_IN_HUI = words('wordsEndingInHui');
/** True when the 会 at `at` ends a word that names no meeting (省会, 领会; not 全省会议). */
const endsOtherWord = (text: string, at: number): boolean =>
  text.charAt(at + 1) !== '议' &&
  WORDS_ENDING_IN_HUI.some((w) => text.startsWith(w, at + 1 - w.length));
const AT_DESCRIBED_MEETING = new Set(words('atDescribedMeeting'));
const NOT_AFTER_MEETING = longestFirst('notAfterMeeting');
const NAME_JOINS = longestFirst('meetingJoins');
const HELD_TOGETHER = longestFirst('heldTogetherJoins');
const ORGAN_MEETING_KINDS = words('meetingKindsInBody');

/** Longest meeting phrase after a hold cue, in characters. */
const PHRASE_REACH = 48;

/**
 * Index of the first of the sorted `meetings` that may still reach past `at`: the search of
 * `firstEndingAfter`, kept apart so each reads one kind of object (a search fed meetings and then
 * officials was optimised for one and thrown away on the other).
 */
function firstMeetingEndingAfter(meetings: readonly RawMeeting[], at: number): number {
  let lo = 0;
  let hi = meetings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((meetings[mid] as RawMeeting).start >= at - LONGEST_SPAN) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The numbered meetings overlapping `[start, end)`. */
export function meetingsIn(
  meetings: readonly RawMeeting[],
  start: number,
  end: number,
): RawMeeting[] {
  const out: RawMeeting[] = [];
  for (let i = firstMeetingEndingAfter(meetings, start); i < meetings.length; i++) {
    const m = meetings[i] as RawMeeting;
    if (m.start >= end) break;
    if (m.end > start) out.push(m);
  }
  return out;
}

/**
 * End of a meeting name starting at `from` (after 会 or 会议), or -1 when none is near. A 会 in
 * `inNames` (positions inside officials' names, 刘会军) ends nothing.
 */
export function meetingNameEnd(
  text: string,
  from: number,
  meetings: readonly RawMeeting[],
  inNames: ReadonlySet<number>,
): number {
  // 召开的座谈会上: a meeting the cue describes, at which something happened.
  const described = startsWithAny(text, from, DESCRIBING_AFTER);
  for (let i = from; i < from + PHRASE_REACH && i < text.length; i++) {
    const c = text.charAt(i);
    if (CLAUSE_END.test(c)) return -1;
    if (c !== '会' || inNames.has(i) || endsOtherWord(text, i)) continue;
    let end = i + 1;
    const next = text.charAt(end);
    if (next === '议') {
      if (startsWithAny(text, end + 1, NOT_AFTER_MEETING)) continue;
      end++;
    } else if (NOT_AFTER_HUI.has(next) && !(described && AT_DESCRIBED_MEETING.has(next))) continue;
    else if (text.startsWith('会议', end)) end += 2;
    // A numbered meeting begun before this 会 ends where it ends (常委会第57次会议).
    // 县政府召开第31次常务会议 is one reference from its subject on: it may begin before the cue.
    for (const m of meetingsIn(meetings, end, end + 1))
      if (m.start < end) end = Math.max(end, m.end);
    const join = wordAt(text, end, HELD_TOGETHER);
    if (join) {
      const more = meetingNameEnd(text, end + join.length, meetings, inNames);
      if (more > 0) end = more;
    }
    return end;
  }
  return -1;
}

/** True when a name ends in the meeting of an organ (党组(扩大)会议, 第28次常务会, 常委会会议). */
function isOrganMeeting(name: string): boolean {
  const core = name
    .replace(/[(（]扩大[)）]/g, '')
    .replace(/会议$/, '会')
    .replace(/会会$/, '会');
  return ORGAN_MEETING_KINDS.some((k) => core.endsWith(k));
}

/**
 * The names of the meetings held together in `[start, end)`: two joined names are two meetings
 * when both are an organ's (党组会议暨主席会议) or either is numbered (党组会议和第十三次常务会议;
 * the second, when joined by 暨: 常委会会议暨网信委第六次会议). Other names joined by 暨 are one
 * meeting's (第二十六次专题会议暨领导小组会议), and by 和 or 、 only the first is read as held.
 */
export function joinedNames(
  text: string,
  start: number,
  end: number,
  meetings: readonly RawMeeting[],
): Array<[number, number]> {
  const numbered = ([a, b]: [number, number]): boolean =>
    meetingsIn(meetings, a, b).some((m) => m.start >= a);
  const out: Array<[number, number]> = [];
  // 暨理论学习中心组学习会议召开: a headline's second line opens with the join.
  let from = start + wordAt(text, start, HELD_TOGETHER).length;
  for (let i = from + 1; i < end; i++) {
    const join = wordAt(text, i, HELD_TOGETHER);
    if (!join) continue;
    const left: [number, number] = [from, i];
    const ends =
      text.startsWith('会议', i - 2) ||
      meetingsIn(meetings, i - 1, i).some((m) => m.end === i && m.end > from) ||
      (text.charAt(i - 1) === '会' && isOrganMeeting(text.slice(from, i)));
    const close = text.indexOf('会', i + join.length);
    if (!ends || close < 0 || close >= end) continue;
    const rightEnd = text.startsWith('会议', close) ? close + 2 : close + 1;
    const right: [number, number] = [i + join.length, Math.min(rightEnd, end)];
    // 第二十六次专题会议暨领导小组会议: one meeting's two names, unless the second is numbered.
    const apart =
      numbered(right) ||
      (!NAME_JOINS.includes(join) && numbered(left)) ||
      (isOrganMeeting(text.slice(...left)) && isOrganMeeting(text.slice(...right)));
    if (apart) {
      out.push(left);
      from = i + join.length;
      i = from - 1;
    } else if (!NAME_JOINS.includes(join)) {
      out.push(left);
      return out;
    }
  }
  out.push([from, end]);
  return out;
}

/** A note in brackets that ends right before a passive cue, and how far back it is looked for. */
const NOTE_BEFORE_CUE_RE = /[(（][^()（）]{1,10}[)）]$/;
const NOTE_REACH = 12;

/** Characters between a meeting's name and a passive cue: an adverb or two, or 在 and a place. */
const PASSIVE_GAP = 4;
const PASSIVE_PLACE_GAP = 16;

/**
 * End of the meeting's name in a clause `[cs, cue)` that closes with a passive cue (第四次会议隆重开幕,
 * 会议在昆明云南海埂会堂隆重开幕), or -1. A 会 of another word (会堂, 会议中心) ends no name.
 */
export function passiveNameEnd(text: string, cs: number, cue: number): number {
  // 全市公安局长会议以视频会形式召开: how it was held stands between the name and the cue.
  if (endsWithAny(text, cue, FORM_CLOSINGS)) {
    const clause = text.slice(cs, cue);
    const open = Math.max(...FORM_OPENINGS.map((w) => clause.lastIndexOf(w)));
    if (open > 0) cue = cs + open;
  }
  // 第二次全体会议(闭幕会)召开: a note in brackets may follow the name; 常委会会议(扩大) keeps it.
  const note = NOTE_BEFORE_CUE_RE.exec(text.slice(Math.max(cs, cue - NOTE_REACH), cue))?.[0];
  const kept = note?.includes('扩大') ? note.length : 0;
  if (note) cue -= note.length;
  for (let at = text.lastIndexOf('会', cue - 1); at >= cs; at = text.lastIndexOf('会', at - 1)) {
    const close = text.charAt(at + 1) === '议' ? at + 2 : at + 1;
    if (close === at + 1 && (NOT_AFTER_HUI.has(text.charAt(close)) || endsOtherWord(text, at)))
      continue;
    // 在国际会议中心胜利闭幕: a 会议 of a place's name names no meeting; the name ends before 在.
    if (close === at + 2 && startsWithAny(text, close, NOT_AFTER_MEETING)) {
      const place = text.lastIndexOf('在', at);
      if (place >= cs) at = place;
      continue;
    }
    // 第二次会议8日在广州开幕, 于1月25日下午闭幕: when it was held may come first.
    const gap = text.slice(afterWhen(text, close, cue), cue);
    // A room's number may stand in the place (在705会议室召开), and a hard wrap's space (在 贵阳).
    if (!/^(?:在[\s\u3000\u4e00-\u9fff0-9A-Za-z]*|[\u4e00-\u9fff]*)$/.test(gap)) return -1;
    const reach = gap.startsWith('在') ? PASSIVE_PLACE_GAP : PASSIVE_GAP;
    if (gap.length > reach) return -1;
    return kept > 0 && close === cue ? close + kept : close;
  }
  return -1;
}

/** How long a meeting lasted, said before its name (历时3天的, 为期四天半的, 会期两天的). */
const DURATION = `(?:${alternationOf(words('durationLeads'))})[${NUMERAL_CHARS}半]+个?[天日]半?的`;
const DURATION_RE = new RegExp(`${DURATION}$`);
const DURATION_OPENING_RE = new RegExp(`^${DURATION}`);

/** Start of a meeting's name that closes a clause: after the last word that opens a body (甲宣布大会开幕). */
export function passiveNameStart(text: string, cs: number, close: number): number {
  const run = text.slice(cs, close);
  let start = 0;
  for (const w of PASSIVE_NAME_LEADS) {
    const at = run.lastIndexOf(w);
    if (at >= 0 && at + w.length < run.length) start = Math.max(start, at + w.length);
  }
  // 为期3天的会议圆满完成了各项议程: how long it lasted is no part of its name.
  return cs + start + (DURATION_OPENING_RE.exec(run.slice(start))?.[0].length ?? 0);
}

/**
 * The numbered meeting that opens the sentence from `ss` as its subject (after a date at most),
 * when the clause at `cs` holding the cue names none.
 */
export function sentenceSubject(
  text: string,
  meetings: readonly RawMeeting[],
  ss: number,
  cs: number,
): RawMeeting | undefined {
  if (cs <= ss) return undefined;
  const first = meetingsIn(meetings, ss, cs)[0];
  if (!first || first.end > cs) return undefined;
  // 历时3天的市政协四届五次会议: how long it lasted may stand before the name.
  const nameStart = first.start - (DURATION_RE.exec(text.slice(ss, first.start))?.[0].length ?? 0);
  if (text.slice(ss, nameStart).trim() === '') return first;
  // 东北网鸡西2月25日讯 2月24日下午，: a dateline may stand before the lead's date.
  return isDatedLead(text, ss, nameStart) ? first : undefined;
}

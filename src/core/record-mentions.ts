/**
 * Mentions of held meetings for the meeting-records pass: where a report says a meeting was held
 * (召开市委常委会会议, 第四次会议在昆明隆重开幕), the meeting's name and body, and the numbered
 * meetings it holds. The cue words are those of `lexicons/records.json`.
 */
import { findArticleEnd } from './article-extent';
import { afterWhen, isDatedLead } from './record-when';
import { alternationOf } from './lexicons/index';
import { isStandingOrgan, type RawMeeting } from './meeting-numbers';
import type { RawOfficial } from './officials';
import {
  CLAUSE_END,
  clauseStart,
  endsWithAny,
  type HeldAt,
  inRelayedItem,
  inReportedSpeech,
  longestFirst,
  LONGEST_SPAN,
  recordWords as words,
  sentenceStart,
  startsWithAny,
  wordAt,
} from './record-text';
import { NUMERAL_CHARS } from './numerals';
import { bodyOfName, convenerBefore, tidyBody } from './record-bodies';
import { findDecisions } from './record-decisions';
import { findDeliberations } from './record-deliberations';
import { findHeldAt } from './record-held-at';
import { findMinutes, type LabelledField } from './record-minutes';
import { findStudySessions, studyGroupBefore } from './record-study-sessions';

const HELD_WITHIN = new Set(words('heldWithinCues'));
const ACTIVE_HOLD = new Set([...words('holdCues'), ...HELD_WITHIN]);
const FORM_OPENINGS = words('meetingFormOpenings');
const FORM_CLOSINGS = words('meetingFormClosings');
const AGENDA_COMPLETIONS = longestFirst('agendaCompletions');
const PASSIVE_HOLD = longestFirst('passiveHoldCues').concat(AGENDA_COMPLETIONS);
const HOLD_RE = new RegExp(alternationOf([...ACTIVE_HOLD, ...PASSIVE_HOLD]), 'g');
const NOT_HELD_BEFORE = longestFirst('notHeldBefore');
const NOT_HELD_AFTER = longestFirst('notHeldAfter');
const NOT_HELD_IN_SENTENCE = longestFirst('notHeldInSentence');
const NOT_HELD_IN_CLAUSE = longestFirst('notHeldInClause');
const CONVENERS_ORGANS = longestFirst('convenersOrgans');
const NOT_HELD_RIGHT_AFTER = longestFirst('notHeldRightAfterCue');
const DESCRIBING_AFTER = longestFirst('describingAfterCue');
const NOT_HELD_CLAUSE_OPENERS = longestFirst('notHeldClauseOpeners');
const SESSION_PARTS = new Set(words('sessionParts'));
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
/** Mentions read per page at most (a chronicle has tens; a pathological page must stay fast). */
const MAX_MENTIONS = 300;

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
function meetingNameEnd(
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
function joinedNames(
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
function passiveNameEnd(text: string, cs: number, cue: number): number {
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
function passiveNameStart(text: string, cs: number, close: number): number {
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
function sentenceSubject(
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

/** Meetings whose own sittings and side meetings are filed under them (a session, a congress, a plenum). */
const HOLDERS_OF_SITTINGS = new Set<RawMeeting['category']>(['session', 'congress', 'plenum']);
/**
 * True when `m`'s sittings are filed under it: a standing committee's numbered meeting sits
 * several times too (常委会第十一次会议举行第一次全体会议).
 */
const holdsSittings = (m: RawMeeting): boolean =>
  HOLDERS_OF_SITTINGS.has(m.category) ||
  (m.category === 'meeting' && isStandingOrgan(m.body ?? ''));

/**
 * The numbered session (or standing committee's meeting) that is the subject of the active cue at
 * `cue`, when and where it sat standing between (漳州市十七届人大二次会议在市人民剧场举行预备会): the
 * sitting it holds is filed under it.
 */
function holderBefore(
  text: string,
  meetings: readonly RawMeeting[],
  cue: number,
): RawMeeting | undefined {
  const cs = clauseStart(text, cue);
  const close = passiveNameEnd(text, cs, cue);
  if (close < 0) return undefined;
  const holder = sentenceSubject(text, meetings, cs, close);
  return holder && holder.end === close && holdsSittings(holder) ? holder : undefined;
}

/** True when a numbered meeting starts after the spaces from `at` (召开 第57次常务会议). */
function numberedAfterSpace(text: string, at: number, meetings: readonly RawMeeting[]): boolean {
  let i = at;
  while (i < text.length && i - at < 3 && /[ \t\u3000]/.test(text.charAt(i))) i++;
  return meetingsIn(meetings, i, i + 1).some((m) => m.start === i);
}

/** One mention of a held meeting. */
export interface Mention {
  cue: number;
  start: number;
  end: number;
  body: string;
  numbered: RawMeeting[];
  expanded: boolean;
  name: string;
  /** 召开的一次重要会议: a description of the meeting already reported. */
  describing: boolean;
  /** Where the day it was held is written apart from its name and cue (minutes' 时间：…). */
  dateAt?: readonly [number, number];
}

/** Positions of 会 inside officials' names (刘会军), which end no meeting's name. */
function huiInNames(text: string, officials: readonly RawOfficial[]): Set<number> {
  const out = new Set<number>();
  for (const o of officials)
    for (
      let i = text.indexOf('会', o.nameStart);
      i >= 0 && i < o.nameEnd;
      i = text.indexOf('会', i + 1)
    )
      out.add(i);
  return out;
}

/**
 * False when the cue at `cue` (its words ending at `after`) says what should be done or why, not
 * that a meeting was held: 必须…召开会议, 要定期召开, 确保会议顺利召开, 将于…召开.
 */
function reportsHeld(text: string, cue: number, after: number): boolean {
  if (endsWithAny(text, cue, NOT_HELD_BEFORE) || inReportedSpeech(text, cue)) return false;
  const said = text.slice(sentenceStart(text, cue), cue);
  if (NOT_HELD_IN_SENTENCE.some((w) => said.includes(w))) return false;
  const cs = clauseStart(text, cue);
  if (text.charAt(cs) === '要' || startsWithAny(text, cs, NOT_HELD_CLAUSE_OPENERS)) return false;
  // 以迎接党的二十大胜利召开作为主线: a purpose, whatever opens the clause.
  const clause = text.slice(cs, cue);
  return (
    !NOT_HELD_IN_CLAUSE.some((w) => clause.includes(w)) &&
    !startsWithAny(text, after, NOT_HELD_RIGHT_AFTER)
  );
}

/**
 * Mentions of held meetings, in text order, and where reading them stopped: the end of the text,
 * or on a pathological page past {@link MAX_MENTIONS} the next hold cue (the last mention's
 * stretch ends there instead of swallowing the rest of the page). `fields` are the page's
 * labelled fields (`findLabelledFields`), which name the meetings of minutes.
 */
export function findMentions(
  text: string,
  meetings: readonly RawMeeting[],
  officials: readonly RawOfficial[],
  fields: readonly LabelledField[],
): { mentions: Mention[]; readTo: number } {
  const out: Mention[] = [];
  const inNames = huiInNames(text, officials);
  const push = (cue: number, start: number, end: number, subject: string): void => {
    const last = out[out.length - 1];
    if (last && last.start < end && start < last.end) {
      // 第五次会议圆满完成各项议程,于1月22日下午在东山宾馆闭幕: the same name's later cue in its
      // sentence says when it closed.
      if (last.start === start && last.end === end && sentenceStart(text, cue) <= last.cue)
        last.cue = Math.max(last.cue, cue);
      return;
    }
    const name = text.slice(start, end);
    // 省人大四次会议主席团第三次会议召开: the presidium met, not the session named in its name.
    let numbered = meetingsIn(meetings, start, end).filter(
      (x, i, all) => !(all[i + 1]?.organ === true && all[i + 1]?.start === x.end),
    );
    // 市八届人大五次会议召开预备会议: a part of the numbered session named before the cue.
    if (numbered.length === 0 && SESSION_PARTS.has(tidyBody(bodyOfName(name)))) {
      numbered = meetingsIn(meetings, cue - 1, cue).filter((m) => m.end === cue);
      const holder = numbered.length === 0 && start > cue && holderBefore(text, meetings, cue);
      if (holder) numbered = [holder];
    }
    const first = numbered[0];
    let body = tidyBody(first?.body ?? bodyOfName(name));
    // 市财政局党组理论学习中心组举行专题学习会: a study group's session is filed under the group.
    const group = first ? undefined : studyGroupBefore(text, cue);
    // 主席团举行第一次会议: a numbered meeting with no body of its own is the subject's.
    if (first && !first.body && subject) body = tidyBody(subject);
    else if (!first && (body === '会' || body === '' || /^(?:会|专题会|扩大会)$/.test(body)))
      body = tidyBody(subject) || body;
    else if (group) body = group;
    else if (
      !first &&
      subject &&
      !body.startsWith(subject) &&
      startsWithAny(body, 0, CONVENERS_ORGANS)
    )
      body = tidyBody(`${subject}${body}`);
    out.push({
      cue,
      start,
      end,
      body,
      numbered,
      expanded: name.includes('扩大') || numbered.some((m) => m.expanded === true),
      name,
      describing: startsWithAny(text, start, DESCRIBING_AFTER),
    });
  };
  // Related links and editor lines after the article name meetings other pages report.
  const articleEnd = findArticleEnd(text);
  HOLD_RE.lastIndex = 0;
  let m = HOLD_RE.exec(text);
  for (; m && m.index < articleEnd && out.length < MAX_MENTIONS; m = HOLD_RE.exec(text)) {
    const cue = m.index;
    // 完成各项议程后胜利闭幕: the 后 says when it closed.
    const completed = AGENDA_COMPLETIONS.includes(m[0]);
    const after =
      cue + m[0].length + (completed && text.charAt(cue + m[0].length) === '后' ? 1 : 0);
    if (!reportsHeld(text, cue, after)) continue;
    // Active: 召开市委常委会会议. A space after the cue ends a headline's clause (…会议召开 甲主持会议):
    // what follows is another clause, not the name of what was held.
    // 召开 第57次常务会议: a numbered meeting right after the space is still what was held.
    const spaced =
      /[ \t\u3000]/.test(text.charAt(after)) && !numberedAfterSpace(text, after, meetings);
    // 会议传达学习了总书记在合肥主持召开…座谈会重要讲话精神: a relayed item names no meeting held here.
    const relayed = inRelayedItem(text, cue);
    const end =
      ACTIVE_HOLD.has(m[0]) && !spaced && !relayed
        ? meetingNameEnd(text, after, meetings, inNames)
        : -1;
    if (end > 0 && !startsWithAny(text, end, NOT_HELD_AFTER)) {
      const subject = convenerBefore(text, cue);
      const host = out[out.length - 1];
      const pushedFrom = out.length;
      for (const [a, b] of joinedNames(text, after, end, meetings)) push(cue, a, b, subject);
      // 会议同时套开了…第51次会议: held within the meeting just reported, with its people and day.
      if (host && HELD_WITHIN.has(m[0]))
        for (const held of out.slice(pushedFrom)) held.cue = host.cue;
      continue;
    }
    // Passive: 市委第二十四次专题会议召开 (the name opens the clause, the cue closes it).
    if (relayed || !PASSIVE_HOLD.includes(m[0]) || startsWithAny(text, after, NOT_HELD_AFTER))
      continue;
    const cs = clauseStart(text, cue);
    const close = passiveNameEnd(text, cs, cue);
    if (close > 0)
      for (const [a, b] of joinedNames(text, passiveNameStart(text, cs, close), close, meetings))
        push(cue, a, b, '');
    else {
      // 1月19日，省政协七届三次会议圆满完成各项议程，在省人大会堂胜利闭幕: the numbered meeting
      // that opens the sentence is what closed.
      const opening = sentenceSubject(text, meetings, sentenceStart(text, cue), cs);
      if (opening) push(cue, opening.start, opening.end, '');
    }
  }
  // The article's end, or on a page past the cap the next cue, bounds the last stretch.
  const readTo = Math.min(m ? m.index : text.length, articleEnd);
  addCueless(text, meetings, fields, readTo, out);
  return { mentions: out, readTo };
}

/**
 * Adds the meetings no hold cue names (study sessions, sessions whose groups deliberate, meetings
 * reported by what they decided or what happened at them, minutes) before `readTo` that no
 * mention in `out` already covers, in text order.
 */
function addCueless(
  text: string,
  meetings: readonly RawMeeting[],
  fields: readonly LabelledField[],
  readTo: number,
  out: Mention[],
): void {
  const held: HeldAt = (cue, after) => reportsHeld(text, cue, after) && !inRelayedItem(text, cue);
  const found = [
    ...findStudySessions(text, held),
    ...findDeliberations(text, meetings, held),
    ...findDecisions(text, meetings, held),
    ...findMinutes(text, meetings, fields),
    ...findHeldAt(text, meetings, held),
  ].sort((a, b) => a.cue - b.cue);
  let added = false;
  for (const s of found) {
    if (s.cue >= readTo || out.length >= MAX_MENTIONS) break;
    if (out.some((o) => o.start < s.end && s.start < o.end)) continue;
    const numbered = meetingsIn(meetings, s.start, s.end);
    const name = text.slice(s.start, s.end);
    out.push({ ...s, numbered, name, describing: false });
    added = true;
  }
  if (added) out.sort((a, b) => a.cue - b.cue);
}

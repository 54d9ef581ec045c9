/**
 * Mentions of held meetings for the meeting-records pass: where a report says a meeting was held
 * (召开市委常委会会议, 第四次会议在昆明隆重开幕), the meeting's name and body, and the numbered
 * meetings it holds. The cue words are those of `lexicons/records.json`.
 */
import { findArticleEnd } from './article-extent';
import { alternationOf } from './lexicons/index';
import { isStandingOrgan, type RawMeeting } from './meeting-numbers';
import type { RawOfficial } from './officials';
import {
  clauseStart,
  endsWithAny,
  type HeldAt,
  HOLD_CUE_NOUNS,
  inRelayedItem,
  inReportedSpeech,
  longestFirst,
  recordWords as words,
  sentenceStart,
  startsWithAny,
} from './record-text';
import { bodyOfName, convenerBefore, tidyBody } from './record-bodies';
import { findDecisions } from './record-decisions';
import { findDeliberations } from './record-deliberations';
import { findHeldAt } from './record-held-at';
import { findMinutes, type LabelledField } from './record-minutes';
import { findStudySessions, studyGroupBefore } from './record-study-sessions';
import {
  DESCRIBING_AFTER,
  joinedNames,
  meetingNameEnd,
  meetingsIn,
  passiveNameEnd,
  passiveNameStart,
  sentenceSubject,
} from './record-meeting-names';

const HELD_WITHIN = new Set(words('heldWithinCues'));
const ACTIVE_HOLD = new Set([...words('holdCues'), ...HELD_WITHIN]);
const PRESIDING_HOLD = new Set(words('presidingHoldCues'));
const AGENDA_COMPLETIONS = longestFirst('agendaCompletions');
const PASSIVE_HOLD = longestFirst('passiveHoldCues').concat(AGENDA_COMPLETIONS);
const HOLD_RE = new RegExp(alternationOf([...ACTIVE_HOLD, ...PASSIVE_HOLD]), 'g');
const NOT_HELD_BEFORE = longestFirst('notHeldBefore');
const NOT_HELD_AFTER = longestFirst('notHeldAfter');
const NOT_HELD_IN_SENTENCE = longestFirst('notHeldInSentence');
const NOT_HELD_IN_CLAUSE = longestFirst('notHeldInClause');
const CONVENERS_ORGANS = longestFirst('convenersOrgans');
const NOT_HELD_RIGHT_AFTER = longestFirst('notHeldRightAfterCue');
const NOT_HELD_CLAUSE_OPENERS = longestFirst('notHeldClauseOpeners');
const SESSION_PARTS = new Set(words('sessionParts'));

/** Mentions read per page at most (a chronicle has tens; a pathological page must stay fast). */
const MAX_MENTIONS = 300;

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

/** What may follow a numbered meeting inside a name that still names it (暨, 和, a second one). */
const NUMBERED_JOINS = words('numberedMeetingJoins');

/**
 * True when a congress, plenum or session inside a meeting's name that ends at `end` is only its
 * topic (党的二十大服务保障工作总结会, 二十届四中全会精神宣讲报告会, 人大四次会议召集人会议), not a
 * part of it (开幕会). Other numbered meetings are left alone: their references can end at a 会
 * inside a longer word (第三十二次视频会商调度会).
 */
function namesTopic(text: string, numbered: RawMeeting, end: number): boolean {
  const from = numbered.end;
  if (numbered.category === 'meeting' || end - from < 2) return false;
  if (startsWithAny(text, from, NUMBERED_JOINS)) return false;
  return !SESSION_PARTS.has(tidyBody(bodyOfName(text.slice(from, end))));
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
  // 主席团会议主持人汪洋主持会议: the host's title holds the cue but reports nothing.
  if (startsWithAny(text, cue, HOLD_CUE_NOUNS)) return false;
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
      (x, i, all) =>
        !(all[i + 1]?.organ === true && all[i + 1]?.start === x.end) && !namesTopic(text, x, end),
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
      // 市委常委会主持会议: the organ presides over the meeting just reported; it convened none.
      const subject = PRESIDING_HOLD.has(m[0]) ? '' : convenerBefore(text, cue);
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

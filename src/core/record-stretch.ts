/**
 * Reading one meeting record's stretch of text: who chaired, spoke and attended (officials the
 * officials pass found, or bare names), and what the meeting relayed (…重要讲话精神, read by
 * `record-relayed.ts`). The cue words are those of `lexicons/records.json`.
 */
import { alternationOf } from './lexicons/index';
import type { RawOfficial } from './officials';
import { attendeeSubjectEnd, bareNamesBefore, knownNamesBefore } from './names-before-cue';
import { nameOf } from './official-names';
import { listNameEnd } from './listed-names';
import { readNameList } from './official-name-lists';
import {
  clauseStart,
  endsWithAny,
  firstEndingAfter,
  HOLD_CUE_NOUNS,
  inRelayedItem,
  inReportedSpeech,
  recordWords as words,
  startsWithAny,
} from './record-text';
import { surnameLengthAt } from './surnames';
import { isHan } from './text/normalize';
import { namesAPlace } from './record-place';
import { readRelayed } from './record-relayed';
import { fieldsIn, type LabelledField } from './record-minutes';
import {
  bareNamesBeforeGroup,
  listedOfficials,
  clauseSubject,
  officialsListStart,
  listedSpeakers,
  MATCHERS,
} from './record-list-subjects';
import {
  afterByWord,
  afterHeardLead,
  heardLeadEnd,
  isLeftOrgan,
  inPlannedHearing,
  bareNameBefore,
  closesLater,
  commissionedSubjectEnd,
  continuedSubject,
  isPlaceName,
  NOT_AFTER_SPEAKER,
  officialBefore,
} from './cue-subjects';

/** The parts of a record a stretch adds to: its people (with their mentions) and relayed items. */
export interface RecordPeople {
  chairs: string[];
  speakers: string[];
  attendees: string[];
  relayed: string[];
  sources: {
    chairs: RawOfficial[];
    speakers: RawOfficial[];
    attendees: RawOfficial[];
  };
}

const CHAIR_RE = new RegExp(alternationOf(words('chairCues')), 'g');
/** 会议由王伟主持: the name after these words, when it is no official found, is the chair's. */
const CHAIR_BY_RE = new RegExp(
  `(?:${alternationOf(words('chairByWords'))})([\\u4e00-\\u9fff]{2,3})$`,
);
const HEARD_TOPIC_OPENINGS = words('heardTopicOpenings');
/**
 * A speaker cue, or a frame around what was delivered (作…的报告), within one clause; a title in
 * 《》 may hold commas (作题为《应势而谋，乘势而上》的报告). Last, a topic heard from a speaker
 * (关于…的说明), which only counts after what was heard; an announced decision (宣布…的决定).
 */
const SPEAKER_RE = new RegExp(
  `${alternationOf(words('speakerCues'))}|(?:${alternationOf(words('speakerFrameOpenings'))})(?:的?《[^》\\n]{0,80}?(?:${alternationOf(words('speakerFrameClosings'))})》|(?:《[^》\\n]{0,80}》|[^，,。；;！？!?\\n]){1,40}?(?:${alternationOf(words('speakerFrameClosings'))}))|(?:${alternationOf(words('announcementOpenings'))})[^，,。；;！？!?\\n]{0,40}?(?:${alternationOf(words('announcementClosings'))})|(?:${alternationOf(HEARD_TOPIC_OPENINGS)})(?:《[^》\\n]{0,80}》|[^，,。；;！？!?\\n]){1,80}?的(?:${alternationOf(words('heardTopicClosings'))})`,
  'g',
);
const FRAME_OPENINGS = words('speakerFrameOpenings');
/** Whom a speech was addressed to, opening its clause before the cue (…，向大会报告工作). */
const AUDIENCE_LEADS = words('audienceLeads');
/** 的 after a cue: 甲宣读的《…》 names what 甲 delivered when what was heard opens the clause. */
const DELIVERED_BY = '的';
const DELIVERED_CUES = new Set(words('deliveredCues'));
const WRITTEN_SPEECH = words('writtenSpeechWords');
/** 工 of 工作: a frame's 作 inside another word. */
const BEFORE_NO_FRAME = new Set(words('wordsEndingInFrameOpening'));
const ATTENDEE_RE = new RegExp(alternationOf(words('attendeeCues')), 'g');
const LIST_OPENINGS = words('attendeeListOpenings').join('');
const NOT_LIST_OPENINGS = words('notAttendeeListOpenings');
const PRESIDING_TITLES = words('presidingTitles');
/** 王伟的主持, 甲、乙主持: the name is not the cue's subject. */
const NOT_BETWEEN_NAME_AND_CUE = new RegExp(alternationOf(words('notBetweenNameAndCue')));
const SPEAKER_TOPIC_LEADS = words('speakerTopicLeads');
/** What may stand between a speaker's name and the cue: no list or 的, unless it opens a topic. */
const isSpeakerGap = (gap: string): boolean =>
  SPEAKER_TOPIC_LEADS.some((w) => gap.startsWith(w)) || !NOT_BETWEEN_NAME_AND_CUE.test(gap);

/** Farthest an attendance cue stands from the word opening its list (出席大会的省领导有). */
const LIST_OPENING_REACH = 16;
/** Longest list of those present read after its opening. */
const MAX_OPENED_LIST = 1500;

/**
 * Where the list of those present starts when the cue at `from` is part of a phrase that opens
 * it (出席大会的省领导有:), or -1.
 */
function listOpenedAfter(text: string, from: number): number {
  let de = false;
  for (let k = from; k < from + LIST_OPENING_REACH && k < text.length; k++) {
    const ch = text.charAt(k);
    if (ch === '的') de = true;
    else if (
      de &&
      LIST_OPENINGS.includes(ch) &&
      !NOT_LIST_OPENINGS.some((w) => text.startsWith(w, k))
    ) {
      const colon = '：:'.includes(text.charAt(k + 1)) ? 1 : 0;
      return k + 1 + colon;
    } else if (!isHan(text.charCodeAt(k))) return -1;
  }
  return -1;
}

/** The names of a list with no titles that opens at `from` (甲、乙、丙), up to `end`. */
function bareNamesAfter(text: string, from: number, end: number): string[] {
  const first = listNameEnd(text, from, MATCHERS, true);
  if (first < 0 || first > end) return [];
  const names = [nameOf(text, from, first)];
  readNameList(text, first, MATCHERS, (s, e) => {
    if (e <= end) names.push(nameOf(text, s, e));
  });
  return names;
}

/** End of the sentence running from `at` (its full stop or line break). */
function sentenceEnd(text: string, at: number): number {
  let k = at;
  while (k < text.length && k - at < MAX_OPENED_LIST && !'。\n'.includes(text.charAt(k))) k++;
  return k;
}

/** The names of each page's officials, built once per page (a page has hundreds of stretches). */
const PAGE_NAMES = new WeakMap<readonly RawOfficial[], ReadonlySet<string>>();
function namesOfPage(officials: readonly RawOfficial[]): ReadonlySet<string> {
  let names = PAGE_NAMES.get(officials);
  if (!names) PAGE_NAMES.set(officials, (names = new Set(officials.map((o) => o.name))));
  return names;
}

/**
 * Adds the people and relayed items of one record's stretch `[from, to)` to `record`; `fields`
 * are the page's labelled fields (`findLabelledFields`).
 */
export function readStretch(
  text: string,
  from: number,
  to: number,
  officials: readonly RawOfficial[],
  fields: readonly LabelledField[],
  record: RecordPeople,
): void {
  // The names each list already holds (a long stretch adds thousands: `includes` was quadratic).
  const held = new Map<string[], Set<string>>([
    [record.chairs, new Set(record.chairs)],
    [record.speakers, new Set(record.speakers)],
    [record.attendees, new Set(record.attendees)],
  ]);
  const chairNames = held.get(record.chairs) as Set<string>;
  const add = (list: string[], src: RawOfficial[], name: string, o?: RawOfficial): void => {
    const names = held.get(list) as Set<string>;
    if (names.has(name)) return;
    names.add(name);
    list.push(name);
    if (o) src.push(o);
  };
  const speakers: Array<{ at: number; name: string; o?: RawOfficial }> = [];
  const knownNames = (): ReadonlySet<string> => namesOfPage(officials);
  const part = text.slice(from, to);
  const inside: RawOfficial[] = [];
  for (let i = firstEndingAfter(officials, from); i < officials.length; i++) {
    const o = officials[i] as RawOfficial;
    if (o.start >= to) break;
    if (o.nameStart >= from && o.nameEnd <= to && o.name) inside.push(o);
  }
  const chairCues: number[] = [];
  CHAIR_RE.lastIndex = 0;
  for (let m = CHAIR_RE.exec(part); m; m = CHAIR_RE.exec(part)) {
    const at = from + m.index;
    if (inReportedSpeech(text, at) || inRelayedItem(text, at)) continue;
    // 主席团会议主持人王卫东: a noun that opens with the cue names a post, not who chaired.
    if (startsWithAny(text, at, HOLD_CUE_NOUNS)) continue;
    chairCues.push(at);
    // 主任吴敏、副主任韩晓方分别主持: a clause made of officials is the chairs' list.
    const cs = clauseStart(text, at);
    const subject = clauseSubject(text, cs, at, inside);
    // 主任甲，副主任乙分别主持: earlier clauses of officials belong to the list.
    const listed = subject.officials ? listedOfficials(text, cs, subject.end, inside) : [];
    if (subject.end < at ? listed.length > 0 : listed.length > 1) {
      for (const x of listed) add(record.chairs, record.sources.chairs, x.name, x);
      continue;
    }
    const o = officialBefore(inside, text, at, (g) => !NOT_BETWEEN_NAME_AND_CUE.test(g));
    if (o) add(record.chairs, record.sources.chairs, o.name, o);
    else {
      const bare =
        bareNameBefore(text, at) ?? CHAIR_BY_RE.exec(text.slice(clauseStart(text, at), at))?.[1];
      if (bare && surnameLengthAt(bare, 0) > 0) add(record.chairs, record.sources.chairs, bare);
    }
  }
  SPEAKER_RE.lastIndex = 0;
  for (let m = SPEAKER_RE.exec(part); m; m = SPEAKER_RE.exec(part)) {
    const at = from + m.index;
    // 领导小组组长甲作动员讲话: a frame read from the 作 of 工作 would pass over the real one.
    if (FRAME_OPENINGS.includes(m[0].charAt(0)) && BEFORE_NO_FRAME.has(text.charAt(at - 1))) {
      SPEAKER_RE.lastIndex = m.index + 1;
      continue;
    }
    // 作关于人事安排的说明: a frame closed too soon (安排的) may close further on.
    const noun =
      startsWithAny(text, at + m[0].length, NOT_AFTER_SPEAKER) &&
      !(FRAME_OPENINGS.some((w) => m[0].startsWith(w)) && closesLater(text, at, at + m[0].length));
    // 会议审议了主任委员甲宣读的《…》: after what was heard, the cue before 的 is what was delivered.
    // 甲关于…的汇报: a heard topic's own cues are read as well (it counts only after 听取了).
    const topic = HEARD_TOPIC_OPENINGS.some((w) => m[0].startsWith(w));
    if (topic) SPEAKER_RE.lastIndex = m.index + 1;
    const delivered =
      topic ||
      (noun && DELIVERED_CUES.has(m[0]) && text.startsWith(DELIVERED_BY, at + m[0].length));
    if (noun && !delivered) continue;
    // 作出批示要求: written, not spoken at the meeting.
    if (endsWithAny(text, at, WRITTEN_SPEECH)) continue;
    const cs = clauseStart(text, at);
    if (inReportedSpeech(text, cs) || inPlannedHearing(text, at)) continue;
    // A cue opening its clause may have its speaker in the clause before (甲受…委托，向大会作报告).
    const opensClause =
      at === cs || AUDIENCE_LEADS.some((w) => text.startsWith(w, cs) && cs + w.length === at);
    const subjectAt = (opensClause ? commissionedSubjectEnd(text, cs) : undefined) ?? at;
    const scs = subjectAt === at ? cs : clauseStart(text, subjectAt);
    const o = officialBefore(inside, text, subjectAt, isSpeakerGap);
    // The speaker is the clause's subject: only titles (part of the mention) come before the name.
    // 会议首先由镇党委书记吴黎明致开幕词: 由 may open the clause before the speaker.
    const lead = o === undefined ? '' : text.slice(scs, o.start);
    // 会议听取了…副主任委员卜江戎作的关于…的说明: the speaker is what was heard.
    const by = o !== undefined && (afterByWord(lead) || afterHeardLead(lead));
    // 甲主持会议，并就…提出要求; 甲主持会议，他表示: the clause goes on with the one before's subject.
    const continued = o ? undefined : continuedSubject(inside, text, cs);
    if (delivered) {
      if (o && afterHeardLead(lead)) speakers.push({ at, name: o.name, o });
      // 会议听取了主任甲、副主任乙关于…的报告: a list of what was heard.
      else if (o && topic && heardLeadEnd(text, scs, o.start) > scs)
        for (const x of listedSpeakers(text, cs, at, inside))
          if (x.o) speakers.push({ at: x.o.start, name: x.name, o: x.o });
      continue;
    }
    // 苏州…保护区党工委副书记、…区长甲作报告: the organ of a title its mention left out.
    const leftOrgan = o !== undefined && o.nameStart > o.start && isLeftOrgan(lead);
    if (o && (o.start <= scs + 1 || by || isPlaceName(lead) || leftOrgan))
      speakers.push({ at, name: o.name, o });
    else if (continued) speakers.push({ at, name: continued.name, o: continued });
    else {
      // 嘉兴市汇报了…: a place that reported is no bare name. An official further back is not
      // the subject of a headline's last phrase (甲出席 乙主持会议并讲话).
      const bare = bareNameBefore(text, subjectAt);
      if (bare && !namesAPlace(bare)) speakers.push({ at, name: bare });
    }
    // 副省长甲、省政协副主席乙分别作报告; 甲、乙、丙作大会发言: a list is the clause's subject.
    for (const x of listedSpeakers(text, cs, at, inside))
      speakers.push({ at: x.o?.start ?? at, name: x.name, ...(x.o ? { o: x.o } : {}) });
  }
  speakers.sort((a, b) => a.at - b.at);
  for (const x of speakers) add(record.speakers, record.sources.speakers, x.name, x.o);
  ATTENDEE_RE.lastIndex = 0;
  for (let m = ATTENDEE_RE.exec(part); m; m = ATTENDEE_RE.exec(part)) {
    const at = from + m.index;
    const own = clauseStart(text, at);
    // 学习贯彻习近平总书记参加江苏代表团审议时的重要讲话精神: attended elsewhere, only relayed here.
    if (inReportedSpeech(text, own) || inRelayedItem(text, at)) continue;
    const cs = officialsListStart(text, own, inside);
    // The first chair cue at or after cs (the cues are in text order), if it stands before `at`.
    let lo = 0;
    for (let hi = chairCues.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if ((chairCues[mid] as number) >= cs) hi = mid;
      else lo = mid + 1;
    }
    const chairCue =
      lo < chairCues.length && (chairCues[lo] as number) < at ? chairCues[lo] : undefined;
    for (let i = firstEndingAfter(inside, cs); i < inside.length; i++) {
      const o = inside[i] as RawOfficial;
      if (o.start > at) break;
      if (o.nameStart < cs || o.nameEnd > at) continue;
      if (chairCue !== undefined && o.nameEnd <= chairCue) continue;
      add(record.attendees, record.sources.attendees, o.name, o);
    }
    // 应邀出席大会的省领导有:甲，乙…: the cue opens a list that runs to the sentence's end.
    const opened = listOpenedAfter(text, at + m[0].length);
    if (opened >= 0) {
      const end = sentenceEnd(text, opened);
      for (let i = firstEndingAfter(inside, opened); i < inside.length; i++) {
        const o = inside[i] as RawOfficial;
        if (o.start >= end) break;
        if (o.nameStart < opened) continue;
        if (!chairNames.has(o.name)) add(record.attendees, record.sources.attendees, o.name, o);
      }
      // 在主席台就座的领导还有:甲、乙: a list of names with no title of their own, even when a
      // name in it is an official the page titles elsewhere (县长杨韶辉…; 有:杨韶辉、曾艳梅).
      for (const name of bareNamesAfter(text, opened, end))
        if (!chairNames.has(name)) add(record.attendees, record.sources.attendees, name);
    }
    // 王少玄、刘连根在主席台就座: names with no title, the clause's whole subject (甲、乙等应邀出席);
    // a headline's 吴劲王图强汪建中出席: names the page gives elsewhere, their separators lost.
    const subjectEnd = attendeeSubjectEnd(text, at);
    let bare = bareNamesBefore(text, subjectEnd, MATCHERS);
    if (bare.length === 0) bare = bareNamesBeforeGroup(text, subjectEnd, inside);
    for (const name of bare.length > 0 ? bare : knownNamesBefore(text, subjectEnd, knownNames))
      if (!chairNames.has(name)) add(record.attendees, record.sources.attendees, name);
  }
  // 主持人：甲 over 出 席：甲、乙: the fields of minutes name the chair and those present (the
  // chair too, when the list names them).
  const labelled = fieldsIn(fields, from, to);
  const onField = (f: LabelledField, list: string[], src: RawOfficial[]): void => {
    for (let i = firstEndingAfter(inside, f.valueStart); i < inside.length; i++) {
      const o = inside[i] as RawOfficial;
      if (o.start >= f.valueEnd) break;
      if (o.nameStart >= f.valueStart) add(list, src, o.name, o);
    }
    for (const name of bareNamesAfter(text, f.valueStart, f.valueEnd)) add(list, src, name);
  };
  for (const f of labelled)
    if (f.kind === 'chair') onField(f, record.chairs, record.sources.chairs);
  for (const f of labelled)
    if (f.kind === 'attendees') onField(f, record.attendees, record.sources.attendees);
  // 执行主席是:甲、乙: those presiding over the sitting attend it.
  for (const o of inside)
    if (o.titles.some((t) => PRESIDING_TITLES.some((p) => t.endsWith(p))))
      add(record.attendees, record.sources.attendees, o.name, o);
  readRelayed(text, from, part, record.relayed);
}

/**
 * Meeting records: one record per meeting the text reports as held (召开, 举行, 主持召开 …), built
 * from the officials and numbered meetings the other passes found plus the cue words of
 * `lexicons/records.json`. Works on normalised text (normalised offsets). This file groups the
 * mentions of held meetings (`record-mentions.ts`) into records; `record-stretch.ts` reads each
 * record's people (and `record-relayed.ts` its relayed items), `record-place.ts` its place.
 */
import { findDates } from './dates';
import { wordsOf } from './lexicons/index';
import type { RawMeeting } from './meeting-numbers';
import type { RawOfficial } from './officials';
import { BODY_TRIMS, isGenericBody, tidyBody } from './record-bodies';
import { findMentions, type Mention } from './record-mentions';
import { sameMeeting } from './record-identity';
import { PagePlaces, placeOf } from './record-place';
import { findLabelledFields, type LabelledField } from './record-minutes';
import { readStretch } from './record-stretch';
import { endBeforeNext, opensBeforeMeeting, opensOnSameDay, returnToMainAt } from './record-when';
import { convenerOfficial } from './cue-subjects';
import { DATELINE_RE, recordWords as words, sentenceStart } from './record-text';
import { slicesByCount } from './step-slices';
import { runSteps } from './steps';
import type { NormalizedText } from './text/normalize';
import { OffsetMapper } from './text/offset-mapping';
import type { Entity, MeetingCategory, MeetingRecord } from './types';

/** A meeting record in normalised offsets, its sources as the raw findings of the other passes. */
export interface RawRecord extends Omit<MeetingRecord, 'dateStart' | 'dateEnd' | 'sources'> {
  /** Normalised range of the date's words, when the date came from the text. */
  dateRange?: [number, number];
  sources: {
    meetings: RawMeeting[];
    chairs: RawOfficial[];
    speakers: RawOfficial[];
    attendees: RawOfficial[];
  };
}

/** What the records pass reads besides the text. */
export interface RecordsInput {
  officials: readonly RawOfficial[];
  meetings: readonly RawMeeting[];
  /** Publication date (ISO), for years and relative days. */
  published?: string;
  /** Source or site name (太原日报), a last hint of the place. */
  source?: string;
  /** The page's address, whose host may name its place in pinyin (shenqiu.gov.cn). */
  url?: string;
}

const PARTY_BODY_WORDS = wordsOf('meetings', 'partyBodyEndings');
const SESSION_BODY_WORDS = wordsOf('meetings', 'sessionBodies');
const OWNERLESS_ORGANS = new Set(words('ownerlessOrgans'));
const SESSION_SITTINGS = new Set(words('sessionSittings'));
const SITTING_OPENINGS = words('sittingOpenings');
/** Records whose sittings a report may name alone: sessions and congresses. */
const SITTING_HOLDERS: ReadonlySet<MeetingCategory> = new Set(['session', 'congress']);
const MEETING_KINDS = words('meetingKindsInBody');

/** True when a mention names a sitting of a session and nothing else (预备会, 大会第三次全体会). */
function namesSitting(m: Mention): boolean {
  const opening = SITTING_OPENINGS.find((w) => m.body.startsWith(w) && m.body.length > w.length);
  return SESSION_SITTINGS.has(tidyBody(opening ? m.body.slice(opening.length) : m.body));
}

/** True when a mention names no meeting of its own (召开会议, 主持会议): the one just reported. */
const namesNoMeeting = (m: Mention): boolean =>
  m.numbered.length === 0 && (m.describing || isGenericBody(m.body));

/**
 * The body of a record that names an organ without its owner (召开党组会议), read from its chair's
 * title (市人大常委会党组书记、主任叶万生主持 → 市人大常委会党组); else the body as it was.
 */
function ownedBody(record: RawRecord): string | null {
  const body = record.body;
  if (body === null || !OWNERLESS_ORGANS.has(body)) return body;
  const organ = BODY_TRIMS[body] ?? body;
  for (const chair of record.sources.chairs)
    for (const title of chair.titles) {
      const at = title.indexOf(organ);
      if (at > 0) return title.slice(0, at + organ.length);
    }
  return body;
}

/** What ends a body after its owner: an organ named without it (党组), or a kind of meeting. */
const OWNER_ENDINGS = [...OWNERLESS_ORGANS, ...MEETING_KINDS];

/**
 * The body of a meeting joined after another at one cue that names only its kind (省政府党组会议和
 * 常务会议: 常务会): the first meeting's owner's (省政府常务会).
 */
function jointBody(body: string | null, first: string | null): string | null {
  if (body === null || first === null || !MEETING_KINDS.includes(body)) return body;
  const part = OWNER_ENDINGS.find((w) => first.endsWith(w) && first.length > w.length);
  return `${part ? first.slice(0, -part.length) : first}${body}`;
}

/** Earlier records a mention is compared with (the same meeting is named close by). */
const MERGE_REACH = 30;

/** What a record takes from the first numbered mention of its meeting. */
function numberedFields(m: Mention): Pick<RawRecord, 'body' | 'type' | 'term' | 'ordinals'> {
  const first = m.numbered[0] as RawMeeting;
  return {
    body: m.body || null,
    type: first.category,
    term: first.term ?? null,
    ordinals: first.ordinals,
  };
}

/** Type of an unnumbered meeting from its name. */
function typeOfName(name: string, body: string): MeetingCategory {
  if (/党代会|代表大会|党员大会/.test(name) && !SESSION_BODY_WORDS.some((w) => name.includes(w)))
    return 'congress';
  if (/全会|全体(?:[(（]?扩大[)）]?)?会议|全委(?:扩大)?会/.test(name)) {
    if (SESSION_BODY_WORDS.some((w) => body.includes(w))) return 'session';
    if (PARTY_BODY_WORDS.some((w) => body.endsWith(w)) || /全会/.test(name)) return 'plenum';
  }
  if (/届/.test(name) && SESSION_BODY_WORDS.some((w) => name.includes(w))) return 'session';
  return 'meeting';
}

/** Where grouping stands: the records so far, their mention groups, each mention's record. */
interface Grouping {
  records: RawRecord[];
  /** Each record's mentions, and the date written before a mention's name that tells it apart. */
  groups: Array<{ record: RawRecord; mentions: Mention[]; date: string | null }>;
  owner: Array<RawRecord | undefined>;
}

/** Files mentions `[from, to)` under the record of the meeting each names, or a new one. */
function groupMentions(
  text: string,
  mentions: readonly Mention[],
  published: string | undefined,
  g: Grouping,
  from: number,
  to: number,
): void {
  const { records, groups, owner } = g;
  for (let k = from; k < to; k++) {
    const m = mentions[k] as Mention;
    const ss = sentenceStart(text, m.cue);
    // A date before the meeting's name tells meetings apart; one between a name and its cue
    // (第二次会议8日在广州开幕) only dates the record: a session's opening and closing days differ.
    const before = findDates(text, ss, Math.min(m.start, m.cue), published).pop();
    const parting = before?.iso ?? null;
    const date =
      before ??
      (m.dateAt ? findDates(text, m.dateAt[0], m.dateAt[1], published)[0] : undefined) ??
      (m.cue > m.start ? findDates(text, m.start, m.cue, published).pop() : undefined);
    const dated = date?.iso ?? null;
    const group = groups
      .slice(-MERGE_REACH)
      .find((g) => sameMeeting(g.mentions[0] as Mention, m, g.date, parting));
    if (group) {
      // The headline's 主席会议, then the report's 第十一次主席会议: the record takes the number.
      if (group.record.ordinals.length === 0 && m.numbered.length > 0) {
        Object.assign(group.record, numberedFields(m));
        group.record.sources.meetings = m.numbered.slice(0, 1);
      }
      group.mentions.push(m);
      group.date ??= parting;
      if (!group.record.date && dated) {
        group.record.date = dated;
        if (date) group.record.dateRange = [date.start, date.end];
      }
      owner.push(group.record);
      continue;
    }
    // 预备会议, 选举大会, 大会第三次全体会议 after the session was named: one of its sittings.
    const last = groups[groups.length - 1];
    if (last && namesSitting(m) && SITTING_HOLDERS.has(last.record.type)) {
      last.mentions.push(m);
      owner.push(last.record);
      continue;
    }
    // 召开会议 with no body: the meeting already reported, or none worth a record.
    if (namesNoMeeting(m)) {
      if (last) {
        last.mentions.push(m);
        owner.push(last.record);
        continue;
      }
      // 日前召开的市委常委会议决定: described, but the first meeting the page names as held.
      // (召开的一次十分重要的会议 names no body: nothing to file.)
      if (!m.describing || isGenericBody(m.body) || m.body.includes('的')) {
        owner.push(undefined);
        continue;
      }
    }
    const record: RawRecord = {
      start: m.start,
      end: m.end,
      ...(m.numbered.length > 0
        ? numberedFields(m)
        : { body: m.body || null, type: typeOfName(m.name, m.body), term: null, ordinals: [] }),
      expanded: m.expanded,
      date: dated,
      ...(date && dated ? { dateRange: [date.start, date.end] as [number, number] } : {}),
      place: null,
      chairs: [],
      speakers: [],
      attendees: [],
      relayed: [],
      sources: { meetings: m.numbered.slice(0, 1), chairs: [], speakers: [], attendees: [] },
    };
    records.push(record);
    groups.push({ record, mentions: [m], date: parting });
    owner.push(record);
  }
}

/**
 * Reads the stretches of mentions `[from, to)` into their records: each runs from its mention's
 * sentence to the next mention's sentence.
 */
function readStretches(
  text: string,
  mentions: readonly Mention[],
  readTo: number,
  officials: readonly RawOfficial[],
  fields: readonly LabelledField[],
  g: Grouping,
  published: string | undefined,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const m = mentions[i] as Mention;
    // Meetings held together (召开党组会议和常务会议) share one stretch.
    let n = i + 1;
    while (mentions[n]?.cue === m.cue) n++;
    // 召开党组会议和主席会议。甲主持会议并讲话: a later mention that names no meeting of its own
    // goes on with the stretch the meetings share, so each of them gets its people.
    let opening = i;
    while (mentions[opening - 1]?.cue === m.cue) opening--;
    if (n > opening + 1) {
      const joint = new Set(g.owner.slice(opening, n));
      while (n < mentions.length && joint.has(g.owner[n]) && namesNoMeeting(mentions[n] as Mention))
        n++;
    }
    const next = mentions[n];
    const start = sentenceStart(text, m.cue);
    const end = next
      ? endBeforeNext(text, m.cue, next)
      : readTo < text.length
        ? Math.max(start, sentenceStart(text, readTo))
        : text.length;
    const record = g.owner[i];
    if (!record) continue;
    // 会前，甲主持召开见面会…。会上，乙主持会议: the stretch turns back to the meeting reported.
    const before = opensBeforeMeeting(text, start, m.start)
      ? earlierRecord(g, opening, record)
      : undefined;
    const back = before ? returnToMainAt(text, m.start, end, before.body ?? '') : -1;
    const main = back < 0 ? undefined : before;
    readStretch(text, start, main ? back : end, officials, fields, record);
    if (main) readStretch(text, back, end, officials, fields, main);
    record.body = ownedBody(record);
    const first = mentions[i - 1]?.cue === m.cue ? g.owner[i - 1] : undefined;
    if (first) record.body = jointBody(record.body, first.body);
    if (!record.date) {
      // The headline's 市政协十四届四次会议闭幕, then the lead's 1月28日下午，…: the first date that
      // opens a sentence of the stretch.
      const lead = findDates(text, m.end, end, published).find(
        (d) => d.iso && DATELINE_RE.test(text.slice(sentenceStart(text, d.start), d.start)),
      );
      if (lead) {
        record.date = lead.iso ?? null;
        record.dateRange = [lead.start, lead.end];
      }
    }
    if (!record.date && opensOnSameDay(text, start, m.start)) {
      // 会前，刘晓凯主持召开省政协主席会议: held on the day of the meeting just reported.
      const earlier = earlierRecord(g, opening, record);
      if (earlier?.date) record.date = earlier.date;
    }
  }
}

/** The record of the last mention before `opening` that is not `record`'s. */
function earlierRecord(g: Grouping, opening: number, record: RawRecord): RawRecord | undefined {
  return g.owner.slice(0, opening).findLast((r) => r !== undefined && r !== record);
}

/**
 * Gives a record that names no chair the official who convened it (区政府常务副区长闫启东召开…调度会):
 * whoever convenes a meeting chairs it unless the report names another chair.
 */
function addConveners(text: string, officials: readonly RawOfficial[], g: Grouping): void {
  for (const { record, mentions } of g.groups) {
    if (record.chairs.length > 0) continue;
    for (const m of mentions) {
      const o = convenerOfficial(officials, text, m.cue);
      if (!o) continue;
      record.chairs.push(o.name);
      record.sources.chairs.push(o);
      break;
    }
  }
}

/** Sets the place of records `[from, to)`. */
function placeRecords(
  records: readonly RawRecord[],
  page: PagePlaces,
  source: string | undefined,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const r = records[i] as RawRecord;
    // Its own people's titles first (临汾市委书记), then those of everyone the page names.
    r.place = placeOf(r.body ?? '', [...r.sources.chairs, ...r.sources.speakers], page, source);
  }
}

/** Mentions grouped between two yields (a long page has hundreds). */
const MENTIONS_PER_STEP = 32;
/** Stretches read between two yields (each reads its people, the costliest part). */
const STRETCHES_PER_STEP = 8;
/** Records placed between two yields. */
const PLACES_PER_STEP = 16;

/**
 * Finds the records of the meetings a page reports as held, in text order, yielding between
 * slices of its work (on a long page the records are the engine's largest stage).
 */
export function* findRecordsSteps(
  text: string,
  input: RecordsInput,
): Generator<undefined, RawRecord[]> {
  const byStart = (a: { start: number }, b: { start: number }): number => a.start - b.start;
  const meetings = [...input.meetings].sort(byStart);
  const officials = [...input.officials].sort(byStart);
  // Minutes' labelled fields (出 席：…) name meetings and their people: read once for the page.
  const fields = findLabelledFields(text);
  const { mentions, readTo } = findMentions(text, meetings, officials, fields);
  if (mentions.length === 0) return [];
  yield;
  const g: Grouping = { records: [], groups: [], owner: [] };
  const { published, source } = input;
  yield* slicesByCount(mentions.length, MENTIONS_PER_STEP, (a, b) =>
    groupMentions(text, mentions, published, g, a, b),
  );
  yield;
  yield* slicesByCount(mentions.length, STRETCHES_PER_STEP, (a, b) =>
    readStretches(text, mentions, readTo, officials, fields, g, published, a, b),
  );
  addConveners(text, officials, g);
  yield;
  const page = new PagePlaces(text, officials, input.url);
  yield* slicesByCount(g.records.length, PLACES_PER_STEP, (a, b) =>
    placeRecords(g.records, page, source, a, b),
  );
  return g.records;
}

/** Finds the records of the meetings a page reports as held, in text order, at once. */
export function findRecords(text: string, input: RecordsInput): RawRecord[] {
  return runSteps(findRecordsSteps(text, input));
}

/**
 * A record's body as its first mention writes it: a name the report closes with 会议 keeps it
 * (建平县政法工作会议, 召集人会议), though records are told apart by the shorter form.
 */
function writtenBody(r: RawRecord, text: string): string | null {
  const body = r.body;
  if (body === null || !body.endsWith('会')) return body;
  return text.slice(r.start, r.end).endsWith(`${body}议`) ? `${body}议` : body;
}

/**
 * The records as the engine returns them: original offsets, and each source as the index of its
 * entity in the sorted `entities` (the mentions the other passes reported).
 */
export function toMeetingRecords(
  records: readonly RawRecord[],
  entities: readonly Entity[],
  norm: NormalizedText,
): MeetingRecord[] {
  if (records.length === 0) return [];
  const indexByStart = new Map<string, number>();
  entities.forEach((e, i) => {
    if (e.kind !== 'directive') indexByStart.set(`${e.kind}:${e.start}`, i);
  });
  const mapper = new OffsetMapper(norm);
  const indexesOf = (kind: 'official' | 'meeting', xs: readonly { start: number }[]): number[] =>
    xs.flatMap((x) => {
      const i = indexByStart.get(`${kind}:${mapper.start(x.start)}`);
      return i === undefined ? [] : [i];
    });
  return records.map((r) => {
    const start = mapper.start(r.start);
    const out: MeetingRecord = {
      body: writtenBody(r, norm.text),
      type: r.type,
      term: r.term,
      ordinals: r.ordinals,
      expanded: r.expanded,
      date: r.date,
      place: r.place,
      chairs: r.chairs,
      speakers: r.speakers,
      attendees: r.attendees,
      relayed: r.relayed,
      start,
      end: Math.max(start, mapper.end(r.end)),
      sources: {
        meeting: indexesOf('meeting', r.sources.meetings),
        chairs: indexesOf('official', r.sources.chairs),
        speakers: indexesOf('official', r.sources.speakers),
        attendees: indexesOf('official', r.sources.attendees),
      },
    };
    if (r.dateRange) {
      out.dateStart = mapper.start(r.dateRange[0]);
      out.dateEnd = mapper.end(r.dateRange[1]);
    }
    return out;
  });
}

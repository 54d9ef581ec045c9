/**
 * Lists as the subject of a cue: officials' mentions that make up a clause (主任甲、副主任乙分别
 * 主持), bare names closed by what they are (甲、乙等12名委员), and groups named without names
 * (区委常委). The words are those of `lexicons/records.json`.
 */
import type { RawOfficial } from './officials';
import { bareNamesBefore } from './names-before-cue';
import { COMRADE, LIST_CLOSERS } from './official-names';
import { getMatchers } from './official-titles';
import { clauseStart, firstEndingAfter, recordWords as words, startsWithAny } from './record-text';
import { NUMERAL_CHARS } from './numerals';
import { isHan } from './text/normalize';
import { namesAPlace } from './record-place';
import { alternationOf, wordsOf } from './lexicons/index';
import { afterByWord, firstWordStart, heardLeadEnd } from './cue-subjects';

/** The default matchers, for reading a list of names with no title. */
export const MATCHERS = getMatchers([], []);
const SPEAKER_LIST_CLOSERS = words('speakerListClosers');
/**
 * What ends a speaker cue's subject: a list's closer, or what its people did before speaking
 * (甲，乙出席会议并讲话; 甲、乙参加会议并就…发言; 甲、乙出席开幕式并讲话).
 */
const SPEECH_SUBJECT_CLOSERS = [...SPEAKER_LIST_CLOSERS, ...words('speakerLeadIns')];
/** Longest thing attended between the verb and 并 (会议开幕式). */
const MAX_ATTENDED = 8;
/** 出席开幕式并, 参加讨论并: what a list did, whatever it attended, before 并 and the cue. */
const LEAD_IN_VERB_RE = new RegExp(
  `(?:${alternationOf(words('speakerLeadInVerbs'))})[\\u4e00-\\u9fff]{0,${MAX_ATTENDED}}并`,
);
const SPEAKER_TOPIC_LEADS = words('speakerTopicLeads');
/** Words opening a clause whose subject stands in an earlier one (分别围绕…, 就…). */
const SUBJECTLESS_OPENINGS = [...SPEAKER_LIST_CLOSERS, ...SPEAKER_TOPIC_LEADS];
const GROUP_ENDINGS = words('attendeeGroupEndings');
const HEADS = wordsOf('titles', 'heads');
/**
 * What follows a list of speakers: 等, a count and what they are, with words saying which
 * (7名委员, 等委员, 6名县政协委员, 等11位界别代表).
 */
const SPEAKER_GROUP_TAIL = new RegExp(
  `(?:等?[0-9${NUMERAL_CHARS}]+[名位][\\u4e00-\\u9fff]{0,4}?|等)?(?:${alternationOf(words('speakerGroupNouns'))})$|等[0-9${NUMERAL_CHARS}]+[名位]$`,
);
/** What closes the list of those who delivered what a meeting heard (甲、乙的发言). */
const HEARD_OWNER = '的';
/** Longest group tail looked for before a list's end. */
const MAX_TAIL = 16;
/** Share of a clause's ideographs that officials' mentions must cover for it to be part of a list. */
const LIST_COVER = 0.8;
/** Longest group named without names that a list of those present runs on past (部分省人大代表). */
const MAX_GROUP_CLAUSE = 30;
/** Earlier clauses of its sentence a cue with no subject of its own looks back over. */
const MAX_CLAUSES_BACK = 3;

/** True when `name` names a group without names (部分省人大代表, 有关部门负责人等). */
function isGroupName(name: string): boolean {
  const core = name.endsWith('等') ? name.slice(0, -1) : name;
  return name.length <= MAX_GROUP_CLAUSE && GROUP_ENDINGS.some((w) => core.endsWith(w));
}

/**
 * True when the clause `[s, e)` names a group of those present without names (区委常委; 市直有关部门
 * 负责人等; 县法院院长, a post whose holder is unnamed): no official's mention inside, and a group's
 * ending (`attendeeGroupEndings`) or a head's title (`titles.heads`).
 */
function isGroupClause(
  text: string,
  s: number,
  e: number,
  officials: readonly RawOfficial[],
): boolean {
  if (e - s > MAX_GROUP_CLAUSE) return false;
  for (let i = firstEndingAfter(officials, s); i < officials.length; i++) {
    const o = officials[i] as RawOfficial;
    if (o.start >= e) break;
    if (o.end > s) return false;
  }
  const clause = text.slice(s, e);
  return isGroupName(clause) || HEADS.some((w) => clause.endsWith(w));
}

/**
 * The bare names of the clause before a group that closes an attendance cue's subject ending at
 * `end` (甲、乙、丙，往届区政协主席、副主席在主席台就座); empty when no such group stands there.
 */
export function bareNamesBeforeGroup(
  text: string,
  end: number,
  officials: readonly RawOfficial[],
): string[] {
  const cs = clauseStart(text, end);
  const sep = text.charAt(cs - 1);
  if ((sep !== '，' && sep !== ',') || !isGroupClause(text, cs, end, officials)) return [];
  return bareNamesBefore(text, cs - 1, MATCHERS);
}

/** True when officials' mentions make up the clause `[s, e)` (市委副书记、市长马宇骏). */
export function madeOfOfficials(
  text: string,
  s: number,
  e: number,
  officials: readonly RawOfficial[],
): boolean {
  let covered = 0;
  let reach = s;
  let first: RawOfficial | undefined;
  let last: RawOfficial | undefined;
  for (let i = firstEndingAfter(officials, s); i < officials.length; i++) {
    const o = officials[i] as RawOfficial;
    if (o.start >= e) break;
    if (o.start < s || o.end > e) continue;
    first ??= o;
    last = o;
    covered += Math.max(0, o.end - Math.max(o.start, reach));
    reach = Math.max(reach, o.end);
  }
  // 检察长刘铁流和省人大常委会副秘书长: a group named without names may close the clause; 甲、乙
  // 等县领导: so may the leaders' title the names were read with.
  const tail = text.slice(reach, e);
  if (reach > s && /^[和及]/.test(tail) && isGroupName(tail.slice(1))) e = reach;
  else if (last && LIST_CLOSERS.has(tail.charAt(0)) && last.titles.includes(tail.slice(1)))
    e = reach;
  // 担任本届政协委员的十一届省政协副主席甲、乙: a phrase ending in 的 may describe the list;
  // 市领导甲、乙 (省委、省政府、省军区领导同志甲、乙): a leaders' list's title stands outside its
  // names' mentions.
  const lead = first === undefined ? '' : text.slice(s, first.start);
  // 县委主要领导、甲、乙: a group named without names may open the list; 会议由甲，乙主持: so may 由.
  const from =
    first &&
    (lead.endsWith('的') ||
      afterByWord(lead) ||
      first.titles.some((t) => lead.endsWith(t) || lead.endsWith(`${t}${COMRADE}`)) ||
      (lead.endsWith('、') && isGroupName(lead.slice(0, -1))))
      ? first.start
      : s;
  let han = 0;
  for (let k = from; k < e; k++) if (isHan(text.charCodeAt(k))) han++;
  return covered > 0 && covered >= han * LIST_COVER;
}

/** Clauses an attendees' list may run back over (one per title: 市委书记甲，市长乙，…). */
const MAX_LIST_CLAUSES = 40;

/**
 * Start of the attendees' list whose last clause starts at `cs`: earlier clauses of the sentence
 * join it while they hold nothing but officials (市委书记甲，市委副书记、市长乙，市领导丙、丁出席),
 * also across groups named without names (区长乙，区委常委，区委依法治区委员会委员出席会议).
 */
export function officialsListStart(
  text: string,
  cs: number,
  officials: readonly RawOfficial[],
): number {
  let start = cs;
  let listStart = cs;
  for (let round = 0; round < MAX_LIST_CLAUSES; round++) {
    const sep = text.charAt(start - 1);
    if (sep !== '，' && sep !== ',') break;
    const prev = clauseStart(text, start - 1);
    if (madeOfOfficials(text, prev, start - 1, officials)) listStart = prev;
    else if (!isGroupClause(text, prev, start - 1, officials)) break;
    start = prev;
  }
  return listStart;
}

/** The officials whose names stand in `[s, e)`. */
function officialsWithin(inside: readonly RawOfficial[], s: number, e: number): RawOfficial[] {
  const officials: RawOfficial[] = [];
  for (let i = firstEndingAfter(inside, s); i < inside.length; i++) {
    const x = inside[i] as RawOfficial;
    if (x.start >= e) break;
    if (x.nameStart >= s) officials.push(x);
  }
  return officials;
}

/**
 * The subject of the clause `[cs, at)` before a cue: where it ends (before 分别, 先后 …; for a
 * speaker cue, `speaking`, also before 出席会议并) and, when officials' mentions make it up, those
 * officials (主任甲、副主任乙分别主持; 副省长甲、乙分别作报告).
 */
export function clauseSubject(
  text: string,
  cs: number,
  at: number,
  inside: readonly RawOfficial[],
  speaking = false,
): { end: number; officials?: RawOfficial[] } {
  // 甲出席并讲话 乙主持并讲话: a chair's headline clause may hold what another did before speaking.
  const closed = firstWordStart(
    text,
    cs,
    at,
    speaking ? SPEECH_SUBJECT_CLOSERS : SPEAKER_LIST_CLOSERS,
  );
  const verb = speaking ? LEAD_IN_VERB_RE.exec(text.slice(cs, closed)) : null;
  const end = verb && verb.index > 0 ? cs + verb.index : closed;
  if (!madeOfOfficials(text, cs, end, inside)) return { end };
  return { end, officials: officialsWithin(inside, cs, end) };
}

/** What may stand between two officials' mentions of one list (甲、乙和丙). */
const LIST_GAPS = new Set(['', '，', ',', '、', ...wordsOf('titles', 'lastItemJoins')]);

/** True when nothing but a list's separators stands between the officials' mentions. */
function joinedAsList(text: string, officials: readonly RawOfficial[]): boolean {
  for (let i = 1; i < officials.length; i++) {
    const gap = text.slice(
      (officials[i - 1] as RawOfficial).end,
      (officials[i] as RawOfficial).start,
    );
    // 甲同志、乙: a name's 同志 may stand outside its mention.
    if (!LIST_GAPS.has(gap.startsWith(COMRADE) ? gap.slice(COMRADE.length) : gap)) return false;
  }
  return true;
}

/** A speaker the cue's subject names: an official's mention, or a bare name. */
export interface ListedSpeaker {
  name: string;
  o?: RawOfficial;
}

/**
 * The speakers of a list ending at `end`, the subject of a clause from `cs`: officials' mentions
 * that make it up, or bare names (甲、乙、丙7名委员; when `closed`, only with what they are);
 * empty when it is neither.
 */
function listEndingAt(
  text: string,
  cs: number,
  end: number,
  inside: readonly RawOfficial[],
  closed: boolean,
): ListedSpeaker[] {
  const tail = SPEAKER_GROUP_TAIL.exec(text.slice(Math.max(cs, end - MAX_TAIL), end));
  const names = end - (tail?.[0].length ?? 0);
  // 副区长甲、乙等同志: the list opens the clause and runs up to what they are (并向新当选的副镇长
  // 甲同志表示祝贺 names one official inside a phrase, no list).
  const officials = officialsWithin(inside, cs, names);
  const last = officials[officials.length - 1];
  // …市工商联主席寿子琪、无党派人士代表张兆国等: officials up to an untitled last item.
  const listEnd = last && closesWithUntitled(text, last.end, names) ? last.end : names;
  if (
    last &&
    (officials[0] as RawOfficial).start <= cs + 1 &&
    last.end >= listEnd - 1 &&
    madeOfOfficials(text, cs, listEnd, inside) &&
    joinedAsList(text, officials)
  ) {
    // 市委常委甲，副市长乙围绕…作了发言: one title a clause, the list runs over earlier clauses.
    const listed = listedOfficials(text, cs, listEnd, inside);
    if (listed.length > 1) return listed.map((o) => ({ name: o.name, o }));
  }
  // 传达…讲话、文章、回信精神: away from the cue, only what they are tells names from words.
  if (closed && !tail) return [];
  const listed = bareNamesBefore(text, names, MATCHERS);
  // 宁波、绍兴、嘉兴、舟山、台州五市先后…讲话: a list of places spoke through their envoys.
  if (listed.length < 2 || listed.some((name) => namesAPlace(name, true))) return [];
  return listed.map((name) => ({ name }));
}

/** Longest last item of a list that is no official's mention (无党派人士代表张兆国). */
const MAX_UNTITLED_ITEM = 12;

/**
 * True when `[from, to)`, after a list's last official, is one more item of the list that names
 * no official (…市工商联主席寿子琪、无党派人士代表张兆国等): the officials before it are still the list.
 */
function closesWithUntitled(text: string, from: number, to: number): boolean {
  const item = text.slice(from, to);
  return (
    item.startsWith('、') &&
    item.length <= MAX_UNTITLED_ITEM &&
    /^[\u4e00-\u9fff]+$/.test(item.slice(1))
  );
}

/** True when officials' mentions run right up to `end` in the clause from `s` (甲、乙等). */
function listsBack(text: string, s: number, end: number, inside: readonly RawOfficial[]): boolean {
  const officials = officialsWithin(inside, s, end);
  const last = officials[officials.length - 1];
  const close = text.charAt(end - 1) === '等' ? end - 1 : end;
  return last !== undefined && last.end >= close && madeOfOfficials(text, s, end, inside);
}

/**
 * The officials a subject made of their mentions lists, from `cs` to `end`, with the earlier
 * clauses of its sentence that hold nothing but officials (市人大常委会主任甲，副主任乙分别主持).
 */
export function listedOfficials(
  text: string,
  cs: number,
  end: number,
  inside: readonly RawOfficial[],
): RawOfficial[] {
  const start = listsBack(text, cs, end, inside) ? listClausesStart(text, cs, inside) : cs;
  return officialsWithin(inside, start, end);
}

/**
 * Start of a list of speakers whose last clause starts at `cs`, one title per clause (副市长甲，
 * 市政协副主席乙，市人大常委会副主任丙、丁先后发言): earlier clauses of the sentence join it while
 * they hold nothing but officials, up to their ends (甲出席会议，乙出席会议并讲话 are two subjects).
 */
function listClausesStart(text: string, cs: number, inside: readonly RawOfficial[]): number {
  let start = cs;
  for (let round = 0; round < MAX_LIST_CLAUSES; round++) {
    const sep = text.charAt(start - 1);
    if (sep !== '，' && sep !== ',') break;
    const prev = clauseStart(text, start - 1);
    if (!listsBack(text, prev, start - 1, inside)) break;
    start = prev;
  }
  return start;
}

/**
 * The list that is the subject of the clause `[cs, end)`: up to `end`, or up to what they spoke
 * on (甲、乙8名委员围绕…: the topic stands between the list and the cue). Bare names need what
 * they are after them (等8名委员) unless the list stands `nextToCue`.
 */
function listOfClause(
  text: string,
  cs: number,
  end: number,
  inside: readonly RawOfficial[],
  nextToCue: boolean,
): ListedSpeaker[] {
  const topic = firstWordStart(text, cs, end, SPEAKER_TOPIC_LEADS);
  // 甲、乙、丙围绕主题作了发言: in the cue's own clause, names that make up the clause up to what
  // they spoke on are its subject; in an earlier clause, a list's 等 says they are names too
  // (甲、乙等围绕主题，结合各自工作作了发言). Read first: a list whose last name a conjunction
  // joins (甲、乙和丙委员关于…) would otherwise lose that name to the topic after it.
  const closed = !nextToCue && !LIST_CLOSERS.has(text.charAt(topic - 1));
  const before = topic < end ? listEndingAt(text, cs, topic, inside, closed) : [];
  return before.length > 0 ? before : listEndingAt(text, cs, end, inside, !nextToCue);
}

/**
 * The speakers a list names as the subject of the speaker cue at `at` in the clause from `cs`:
 * 副省长甲、省政协副主席乙分别作报告; 甲、乙、丙7名委员围绕…作大会发言; 甲、乙等12名委员，聚焦…，
 * 分别围绕…作了大会发言 (a clause that opens with 分别 has its subject in an earlier clause).
 */
export function listedSpeakers(
  text: string,
  cs: number,
  at: number,
  inside: readonly RawOfficial[],
): ListedSpeaker[] {
  // 会议听取了甲、乙、丙委员关于…的发言: the list of what was heard starts after its lead (one
  // standing before what they spoke on, not a 审议 inside the topic).
  const topicAt = firstWordStart(text, cs, at, SPEAKER_TOPIC_LEADS);
  const from = heardLeadEnd(text, cs, topicAt);
  // 甲、乙、丙围绕主题作研讨交流: the list ends where what they spoke on begins.
  const subject = clauseSubject(text, from, from === cs ? topicAt : at, inside, true);
  // 审议了主任甲宣读的市长乙关于…的议案: after what was heard, only a list joined as one (甲、乙和丙).
  if (subject.officials && (from === cs || joinedAsList(text, subject.officials)))
    return listedOfficials(text, from, subject.end, inside).map((o) => ({ name: o.name, o }));
  // 听取了甲、乙的发言: after what was heard, 的 closes the list of those who delivered it.
  const end =
    from > cs && text.charAt(subject.end - 1) === HEARD_OWNER ? subject.end - 1 : subject.end;
  const own = listOfClause(text, from, end, inside, true);
  if (own.length > 0) return own;
  // 甲、乙等12名委员，聚焦…，分别围绕…作了大会发言; 甲、乙8名委员围绕…，提出了建议: a clause opening
  // with 分别, what was spoken on, or the cue itself has its subject in an earlier clause.
  if (!startsWithAny(text, cs, SUBJECTLESS_OPENINGS) && at > cs) return [];
  let start = cs;
  for (let round = 0; round < MAX_CLAUSES_BACK; round++) {
    const sep = text.charAt(start - 1);
    if (sep !== '，' && sep !== ',') break;
    const prev = clauseStart(text, start - 1);
    const found = listOfClause(text, prev, start - 1, inside, false);
    if (found.length >= 2) return found;
    // An earlier clause naming someone has a subject of its own.
    if (officialsWithin(inside, prev, start - 1).length > 0) break;
    start = prev;
  }
  return [];
}

/**
 * The names of a list that ends at a cue (甲、乙同志当选为, 王少玄、刘连根在主席台就座): read back
 * from the cue to the clause's start, past votes (以52票), counts (两位同志, 等15名) and a group
 * joined at the end (和部分老同志). Works on normalised (simplified) text.
 */
import { wordsOf } from './lexicons/index';
import { GLUED_COMMAS, listNameEnd } from './listed-names';
import { nameNoteStartBefore } from './official-name-lists';
import { COMRADE, LIST_CLOSERS, nameOf } from './official-names';
import { countEnd, type Matchers } from './official-titles';
import { NUMERAL_CHARS } from './numerals';
import { LiteralMatcher } from './text/literal-matcher';
import { endsWithAny, HEARD_LEADS, longestFirst, mayHoldHeardLead } from './record-text';
import { isHan } from './text/normalize';

/** Words joining the last name of a list to what follows (甲、乙和部分老同志). */
export const JOINS = ['以及', '和', '及'];
/** 以及, and the same length of characters no lead holds, to hide it from the search for leads. */
const AND_ALSO = '以及';
const MASKED_AND_ALSO = '\u0000\u0000';

/** Words before the names of people given a post (选举, 任命), longest first. */
export const APPOINTMENT_LEADS = [...wordsOf('titles', 'appointmentLeads')].sort(
  (a, b) => b.length - a.length,
);
/** Words after which the names of a list start (read for every cue: built once). */
const CLAUSE_LEADS = [...APPOINTMENT_LEADS, ...wordsOf('titles', 'resignationLeads')];
/** With those whose speeches a meeting heard (会议听取了甲、乙委员的发言). */
const CLAUSE_AND_HEARD_LEADS = [...CLAUSE_LEADS, ...HEARD_LEADS];

/** 以及 in ,以及甲、乙等县领导出席: opens the clause, not its first name. */
const LIST_OPENING_JOINS = wordsOf('titles', 'listOpeningJoins');

/** Characters that end the clause a list of names stands in. */
export const CLAUSE_STOP_CHARS = '，,；;。：:！!？?\n（()）“”"';
/** {@link CLAUSE_STOP_CHARS} as a pattern. */
export const CLAUSE_STOP = new RegExp(`[${CLAUSE_STOP_CHARS}]`);

/** Farthest a list of names reaches back from its cue. */
export const MAX_LIST = 200;

/** 两位 in 杜渐、马锋两位同志: a count between a list's last name and 同志. */
const COUNTS = new LiteralMatcher(wordsOf('titles', 'countsBeforeComrade'));
const VOTE_ENDINGS = [...wordsOf('titles', 'voteEndings')].sort((a, b) => b.length - a.length);
/** 以52票全票: opened by this word, at most this long. */
const VOTE_OPENING = '以';
/** Longest vote phrase, counts of several names included (以309票、308票、308票). */
const MAX_VOTE = 24;
const VOTE_LEADS = wordsOf('titles', 'voteLeads');
/** 等 closing a list of names (甲、乙等出席). */
export const LIST_END = '等';

/** Length of the count (两位, 四位) that ends at `end`, or 0. */
function countBefore(text: string, end: number): number {
  for (let c = end - 2; c < end; c++)
    if (COUNTS.wordAt(text, c)?.length === end - c) return end - c;
  return 0;
}

/** Arabic digits, which no name holds. */
const DIGITS = '0123456789';

/** Where `等` and a count (等15名), or a count in digits, close the stretch `[a, b)`, else `b`. */
function countedCloseStart(text: string, a: number, b: number): number {
  // Read back from the end (a search back through the text would make long pages quadratic).
  let k = b - 1;
  while (k > a && NUMERAL_CHARS.includes(text.charAt(k - 1))) k--;
  if (countEnd(text, k) !== b) return b;
  for (const closer of LIST_CLOSERS)
    if (k - closer.length > a && text.startsWith(closer, k - closer.length))
      return k - closer.length;
  // 王毅4名同志当选: a count in digits closes a name without 等, as no name holds a digit.
  return k > a && DIGITS.includes(text.charAt(k)) ? k : b;
}

/** Words between a list of names and its attendance cue (甲、乙等应邀出席), longest first. */
const ATTENDEE_LEAD_INS = longestFirst('attendeeLeadIns');

/** What a group named after 等 ends with when the names are its members (等离退休干部, 等领导). */
const GROUP_ENDINGS = wordsOf('records', 'groupsOfListedPeople');
/** Longest group named after 等 that a list of names ends with. */
const MAX_GROUP_AFTER_LIST = 8;

/**
 * Where the subject of the attendance cue at `cue` ends: before 应邀, 也 and the like (甲、乙等领导
 * 应邀出席: one after another), and before a group the list's names belong to, keeping its 等
 * (甲、乙等离退休干部参加会议).
 */
export function attendeeSubjectEnd(text: string, cue: number): number {
  let end = cue;
  // 甲、乙等区领导参加: the group's 领导 is also a lead-in, so the group is looked for first.
  let grouped = groupedListEnd(text, end);
  for (let leadIn = ATTENDEE_LEAD_INS.find((w) => text.startsWith(w, end - w.length)); leadIn;) {
    if (grouped >= 0) return grouped;
    end -= leadIn.length;
    grouped = groupedListEnd(text, end);
    leadIn = ATTENDEE_LEAD_INS.find((w) => text.startsWith(w, end - w.length));
  }
  return grouped >= 0 ? grouped : end;
}

/** The end of a list, with its 等, before a group ending at `end` (甲、乙等离退休干部), or -1. */
function groupedListEnd(text: string, end: number): number {
  if (!endsWithAny(text, end, GROUP_ENDINGS)) return -1;
  // Searched within the group's reach only (a search back through the text would be quadratic).
  const from = Math.max(0, end - MAX_GROUP_AFTER_LIST - 1);
  const at = text.slice(from, end - 1).lastIndexOf(LIST_END);
  const listEnd = at < 0 ? -1 : from + at;
  return listEnd >= 0 && !CLAUSE_STOP.test(text.slice(listEnd, end)) ? listEnd + 1 : -1;
}

/**
 * The names of a list standing right before `cue` with no title (甲、乙、丙等在主席台就座), as
 * text; empty when the clause before the cue is not a list of names.
 */
export function bareNamesBefore(text: string, cue: number, m: Matchers): string[] {
  const end = text.charAt(cue - 1) === LIST_END ? cue - 1 : cue;
  return namesBefore(text, end, m).map(([s, e]) => nameOf(text, s, e));
}

/** Longest run of names with no separators read before a cue (a headline's eight names). */
const MAX_NAME_RUN = 32;

/**
 * The names of a run with no separators that makes up a headline's phrase before `cue`
 * (吴劲王图强汪建中金力出席, 陈一清徐晓勇王志廖文丽等出席), when the run splits wholly into names
 * the page gives elsewhere (`known`); empty otherwise. Separators lost from a headline leave no
 * other way to tell where one name ends.
 */
export function knownNamesBefore(
  text: string,
  cue: number,
  known: () => ReadonlySet<string>,
): string[] {
  const end = text.charAt(cue - 1) === LIST_END ? cue - 1 : cue;
  let start = end;
  while (start > 0 && end - start <= MAX_NAME_RUN && isHan(text.charCodeAt(start - 1))) start--;
  const opens = start === 0 || /\s/.test(text.charAt(start - 1));
  if (!opens || end - start < 4 || end - start > MAX_NAME_RUN) return [];
  const names = known();
  // reach[i]: the names that cover the run's first i characters, by the first split found.
  const reach: Array<string[] | undefined> = [[]];
  for (let i = 0; i < end - start; i++) {
    const before = reach[i];
    if (!before) continue;
    for (let len = 2; len <= 4 && start + i + len <= end; len++) {
      const name = text.slice(start + i, start + i + len);
      if (names.has(name) && !reach[i + len]) reach[i + len] = [...before, name];
    }
  }
  const all = reach[end - start];
  return all && all.length >= 2 ? all : [];
}

/** The names of a list ending at `cue` (甲、乙同志当选为), read from the clause's start. */
export function namesBefore(text: string, cue: number, m: Matchers): Array<[number, number]> {
  const voted = voteStart(text, cue);
  let end = voted;
  if (text.startsWith(COMRADE, voted - COMRADE.length)) {
    end = voted - COMRADE.length;
    // 刘各行四位同志作发言: the count before 同志 is no part of the last name.
    const count = countBefore(text, end);
    if (count > 0) end -= count;
  }
  let s = end;
  while (s > 0 && end - s < MAX_LIST) {
    // 马志武(回族)、冯桃莲(女)为…: a name's note in brackets stops no clause.
    const note = nameNoteStartBefore(text, s);
    if (note > 0) s = note;
    else if (clauseStopAt(text, s - 1)) break;
    else s--;
  }
  // 大会选举甲为…: the names start after an appointment lead in the clause.
  // Searched within the clause only: a search back through the whole text for every cue would
  // make long pages quadratic.
  // 毛刚以及大会主席团其他成员: the conjunction 以及 holds the lead 以 but opens no names.
  const clause = text.slice(s, end).replaceAll(AND_ALSO, MASKED_AND_ALSO);
  let names = s;
  for (const lead of mayHoldHeardLead(clause) ? CLAUSE_AND_HEARD_LEADS : CLAUSE_LEADS) {
    const i = clause.lastIndexOf(lead);
    if (i >= 0 && s + i + lead.length < end) names = Math.max(names, s + i + lead.length);
  }
  s = names;
  const join = LIST_OPENING_JOINS.find((w) => text.startsWith(w, s));
  if (join !== undefined && s + join.length < end) s += join.length;
  const found = namesIn(text, s, end, m);
  // 蒋超良、王晓东,宋育英、杨松,陈一新在主席台就座: a rostrum's list groups its names by rank
  // with commas; a clause before it that holds nothing but names is one of its groups.
  for (let from = s; found[0]?.[0] === from && GLUED_COMMAS.includes(text.charAt(from - 1));) {
    let p = from - 1;
    while (p > 0 && end - p < MAX_GROUPED_LIST && !clauseStopAt(text, p - 1)) p--;
    const group = namesIn(text, p, from - 1, m);
    if (group[0]?.[0] !== p || group.at(-1)?.[1] !== from - 1) break;
    found.unshift(...group);
    from = p;
  }
  return found;
}

/** Farthest a list of names grouped by commas reaches back from its cue. */
const MAX_GROUPED_LIST = 1200;

/**
 * True when a clause of a list stops at `at` (not at a comma glued before 、: 崔波,、郭虎, nor at one
 * before the conjunction that joins a group to the list: 王秀华,及其他主席团成员).
 */
function clauseStopAt(text: string, at: number): boolean {
  if (GLUED_COMMAS.includes(text.charAt(at)) && text.charAt(at + 1) === '、') return false;
  if (GLUED_COMMAS.includes(text.charAt(at)) && JOINS.includes(text.charAt(at + 1))) return false;
  return CLAUSE_STOP.test(text.charAt(at));
}

/** Start of a vote phrase ending at `cue` (王华同志以52票全票当选), or `cue` when there is none. */
function voteStart(text: string, cue: number): number {
  const ending = VOTE_ENDINGS.find((w) => text.startsWith(w, cue - w.length));
  if (ending === undefined) return cue;
  const open = text.lastIndexOf(VOTE_OPENING, cue - ending.length);
  if (open < 0 || cue - open > MAX_VOTE || CLAUSE_STOP.test(text.slice(open, cue))) return cue;
  // 梁剑平分别以308票: 分别 belongs to the vote, not to the name.
  const lead = VOTE_LEADS.find((w) => text.startsWith(w, open - w.length));
  return lead === undefined ? open : open - lead.length;
}

/**
 * The names of a list that ends at `to` and starts at or after `from`, separated by 、 or spaces
 * (each may carry 同志): the pieces before the last one that is not a name are left out
 * (…人大代表、杨飞同志为). Empty when the last piece is not a name.
 */
export function namesIn(
  text: string,
  from: number,
  to: number,
  m: Matchers,
): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let a = from;
  for (let k = from; k <= to; k++) {
    if (k < to && text.charAt(k) !== '、' && !/\s/.test(text.charAt(k))) continue;
    let b = k;
    if (text.startsWith(COMRADE, b - COMRADE.length) && b - COMRADE.length > a) {
      b -= COMRADE.length;
      // 马锋两位同志: the count is no part of the name.
      b -= Math.min(countBefore(text, b), b - a);
    }
    // 王丽娟等15名(同志): a counted group closing the list is no part of the name.
    b = countedCloseStart(text, a, b);
    // 惠菽林等(同志)因…: so is a bare 等.
    if (text.charAt(b - 1) === LIST_END && b - 2 > a) b--;
    // 崔波,、郭虎: a comma glued before the 、 belongs to neither name.
    while (b > a && GLUED_COMMAS.includes(text.charAt(b - 1))) b--;
    // 冯桃莲(女)、: nor does the note a name carries.
    const note = nameNoteStartBefore(text, b);
    if (note > a) b = note;
    if (b > a) pieces.push([a, b]);
    a = k + 1;
  }
  // 沙闻麟、时侠联和部分离退休老同志在主席台就座: the list's last name stands before 和 and a group.
  const last = pieces.at(-1);
  if (last && pieces.length > 1 && !isName(text, last[0], last[1], m, false)) {
    // Searched within the piece only (a search on through the text would make long pages quadratic).
    const piece = text.slice(last[0], last[1]);
    const join = JOINS.find((w) => piece.indexOf(w) > 0);
    const and = join === undefined ? -1 : last[0] + piece.indexOf(join);
    // 濮雁同志和李省同志当选: each name may carry 同志, and a name may follow the conjunction.
    let leftEnd = text.startsWith(COMRADE, and - COMRADE.length) ? and - COMRADE.length : and;
    // 王秀华,及其他主席团成员: a comma may stand before the conjunction.
    while (leftEnd > last[0] && GLUED_COMMAS.includes(text.charAt(leftEnd - 1))) leftEnd--;
    // 张吉国等和大会主席团其他成员: 等 may close the names before the group joins.
    if (text.charAt(leftEnd - 1) === LIST_END && leftEnd - 2 > last[0]) leftEnd--;
    const right: [number, number] = [and + (join?.length ?? 0), last[1]];
    if (and > 0 && isName(text, last[0], leftEnd, m, false)) {
      last[1] = leftEnd;
      if (isName(text, right[0], right[1], m, false)) pieces.push(right);
    }
  }
  let first = pieces.length;
  while (first > 0 && isName(text, ...(pieces[first - 1] as [number, number]), m, false)) first--;
  // The list's first name must read as one on its own (a surname, or a minority name).
  while (first < pieces.length && !isName(text, ...(pieces[first] as [number, number]), m, true))
    first++;
  const names = pieces.slice(first);
  // 出席会议的还有邱清燕、周久虎等县领导: the first name follows a linker inside its piece.
  const before = pieces[first - 1];
  const linked = before && names.length > 0 ? nameAfterLinker(text, before, m) : -1;
  if (before && linked > 0) names.unshift([linked, before[1]]);
  return names;
}

/** Start of a name that ends piece `[a, b)` right after a list linker (…的有甲), or -1. */
function nameAfterLinker(text: string, [a, b]: readonly [number, number], m: Matchers): number {
  for (let s = b - 2; s >= Math.max(a + 1, b - 4); s--)
    for (let len = 1; len <= 3 && s - len >= a; len++)
      if (m.listLinker.wordAt(text, s - len)?.length === len && isName(text, s, b, m, true))
        return s;
  return -1;
}

/** True when `text[start, end)` reads as one name of a list, whatever follows it. */
export function isName(
  text: string,
  start: number,
  end: number,
  m: Matchers,
  first: boolean,
): boolean {
  if (end - start < 2 || end > text.length) return false;
  const probe = `${text.slice(start, end)}、`;
  return listNameEnd(probe, 0, m, first) === end - start;
}

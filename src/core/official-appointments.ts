/**
 * Names written before their post: elections and appointments (陶迪当选为政协…主席, 选举高华同志为
 * 官底镇…镇长, 免去刘志勇…副主席职务, 符跃兰辞去…副主任职务) and lists closed by a leaders' title
 * (甲、乙、丙等县领导出席). The posts are read forward from the cue to their head; the names
 * backward to the start of the clause (`names-before-cue.ts`). Works on normalised (simplified) text.
 */
import { alternationOf, wordsOf } from './lexicons/index';
import { COMRADE, LIST_CLOSERS, nameOf } from './official-names';
import { nameNoteEnd } from './official-name-lists';
import { countEnd, hanAt, type Matchers } from './official-titles';
import { LiteralMatcher } from './text/literal-matcher';
import {
  APPOINTMENT_LEADS,
  attendeeSubjectEnd,
  CLAUSE_STOP,
  CLAUSE_STOP_CHARS,
  isName,
  JOINS,
  LIST_END,
  MAX_LIST,
  namesBefore,
  namesIn,
} from './names-before-cue';

/** A name and the post the text gives it, in normalised offsets. */
export interface AppointedName {
  start: number;
  end: number;
  name: string;
  /** The post, or '' for a name a list gives none (甲、乙、丙出席). */
  title: string;
}

const ELECTED = new LiteralMatcher(wordsOf('titles', 'electedCues'));
const REASONS = wordsOf('titles', 'reasonOpenings');
/** Longest reason between a list of names and its cue (因年龄和工作变动，). */
const MAX_REASON = 16;
const LINKS = new LiteralMatcher(wordsOf('titles', 'appointmentLinks'));
const POST_ENDS = new LiteralMatcher(wordsOf('titles', 'titleEndsAfterPost'));
const DISMISSALS = new LiteralMatcher(wordsOf('titles', 'dismissalLeads'));
/**
 * Words after 领导 that make it no leaders' title; after a list's 等 a conjunction joins another
 * group instead (甲、乙等自治区领导和丙出席), so 和 is no such word there.
 */
const COMPOUNDS_AFTER_LIST = wordsOf('titles', 'leaderCompounds').filter((w) => !JOINS.includes(w));
/**
 * 等县领导, 等市委、市政府领导, 等在家的县四套领导班子成员, 等县“四大家”领导 (not 等领导小组):
 * the leaders' title closing a list of names.
 */
const LEADERS_AFTER_LIST_RE = new RegExp(
  `(?:${alternationOf(wordsOf('titles', 'listBeforeLeaders'))})((?:${alternationOf([
    ...wordsOf('titles', 'leaderListUnits'),
    ...wordsOf('titles', 'leaderListOrgans'),
  ])})[\\u4e00-\\u9fff、“”"]{0,12}?(?:${alternationOf(wordsOf('titles', 'leaderNounsAfterList'))}))(?!${alternationOf(COMPOUNDS_AFTER_LIST)})`,
  'g',
);
/** A name of two to four characters that opens a clause and is linked to a post (，甲为秘书长). */
const NAME_OPENING_POST_RE = new RegExp(
  `(?<=^|[${CLAUSE_STOP_CHARS}])[\\u4e00-\\u9fff]{2,4}为`,
  'g',
);
/** Longest post read after a cue (政协鄂托克前旗第十一届委员会常务委员). */
const MAX_POST = 40;
/** Name lengths tried after a dismissal lead, most likely first. */
const DISMISSED_NAME_LENGTHS = [3, 2, 4] as const;
/** 苏君任白银市委书记: the shortest cue, which other words end with (担任, 兼任, 主任). */
const BARE_REN = '任';
const NOT_BEFORE_BARE_REN = new Set(wordsOf('titles', 'charactersBeforeBareRen'));
/** 的 between a dismissed person's name and the post. */
const OF = '的';
/** 职务 closing the posts of one dismissed person. */
const DUTIES = '职务';
/** 职务, 职 or 一职 closing the post of one dismissed person (免除路正阳同志常务副县长一职). */
const DISMISSED_POST_ENDS = new LiteralMatcher(wordsOf('titles', 'dismissedPostEnds'));
/** Most people one dismissal lists (甲的…职务、乙的…职务). */
const MAX_DISMISSED_ITEMS = 20;
/** Most posts one dismissal lists before 职务. */
const MAX_DISMISSED_POSTS = 6;

/**
 * Finds the names the text writes before their post, and the untitled lists of those present;
 * `covered` marks the characters titled names already hold, which those lists skip.
 */
export function findAppointedNames(
  text: string,
  m: Matchers,
  covered?: Uint8Array,
): AppointedName[] {
  const out: AppointedName[] = [];
  const push = (names: ReadonlyArray<readonly [number, number]>, title: string): void => {
    for (const [start, end] of names)
      out.push({ start, end, name: nameOf(text, start, end), title });
  };
  for (let at = ELECTED.nextIndex(text, 0); at >= 0; at = ELECTED.nextIndex(text, at + 1)) {
    const cue = ELECTED.wordAt(text, at) ?? '';
    if (cue === BARE_REN && NOT_BEFORE_BARE_REN.has(text.charAt(at - 1))) continue;
    const post = postAfter(text, at + cue.length, m);
    if (post > 0)
      push(namesBefore(text, reasonStart(text, at), m), text.slice(at + cue.length, post));
  }
  for (const lead of APPOINTMENT_LEADS)
    for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
      const from = at + lead.length;
      // 决定任命甲为…: the names follow the second lead, which reads them itself.
      if (!APPOINTMENT_LEADS.some((l) => text.startsWith(l, from)))
        readAppointments(text, from, m, push);
    }
  // 大会主席团由85人组成，郑钢淼为大会秘书长: a clause may open with the name, no cue before it.
  NAME_OPENING_POST_RE.lastIndex = 0;
  for (let c = NAME_OPENING_POST_RE.exec(text); c; c = NAME_OPENING_POST_RE.exec(text))
    readAppointments(text, c.index, m, push);
  for (let at = DISMISSALS.nextIndex(text, 0); at >= 0; at = DISMISSALS.nextIndex(text, at + 1))
    readDismissal(text, at + (DISMISSALS.wordAt(text, at) ?? '').length, m, push);
  readBracketPosts(text, m, push);
  LEADERS_AFTER_LIST_RE.lastIndex = 0;
  for (let l = LEADERS_AFTER_LIST_RE.exec(text); l; l = LEADERS_AFTER_LIST_RE.exec(text))
    push(namesBefore(text, l.index, m), l[1] ?? '');
  // 陈阳、谢雄峰等省人大代表参加会议: any post between 等 and the verb the names go with.
  for (const closer of LIST_CLOSERS)
    for (let at = text.indexOf(closer); at >= 0; at = text.indexOf(closer, at + 1)) {
      // 赵凌等17名常委出席: a count may stand between 等 and the post.
      const counted = countEnd(text, at + closer.length);
      const from = counted > 0 ? counted : at + closer.length;
      const post = postBeforeVerb(text, from, m);
      if (post > 0) push(namesBefore(text, at, m), text.slice(from, post));
    }
  readAttendingLists(text, m, push, covered);
  return dedupe(out);
}

/** Words after a list of people present (出席, 在主席台就座). */
const ATTENDANCE = new LiteralMatcher(wordsOf('records', 'attendeeCues'));
/** What may stand between a bare list's last name and its cue (甲、乙同志出席). */
const BARE_LIST_TAILS = ['', COMRADE];

/** True when a list's 、 stands in the clause that ends at `end`. */
function listSeparatorBefore(text: string, end: number): boolean {
  for (let k = end - 1; k >= 0 && end - k < MAX_LIST; k--) {
    const ch = text.charAt(k);
    if (ch === '、') return true;
    if (CLAUSE_STOP_CHARS.includes(ch)) return false;
  }
  return false;
}

/**
 * Lists of names with no title that are the subject of an attendance cue (甲、乙、丙在主席台就座,
 * 甲、乙等出席): people a report names as present are officials even when it titles none of them.
 * One name alone is no list (张三出席 is as often a guest as an official).
 */
function readAttendingLists(
  text: string,
  m: Matchers,
  push: (names: ReadonlyArray<readonly [number, number]>, title: string) => void,
  covered?: Uint8Array,
): void {
  for (let at = ATTENDANCE.nextIndex(text, 0); at >= 0; at = ATTENDANCE.nextIndex(text, at + 1)) {
    let end = attendeeSubjectEnd(text, at);
    if (text.charAt(end - 1) === LIST_END) end--;
    // Most cues follow titled names (副主任甲、乙出席), found already: read back for names only
    // when the clause holds a list whose last name no title reached.
    if (covered?.[end - 1] === 1 || !listSeparatorBefore(text, end)) continue;
    const names = namesBefore(text, end, m);
    // 公安、财政、卫健等单位主要负责人参加: the names must run up to the cue.
    const last = names.at(-1);
    if (names.length >= 2 && last && BARE_LIST_TAILS.includes(text.slice(last[1], end)))
      push(names, '');
  }
}

const BRACKET_POST_OPENINGS = wordsOf('titles', 'bracketPostOpenings');
/** Longest post in brackets after a name (时任省委副书记兼代省长). */
const MAX_BRACKET_POST = 24;
/** Longest name right before such a bracket. */
const MAX_BRACKETED_NAME = 6;

/**
 * Names with their post in brackets after them (张庆黎(时任省委书记)、杨崇勇(满族,时任常务副省长)):
 * the post is the bracket's last comma-separated part, without 时任; notes such as 女 or 满族
 * before it are not titles, and a bracket without a post (丁国华(市人大)) adds nothing.
 */
function readBracketPosts(
  text: string,
  m: Matchers,
  push: (names: ReadonlyArray<readonly [number, number]>, title: string) => void,
): void {
  for (const open of ['(', '（'])
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
      let close = at + 1;
      while (
        close < text.length &&
        close - at <= MAX_BRACKET_POST &&
        !')）\n'.includes(text.charAt(close))
      )
        close++;
      if (text.charAt(close) !== ')' && text.charAt(close) !== '）') continue;
      let start = at;
      while (start > 0 && hanAt(text, start - 1) && at - start < MAX_BRACKETED_NAME) start--;
      if (!isName(text, start, at, m, true)) continue;
      let post =
        text
          .slice(at + 1, close)
          .split(/[,，、]/)
          .pop() ?? '';
      const opening = BRACKET_POST_OPENINGS.find((w) => post.startsWith(w));
      if (opening !== undefined) post = post.slice(opening.length);
      if (post.length > 1 && m.headAtEnd.test(post) && m.validStart.test(post))
        push([[start, at]], post);
    }
}

/**
 * Start of a reason that stands between a list of names and the cue at `cue` (乔延春、齐乃贵因年龄
 * 原因，不再担任; 陈昌旭因工作变动辞去), or `cue` when none does: the names stand before it.
 */
function reasonStart(text: string, cue: number): number {
  // 接受陈昌旭因工作变动辞去: the reason may also run into the cue without a comma.
  const end = '，,'.includes(text.charAt(cue - 1)) ? cue - 1 : cue;
  // The leftmost opening: 因年龄原因 also ends in 因.
  let start = cue;
  for (let k = end - 1; k > 0 && end - k <= MAX_REASON && hanAt(text, k); k--)
    if (REASONS.some((w) => text.startsWith(w, k)) && hanAt(text, k - 1)) start = k;
  return start;
}

/**
 * After 选举/任命: `names 为 post`, repeated through the clause (选举甲为镇长，乙为副镇长).
 */
function readAppointments(
  text: string,
  from: number,
  m: Matchers,
  push: (names: ReadonlyArray<readonly [number, number]>, title: string) => void,
): void {
  let p = from;
  for (let round = 0; round < 12; round++) {
    // 任命姜有为、李晋修为副省长: the link is the first 为 whose names and post both read.
    let pair: { names: Array<[number, number]>; postStart: number; post: number } | undefined;
    for (let k = p; k < p + MAX_LIST && k < text.length; k++) {
      // 马志武(回族)、冯桃莲(女)为…: a name's note in brackets ends no clause.
      const noted = hanAt(text, k - 1) ? nameNoteEnd(text, k) : k;
      if (noted > k) k = noted;
      if (CLAUSE_STOP.test(text.charAt(k))) break;
      const linkWord = LINKS.wordAt(text, k);
      if (linkWord === undefined) continue;
      const names = namesIn(text, p, k, m);
      const post = names.length > 0 ? postAfter(text, k + linkWord.length, m) : -1;
      if (post > 0) {
        pair = { names, postStart: k + linkWord.length, post };
        break;
      }
    }
    if (!pair) return;
    push(pair.names, text.slice(pair.postStart, pair.post));
    // 选举甲为主席，乙为副主席: the next pair follows one separator on.
    let q = pair.post;
    while (POST_ENDS.wordAt(text, q) !== undefined) q += (POST_ENDS.wordAt(text, q) ?? '').length;
    if (!'、，,；;和'.includes(text.charAt(q))) return;
    p = q + 1;
  }
}

/**
 * After 免去/撤销: `name post 职务` (免去刘志勇政协…副主席职务, 免去张永辉同志的…副院长职务), and
 * each further item a 、 joins (…职务、张巍巍的…副主任职务).
 */
function readDismissal(
  text: string,
  at: number,
  m: Matchers,
  push: (names: ReadonlyArray<readonly [number, number]>, title: string) => void,
): void {
  for (let item = at, count = 0; item >= 0 && count < MAX_DISMISSED_ITEMS; count++)
    item = readDismissedItem(text, item, m, push);
}

/** Reads one `name post 职务` item at `at`; returns where a next item joined by 、 starts, or -1. */
function readDismissedItem(
  text: string,
  at: number,
  m: Matchers,
  push: (names: ReadonlyArray<readonly [number, number]>, title: string) => void,
): number {
  const lengths = DISMISSED_NAME_LENGTHS.filter((len) => isName(text, at, at + len, m, true));
  // 免去季明同志的…, 李新的…: a name that 同志 or 的 closes is that long (not 季明同, 李新的).
  const named = lengths.find(
    (len) => text.startsWith(COMRADE, at + len) || text.charAt(at + len) === OF,
  );
  for (const len of named === undefined ? lengths : [named]) {
    const end = at + len;
    // 免去杨冬生等同志的…: 等, 同志 and 的 stand between the name and the post.
    let from = text.charAt(end) === LIST_END ? end + 1 : end;
    if (text.startsWith(COMRADE, from)) from += COMRADE.length;
    if (text.charAt(from) === OF) from++;
    // …副院长、审判委员会委员、审判员职务: each post of the list goes.
    const posts: string[] = [];
    for (let p = from; posts.length < MAX_DISMISSED_POSTS;) {
      const post = postAfter(text, p, m);
      if (post <= 0) break;
      posts.push(text.slice(p, post));
      if (DISMISSED_POST_ENDS.wordAt(text, post) !== undefined) {
        for (const title of posts) push([[at, end]], title);
        const after = text.startsWith(DUTIES, post) ? post + DUTIES.length : -1;
        return after > 0 && text.charAt(after) === '、' ? after + 1 : -1;
      }
      if (text.charAt(post) !== '、') break;
      p = post + 1;
    }
  }
  return -1;
}

/**
 * End of a post starting at `at`: the last head (主席, 镇长, 常务委员) of the run of ideographs that
 * a non-ideograph, a joining word (和, 、) or a word such as 职务 follows; -1 when there is none.
 */
function postAfter(text: string, at: number, m: Matchers): number {
  let end = -1;
  for (let k = at; k < at + MAX_POST && hanAt(text, k); k++) {
    const head = m.head.wordAt(text, k);
    if (head === undefined) continue;
    const e = k + head.length;
    const next = text.charAt(e);
    if (
      !hanAt(text, e) ||
      next === '和' ||
      next === '及' ||
      POST_ENDS.wordAt(text, e) !== undefined
    )
      end = e;
  }
  return end;
}

/**
 * End of a post starting at `at` that a verb following names closes (省人大代表参加会议) or that
 * ends the clause, or -1: the first head so placed, the post opening as titles do.
 */
function postBeforeVerb(text: string, at: number, m: Matchers): number {
  for (let k = at; k < at + MAX_POST && hanAt(text, k); k++) {
    const head = m.head.wordAt(text, k);
    if (head === undefined) continue;
    const e = k + head.length;
    if (!hanAt(text, e) || m.afterName.wordAt(text, e) !== undefined)
      return m.validStart.test(text.slice(at, e)) ? e : -1;
  }
  return -1;
}

/** Each name once per post (a post read from two cues). */
function dedupe(found: AppointedName[]): AppointedName[] {
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter((f) => {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

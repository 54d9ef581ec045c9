/**
 * Names written before their post: elections and appointments (陶迪当选为政协…主席, 选举高华同志为
 * 官底镇…镇长, 免去刘志勇…副主席职务, 符跃兰辞去…副主任职务) and lists closed by a leaders' title
 * (甲、乙、丙等县领导出席). The posts are read forward from the cue to their head; the names
 * backward to the start of the clause. Works on normalised (simplified) text.
 */
import { alternationOf, wordsOf } from './lexicons/index';
import { COMRADE, LIST_CLOSERS, nameOf } from './official-names';
import { GLUED_COMMAS, listNameEnd } from './listed-names';
import { nameNoteEnd, nameNoteStartBefore } from './official-name-lists';
import { countEnd, hanAt, type Matchers } from './official-titles';
import { LiteralMatcher } from './text/literal-matcher';
import { NUMERAL_CHARS } from './numerals';

/** A name and the post the text gives it, in normalised offsets. */
export interface AppointedName {
  start: number;
  end: number;
  name: string;
  title: string;
}

/** Words joining the last name of a list to what follows (甲、乙和部分老同志). */
const JOINS = ['以及', '和', '及'];
/** 以及, and the same length of characters no lead holds, to hide it from the search for leads. */
const AND_ALSO = '以及';
const MASKED_AND_ALSO = '\u0000\u0000';
const ELECTED = new LiteralMatcher(wordsOf('titles', 'electedCues'));
const REASONS = wordsOf('titles', 'reasonOpenings');
/** Longest reason between a list of names and its cue (因年龄和工作变动，). */
const MAX_REASON = 16;
const LEADS = [...wordsOf('titles', 'appointmentLeads')].sort((a, b) => b.length - a.length);
const LINKS = new LiteralMatcher(wordsOf('titles', 'appointmentLinks'));
const POST_ENDS = new LiteralMatcher(wordsOf('titles', 'titleEndsAfterPost'));
const DISMISSALS = new LiteralMatcher(wordsOf('titles', 'dismissalLeads'));
const RESIGNATION_LEADS = wordsOf('titles', 'resignationLeads');
/** Words after which the names of a list start (read for every cue: built once). */
const CLAUSE_LEADS = [...LEADS, ...RESIGNATION_LEADS];
/**
 * Words after 领导 that make it no leaders' title; after a list's 等 a conjunction joins another
 * group instead (甲、乙等自治区领导和丙出席), so 和 is no such word there.
 */
const COMPOUNDS_AFTER_LIST = wordsOf('titles', 'leaderCompounds').filter((w) => !JOINS.includes(w));
/** 等县领导, 等市委、市政府领导 (not 等领导小组): the leaders' title closing a list of names. */
const LEADERS_AFTER_LIST_RE = new RegExp(
  `(?:${alternationOf(wordsOf('titles', 'listBeforeLeaders'))})((?:${alternationOf([
    ...wordsOf('titles', 'leaderListUnits'),
    ...wordsOf('titles', 'leaderListOrgans'),
  ])})[\\u4e00-\\u9fff、]{0,12}?领导)(?!${alternationOf(COMPOUNDS_AFTER_LIST)})`,
  'g',
);
/** Characters that end the clause a list of names stands in. */
const CLAUSE_STOP = /[，,；;。：:！!？?\n（()）“”"]/;
/** Longest post read after a cue (政协鄂托克前旗第十一届委员会常务委员). */
const MAX_POST = 40;
/** Farthest a list of names reaches back from its cue. */
const MAX_LIST = 200;
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
/** 两位 in 杜渐、马锋两位同志: a count between a list's last name and 同志. */
const COUNTS = new LiteralMatcher(wordsOf('titles', 'countsBeforeComrade'));
const VOTE_ENDINGS = [...wordsOf('titles', 'voteEndings')].sort((a, b) => b.length - a.length);
/** 以52票全票: opened by this word, at most this long. */
const VOTE_OPENING = '以';
/** Longest vote phrase, counts of several names included (以309票、308票、308票). */
const MAX_VOTE = 24;
const VOTE_LEADS = wordsOf('titles', 'voteLeads');
/** 等 closing a list of names (甲、乙等出席). */
const LIST_END = '等';

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

/** Finds the names the text writes before their post. */
export function findAppointedNames(text: string, m: Matchers): AppointedName[] {
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
  for (const lead of LEADS)
    for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
      const from = at + lead.length;
      // 决定任命甲为…: the names follow the second lead, which reads them itself.
      if (!LEADS.some((l) => text.startsWith(l, from))) readAppointments(text, from, m, push);
    }
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
  return dedupe(out);
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

/**
 * The names of a list standing right before `cue` with no title (甲、乙、丙等在主席台就座), as
 * text; empty when the clause before the cue is not a list of names.
 */
export function bareNamesBefore(text: string, cue: number, m: Matchers): string[] {
  const end = text.charAt(cue - 1) === LIST_END ? cue - 1 : cue;
  return namesBefore(text, end, m).map(([s, e]) => nameOf(text, s, e));
}

/** The names of a list ending at `cue` (甲、乙同志当选为), read from the clause's start. */
function namesBefore(text: string, cue: number, m: Matchers): Array<[number, number]> {
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
  for (const lead of CLAUSE_LEADS) {
    const i = clause.lastIndexOf(lead);
    if (i >= 0 && s + i + lead.length < end) names = Math.max(names, s + i + lead.length);
  }
  s = names;
  return namesIn(text, s, end, m);
}

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
function namesIn(text: string, from: number, to: number, m: Matchers): Array<[number, number]> {
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
function isName(text: string, start: number, end: number, m: Matchers, first: boolean): boolean {
  if (end - start < 2 || end > text.length) return false;
  const probe = `${text.slice(start, end)}、`;
  return listNameEnd(probe, 0, m, first) === end - start;
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

/**
 * Who meets: the body named before a meeting's number (市委常委会, 县政府, 市疫情防控工作领导小组),
 * read back over the run of ideographs before it and cut after the verb or conjunction that
 * leads into it (主持召开市委…, 巡察和市委…).
 */
import { isHan } from './text/normalize';
import { alternationOf, wordsOf } from './lexicons/index';

/** Words after which a meeting's body may begin (主持召开市委…, 学习贯彻省委…, 巡察和市委…). */
export const BODY_LEAD_WORDS: readonly string[] = [
  ...wordsOf('meetings', 'bodyLeads'),
  ...wordsOf('meetings', 'bodyJoins'),
];
const BODY_LEAD = new RegExp(alternationOf(BODY_LEAD_WORDS), 'g');
/** Conjunctions that begin a body only before the name of a body of its own (see `leadsIntoBody`). */
const BODY_JOINS = new Set(wordsOf('meetings', 'bodyJoins'));
/** Words that mark a body's own name (市委, 政协, 自治区, 中纪委). */
const BODY_MARK = new RegExp(alternationOf(wordsOf('meetings', 'bodyMarks')));

/**
 * Whether the lead word `lead`, followed by `rest`, begins a body: a conjunction does only before
 * the name of a body of its own (巡察和市委), not inside one name (网络安全和信息化委员会).
 */
export function leadsIntoBody(lead: string, rest: string): boolean {
  return !BODY_JOINS.has(lead) || BODY_MARK.test(rest);
}

/** How the name of a body that meets ends (市委, 常委会, 市政府, 领导小组, 指挥部, 联防联控机制, 市). */
const BODY_END = new RegExp(`(?:${alternationOf(wordsOf('meetings', 'bodyEndings'))})$`);

/** The word before where a meeting is held (县政府在县行政中心召开), itself a body lead. */
export const PLACE_LEAD = '在';

/** A year standing between the body and the number (市纪委常委会召开2023年第15次会议). */
const YEAR_BEFORE = /(?:\d{4}|[〇零一二三四五六七八九]{4})年度?\s*$/;

/**
 * A year opening a run of ideographs (二〇二三年度…, where the run starts after 〇), or its 年 after
 * a year in digits (2023年度…).
 */
const YEAR_OPENING = /^([〇零一二三四五六七八九]{2,4})?年度?/;
/** The rest of a date or a dateline after its digits (28日中共柳州市委…, 10日讯市人大常委会…). */
const DAY_OPENING = /^(?:日[讯电]?|月)/;

/**
 * Where a run of ideographs `[s, end)` begins once the rest of a date written in digits before it
 * is left out (28日中共柳州市委 → 中共柳州市委).
 */
export function pastDayRest(text: string, s: number, end: number): number {
  if (!/\d/.test(text.charAt(s - 1))) return s;
  return s + (DAY_OPENING.exec(text.slice(s, end))?.[0].length ?? 0);
}

/** The body (who meets) in the run of ideographs ending at `end`. */
export function bodyBefore(text: string, end: number): { start: number; body: string } | undefined {
  const year = YEAR_BEFORE.exec(text.slice(Math.max(0, end - 12), end));
  if (year) end -= year[0].length;
  let s = end;
  while (s > 0 && end - s < 40 && isHan(text.charCodeAt(s - 1))) s--;
  // 召开2023年度区委审计委员会第二次会议: the year before the body is no part of it.
  const opening = YEAR_OPENING.exec(text.slice(s, end));
  if (opening && (opening[1] !== undefined || /\d/.test(text.charAt(s - 1))))
    s += opening[0].length;
  else s = pastDayRest(text, s, end);
  const run = text.slice(s, end);
  let cut = 0;
  let lead = '';
  BODY_LEAD.lastIndex = 0;
  for (let m = BODY_LEAD.exec(run); m; m = BODY_LEAD.exec(run)) {
    if (!leadsIntoBody(m[0], run.slice(m.index + m[0].length))) continue;
    cut = m.index + m[0].length;
    lead = m[0];
  }
  let body = run.slice(cut);
  let start = s + cut;
  if (body.length === 0 && (lead === '召开' || lead === '举行')) {
    // 县政府召开第31次常务会议: the subject before 召开 is the body.
    let before = run.slice(0, cut - lead.length);
    let c2 = 0;
    let place = -1;
    BODY_LEAD.lastIndex = 0;
    for (let m = BODY_LEAD.exec(before); m; m = BODY_LEAD.exec(before)) {
      // 市委外事工作委员会召开: 作 and 和 inside the subject's name lead into nothing.
      if (!leadsIntoBody(m[0], before.slice(m.index + m[0].length))) continue;
      place = m[0] === PLACE_LEAD ? m.index : -1;
      if (place < 0) c2 = m.index + m[0].length;
    }
    // 县政府在县行政中心召开: the meeting is held at a place, and its body is the subject before.
    if (place >= 0) before = before.slice(0, place);
    body = before.slice(c2);
    start = s + c2;
  }
  if (body.length === 0 || body.length > 30 || !BODY_END.test(body)) return undefined;
  return { start, body };
}

/** A term's body without the verb that ended it (三届县委召开45次 → 县委). */
export function trimTermBody(termBody: string): string {
  let cut = termBody.length;
  BODY_LEAD.lastIndex = 0;
  for (let m = BODY_LEAD.exec(termBody); m; m = BODY_LEAD.exec(termBody))
    if (m.index + m[0].length === termBody.length && m.index > 0) cut = m.index;
  return termBody.slice(0, cut);
}

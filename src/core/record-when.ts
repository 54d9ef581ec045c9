/**
 * The words saying when a meeting was held, read past between its name and what follows it (a
 * cue, a verb): dates, the time of day and on the clock, a weekday and the words joining them.
 */
import { findDates, MONTH_DAY } from './dates';
import {
  DATELINE_RE,
  isSentenceEnd,
  longestFirst,
  pastSpaces,
  recordWords,
  sentenceStart,
  startsWithAny,
} from './record-text';

/**
 * A day written alone or after its month, between a meeting's name and a passive cue (8日, 1月25日,
 * 六日).
 */
const DAY_IN_GAP_RE = new RegExp(`^(?:${MONTH_DAY}月)?${MONTH_DAY}日`);
/** Words joining two days a meeting was held on (5日及6日, 本月五日和六日). */
const DAY_JOINS = recordWords('dayJoins');
/** A time of day on the clock (8:30, 9时, 15时30分, 9时许). */
const CLOCK_IN_GAP_RE = /^(?:\d{1,2}[:：]\d{2}|\d{1,2}时(?:\d{1,2}分|许|半)?)/;
/** A weekday after a date, bracketed or not (2024年2月28日(星期三)上午). */
const WEEKDAY_IN_GAP_RE = /^[(（]?(?:星期|周)[一二三四五六日天][)）]?/;
const WHEN_BEFORE_CUE = longestFirst('whenBeforeCue');

/**
 * Where the words saying when a meeting was held end, read from `at` toward `cue` (于 2010年1月12日,
 * 12月19日至22日上午, 今天): dates, the time of day and the words joining them.
 */
export function afterWhen(text: string, at: number, cue: number): number {
  let i = at;
  for (;;) {
    i = pastSpaces(text, i, cue);
    if (i >= cue) return cue;
    const word = WHEN_BEFORE_CUE.find((w) => text.startsWith(w, i));
    if (word) {
      i += word.length;
      continue;
    }
    // 于本月五日及六日在汕头召开: a join goes only between two days.
    const join = i > at ? DAY_JOINS.find((w) => text.startsWith(w, i)) : undefined;
    if (join && DAY_IN_GAP_RE.test(text.slice(i + join.length, cue))) {
      i += join.length;
      continue;
    }
    const date = findDates(text, i, cue, undefined)[0];
    if (date?.start === i) {
      i = date.end;
      continue;
    }
    const rest = text.slice(i, cue);
    const day =
      DAY_IN_GAP_RE.exec(rest) ?? WEEKDAY_IN_GAP_RE.exec(rest) ?? CLOCK_IN_GAP_RE.exec(rest);
    if (!day) return Math.min(i, cue);
    i += day[0].length;
  }
}

/** What may follow the date before a sentence's subject: the time of day and a comma (上午，). */
const AFTER_LEADING_DATE_RE = /^(?:[上下]午|晚上?)?[，,]?[\s\u3000]*$/;

/**
 * True when `[from, to)` is a date and the time of day before what it leads, after a dateline at
 * most (东北网鸡西2月25日讯 2月24日下午，), or a dateline alone (新华社长春9月5日电(记者 宗巍)).
 */
export function isDatedLead(text: string, from: number, to: number): boolean {
  const lead = text.slice(from, to);
  if (/[讯电]/.test(lead) && DATELINE_RE.test(lead)) return true;
  return findDates(text, from, to, undefined).some(
    (date) =>
      DATELINE_RE.test(text.slice(from, date.start)) &&
      AFTER_LEADING_DATE_RE.test(text.slice(date.end, to)),
  );
}

const SAME_DAY_LEADS = recordWords('sameDayLeads');

/**
 * True when the sentence from `from` opens by saying its meeting was held on the day of the one
 * just reported (会前，甲主持召开…; 随后, 当天, 同日), before the meeting's name at `name`.
 */
export function opensOnSameDay(text: string, from: number, name: number): boolean {
  const i = pastSpaces(text, from, name);
  return i < name && startsWithAny(text, i, SAME_DAY_LEADS);
}

/**
 * Where the stretch of a mention whose hold cue is at `cue` ends before the next mention (its
 * cue and name at `next`): at the next one's sentence, or at its name when both stand in one
 * sentence (会议结束后又召开座谈会: they share what comes before the second), unless that sentence
 * opens on the next meeting (会前，甲主持召开…).
 */
export function endBeforeNext(
  text: string,
  cue: number,
  next: { cue: number; start: number },
): number {
  const sentence = sentenceStart(text, next.cue);
  return sentence > cue && opensOnSameDay(text, sentence, next.start)
    ? sentence
    : Math.max(sentence, next.start);
}

const BEFORE_MEETING_LEADS = recordWords('beforeMeetingLeads');
const RETURN_LEADS = recordWords('returnLeads');
/** A sentence opening on a meeting named by the end of its name (动员会上, 座谈会上). */
const NAMED_RETURN_RE = /^([\u4e00-\u9fff]{1,4}会)上/;
const NAMED_RETURN_REACH = 6;

/** True when the sentence from `from` opens on a meeting held before the one just reported (会前). */
export function opensBeforeMeeting(text: string, from: number, name: number): boolean {
  return startsWithAny(text, pastSpaces(text, from, name), BEFORE_MEETING_LEADS);
}

/**
 * Where the stretch of a meeting held before the one just reported (会前，甲主持召开…), from its
 * name at `name` to `to`, turns back to that one, `mainBody`: the first later sentence opening
 * with 会上, or with the end of that one's name (动员会上). -1 when it does not.
 */
export function returnToMainAt(text: string, name: number, to: number, mainBody: string): number {
  for (let k = name; k < to; k++) {
    if (!isSentenceEnd(text, k)) continue;
    const s = pastSpaces(text, k + 1, to);
    if (startsWithAny(text, s, RETURN_LEADS)) return s;
    // 动员会上: the main meeting named by the end of its name.
    const named = NAMED_RETURN_RE.exec(text.slice(s, s + NAMED_RETURN_REACH))?.[1];
    if (named && mainBody.includes(named)) return s;
  }
  return -1;
}

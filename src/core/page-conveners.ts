/**
 * Who convenes the meetings a page reports. A government report has its Party committee, its
 * government or its congress 召开 a meeting; an association's, a school's or a firm's own news has
 * 世界语协会召开 or 小学党支部召开. Detection reads the share of convening clauses whose subject
 * is such an organisation. Reads normalised (simplified) text.
 */
import { alternationOf, wordsOf } from './lexicons/index';
import { LiteralMatcher } from './text/literal-matcher';
import { codeUnitFlags } from './text/code-unit-flags';
import { NUMERAL_PATTERN } from './numerals';

const CONVENE_VERBS = new LiteralMatcher(wordsOf('detection', 'conveneVerbs'));
/** Longest stretch of a clause read back from a convening verb. */
const MAX_CLAUSE = 24;
/** Characters that end the stretch before a verb: punctuation, quotes and brackets. */
const CLAUSE_BREAKS = codeUnitFlags(
  '，,。；;：:、!！?？“”"\'（）()《》【】 \t\n\r\f\v\u00a0\u3000\ufeff',
);
const BREAKS_RE = new RegExp(alternationOf(wordsOf('detection', 'convenerBreaks')));
const OTHER_CONVENERS = wordsOf('detection', 'otherConveners');
const UNITS = wordsOf('detection', 'convenerUnits');
/**
 * Units and the adverbs and times between a subject and its verb: trimmed alike, longest first
 * (理论学习中心组 before 中心组, which would leave 理论学习 behind).
 */
const TRIMMED = [...UNITS, ...wordsOf('detection', 'convenerAdverbs')].sort(
  (a, b) => b.length - a.length,
);
/** A date after the subject (学校党委5日召开, 学校12月5日召开). */
const DAY_ENDING = /(?:[0-9]{1,2}月)?[0-9]{1,2}[日号]$/;
const GOV_ENDINGS = wordsOf('detection', 'govConvenerEndings');
const STATE_ENDINGS = wordsOf('detection', 'stateConvenerEndings');
const EVENTS = wordsOf('detection', 'convenedEvents');
const JOINS_RE = new RegExp(alternationOf(wordsOf('detection', 'convenerJoins')));
/** The ordinal of a numbered event (第二次, 第十届). */
const ORDINAL_RE = new RegExp(`第${NUMERAL_PATTERN}[届次]`);
/** A short word right after a 第N次 that ends the subject (第一次促进会): the meeting held. */
const NUMBERED_WORD_RE = new RegExp(`第${NUMERAL_PATTERN}次([\\u4e00-\\u9fff]{1,4})$`);
/** A year alone before an ordinal (2021年第二次…): no body. */
const YEAR_ONLY = /^(?:19|20)[0-9]{2}年度?$/;
/** Convening clauses read at most; enough to know a page's genre. */
const MAX_CLAUSES = 50;

/**
 * The organisation a convening clause names: the subject before any 在/对 …, without its unit
 * (党委) or the adverbs and times before the verb (组织, 近日, 5日).
 */
function convenerOf(clause: string): string {
  let subject = clause.split(BREAKS_RE)[0] ?? '';
  for (let trimmed = true; trimmed;) {
    trimmed = false;
    const day = DAY_ENDING.exec(subject);
    if (day && day.index > 0) {
      subject = subject.slice(0, day.index);
      trimmed = true;
    }
    for (const word of TRIMMED)
      if (subject.length > word.length && subject.endsWith(word)) {
        subject = subject.slice(0, -word.length);
        trimmed = true;
      }
  }
  return subject;
}

/** True when the convener is an organisation that is not a Party or state body. */
function isOtherOrganisation(convener: string): boolean {
  if (GOV_ENDINGS.some((e) => convener.endsWith(e))) return false;
  return OTHER_CONVENERS.some((o) => convener.endsWith(o));
}

/** True when every one of the joint conveners (甲和乙联合召开) is such an organisation. */
function isOtherConvener(convener: string): boolean {
  const parts = convener.split(JOINS_RE).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => isOtherOrganisation(convenerOf(p)));
}

/** True when the convener is a jurisdiction or a state body (城郊乡, 县委, 市政府). */
function isStateConvener(convener: string): boolean {
  return STATE_ENDINGS.some((e) => convener.endsWith(e));
}

/**
 * The subject of a clause whose subject may be an event: a numbered event names its body before
 * the 第 (上海商会第二届第十次会议) or, after a bare year, after the ordinal (2021年第二次校纪委
 * 全委会); an event without a number names none (undefined).
 */
function bodyOfEvent(subject: string): string | undefined {
  // 第一次促进会: a word numbered by 次 names a meeting, even one an association's name ends with.
  const event = EVENTS.find((e) => subject.endsWith(e)) ?? NUMBERED_WORD_RE.exec(subject)?.[1];
  if (event === undefined) return subject;
  const ordinal = ORDINAL_RE.exec(subject);
  if (!ordinal) return undefined;
  const before = subject.slice(0, ordinal.index);
  if (before !== '' && !YEAR_ONLY.test(before)) return before;
  const after = subject.slice(ordinal.index + ordinal[0].length, -event.length);
  return after === '' ? undefined : after;
}

/** Convening clauses in `text` and how many of them an organisation outside the state convenes. */
export function countConveners(text: string): {
  clauses: number;
  other: number;
  state: number;
  example?: string;
} {
  let clauses = 0;
  let other = 0;
  let state = 0;
  let example: string | undefined;
  // From each verb back to the clause's start: one pass, not a pattern tried at every position.
  let lastEnd = 0;
  for (
    let at = CONVENE_VERBS.nextIndex(text, 0);
    at >= 0 && clauses < MAX_CLAUSES;
    at = CONVENE_VERBS.nextIndex(text, lastEnd)
  ) {
    const floor = lastEnd;
    lastEnd = at + CONVENE_VERBS.lastWord.length;
    let cs = at;
    while (cs > floor && at - cs < MAX_CLAUSE && CLAUSE_BREAKS[text.charCodeAt(cs - 1)] !== 1) cs--;
    // 对甲、乙、某公司开展巡视: a list item's head (对) lies before the list, out of reach.
    if (cs === at || text.charAt(cs - 1) === '、') continue;
    // The event may end the clause (签约仪式举行) or its subject (…全委会在…召开).
    const whole = text.slice(cs, at);
    let clause = bodyOfEvent(whole);
    if (clause === whole) clause = bodyOfEvent(whole.split(BREAKS_RE)[0] ?? '');
    if (clause === undefined) continue;
    clauses++;
    const convener = convenerOf(clause);
    if (isOtherConvener(convener)) {
      other++;
      example ??= convener;
    } else if (isStateConvener(convener)) state++;
  }
  return { clauses, other, state, ...(example !== undefined ? { example } : {}) };
}

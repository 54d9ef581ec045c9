/**
 * Who convenes the meetings a page reports. A government report has its Party committee, its
 * government or its congress 召开 a meeting; an association's, a school's or a firm's own news has
 * 世界语协会召开 or 小学党支部召开. Detection reads the share of convening clauses whose subject
 * is such an organisation. Reads normalised (simplified) text.
 */
import { alternationOf, wordsOf } from './lexicons/index';
import { LiteralMatcher } from './text/literal-matcher';
import { codeUnitFlags } from './text/code-unit-flags';

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
/** Units and the adverbs and times between a subject and its verb: trimmed alike. */
const TRIMMED = [...UNITS, ...wordsOf('detection', 'convenerAdverbs')];
/** A date after the subject (学校党委5日召开, 学校12月5日召开). */
const DAY_ENDING = /(?:[0-9]{1,2}月)?[0-9]{1,2}[日号]$/;
const GOV_ENDINGS = wordsOf('detection', 'govConvenerEndings');
const EVENTS = wordsOf('detection', 'convenedEvents');
const JOINS_RE = new RegExp(alternationOf(wordsOf('detection', 'convenerJoins')));
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

/** Convening clauses in `text` and how many of them an organisation outside the state convenes. */
export function countConveners(text: string): { clauses: number; other: number; example?: string } {
  let clauses = 0;
  let other = 0;
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
    if (cs === at) continue;
    let clause = text.slice(cs, at);
    if (EVENTS.some((e) => clause.endsWith(e))) {
      // 上海商会第二届第十次会议在…召开: a numbered event names its body before the 第.
      const numbered = clause.indexOf('第');
      if (numbered <= 0) continue;
      clause = clause.slice(0, numbered);
    }
    clauses++;
    const convener = convenerOf(clause);
    if (isOtherConvener(convener)) {
      other++;
      example ??= convener;
    }
  }
  return { clauses, other, ...(example !== undefined ? { example } : {}) };
}

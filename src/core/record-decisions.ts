/**
 * Numbered meetings reported by what they decided, for the meeting-records pass (扬州市第九届人大常委会
 * 第九次会议5月13日决定, (2022年1月27日…第五十八次会议通过)): no hold cue names them, yet a meeting
 * that decides has sat. The words are those of `lexicons/records.json`.
 */
import type { RawMeeting } from './meeting-numbers';
import { bodyOfName, subjectBefore, tidyBody } from './record-bodies';
import {
  clauseStart,
  type CuelessMeeting,
  type HeldAt,
  longestFirst,
  sentenceStart,
  startsWithAny,
  wordAt,
} from './record-text';
import { afterWhen, isDatedLead } from './record-when';

const VERBS = longestFirst('decisionVerbs');
const BEFORE_VERB = longestFirst('beforeDecisionVerb');
const LEADS = longestFirst('decidingMeetingLeads');
const NOT_AFTER = longestFirst('notAfterDecisionVerb');
const NOT_BEFORE = longestFirst('notBeforeDecision');
/** Characters after a meeting's name within which when it sat and its verb are looked for. */
const REACH = 24;

/**
 * True when the meeting at `start` opens its clause: after a bracket, a date and the time of day
 * (after a dateline), a lead word (经), or both, at most.
 */
function opensClause(text: string, start: number): boolean {
  let at = clauseStart(text, start);
  if (/[(（]/.test(text.charAt(at))) at++;
  const lead = LEADS.find((w) => text.endsWith(w, start)) ?? '';
  const before = start - lead.length;
  return text.slice(at, before).trim() === '' || isDatedLead(text, at, before);
}

/** Where the words between a meeting's name and its verb end (今天表决通过 → 通过), from `at`. */
function verbStart(text: string, at: number, limit: number): number {
  let i = afterWhen(text, at, limit);
  for (let word = wordAt(text, i, BEFORE_VERB); word; word = wordAt(text, i, BEFORE_VERB)) {
    i = afterWhen(text, i + word.length, limit);
    // 经过表决，决定接受: a comma may follow how it decided.
    if (/[，,]/.test(text.charAt(i)) && wordAt(text, i + 1, VERBS)) i++;
  }
  return i;
}

/**
 * Numbered meetings that open their clause and decide (决定, 通过, 补选) right after their name and
 * when they sat, in text order; `heldAt` says whether the verb at a position reports it done.
 */
export function findDecisions(
  text: string,
  meetings: readonly RawMeeting[],
  heldAt: HeldAt,
): CuelessMeeting[] {
  const out: CuelessMeeting[] = [];
  for (const m of meetings) {
    const limit = Math.min(text.length, m.end + REACH);
    // Most meetings decide nothing near their name: reading when they sat is dearer than a look.
    const near = text.slice(m.end, limit);
    if (!VERBS.some((w) => near.includes(w))) continue;
    const cue = verbStart(text, m.end, limit);
    let end = cue;
    for (let verb = wordAt(text, end, VERBS); verb; verb = wordAt(text, end, VERBS))
      end += verb.length;
    if (end === cue || startsWithAny(text, end, NOT_AFTER)) continue;
    // 自治区人大常委会第116次主任会议: an organ's meeting is numbered after the organ's name.
    const start = opensClause(text, m.start)
      ? m.start
      : m.start - subjectBefore(text, m.start).length;
    if (!opensClause(text, start) || !heldAt(cue, end)) continue;
    // 委员长会议建议，常委会第十九次会议审议…: a proposal; 《关于落实…第十九次会议审议…》: a title.
    const before = text.slice(sentenceStart(text, start), start);
    if (
      NOT_BEFORE.some((w) => before.includes(w)) ||
      before.lastIndexOf('《') > before.lastIndexOf('》')
    )
      continue;
    // 经主席团第四次会议审议通过: a numbered meeting with no body of its own is the organ's.
    const organ = text.slice(start, m.start);
    const body = tidyBody(m.body ?? (organ || bodyOfName(text.slice(m.start, m.end))));
    // 经政协黑河市第三届委员会第十三次常委会决定: the lead is no part of the body.
    const lead = LEADS.find((w) => body.startsWith(w) && text.startsWith(w, start));
    out.push({
      cue,
      start: start + (lead?.length ?? 0),
      end: m.end,
      body: lead ? body.slice(lead.length) : body,
      expanded: m.expanded === true,
    });
  }
  return out;
}

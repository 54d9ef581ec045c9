/**
 * Numbered meetings a clause says something happened at (在海口市第十七届人民代表大会第七次会议上，
 * 市长甲作报告; 在11日闭幕的…第四次会议上，甲当选), for the meeting-records pass: no hold cue names
 * them, yet what happened at a meeting says it was held. The words are those of
 * `lexicons/records.json`.
 */
import type { RawMeeting } from './meeting-numbers';
import { bodyOfName, tidyBody } from './record-bodies';
import { clauseStart, type CuelessMeeting, type HeldAt, longestFirst } from './record-text';
import { afterWhen, isDatedLead } from './record-when';

const DESCRIPTIONS = longestFirst('heldAtDescriptions');
const TO_COME = longestFirst('notHeldDescriptions');
/** Characters a description may take between 在 and the meeting's name (前不久落下帷幕的). */
const DESCRIPTION_REACH = 14;
/** What closes 在…会议上 when a clause goes on to say what happened there, or a heading ends. */
const AFTER_ON_RE = /[，,\s)）]/;

/** Where the 在 that leads to the meeting at `start` stands (after a description), or -1. */
function atBefore(text: string, start: number): number {
  if (text.charAt(start - 1) === '在') return start - 1;
  const at = text.lastIndexOf('在', start - 1);
  if (at < 0 || start - at > DESCRIPTION_REACH) return -1;
  const between = text.slice(at + 1, start);
  if (!DESCRIPTIONS.some((w) => between.endsWith(w)) || TO_COME.some((w) => between.includes(w)))
    return -1;
  // 在11日闭幕的, 在前不久落下帷幕的: when, or how lately, it closed, and no clause break.
  return /[，,。；;！？!?\n]/.test(between) ? -1 : at;
}

/** True when the clause holding `at` opens with it, after when it happened at most. */
function opensClause(text: string, at: number): boolean {
  const cs = clauseStart(text, at);
  return afterWhen(text, cs, at) === at || isDatedLead(text, cs, at);
}

/**
 * Numbered meetings named in a clause-opening 在…上 that the clause goes on from (a comma, a
 * heading's space), in text order; `heldAt` says whether the 在 at a position reports one held.
 */
export function findHeldAt(
  text: string,
  meetings: readonly RawMeeting[],
  heldAt: HeldAt,
): CuelessMeeting[] {
  const out: CuelessMeeting[] = [];
  for (const m of meetings) {
    if (text.charAt(m.end) !== '上' || !AFTER_ON_RE.test(text.charAt(m.end + 1))) continue;
    const at = atBefore(text, m.start);
    if (at < 0 || !opensClause(text, at) || !heldAt(at, m.end + 1)) continue;
    out.push({
      cue: at,
      start: m.start,
      end: m.end,
      body: tidyBody(m.body ?? bodyOfName(text.slice(m.start, m.end))),
      expanded: m.expanded === true,
    });
  }
  return out;
}

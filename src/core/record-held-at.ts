/**
 * Numbered meetings a clause says something happened at (在海口市第十七届人民代表大会第七次会议上，
 * 市长甲作报告; 在11日闭幕的…第四次会议上，甲当选), for the meeting-records pass: no hold cue names
 * them, yet what happened at a meeting says it was held. The words are those of
 * `lexicons/records.json`.
 */
import type { RawMeeting } from './meeting-numbers';
import { bodyOfName, tidyBody } from './record-bodies';
import {
  clauseEnd,
  clauseStart,
  type CuelessMeeting,
  type HeldAt,
  longestFirst,
} from './record-text';
import { afterWhen, isDatedLead } from './record-when';

const DESCRIPTIONS = longestFirst('heldAtDescriptions');
const TO_COME = longestFirst('notHeldDescriptions');
const CHAIR_CUES = longestFirst('chairCues');
/** What joins meetings named together (暨, 和, 及, 、), or nothing. */
const JOINS = /^[暨和及、]?$/;
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

/** Where the clause-opening 在 of 在…第七次会议上，… stands, or -1. */
function onMeetingAt(text: string, m: RawMeeting): number {
  if (!AFTER_ON_RE.test(text.charAt(m.end + 1))) return -1;
  const at = atBefore(text, m.start);
  return at >= 0 && opensClause(text, at) ? at : -1;
}

/** True when meeting `b` follows meeting `a` with only a join between (党组会议暨主席会议). */
const joined = (text: string, a: RawMeeting, b: RawMeeting): boolean =>
  b.start >= a.end && b.start - a.end <= 1 && JOINS.test(text.slice(a.end, b.start));

/**
 * Where a clause made of meetings' names alone opens (joined ones too), when the next clause
 * names their chair (昨(8)日,市政协党组五届二十六次会议暨五届十七次主席会议,主席吕晓莉主持会议), or -1.
 */
function chairedTitleAt(text: string, meetings: readonly RawMeeting[], i: number): number {
  let first = i;
  while (
    first > 0 &&
    joined(text, meetings[first - 1] as RawMeeting, meetings[first] as RawMeeting)
  )
    first--;
  let last = i;
  while (
    last + 1 < meetings.length &&
    joined(text, meetings[last] as RawMeeting, meetings[last + 1] as RawMeeting)
  )
    last++;
  const start = (meetings[first] as RawMeeting).start;
  const end = (meetings[last] as RawMeeting).end;
  // Most meetings are named inside a clause: the cheap looks come first.
  if (!/[，,]/.test(text.charAt(end))) return -1;
  const next = text.slice(end + 1, clauseEnd(text, end + 1));
  if (!CHAIR_CUES.some((w) => next.includes(w))) return -1;
  return opensClause(text, start) ? clauseStart(text, start) : -1;
}

/** True when the clause holding `at` opens with it, after when it happened at most. */
function opensClause(text: string, at: number): boolean {
  const cs = clauseStart(text, at);
  return afterWhen(text, cs, at) === at || isDatedLead(text, cs, at);
}

/**
 * Numbered meetings named in a clause-opening 在…上 that the clause goes on from (a comma, a
 * heading's space), or alone in a clause whose next clause names their chair, in text order;
 * `heldAt` says whether the words at a position report one held.
 */
export function findHeldAt(
  text: string,
  meetings: readonly RawMeeting[],
  heldAt: HeldAt,
): CuelessMeeting[] {
  const out: CuelessMeeting[] = [];
  for (let i = 0; i < meetings.length; i++) {
    const m = meetings[i] as RawMeeting;
    const at =
      text.charAt(m.end) === '上' ? onMeetingAt(text, m) : chairedTitleAt(text, meetings, i);
    if (at < 0 || !heldAt(at, m.end + 1)) continue;
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

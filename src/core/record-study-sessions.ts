/**
 * Sessions of study groups for the meeting-records pass: 区委理论学习中心组开展集体学习研讨,
 * 检察院举行党组中心组集体学习. Their names end in 学习, not 会, so no hold cue reads them; the
 * words are those of `lexicons/records.json`.
 */
import { alternationOf } from './lexicons/index';
import { NUMBER_LEAD_RE, subjectBefore, tidyBody } from './record-bodies';
import { type CuelessMeeting, type HeldAt, longestFirst, wordAt } from './record-text';

const GROUPS = longestFirst('studyGroups');
const GROUP_RE = new RegExp(alternationOf(GROUPS), 'g');
const SESSIONS = longestFirst('studySessions');
const SESSIONS_AFTER_VERB = longestFirst('studySessionsAfterVerb');
const VERBS = longestFirst('studyVerbs');
/** 中心组(扩大)集中学习, 召开2024年第3次(扩大)学习会. */
const EXPANDED_RE = /^[(（]扩大[)）]/;
/** Meeting words that may close the session's name (学习会, 理论学习会议). */
const MEETING_WORDS = ['会议', '会'];

/** Where a session's year, ordinal and 扩大 end, read from `at` (2026年第二次, 第3次(扩大)). */
function afterNumbers(text: string, at: number): { end: number; expanded: boolean } {
  let i = at;
  let expanded = false;
  for (let moved = true; moved;) {
    moved = false;
    const num = NUMBER_LEAD_RE.exec(text.slice(i, i + 12))?.[0];
    const exp = EXPANDED_RE.exec(text.slice(i, i + 4))?.[0];
    const step = num ?? exp;
    if (step) {
      expanded ||= step === exp;
      i += step.length;
      moved = true;
    }
  }
  return { end: i, expanded };
}

/**
 * The body of the study group named `[at, end)`, with the organ before a verb that stands before
 * the group (满城区人民检察院举行党组中心组 → 满城区人民检察院党组中心组), where it starts and
 * where that verb is (-1 without one); undefined when no organ names whose group it is.
 */
function groupBody(
  text: string,
  at: number,
  end: number,
): { body: string; start: number; verbAt: number } | undefined {
  const owner = subjectBefore(text, at);
  const ownStart = at - owner.length;
  const own = text.slice(ownStart, end);
  const verb = VERBS.find((w) => text.endsWith(w, ownStart));
  const organ = verb ? subjectBefore(text, ownStart - verb.length) : '';
  if (verb && organ) {
    const verbAt = ownStart - verb.length;
    return { body: tidyBody(`${organ}${tidyBody(own)}`), start: verbAt - organ.length, verbAt };
  }
  return owner ? { body: tidyBody(own), start: ownStart, verbAt: -1 } : undefined;
}

/**
 * The body of the study group whose name ends at `end` (市财政局党组理论学习中心组 before 召开专题学习会),
 * or undefined when none does: what such a group holds is filed under it.
 */
export function studyGroupBefore(text: string, end: number): string | undefined {
  const group = GROUPS.find((w) => text.endsWith(w, end));
  return group ? groupBody(text, end - group.length, end)?.body : undefined;
}

/** Study sessions in `text`, in text order; `heldAt` says whether a cue reports one held. */
export function findStudySessions(text: string, heldAt: HeldAt): CuelessMeeting[] {
  const out: CuelessMeeting[] = [];
  GROUP_RE.lastIndex = 0;
  for (let g = GROUP_RE.exec(text); g; g = GROUP_RE.exec(text)) {
    const groupEnd = g.index + g[0].length;
    const found = groupBody(text, g.index, groupEnd);
    if (!found) continue;
    const lead = afterNumbers(text, groupEnd);
    const verb = wordAt(text, lead.end, VERBS);
    const numbers = afterNumbers(text, lead.end + verb.length);
    const session =
      wordAt(text, numbers.end, SESSIONS) ||
      (verb || found.verbAt >= 0 ? wordAt(text, numbers.end, SESSIONS_AFTER_VERB) : '');
    if (!session) continue;
    // 学习(扩大)会议: only 扩大 may stand between the session and its meeting words.
    const sessionEnd = numbers.end + session.length;
    const closing = EXPANDED_RE.exec(text.slice(sessionEnd, sessionEnd + 4))?.[0] ?? '';
    const closed = sessionEnd + closing.length;
    const end = closed + wordAt(text, closed, MEETING_WORDS).length;
    const cue = verb ? lead.end : found.verbAt >= 0 ? found.verbAt : numbers.end;
    if (!heldAt(cue, end)) continue;
    out.push({
      cue,
      start: found.start,
      end,
      body: found.body,
      expanded: lead.expanded || numbers.expanded || closing !== '',
    });
  }
  return out.sort((a, b) => a.cue - b.cue);
}

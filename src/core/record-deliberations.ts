/**
 * Group deliberations of a people's congress or CPPCC session for the meeting-records pass
 * (参加县政协十一届五次会议有关分组讨论, 省七届人大五次会议各代表团继续审议): no hold cue names the
 * session, yet it was sitting, and the report is filed under it. The words are those of
 * `lexicons/records.json`.
 */
import type { RawMeeting } from './meeting-numbers';
import { bodyOfName, tidyBody } from './record-bodies';
import { type CuelessMeeting, type HeldAt, longestFirst, startsWithAny } from './record-text';

const GROUPS = longestFirst('sessionGroups');
const VERBS = longestFirst('deliberationVerbs');
const NOT_AFTER = longestFirst('notAfterDeliberation');
/** Characters after a session's name within which its groups and their verb are looked for. */
const REACH = 24;
/** Characters at most between the groups and their verb. */
const VERB_GAP = 4;
/** What ends the words after a session's name: a clause, or a list's 、 (会议精神、通报了…). */
const SESSION_RUN_END = /[。！？!?\n；;，,：:、]/;

/** Where in `run` the first of `words` starts at or after `from` (-1 when none does), and its length. */
function firstOf(
  run: string,
  words: readonly string[],
  from: number,
): { at: number; length: number } {
  let best = { at: -1, length: 0 };
  for (const w of words) {
    const at = run.indexOf(w, from);
    if (at >= 0 && (best.at < 0 || at < best.at)) best = { at, length: w.length };
  }
  return best;
}

/**
 * Sessions whose groups deliberate in the clause after their name, in text order; `heldAt` says
 * whether the groups' words at a position report it done (not 将分组审议).
 */
export function findDeliberations(
  text: string,
  meetings: readonly RawMeeting[],
  heldAt: HeldAt,
): CuelessMeeting[] {
  const out: CuelessMeeting[] = [];
  for (const m of meetings) {
    if (m.category !== 'session') continue;
    let stop = m.end;
    while (stop < text.length && stop - m.end < REACH && !SESSION_RUN_END.test(text.charAt(stop)))
      stop++;
    const run = text.slice(m.end, stop);
    const group = firstOf(run, GROUPS, 0);
    const groupEnd = group.at + group.length;
    const verb = group.at < 0 ? group : firstOf(run, VERBS, groupEnd);
    // 分组进行讨论, 代表团的审议: only a word or two between the groups and what they did.
    if (verb.at < 0 || verb.at - groupEnd > VERB_GAP) continue;
    if (startsWithAny(run, verb.at + verb.length, NOT_AFTER)) continue;
    // The groups are the cue: 代表团的审议 is what they did, not a meeting yet to be held.
    const cue = m.end + group.at;
    if (!heldAt(cue, m.end + verb.at + verb.length)) continue;
    const name = text.slice(m.start, m.end);
    const body = tidyBody(m.body ?? bodyOfName(name));
    out.push({ cue, start: m.start, end: m.end, body, expanded: m.expanded === true });
  }
  return out;
}

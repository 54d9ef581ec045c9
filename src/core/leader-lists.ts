/**
 * Leaders' lists of the officials finder: a unit's leaders and then their names (市领导甲、乙、丙出席,
 * 鸡西市领导甲、乙, 县级领导干部甲、乙). Works on normalised (simplified) text.
 */
import { alternationOf as alternation, wordsOf } from './lexicons/index';
import { itemBeforeNameEnd, listNameEnd } from './listed-names';
import { readNameList } from './official-name-lists';
import type { Matchers } from './official-titles';
import { placeBefore } from './place-before';
import { listEmitter, type Candidate } from './titled-candidates';

/** 是, 有, 还有 between 领导 and its list. */
const LEADER_LIST_LINKERS = wordsOf('titles', 'leaderListLinkers');
/**
 * 市领导甲、乙、丙出席: a unit, up to six characters or bracketed notes (市政府(林管局)领导), 领导
 * or 领导人 (党和国家领导人甲、乙; not 领导小组) or, after a level, 领导干部 (县级领导干部甲、乙), then
 * the list.
 */
const LEADER_LIST_SOURCE = `((?:${alternation(wordsOf('titles', 'leaderListUnits'))})(?:[\\u4e00-\\u9fff]|[(（][\\u4e00-\\u9fff]{1,8}[)）]){0,6}?(?:(?<=级)领导干部|领导人?))(?!${alternation(wordsOf('titles', 'leaderCompounds'))})(?:同志)?(?:${alternation(LEADER_LIST_LINKERS)})?[:：]?[ \\t\\u3000]*`;

/** The word every leaders' list holds (领导, 领导人, 领导干部). */
const LEADER_WORD = '领导';
const LEADER_UNITS = wordsOf('titles', 'leaderListUnits');
/** First characters of the units a list's title opens with. */
const UNIT_OPENINGS = new Set(LEADER_UNITS.map((w) => w.charCodeAt(0)));
/** Farthest a match starts before its 领导: the longest unit, then six bracketed notes at most. */
const LEADER_REACH = Math.max(...LEADER_UNITS.map((w) => w.length)) + 6 * 10;

/** What finds the leaders' lists of a page, one after another (`exec` as a global RegExp's). */
export interface LeaderListScan {
  lastIndex: number;
  exec(text: string): RegExpExecArray | null;
}

/**
 * A scan for leaders' lists, one per page (the scans of two pages may interleave). The pattern
 * could open at nearly any character (市, 县, 区 …), so it is tried only at the unit openings
 * within reach before each 领导: the same matches as a global search, in a tenth of the time.
 */
export function leaderListPattern(): LeaderListScan {
  const sticky = new RegExp(LEADER_LIST_SOURCE, 'y');
  const scan: LeaderListScan = {
    lastIndex: 0,
    exec(text) {
      // Every start before `from` has been tried: a match holds a 领导 within reach of its start.
      let from = scan.lastIndex;
      for (let q = text.indexOf(LEADER_WORD, from); q >= 0; q = text.indexOf(LEADER_WORD, q + 1)) {
        for (let at = Math.max(from, q - LEADER_REACH); at < q; at++) {
          if (!UNIT_OPENINGS.has(text.charCodeAt(at))) continue;
          sticky.lastIndex = at;
          const m = sticky.exec(text);
          if (m) {
            scan.lastIndex = at + m[0].length;
            return m;
          }
        }
        from = q;
      }
      scan.lastIndex = 0;
      return null;
    },
  };
  return scan;
}

/** Leaders' lists (市领导甲、乙、丙出席) from the match `at.l`, up to one past `limit`. */
export function readLeaderLists(
  text: string,
  m: Matchers,
  covered: Uint8Array,
  found: Candidate[],
  listRe: LeaderListScan,
  at: { l: RegExpExecArray | null },
  limit: number,
): number {
  for (let l = at.l; l; l = listRe.exec(text)) {
    if (l.index >= limit) {
      at.l = l;
      return l.index;
    }
    // The title is the match up to 领导, 领导人 or 领导干部 (the linker, colon and spaces go), with
    // the place that names its unit (鸡西市领导).
    const title = placeBefore(text, l.index) + (l[1] ?? '');
    const from = l.index + l[0].length;
    // 县领导丑生荣、兰永武: as after any title, an unusual first name counts when names follow it.
    let first = listNameEnd(text, from, m, true);
    if (first < 0) first = itemBeforeNameEnd(text, from, m);
    if (first < 0) continue;
    const emit = listEmitter(text, covered, found, [title], true);
    emit(from, first);
    const p = readNameList(text, first, m, emit);
    listRe.lastIndex = Math.max(listRe.lastIndex, p);
  }
  at.l = null;
  return -1;
}

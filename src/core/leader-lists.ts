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

/** A fresh pattern per page (the scans of two pages may interleave); V8 reuses the compiled source. */
export function leaderListPattern(): RegExp {
  return new RegExp(LEADER_LIST_SOURCE, 'g');
}

/** Leaders' lists (市领导甲、乙、丙出席) from the match `at.l`, up to one past `limit`. */
export function readLeaderLists(
  text: string,
  m: Matchers,
  covered: Uint8Array,
  found: Candidate[],
  listRe: RegExp,
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

/**
 * The place or organ written right before a name or a unit, read back from it: 北海市政协 in
 * 北海市政协黄漱鲁副主席, 中共海城区委 in 中共海城区委曾伟副书记, 鸡西 in 鸡西市领导. Works on normalised
 * (simplified) text.
 */
import { wordsOf } from './lexicons/index';
import { leftContextOk } from './official-names';
import { hanAt } from './official-titles';
import { conjunctionSurnameAt, isDepartmentLastChar, wordAcrossNameStart } from './surnames';
import { LiteralMatcher } from './text/literal-matcher';

/** Words before a leaders' list's unit that name no place (全, 历届, 有关): see placeBefore. */
const NOT_PLACES_BEFORE_UNIT = wordsOf('titles', 'notPlacesBeforeUnit');
/** Units written with one character (县, 市, 区), which open an organ's name without a place. */
const ONE_CHARACTER_UNITS = wordsOf('titles', 'placeUnits').filter((unit) => unit.length === 1);
/** Each one-character unit followed by each organ of `list` (县政协, 区政府). */
const unitOrgans = (list: string): string[] =>
  ONE_CHARACTER_UNITS.flatMap((unit) => wordsOf('titles', list).map((o) => unit + o));

/** 市委, and a one-character unit with a state organ (县政协, 市人大常委会, longest organ first). */
const ORGANS_BEFORE_NAME = [
  ...wordsOf('titles', 'organsBeforeNameAndHead'),
  ...unitOrgans('stateOrgansBeforeNameAndHead').sort((a, b) => b.length - a.length),
];

/** A one-character unit and an organ after it (区政府, 县人大, 市政协): an organ, never a name. */
const UNIT_ORGANS = new LiteralMatcher(unitOrgans('organisationsAfterPlace'));

/** True when a unit's organ starts at `at` (及区政府、高新区相关部门: no name 区政府 in a list). */
export function unitOrganAt(text: string, at: number): boolean {
  return UNIT_ORGANS.wordAt(text, at) !== undefined;
}

/** Longest department read before a name and its head (机关事务管理局赵国强主任). */
const MAX_DEPARTMENT_BEFORE_NAME = 10;

/** True when `[at, end)` may be a name written between a department and its head. */
function departmentNameOk(text: string, at: number, end: number): boolean {
  if (end <= at || conjunctionSurnameAt(text, at) || wordAcrossNameStart(text, at)) return false;
  for (let k = at; k < end; k++) if (isDepartmentLastChar(text.charAt(k))) return false;
  return true;
}

/** Longest place name read before such an organ (北海市政协黄漱鲁副主席), 中共 not counted. */
const MAX_PLACE_BEFORE_ORGAN = 4;
/** 中共 before a place and its committee (中共海城区委曾伟副书记). */
const PARTY_PREFIX = '中共';

/**
 * The committee or organ written right before `at` (市委 in 市委许继伟书记, 县政协), with the
 * place that names it when one does (北海市政协, 中共海城区委), or a department before the name
 * `[at, nameEnd)` (财政局), or ''.
 */
export function organBefore(text: string, at: number, nameEnd = at): string {
  for (const organ of ORGANS_BEFORE_NAME) {
    const os = at - organ.length;
    if (!text.startsWith(organ, os)) continue;
    if (leftContextOk(text, os)) return organ;
    const from = placeStartBefore(text, os, true);
    if (from >= 0) return text.slice(from, at);
  }
  // 财政局苏桂国书记, 县委组织部杨成平部长: a department, read back to where a title may start;
  // not when the name would hold a department's last character (办公室主任: 办 + 公室) or open
  // with a conjunction (党委和政府秘书长) or inside a word (部门主管).
  if (isDepartmentLastChar(text.charAt(at - 1)) && departmentNameOk(text, at, nameEnd))
    for (let ps = at - 2; ps >= at - MAX_DEPARTMENT_BEFORE_NAME && hanAt(text, ps); ps--)
      if (leftContextOk(text, ps)) return text.slice(ps, at);
  return '';
}

/**
 * Start of the place name ending at `at`: the shortest run of ideographs after a clause's start
 * or a word a title may follow, with 中共 before it when `party` allows; -1 when there is none.
 */
function placeStartBefore(text: string, at: number, party: boolean): number {
  for (let ps = at - 1; ps >= at - MAX_PLACE_BEFORE_ORGAN && hanAt(text, ps); ps--) {
    const from =
      party && text.startsWith(PARTY_PREFIX, ps - PARTY_PREFIX.length)
        ? ps - PARTY_PREFIX.length
        : ps;
    if (leftContextOk(text, from)) return from;
  }
  return -1;
}

/**
 * The place name written right before the unit at `at` (鸡西 in 鸡西市领导): the shortest run of
 * ideographs after a clause's start or a word a title may follow, or ''.
 */
export function placeBefore(text: string, at: number): string {
  const ps = placeStartBefore(text, at, false);
  if (ps < 0) return '';
  const place = text.slice(ps, at);
  return NOT_PLACES_BEFORE_UNIT.some((w) => place.endsWith(w)) ? '' : place;
}

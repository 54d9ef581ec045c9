/**
 * One name of a list of names (甲、乙、丙出席): the separators delimit the names, so a name further
 * down a list needs no common surname; the first one, and an item before a name, are read more
 * strictly. Works on normalised (simplified) text.
 */
import { wordsOf } from './lexicons/index';
import {
  bareNameOk,
  cutBeforeWord,
  dottedNameEnd,
  gapAt,
  givenNameOk,
  hanRunEnd,
  LIST_CLOSERS,
  LIST_ITEM_ENDS,
  MAX_CLOSED_MINORITY_NAME,
  NOT_IN_LIST_TABLE,
  wordAfterNameLength,
} from './official-names';
import { countEnd, hanAt, type Matchers } from './official-titles';
import { isDepartmentLastChar, minorityNameAt, notNameAt, surnameLengthAt } from './surnames';

/** Characters of administrative units, never in a given name read from a list. */
const PLACE_UNIT_CHAR = new RegExp(
  `[${wordsOf('titles', 'placeUnits')
    .filter((u) => u.length === 1)
    .join('')}]`,
);
/** One-character endings of departments (局, 部, 办 …). */
const DEPARTMENT_ENDINGS = new Set(wordsOf('titles', 'departmentEndings'));
/**
 * True when `[at, end)` reads as a department (区人武部、区总工会负责人, 商务局、住建局), not a
 * person: a place's unit opens it, or it ends with what no given name ends with.
 */
function isDepartmentAt(text: string, at: number, end: number): boolean {
  const last = text.charAt(end - 1);
  if (isDepartmentLastChar(last)) return true;
  return DEPARTMENT_ENDINGS.has(last) && PLACE_UNIT_CHAR.test(text.charAt(at));
}

/** True when a character of `text[from, to)` never stands in a listed name (县, 的, 等 …). */
function hasCharOutOfNames(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (NOT_IN_LIST_TABLE[text.charCodeAt(k)] === 1) return true;
  return false;
}

/** True when a word that follows names or ends a list starts in `text[from, to)`. */
function holdsWordAfterName(text: string, from: number, to: number, m: Matchers): boolean {
  for (let k = from; k < to; k++)
    if (m.afterName.wordAt(text, k) !== undefined || m.listEnd.wordAt(text, k) !== undefined)
      return true;
  return false;
}

/** Conjunctions before the last name of a list (甲、乙及丙), which end a name run (李占鹏及17位). */
const LIST_JOINS: ReadonlySet<string> = new Set(wordsOf('titles', 'listJoins'));
/** Conjunctions before a list's last item (see lastItemJoins). */
const LAST_ITEM_JOINS: ReadonlySet<string> = new Set(wordsOf('titles', 'lastItemJoins'));
/** Longest name read in a list of names. */
const MAX_LIST_NAME = 4;

/**
 * True when `at` opens an item of three characters between a list's 、 and its next separator
 * (郑向阳、方向平、洪淦虎): there the separators say it is a name, though it opens with a word
 * (方向) that never opens one elsewhere, unless it ends as a department does (宣传部).
 */
function isListedThreeCharacterItem(text: string, at: number): boolean {
  return (
    opensThreeCharacterItem(text, at) &&
    LISTED_ITEM_CLOSERS.includes(text.charAt(at + 3)) &&
    !DEPARTMENT_ENDINGS.has(text.charAt(at + 2))
  );
}

/** True when a list's 、 stands before `at` and three ideographs follow it. */
function opensThreeCharacterItem(text: string, at: number): boolean {
  return text.charAt(at - 1) === '、' && hanRunEnd(text, at, at + 3) === at + 3;
}

/**
 * True when the three characters at `at`, after a surname of one character, lie between a list's
 * 、 and the conjunction before its last item (戴征社、郭大为和秘书长文引学): they are a name, though
 * 为 would otherwise end it; not 贺鹏以及 (以及 is the conjunction) or 那顺孟和、 (a Mongolian name
 * ending in 和), nor a department or a place.
 */
function isItemBeforeLastJoin(text: string, at: number): boolean {
  const joined = at + 3;
  return (
    opensThreeCharacterItem(text, at) &&
    LAST_ITEM_JOINS.has(text.charAt(joined)) &&
    hanAt(text, joined + 1) &&
    !LAST_ITEM_JOINS.has(text.slice(joined - 1, joined + 1)) &&
    !LIST_CLOSERS.has(text.charAt(joined - 1)) &&
    !isDepartmentAt(text, at, joined) &&
    !PLACE_UNIT_CHAR.test(text.slice(at + 1, joined))
  );
}

/** What closes an item of a list of names: its separator, a comma or the sentence's end. */
const LISTED_ITEM_CLOSERS = '、,，。；;';

/**
 * End of a run longer than any Chinese name that opens at `at` and is closed by a list's 、 or by
 * a word of two or more characters that ends the list (出席, 参加) after name characters only, or -1.
 */
function closedLongNameEnd(text: string, at: number, m: Matchers): number {
  const e = hanRunEnd(text, at, at + MAX_CLOSED_MINORITY_NAME);
  if (text.charAt(e) === '、') return e;
  for (let k = at + MAX_LIST_NAME + 1; k <= e; k++)
    if ((m.listEnd.wordAt(text, k)?.length ?? 0) >= 2)
      // 谢定敏四位同志担任: a count (四位) stands in no name.
      return bareNameOk(text, at + 1, k) ? k : -1;
  return -1;
}

/**
 * End of one name of a list (甲、乙、丙出席) starting at `at`, or -1. The separators delimit the
 * names, so a name further down a list needs no common surname (尼玛卓玛, 鸟成云); the first one
 * must start with a surname or the beginning of a minority name (次仁达朗). The last name is cut
 * before the word that ends the list.
 */
export function listNameEnd(text: string, at: number, m: Matchers, first = false): number {
  const dotted = dottedNameEnd(text, at, m);
  if (dotted > 0) return dotted;
  if (!hanAt(text, at) || (notNameAt(text, at) && !isListedThreeCharacterItem(text, at))) return -1;
  const minority = minorityNameAt(text, at);
  // 孙建国、斯钦毕力格、: a Mongolian or Tibetan name longer than a Chinese one, closed by a mark.
  if (minority) {
    const e = hanRunEnd(text, at, at + MAX_CLOSED_MINORITY_NAME);
    if (
      e - at > MAX_LIST_NAME &&
      !hanAt(text, e) &&
      e < text.length &&
      LIST_ITEM_ENDS.includes(text.charAt(e))
    )
      return e;
  }
  const sl = surnameLengthAt(text, at);
  // 牛俊雁、祁毕西勒图、于新芳: further down a list, a longer run between two 、 that opens with
  // a surname is a transliterated name, when no character in it stays out of names and no word
  // that follows names (出席, 担任) stands in it.
  // The list's last name may be closed by the word that ends the list instead (王永明、呼格吉乐图出席).
  if (!first && sl > 0 && text.charAt(at - 1) === '、') {
    const e = closedLongNameEnd(text, at, m);
    if (
      e - at > MAX_LIST_NAME &&
      !hasCharOutOfNames(text, at + sl, e) &&
      !holdsWordAfterName(text, at + 2, e, m) &&
      !isDepartmentAt(text, at, e) &&
      !m.headAtEnd.test(text.slice(at, e))
    )
      return e;
  }
  // 平措、次仁央宗: a Tibetan or Mongolian name may open with a character no other listed name
  // holds (次, 其, 那).
  if (sl === 0 && (first ? !minority : NOT_IN_LIST_TABLE[text.charCodeAt(at)] === 1 && !minority))
    return -1;
  // 王　伟: a one-character given name spaced out to the width of three characters.
  const gap = gapAt(text, at + 1);
  if (gap === 1 && sl === 1 && hanAt(text, at + 1 + gap)) {
    const end = at + 2 + gap;
    if (!hanAt(text, end) || m.listEnd.wordAt(text, end) !== undefined) return end;
  }
  if (sl === 1 && isItemBeforeLastJoin(text, at)) return at + 3;
  const runEnd = hanRunEnd(text, at, at + MAX_LIST_NAME + 1);
  const run = runEnd - at;
  let end = -1;
  if (run > 2) {
    // 刘攀担任。: a two-character word that ends a list wins over a longer name.
    // 阮彬等参加: a cut that would take 等 into the name loses to a shorter one.
    const cut = cutBeforeWord(text, at, 2, MAX_LIST_NAME, m.listEnd, m.afterName, (e) =>
      listedNameOk(text, at, sl, e, m),
    );
    const word =
      cut > 0 ? (m.listEnd.wordAt(text, cut) ?? m.afterName.wordAt(text, cut)) : undefined;
    // 财务处副调研员: a word that follows names (调研) but opens a title's head (调研员) ends none.
    const opensHead = word !== undefined && (m.head.wordAt(text, cut)?.length ?? 0) > word.length;
    // A one-character word decides only where the run is longer than any name (李兵及各县、).
    if (
      word !== undefined &&
      !opensHead &&
      (word.length >= 2 || hanAt(text, runEnd) || run > MAX_LIST_NAME)
    )
      end = cut;
  }
  // A whole run between separators is a name whatever its characters (刘会军、), unless it is
  // a word that follows names (代表) or a title (党组成员).
  if (end < 0 && run >= 2 && run <= MAX_LIST_NAME && !hanAt(text, runEnd)) {
    // 主持会议: the longer of the two words decides.
    const wordLength = wordAfterNameLength(text, at, m);
    if (wordLength === run || m.headAtEnd.test(text.slice(at, runEnd))) return -1;
    if (isDepartmentAt(text, at, runEnd)) return -1;
    // 蒙启良等。/ 李占鹏及17位: 等 or 及 closes the list, not the name.
    const last = text.charAt(runEnd - 1);
    // 李自昌和21名委员出席: a conjunction before a count joins a group to the list.
    const joinsCount = LAST_ITEM_JOINS.has(last) && countEnd(text, runEnd) > 0;
    if (run > 2 && (LIST_CLOSERS.has(last) || LIST_JOINS.has(last) || joinsCount))
      return listNameEnd(`${text.slice(at, runEnd - 1)}、`, 0, m, first) === run - 1
        ? runEnd - 1
        : -1;
    // A first name must read as one, or at least have three characters none of them a place
    // unit (郭向荣 passes, 包乡镇 does not).
    const given = text.slice(at + sl, runEnd);
    const plausible =
      givenNameOk(text, at + sl, runEnd) || (run === sl + 2 && !PLACE_UNIT_CHAR.test(given));
    if (first && sl > 0 && !plausible) return -1;
    // 文明创建、三线四边: a list's first name of four characters after a one-character surname is
    // a minority name or none.
    if (first && sl === 1 && run === MAX_LIST_NAME && !minority) return -1;
    return runEnd;
  }
  if (end < 0) return -1;
  // 领导代表应邀出席: a word that follows names (代表) is not itself a name.
  if ((m.afterName.wordAt(text, at)?.length ?? 0) === end - at) return -1;
  return listedNameOk(text, at, sl, end, m) ? end : -1;
}

/**
 * True when no character that never stands in a listed name (等, 的, 其 …) follows the surname of
 * the name `[at, end)`; but 王元其参加 ends a three-character name with such a character when a
 * word of two or more characters follows it (not 等, which closes lists).
 */
function listedNameOk(text: string, at: number, sl: number, end: number, m: Matchers): boolean {
  const after = wordAfterNameLength(text, end, m);
  const lastFree = end - at === 3 && after >= 2 && !LIST_CLOSERS.has(text.charAt(end - 1));
  // 张忠、董其鑫参加: the last item of a list, between its 、 and such a word, is a name whatever
  // its given name's characters.
  if (lastFree && sl === 1 && text.charAt(at - 1) === '、') return true;
  // 李东、索朗次仁出席: a Tibetan or Mongolian name before such a word keeps its own characters (次).
  if (after >= 2 && minorityNameAt(text, at)) return true;
  for (let k = at + Math.max(sl, 1); k < (lastFree ? end - 1 : end); k++)
    if (NOT_IN_LIST_TABLE[text.charCodeAt(k)] === 1) return false;
  return true;
}

/** Longest name that vouches for an unusual item before it in a list (see itemBeforeNameEnd). */
const MAX_VOUCHING_NAME = 3;

/** Commas a site may write in a list of names: right before its 、 (崔波,、郭虎) or instead (甲,乙,丙). */
export const GLUED_COMMAS = ',，';

/**
 * End of an item of two to four characters at `at` that a list's 、 closes and a name with a
 * Chinese surname follows, or -1 (副主席亚古、岳国红; 党组成员张强、是峰、薛红霞): inside such a list
 * the separators, not the characters, say where a name is, so an unusual one still counts.
 */
export function itemBeforeNameEnd(text: string, at: number, m: Matchers): number {
  const end = hanRunEnd(text, at, at + MAX_LIST_NAME + 1);
  const run = end - at;
  if (run < 2 || run > MAX_LIST_NAME || notNameAt(text, at)) return -1;
  const glued = GLUED_COMMAS.includes(text.charAt(end)) ? 1 : 0;
  if (text.charAt(end + glued) !== '、') return -1;
  if (m.afterName.wordAt(text, at) !== undefined || m.head.nextIndex(text, at, end) >= 0) return -1;
  if (isDepartmentAt(text, at, end)) return -1;
  const next = end + glued + 1;
  // 靠前指挥、严阵以待: the name that vouches for the item must be a common one or a dotted one
  // (维色、桑顶·多吉帕姆·德庆曲珍), not a run of four characters that separators alone close.
  if (surnameLengthAt(text, next) === 0) return -1;
  const nextEnd = listNameEnd(text, next, m);
  const vouching = nextEnd - next <= MAX_VOUCHING_NAME || dottedNameEnd(text, next, m) === nextEnd;
  return nextEnd > next && vouching ? end : -1;
}

/**
 * Lists of names after one title (副市长甲、乙、丙出席; 副县长甲,乙,丙): where each further name
 * of a list begins and ends, with the notes and separators sites write between them.
 */
import { surnameLengthAt } from './surnames';
import { hanAt, titleChainStartsAt, titleOpensAt, type Matchers } from './official-titles';
import { gapAt, isNameGap, LIST_ITEM_ENDS } from './official-names';
import { GLUED_COMMAS, itemBeforeNameEnd, listNameEnd } from './listed-names';
import { unitOrganAt } from './place-before';

/** Longest note in brackets after a listed name (丁国华(市人大)、, 乙(蒙古族)、). */
const MAX_NAME_NOTE = 12;

/**
 * End of a short note in brackets at `at` that a name of a list carries (its organ, its
 * nationality, 女) or a title (局长(兼), 副校长(副院长)), or `at` when there is none.
 */
export function nameNoteEnd(text: string, at: number): number {
  const open = text.charAt(at);
  if (open !== '(' && open !== '（') return at;
  for (let k = at + 1; k <= at + MAX_NAME_NOTE && k < text.length; k++) {
    const ch = text.charAt(k);
    if (ch === ')' || ch === '）') return k + 1;
    if (!hanAt(text, k)) return at;
  }
  return at;
}

/**
 * Start of the note in brackets that a name carries and that ends at `end` (冯桃莲(女), 马志武
 * (回族)), or -1: the bracket closes at `end - 1` and a name's last character stands before it.
 */
export function nameNoteStartBefore(text: string, end: number): number {
  const close = text.charAt(end - 1);
  if (close !== ')' && close !== '）') return -1;
  for (let k = end - 2; k >= Math.max(0, end - 2 - MAX_NAME_NOTE); k--) {
    const ch = text.charAt(k);
    if (ch === '(' || ch === '（')
      return hanAt(text, k - 1) && nameNoteEnd(text, k) === end ? k : -1;
    if (!hanAt(text, k)) return -1;
  }
  return -1;
}

/** Longest name read from a list separated by commas, where a clause could also follow. */
const MAX_COMMA_LISTED_NAME = 3;

/**
 * End of a name of two or three characters at `at`, closed by a comma or a mark, or -1; with
 * `surname`, it must open with a Chinese surname. With `last`, a two-character word that follows
 * names may close it too (甲,乙,丙参加会议: the list's last name).
 */
function commaListedNameEnd(
  text: string,
  at: number,
  m: Matchers,
  surname: boolean,
  last: boolean,
): number {
  if (surname && surnameLengthAt(text, at) === 0) return -1;
  const end = listNameEnd(text, at, m);
  const length = end - at;
  if (length < 2 || length > MAX_COMMA_LISTED_NAME) return -1;
  if (hanAt(text, end)) return last && (m.afterName.wordAt(text, end)?.length ?? 0) >= 2 ? end : -1;
  return LIST_ITEM_ENDS.includes(text.charAt(end)) || text.charAt(end) === '。' ? end : -1;
}

/**
 * Whether the comma at `p` goes on a list of names: the first time, a name with a surname and
 * another name, each closed by a comma or a mark, must follow (甲,乙,丙 rather than 甲,强调);
 * once the list is read that way, one name is enough.
 */
function commaContinuesList(text: string, p: number, m: Matchers, inCommaList: boolean): boolean {
  if (!GLUED_COMMAS.includes(text.charAt(p))) return false;
  const first = commaListedNameEnd(text, p + 1, m, !inCommaList, inCommaList);
  if (first < 0) return false;
  // 副县长郭世文,杨帆,县人大副主任李宏芳: a name between a titled name and the next title.
  const after = first + 1;
  return (
    inCommaList ||
    (GLUED_COMMAS.includes(text.charAt(first)) &&
      (commaListedNameEnd(text, after, m, false, true) > 0 || titleChainStartsAt(text, after, m)))
  );
}

/**
 * Reads the names that follow a name at `end` joined by 、 or spaces (和/及 before the last), calling
 * `emit` for each; returns where the list stops.
 */
export function readNameList(
  text: string,
  end: number,
  m: Matchers,
  emit: (start: number, end: number) => void,
): number {
  let p = end;
  let inCommaList = false;
  for (let count = 0; count < 60; count++) {
    const noted = nameNoteEnd(text, p);
    // 丁国华(市人大)、刘若亮, 时立军(女) 曹学成: a note after a name does not end the list; one
    // before no further name does.
    if (noted > p && (text.charAt(noted) === '、' || isNameGap(text.charCodeAt(noted)))) p = noted;
    // 周向阳 、贺金平: a space typed before the 、 goes with it.
    const spaced = gapAt(text, p);
    if (spaced > 0 && text.charAt(p + spaced) === '、') p += spaced;
    // 崔波,、郭虎: some pinyin-glossing sites glue a comma before the 、 of a list.
    const glued = GLUED_COMMAS.includes(text.charAt(p)) && text.charAt(p + 1) === '、' ? 1 : 0;
    const sep = text.charAt(p + glued);
    // 赵刚 钱明: a space also separates the names of a list; some sites use commas.
    if (sep !== '、' && sep !== '和' && sep !== '及' && !isNameGap(text.charCodeAt(p))) {
      if (!commaContinuesList(text, p, m, inCommaList)) break;
      inCommaList = true;
    }
    let q = p + glued + 1;
    // 王坤英、、陈丰: some sites double the separator.
    while (sep === '、' && text.charAt(q) === '、') q++;
    while (q < text.length && isNameGap(text.charCodeAt(q))) q++;
    // 主任周美英、副主任韩凤玲: an item opening with a title starts a new title chain, not a name.
    if (titleOpensAt(text, q, m)) break;
    // 郑学龙及区政府、高新区相关部门: an organ after the names ends them.
    if (unitOrganAt(text, q)) break;
    // 王守荣及干部职工: after 和 or 及 a group may follow, so a name must read as one there.
    let next = listNameEnd(text, q, m, sep === '和' || sep === '及');
    if (next < 0) next = itemBeforeNameEnd(text, q, m);
    if (next < 0) break;
    emit(q, next);
    p = next;
  }
  return p;
}

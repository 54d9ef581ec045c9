/**
 * Enumeration markers that open directive items: 一是/二是, 一要/二要 and 第一，/第二，. A marker
 * counts only in a family that has both a first and a second item.
 */
import { parseNumeral } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { isHan } from './text/normalize';
import { wordsOf } from './lexicons/index';
import type { RawDirective } from './directives';

/** Small Chinese numerals used in enumeration markers. */
const ENUM_NUMERALS = '一二三四五六七八九十';
/** Characters after which an enumeration marker may start. */
const ENUM_BOUNDARY = ' \t\n\u3000,，。；;:：!！?？、';
const ENUM_BOUNDARY_FLAGS = codeUnitFlags(ENUM_BOUNDARY);
const ENUM_NUMERAL_FLAGS = codeUnitFlags(ENUM_NUMERALS);
const NOT_BEFORE_FIRST = codeUnitFlags(wordsOf('directives', 'notBeforeFirstMarker').join(''));

/** True when an enumeration marker may start right after `k` (punctuation, space, start). */
function enumBoundaryAt(text: string, k: number): boolean {
  return k < 0 || ENUM_BOUNDARY_FLAGS[text.charCodeAt(k)] === 1;
}

/**
 * True when the numeral from `start` to `i` is a lone 一 right after its clause's subject
 * (各县区一要, 各单位一是要), not inside a word (统一要求, 之一是): the family keeps a first
 * marker only beside a second one, which must follow a mark.
 */
function firstAfterSubject(text: string, start: number, i: number): boolean {
  if (i !== start + 1 || text.charAt(start) !== '一' || start === 0) return false;
  const c = text.charCodeAt(start - 1);
  return isHan(c) && NOT_BEFORE_FIRST[c] !== 1;
}

/** The enumeration marker (一是, 二要, 第一，) around the 是/要/第 at `i`, with its family. */
export function enumerationAt(
  text: string,
  i: number,
): { family: string; directive: RawDirective } | undefined {
  const ch = text.charAt(i);
  let start: number;
  let end: number;
  if (ch === '第') {
    end = i + 1;
    while (end < text.length && end - i <= 3 && ENUM_NUMERAL_FLAGS[text.charCodeAt(end)] === 1)
      end++;
    if (end === i + 1 || !',，、:：'.includes(text.charAt(end)) || !enumBoundaryAt(text, i - 1))
      return undefined;
    start = i;
  } else {
    start = i;
    while (start > 0 && i - start < 3 && ENUM_NUMERAL_FLAGS[text.charCodeAt(start - 1)] === 1)
      start--;
    if (start === i || !(enumBoundaryAt(text, start - 1) || firstAfterSubject(text, start, i)))
      return undefined;
    end = i + 1;
  }
  const num = ch === '第' ? text.slice(i + 1, end) : text.slice(start, i);
  const count = parseNumeral(num);
  if (count === undefined || count === 0 || count > 30) return undefined;
  return {
    family: ch,
    directive: { start, end, subtype: 'enumeration', normalized: text.slice(start, end), count },
  };
}

/** The markers of every family that has both a first and a second item, in family order. */
export function keepNumberedFamilies(
  families: ReadonlyMap<string, RawDirective[]>,
): RawDirective[] {
  // 一要…二是…三要: speakers mix the 是 and 要 families in one numbering.
  const mixed = [...(families.get('是') ?? []), ...(families.get('要') ?? [])];
  const kept: RawDirective[] = [];
  for (const [family, list] of families) {
    const counted = family === '是' || family === '要' ? mixed : list;
    const counts = new Set(counted.map((d) => d.count));
    if (counts.has(1) && counts.has(2)) kept.push(...list);
  }
  return kept;
}

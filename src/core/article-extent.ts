/**
 * Where a page's article is: where it ends (copyright, related links, editor lines) and which
 * lines are list bullets (related links) rather than prose, so quotations there are no slogans.
 */
import { alternationOf, wordsOf } from './lexicons/index';

/** Lines after which the article is over (copyright, related links, editor lines). */
const ARTICLE_END = new RegExp(
  `^[\\s(（【]*(?:${alternationOf(wordsOf('directives', 'articleEndings'))})`,
  'gm',
);

/**
 * A line of 60 characters or more that holds a full stop is article prose: share bars and
 * datelines are shorter, and a long navigation menu (a paper's list of its sister titles) has none.
 */
const PROSE_LINE_LENGTH = 60;
const PROSE_LINE_RE = new RegExp(`^(?=[^\\n]*。)[^\\n]{${PROSE_LINE_LENGTH},}`, 'm');

/**
 * Where the article proper ends: the first copyright / related-links / editor line past the top
 * and past the first line of prose (a share bar, 分享到, often stands above the article).
 */
export function findArticleEnd(text: string): number {
  const prose = PROSE_LINE_RE.exec(text);
  const from = Math.max(Math.floor(text.length * 0.2), prose ? prose.index + prose[0].length : 0);
  ARTICLE_END.lastIndex = from;
  const m = ARTICLE_END.exec(text);
  return m ? m.index : text.length;
}

/**
 * Ranges of lines that are list bullets (related links), never article prose. A bulleted line of
 * prose (a page laid out as one bulleted list, its article on one line) is no link.
 */
export function bulletLineRanges(text: string, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (let ls = 0; ls < end;) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    let k = ls;
    while (k < le && ' \t\u3000'.includes(text.charAt(k))) k++;
    const bulleted = '-•·▪►'.includes(text.charAt(k)) && /\s/.test(text.charAt(k + 1));
    if (bulleted && !isProseLine(text, ls, le)) out.push([ls, le]);
    ls = le + 1;
  }
  return out;
}

/** True when the line [ls, le) is article prose: long and holding a full stop. */
function isProseLine(text: string, ls: number, le: number): boolean {
  if (le - ls < PROSE_LINE_LENGTH) return false;
  const stop = text.indexOf('。', ls);
  return stop >= 0 && stop < le;
}

/** True when `at` lies on a bullet line (`bullets` sorted and disjoint: binary search). */
export function inBullet(bullets: readonly [number, number][], at: number): boolean {
  let lo = 0;
  let hi = bullets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = bullets[mid] ?? [0, 0];
    if (at < a) hi = mid - 1;
    else if (at >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

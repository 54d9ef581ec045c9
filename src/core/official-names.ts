/**
 * Reading the names of officials: a name after its title (surname and given name, or a
 * transliterated name with dots) and the contexts a name may stand in; the names of a list
 * (甲、乙、丙出席) are read in `listed-names.ts`. Works on normalised (simplified) text.
 */
import { codeUnitFlags } from './text/code-unit-flags';
import { LiteralMatcher } from './text/literal-matcher';
import {
  conjunctionSurnameAt,
  minorityNameAt,
  notNameAt,
  NAME_DOTS,
  NON_NAME_CHARS,
  NOT_IN_LISTED_NAMES,
  RARE_NAME_CHARS,
  RARE_NAME_ENDINGS,
  surnameLengthAt,
  wordAcrossNameStart,
} from './surnames';
import { wordsOf } from './lexicons/index';
import { getMatchers, hanAt, hanRunStart, titleOpensAt, type Matchers } from './official-titles';

const BEFORE_NAME_SET = new Set(wordsOf('titles', 'beforeNameWords'));
/** {@link NON_NAME_CHARS} as a table by code unit (no string per lookup). */
const NON_NAME_TABLE = codeUnitFlags(NON_NAME_CHARS);
/** {@link NOT_IN_LISTED_NAMES} as a table by code unit. */
export const NOT_IN_LIST_TABLE = codeUnitFlags(NOT_IN_LISTED_NAMES);
/** The same, less the characters transliterated names are written with (贾那提别克, 其其格). */
const TRANSLITERATION_CHARS = new Set(wordsOf('surnames', 'transliterationChars'));
const NOT_IN_DOTTED_TABLE = codeUnitFlags(
  [...NOT_IN_LISTED_NAMES].filter((c) => !TRANSLITERATION_CHARS.has(c)),
);

/**
 * True when a name with a surname may end at `end`: punctuation, space, end of text, or a
 * verb/conjunction (what an official did included: 县长王刚发言).
 */
export function rightContextOk(text: string, end: number, m: Matchers): boolean {
  if (!hanAt(text, end)) return true;
  return (
    m.afterName.wordAt(text, end) !== undefined || m.speechAfterName.wordAt(text, end) !== undefined
  );
}

/** True when a name may start at `start`: after punctuation, space, or a verb like 学习. */
export function leftContextOk(text: string, start: number): boolean {
  if (!hanAt(text, start - 1)) return true;
  for (let len = 1; len <= 2; len++) {
    if (BEFORE_NAME_SET.has(text.slice(start - len, start))) return true;
  }
  return false;
}

/**
 * True when `[from, to)` is a given name but for its last character, a rarer ending (王国和,
 * 栗战书): the caller says where such an ending may stand.
 */
export function givenNameWithRareEnding(text: string, from: number, to: number): boolean {
  return RARE_NAME_ENDINGS.has(text.charAt(to - 1)) && givenNameOk(text, from, to - 1);
}

/** True when the characters are a plausible given name. */
export function givenNameOk(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!hanAt(text, k) || NON_NAME_TABLE[text.charCodeAt(k)] === 1) return false;
  }
  return true;
}

/** {@link RARE_NAME_CHARS} as a table by code unit. */
const RARE_NAME_TABLE = codeUnitFlags(RARE_NAME_CHARS);

/**
 * True when a two-character given name at `from` is plausible once its first character may also
 * be one that is mostly a function word (其春, 和平, 曾敏): for a name a following word confirms.
 */
export function rareGivenNameOk(text: string, from: number): boolean {
  const first = text.charCodeAt(from);
  return (
    hanAt(text, from) &&
    (NON_NAME_TABLE[first] !== 1 || RARE_NAME_TABLE[first] === 1) &&
    givenNameOk(text, from + 1, from + 2)
  );
}

/** Spaces that may stand inside a name (王　伟, typeset to the width of three characters) or after a title. */
export function isNameGap(unit: number): boolean {
  return unit === 0x20 || unit === 0x3000 || unit === 0xa0;
}

/** Number of name-gap spaces at `at` (0 when more than two: a column break, not a gap). */
export function gapAt(text: string, at: number): number {
  let k = at;
  while (k < text.length && k - at <= 2 && isNameGap(text.charCodeAt(k))) k++;
  return k - at > 2 ? 0 : k - at;
}

/** The name written from `start` to `end`, typesetting spaces left out, any name dot as `·`. */
export function nameOf(text: string, start: number, end: number): string {
  let name = '';
  for (let k = start; k < end; k++) {
    const ch = text.charAt(k);
    if (NAME_DOTS.includes(ch)) name += '·';
    else if (!isNameGap(text.charCodeAt(k))) name += ch;
  }
  return name;
}

/**
 * Length of the longer word at `at` that ends a list or follows names (0 when none): listEnd
 * also holds one-character heads of longer words (作 of 作报告, 主持 of 主持会议).
 */
export function wordAfterNameLength(text: string, at: number, m: Matchers): number {
  return Math.max(
    m.listEnd.wordAt(text, at)?.length ?? 0,
    m.afterName.wordAt(text, at)?.length ?? 0,
  );
}

/** Words that link a name to the post it is given (选举甲为副县长, 甲为副团长). */
export const LINK_WORDS: ReadonlySet<string> = new Set(wordsOf('titles', 'appointmentLinks'));
/** Longest name part after the last dot of a transliterated name. */
const MAX_NAME_PART = 8;
/** Longest such part when a list's 、 closes it (尕让托布旦拉西降措、). */
const MAX_CLOSED_NAME_PART = 10;

/** End of the run of ideographs from `at`, looking no further than `limit`. */
export function hanRunEnd(text: string, at: number, limit: number): number {
  let e = at;
  while (e < limit && hanAt(text, e)) e++;
  return e;
}

/**
 * End of the shortest prefix of the ideograph run at `at` (2 to `max` characters) that a word
 * of `words` follows, preferring the longest such word (丁和平出席: 出席 beats 和); -1 if none.
 */
export function cutBeforeWord(
  text: string,
  at: number,
  min: number,
  max: number,
  words: LiteralMatcher,
  more?: LiteralMatcher,
  nameOk: (end: number) => boolean = () => true,
): number {
  let best = -1;
  let bestLen = 0;
  for (let k = min; k <= max && hanAt(text, at + k - 1); k++) {
    if (!hanAt(text, at + k)) return best >= 0 ? best : at + k;
    const w = words.wordAt(text, at + k) ?? more?.wordAt(text, at + k);
    if (w !== undefined && w.length > bestLen && nameOk(at + k)) {
      best = at + k;
      bestLen = w.length;
    }
  }
  return best;
}

/** End of a transliterated name with dots at `at` (买买提·艾力, 郭莽仓·罗藏宗哲嘉措), or -1. */
export function dottedNameEnd(text: string, at: number, m: Matchers): number {
  // 主席候选人亚森·图尔荪: a title's head opens no name.
  if (m.head.wordAt(text, at) !== undefined) return -1;
  let p = at;
  let parts = 0;
  for (;;) {
    const s = p;
    p = hanRunEnd(text, s, s + MAX_NAME_PART);
    if (p === s) return -1;
    // 达扎·尕让托布旦拉西降措、: a longer part when a list's separator closes it.
    const closed = hanRunEnd(text, p, s + MAX_CLOSED_NAME_PART + 1);
    if (closed > p && closed - s <= MAX_CLOSED_NAME_PART && text.charAt(closed) === '、')
      p = closed;
    // 常委会副主任郭莽仓·…: a part that holds a function or organisation character is no name.
    // 主席团常务主席雷·额尔德尼: nor does one that holds a title's head (the name follows it).
    if (parts === 0)
      for (let k = s; k < p; k++)
        if (
          NOT_IN_DOTTED_TABLE[text.charCodeAt(k)] === 1 ||
          (k > s && m.head.wordAt(text, k) !== undefined)
        )
          return -1;
    parts++;
    // 肖开提 · 依明: some sites set the dot between spaces.
    let q = isNameGap(text.charCodeAt(p)) ? p + 1 : p;
    if (!NAME_DOTS.includes(text.charAt(q))) break;
    q++;
    if (isNameGap(text.charCodeAt(q))) q++;
    if (!hanAt(text, q)) break;
    p = q;
  }
  if (parts < 2) return -1;
  // The last part may run into the next word (吐尼亚孜出席, 格列朗杰委托): cut it before a word
  // that follows names, unless the part ends the run and no two-character word stands inside it.
  const lastStart = hanRunStart(text, p);
  const cut = cutBeforeWord(text, lastStart, 1, MAX_NAME_PART, m.listEnd, m.afterName);
  // 格列朗杰的委托: a character never inside a name ends the last part where it stands, unless
  // a word that follows names comes first (阿不都满金主持会议).
  // 加尔木哈买提就: a one-character word (提) right before that character is the name's own end.
  for (let k = lastStart + 1; k < p; k++) {
    if (NOT_IN_DOTTED_TABLE[text.charCodeAt(k)] !== 1) continue;
    const nameOwnsWord = cut === k - 1 && wordAfterNameLength(text, cut, m) === 1;
    return cut > lastStart && cut <= k && !nameOwnsWord ? cut : k;
  }
  if (!hanAt(text, p)) {
    // 居马拜作报告: the longer of the two words decides.
    const wordLength = cut > lastStart && cut < p ? wordAfterNameLength(text, cut, m) : 0;
    return wordLength >= 2 ? cut : p;
  }
  // 赛力克·哈布肯为代表团副团长: the link before the post is no part of the name.
  if (cut > lastStart + 1 && LINK_WORDS.has(text.charAt(cut - 1))) return cut - 1;
  return cut > lastStart ? cut : -1;
}

/** Longest minority name written without a surname or dots (巴根那, 尼玛卓玛). */
const MAX_MINORITY_NAME = 4;
/** Longest such name when punctuation closes it (宝音满都呼,). */
export const MAX_CLOSED_MINORITY_NAME = 6;

/**
 * End of a Mongolian, Tibetan … name with no surname at `at` (旗政协主席巴根那主持), or -1: it must
 * open as such names do and be closed by punctuation or a two-character word that follows names.
 */
function minorityAfterTitleEnd(text: string, at: number, m: Matchers): number {
  if (!minorityNameAt(text, at)) return -1;
  // Shortest first: such names hold characters that are words elsewhere (巴根那), so only the
  // word after the name can say where it ends.
  // A one-character word (作, 在) closes the name only when no two-character one does within
  // reach (索朗仁增作关于…): such words also stand inside names (阿旺向巴主持).
  let singleClosed = -1;
  for (let end = at + 2; end <= at + MAX_MINORITY_NAME && hanAt(text, end - 1); end++) {
    const after = m.afterName.wordAt(text, end)?.length ?? 0;
    if (!hanAt(text, end) || after >= 2) return end;
    if (after === 1 && singleClosed < 0) singleClosed = end;
  }
  if (singleClosed > 0) return singleClosed;
  // 宝音满都呼, / 宝音满都呼主持: a longer one when punctuation or a verb that closes bare names
  // (主持, 出席) follows.
  for (let end = at + MAX_MINORITY_NAME + 1; end <= at + MAX_CLOSED_MINORITY_NAME; end++) {
    if (!hanAt(text, end - 1)) return -1;
    if (!hanAt(text, end) || VERBS_AFTER_BARE_NAMES.wordAt(text, end) !== undefined) return end;
  }
  return -1;
}

const VERBS_AFTER_BARE_NAMES = new LiteralMatcher(wordsOf('titles', 'verbsAfterBareNames'));
const ADVERBS_BEFORE_VERBS = new LiteralMatcher(wordsOf('titles', 'adverbsBeforeVerbs'));

/**
 * End of a name with neither a Chinese surname nor a known minority opening right after a title
 * (自治区主席布小林主持, 副主任旦科主持), or -1: two to four name characters, no head or word that
 * follows names among them, then one of the verbs that close such names.
 */
export function bareNameBeforeVerbEnd(text: string, at: number, m: Matchers): number {
  if (
    m.afterName.wordAt(text, at) !== undefined ||
    ADVERBS_BEFORE_VERBS.wordAt(text, at) !== undefined ||
    notNameAt(text, at)
  )
    return -1;
  for (let end = at + 1; end <= at + MAX_MINORITY_NAME; end++) {
    if (m.head.wordAt(text, end - 1) !== undefined || !bareNameOk(text, at, end, false)) return -1;
    const closed = VERBS_AFTER_BARE_NAMES.wordAt(text, end) !== undefined;
    if (end - at >= 2 && closed && bareNameOk(text, at, end)) return end;
  }
  return -1;
}

/**
 * True when `text[from, to)` may be a name with no Chinese surname. A transliterated name may hold
 * 其 or 日 after its first character (木其热, 宝日夫), but one that does is taken only at three
 * characters or more, so that 同日主持 stays a date; with `whole` false, only whether the
 * characters may stand in such a name, whatever its length.
 */
export function bareNameOk(text: string, from: number, to: number, whole = true): boolean {
  let transliterated = false;
  for (let k = from; k < to; k++) {
    const own = k > from && TRANSLITERATION_CHARS.has(text.charAt(k));
    if (!own && !givenNameOk(text, k, k + 1)) return false;
    transliterated ||= own;
  }
  return !whole || !transliterated || to - from >= 3;
}

/** Separators after which a rarer last character of a name is read as part of it (王国和、). */
export const LIST_ITEM_ENDS = '、,，';

/** End of a name starting at `at` (surname + 1–2 characters, then a fitting context), or -1. */
export function matchNameAt(text: string, at: number, m: Matchers = getMatchers([], [])): number {
  const dotted = dottedNameEnd(text, at, m);
  if (dotted > 0) return dotted;
  if (notNameAt(text, at) || wordAcrossNameStart(text, at)) return -1;
  const sl = surnameLengthAt(text, at);
  if (sl === 0) return minorityAfterTitleEnd(text, at, m);
  const long = at + sl + 2;
  const short = at + sl + 1;
  // 书记由团长担任: a given name is never a title's head.
  const longOk =
    long <= text.length &&
    givenNameOk(text, at + sl, long) &&
    m.head.wordAt(text, at + sl)?.length !== 2;
  const shortOk = short <= text.length && givenNameOk(text, at + sl, short);
  if (longOk && rightContextOk(text, long, m)) {
    // 张浩陪同: a one-character word after a longer name loses to a longer word after a shorter one.
    const shortWord = shortOk && hanAt(text, short) ? m.afterName.wordAt(text, short) : undefined;
    const longWord = hanAt(text, long) ? m.afterName.wordAt(text, long) : undefined;
    const preferShort =
      shortWord !== undefined && longWord !== undefined && longWord.length < shortWord.length;
    return preferShort ? short : long;
  }
  // 王国和、马国强 / 陈大为等 / 云公和主持: a rarer last character, where no conjunction or link
  // could stand: before a separator, 等 or 同志 (姜有为同志), and (not 为, which links a post:
  // 邹广为代表团团长) before a verb that follows names.
  if (
    long < text.length &&
    givenNameWithRareEnding(text, at + sl, long) &&
    (LIST_ITEM_ENDS.includes(text.charAt(long)) ||
      LIST_CLOSERS.has(text.charAt(long)) ||
      text.startsWith(COMRADE, long) ||
      ((m.afterName.wordAt(text, long)?.length ?? 0) >= 2 &&
        !LINK_WORDS.has(text.charAt(long - 1)) &&
        !titleOpensAt(text, long, m)))
  )
    return long;
  // 朱栋会同志, 杨里同志: 同志 right after a surname and one or two characters closes a name,
  // whatever those characters are most of the time.
  for (const end of [long, short])
    if (
      end < text.length &&
      text.startsWith(COMRADE, end) &&
      hanRunEnd(text, at, end) === end &&
      !conjunctionSurnameAt(text, at) &&
      !LIST_CLOSERS.has(text.charAt(end - 1))
    )
      return end;
  if (shortOk && rightContextOk(text, short, m)) return short;
  // 陈其春主持: a rarer first character of the given name, when a word that follows names (not a
  // head: 李书记) closes the three characters.
  if (
    long <= text.length &&
    hanAt(text, long) &&
    rareGivenNameOk(text, at + sl) &&
    rightContextOk(text, long, m) &&
    !m.headAtEnd.test(text.slice(at, long))
  ) {
    // 刘向以及: as for common names, a longer word after the shorter name wins (以及 over 及).
    const shortWord = m.afterName.wordAt(text, short)?.length ?? 0;
    return shortWord > (m.afterName.wordAt(text, long)?.length ?? 0) ? short : long;
  }
  // 宋在军主持, 陈之常主持: a function word's character in the middle of a given name, when one of
  // the verbs that close names follows straight after.
  if (
    sl === 1 &&
    long < text.length &&
    hanAt(text, at + 1) &&
    m.head.wordAt(text, at + 1) === undefined &&
    m.afterName.wordAt(text, at + 1) === undefined &&
    givenNameOk(text, at + 2, long) &&
    VERBS_AFTER_BARE_NAMES.wordAt(text, long) !== undefined
  )
    return long;
  // 王　伟: a one-character given name spaced out to the width of a three-character name.
  const gap = sl === 1 ? gapAt(text, at + 1) : 0;
  if (gap > 0) {
    const end = at + 1 + gap + 1;
    if (end <= text.length && givenNameOk(text, end - 1, end) && rightContextOk(text, end, m))
      return end;
  }
  // 巴根那: 巴 is also a surname, but the name reads only as a Mongolian one.
  return minorityAfterTitleEnd(text, at, m);
}

/** 同志 after a name (甲同志当选, 免去乙同志的…职务). */
export const COMRADE = '同志';
/** Words that close a list of names (甲、乙、丙等): 等. */
export const LIST_CLOSERS: ReadonlySet<string> = new Set(wordsOf('titles', 'listBeforeLeaders'));

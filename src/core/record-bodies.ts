/**
 * How a meeting record's body is read from a mention: the organ before a hold cue (县委召开… → 县委),
 * a name without its meeting words (县委常委会会议 → 县委常委会) and a body tidied as a researcher
 * files it (2018年第二次主席团会 → 主席团).
 */
import { alternationOf, mapOf, wordsOf } from './lexicons/index';
import { BODY_LEAD_WORDS, PLACE_LEAD, leadsIntoBody, pastDayRest } from './meeting-bodies';
import { longestFirst, startsWithAny, wordAt, recordWords as words } from './record-text';
import { isHan } from './text/normalize';

/** Endings of a body that still say 'meeting' (党组会 → 党组), from the lexicon. */
export const BODY_TRIMS = mapOf('records', 'bodyTrims');
const BODY_LEADS = longestFirst('holdCues').concat(BODY_LEAD_WORDS);
const BODY_NOISE = longestFirst('bodyNoise');
const LEVEL_CHARS = new Set(words('levelChars'));
const WORDS_OPENING_WITH_LEVEL = words('wordsOpeningWithLevel');
/**
 * A year, an ordinal, a term, a clock time or a chronicle's day opening a body (2018年第二次主席团会,
 * 第29次区委常委会, 第一、二次全体会议, 十三届…, 3:00大会, 4月11日 贵州省…联席会, • 县政协常委会), with the spaces and
 * bullets before it, or a column's tag (【雪堰镇】雪堰镇人大主席团会).
 */
export const NUMBER_LEAD_RE =
  /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年度?|第?[\d〇零一二三四五六七八九十百]+(?:[、，,和及至—-]第?[\d〇零一二三四五六七八九十百]+)*[次届]|第[\d〇零一二三四五六七八九十百]+|\d{1,2}[:：]\d{2}|(?:\d{1,2}月)?\d{1,2}[日号](?:[—～~-]\d{1,2}[日号])?\s*|【[^】\n]{1,10}】\s*|[•·\-\s△▲■□◆●★☆|、]+)/;

/** How a subject that convenes ends: a body's name or a jurisdiction (县委, 市政府, 平西街道). */
const SUBJECT_END = new RegExp(
  `(?:${alternationOf([...wordsOf('meetings', 'bodyEndings'), ...words('subjectEndings')])})$`,
);

/** Words before a hold cue that name no one who convenes (我市, 全县, 村两委干部). */
const NOT_SUBJECTS = new Set(words('notSubjects'));
const NOT_SUBJECT_OPENINGS = words('notSubjectOpenings');
const NOT_SUBJECT_ENDINGS = words('notSubjectEndings');

/** Words between a convener and its verb (盐东镇专门召开, 园区工委组织召开, 市委近日召开). */
const CONVENER_ADVERBS = [...wordsOf('detection', 'convenerAdverbs')].sort(
  (a, b) => b.length - a.length,
);

/** The body that ends right before `cue` (县委召开常委会会议 → 县委), when the clause names one. */
export function subjectBefore(text: string, cue: number): string {
  let s = cue;
  while (s > 0 && cue - s < 30 && isHan(text.charCodeAt(s - 1))) s--;
  // 5日国务院召开: the rest of a date written in digits opens the run.
  return subjectIn(text.slice(pastDayRest(text, s, cue), cue));
}

/** Where the convener before `end` ends, the adverbs between it and its verb read past (专门召开). */
export function pastConvenerAdverbs(text: string, end: number): number {
  let e = end;
  for (let w = adverbEndingAt(text, e); w; w = adverbEndingAt(text, e)) e -= w.length;
  return e;
}

/** The body that convenes with a hold cue, its adverbs read past (盐东镇专门召开 → 盐东镇). */
export function convenerBefore(text: string, cue: number): string {
  return subjectBefore(text, pastConvenerAdverbs(text, cue));
}

/** The adverb of {@link CONVENER_ADVERBS} that ends at `end`, if any. */
const adverbEndingAt = (text: string, end: number): string | undefined =>
  CONVENER_ADVERBS.find((w) => text.endsWith(w, end));

/** The subject that ends `whole`, after the last word that leads into one. */
function subjectIn(whole: string): string {
  let at = 0;
  for (;;) {
    const run = whole.slice(at);
    const lead = BODY_LEADS.map((w) => ({ w, at: run.lastIndexOf(w) }))
      .filter(
        (x) =>
          x.at >= 0 &&
          x.at + x.w.length < run.length &&
          leadsIntoBody(x.w, run.slice(x.at + x.w.length)),
      )
      .sort((a, b) => b.at + b.w.length - (a.at + a.w.length))[0];
    if (!lead) break;
    // 临高县委在金牌经济开发区会议室召开: the subject stands before where it met.
    if (lead.w === PLACE_LEAD) return subjectIn(whole.slice(0, at + lead.at));
    at += lead.at + lead.w.length;
  }
  const run = whole.slice(at);
  if (NOT_SUBJECTS.has(run) || startsWithAny(run, 0, NOT_SUBJECT_OPENINGS)) return '';
  return SUBJECT_END.test(run) && !NOT_SUBJECT_ENDINGS.some((w) => run.endsWith(w)) ? run : '';
}

const GENERIC_BODIES = new Set(words('genericBodies'));

/**
 * True when a body says a meeting was held but not whose, once the words it opens with are gone
 * (会议, 大会; 本次会议 and 此次大会 are the meeting just reported).
 */
export function isGenericBody(body: string): boolean {
  let b = body.trim();
  for (let noise = wordAt(b, 0, BODY_NOISE); noise; noise = wordAt(b, 0, BODY_NOISE))
    b = b.slice(noise.length);
  return GENERIC_BODIES.has(b);
}

/**
 * A body as a researcher files it: without words or numbers it opens with (此次, 的, 2018年, 第29次,
 * 十三届) and with the organ for a name that still says 'meeting' (市政府党组会 → 市政府党组).
 */
export function tidyBody(body: string): string {
  let b = body;
  for (let again = true; again;) {
    again = false;
    const noise = BODY_NOISE.find((w) => b.startsWith(w) && b.length > w.length + 1);
    const num = NUMBER_LEAD_RE.exec(b)?.[0];
    const lead = noise ?? (num && b.length > num.length + 1 ? num : undefined);
    if (lead) {
      b = b.slice(lead.length);
      again = true;
    }
  }
  // 县十五届县委常委会 without its term: 县县委常委会.
  if (
    LEVEL_CHARS.has(b.charAt(0)) &&
    b.charAt(1) === b.charAt(0) &&
    !WORDS_OPENING_WITH_LEVEL.some((w) => b.startsWith(w, 1))
  )
    b = b.slice(1);
  // A bare 党组会 trims too (党组), so that it matches the 县政协党组 a headline names.
  const trim = Object.keys(BODY_TRIMS).find((w) => b.endsWith(w));
  return trim ? b.slice(0, -trim.length) + (BODY_TRIMS[trim] ?? '') : b;
}

/** A meeting's name without its meeting words: 县委常委会会议 → 县委常委会, 视频会议 → 视频会. */
export function bodyOfName(name: string): string {
  let b = name.replace(/[(（]?扩大[)）]?/g, '').replace(/^了/, '');
  if (/会会议$/.test(b)) b = b.slice(0, -2);
  else if (/常委会议$/.test(b)) b = `${b.slice(0, -2)}会`;
  else if (/会议$/.test(b)) b = b.slice(0, -1);
  return b;
}

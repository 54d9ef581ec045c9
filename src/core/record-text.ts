/**
 * Text helpers the meeting-records pass shares between its parts: where a sentence or clause
 * starts, whether reported speech has opened, and the records word lists of `lexicons/records.json`.
 */
import { wordsOf } from './lexicons/index';

/** The words of list `list` in `lexicons/records.json`. */
export const recordWords = (list: string): readonly string[] => wordsOf('records', list);

/** The words of a records list, longest first (so the longest word is tried first). */
export const longestFirst = (list: string): string[] =>
  [...recordWords(list)].sort((a, b) => b.length - a.length);

const REPORTED = longestFirst('reportedSpeech');

const SENTENCE_END_CHARS = '。！？!?\n';
/** Punctuation that ends a clause (and so a meeting's name or a person's part in it). */
export const CLAUSE_END = /[。！？!?\n；;，,：:]/;
const CLAUSE_END_CHARS = '。！？!?\n；;，,：:';

/** 1 at the code units of `chars` (a table read per character in the backward scans below). */
function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)] = 1;
  return table;
}
// Code-unit tables, not a RegExp test of a one-character string per step: these scans run for
// every cue of a long page, and each charAt of an ideograph allocates a string.
const SENTENCE_END_CODES = codeTable(SENTENCE_END_CHARS);
const CLAUSE_END_CODES = codeTable(CLAUSE_END_CHARS);
/** What `/[\s\u3000]/` matches (`\s` as ECMAScript defines it). */
const SPACE_CODES = codeTable(
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
);

/**
 * What may open a lead before its date, whole: nothing, or a dateline (天津北方网讯:,
 * 本报讯 (通讯员甲), 东北网鸡西2月25日讯).
 */
export const DATELINE_RE =
  /^[\s\u3000]*(?:[\u4e00-\u9fff\d月日]{0,20}[讯电][\s\u3000]*(?:[(（][^()（）]{0,24}[)）])?[\s\u3000]*[:：]?[\s\u3000]*)?$/;

/** True when the character at `i` ends a sentence. */
export const isSentenceEnd = (text: string, i: number): boolean =>
  SENTENCE_END_CODES[text.charCodeAt(i)] === 1;

/** Start of the sentence holding `i`, or `floor` when the sentence starts before it. */
export function sentenceStart(text: string, i: number, floor = 0): number {
  let s = i;
  while (s > floor && SENTENCE_END_CODES[text.charCodeAt(s - 1)] !== 1) s--;
  return s;
}

/** True when the colon at `at` is a clock's (8:30), which ends no clause. */
const isClockColon = (text: string, at: number): boolean =>
  /\d/.test(text.charAt(at - 1)) && /\d/.test(text.charAt(at + 1));

/** End of the clause holding `i`: its punctuation, or the text's end. */
export function clauseEnd(text: string, i: number): number {
  let k = i;
  while (k < text.length && !CLAUSE_END.test(text.charAt(k))) k++;
  return k;
}

/** Start of the clause holding `i` (its leading spaces skipped). */
export function clauseStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && (CLAUSE_END_CODES[text.charCodeAt(s - 1)] !== 1 || isClockColon(text, s - 1)))
    s--;
  return pastSpaces(text, s, i);
}

/** The first position from `from` (before `to`) that holds no space. */
export function pastSpaces(text: string, from: number, to: number): number {
  let s = from;
  while (s < to && SPACE_CODES[text.charCodeAt(s)] === 1) s++;
  return s;
}

/** True when the sentence holding `i` has opened reported speech before `i` (会议指出, 强调). */
export function inReportedSpeech(text: string, i: number): boolean {
  const before = text.slice(sentenceStart(text, i), i);
  return REPORTED.some((w) => before.includes(w));
}

const RELAY_CUES = longestFirst('relayCues');
const RELAY_ENDS = recordWords('relayEnds');

/** Longest relayed item read past a cue (a speech's occasion and title, up to its 精神). */
const MAX_RELAYED_TAIL = 120;

/**
 * True when `i` stands inside an item a meeting relayed: a relay cue opens it earlier in the
 * clause and its ending word closes it later (会议传达学习了总书记在合肥主持召开…座谈会重要讲话精神),
 * so a meeting named in between was held elsewhere. A name that the relay words open and no ending
 * closes (长安镇学习贯彻《…》宣讲会举行) is the meeting's own.
 */
export function inRelayedItem(text: string, i: number): boolean {
  const end = relayedTailEnd(text, i);
  const clause = text.slice(relayedListStart(text, i, end), i);
  let opened = -1;
  for (const w of RELAY_CUES) {
    const at = clause.lastIndexOf(w);
    if (at >= 0) opened = Math.max(opened, at + w.length);
  }
  if (opened < 0) return false;
  const item = clause.slice(pastListItems(clause, opened, RELAY_ENDS, RELAYED_ITEM_JOINS));
  if (RELAY_ENDS.some((w) => item.includes(w))) return false;
  const tail = text.slice(i, end);
  return RELAY_ENDS.some((w) => tail.includes(w));
}

/** Where the clause holding `i` ends, read no further than a relayed item's longest tail. */
function relayedTailEnd(text: string, i: number): number {
  let end = i;
  while (
    end < text.length &&
    end - i < MAX_RELAYED_TAIL &&
    CLAUSE_END_CODES[text.charCodeAt(end)] !== 1
  )
    end++;
  return end;
}

/** Words joining two items of a list (甲的报告和乙的说明; 讲话精神、…). */
export const ITEM_JOINS = longestFirst('relayItemJoins');
/** Relayed items are joined by commas too (…重要讲话精神，…会议精神). */
const RELAYED_ITEM_JOINS = [...ITEM_JOINS, '，', ','];
const RELAY_NOUN_ENDS = recordWords('relayNounEnds');

/**
 * Where the list of relayed items holding `i` (its clause ending at `end`) may open: its
 * clause's start, or, when that clause ends as a relayed item does (…精神), an earlier clause's
 * whose clauses end so too (…重要讲话精神，4月20日…主持召开…会议精神: the list goes on past the comma).
 */
function relayedListStart(text: string, i: number, end: number): number {
  let start = clauseStart(text, i);
  if (!RELAY_NOUN_ENDS.some((w) => text.endsWith(w, end))) return start;
  for (let k = 0; k < MAX_RELAYED_CLAUSES && start > 1; k++) {
    const sep = text.charAt(start - 1);
    if ((sep !== '，' && sep !== ',') || !RELAY_ENDS.some((w) => text.endsWith(w, start - 1)))
      break;
    start = clauseStart(text, start - 1);
  }
  return start;
}

/** Clauses of relayed items read back over (…精神，…精神，…精神). */
const MAX_RELAYED_CLAUSES = 4;

/**
 * Where the last item of a list after `from` in `s` begins: past every earlier item closed by
 * one of `endings` and one of `joins` (…考察时的重要讲话精神、习近平总书记主持召开…; 甲所作《…》和乙…).
 */
export function pastListItems(
  s: string,
  from: number,
  endings: readonly string[],
  joins: readonly string[],
): number {
  let past = from;
  for (const ending of endings)
    for (let at = s.indexOf(ending, from); at >= 0; at = s.indexOf(ending, at + 1)) {
      const after = at + ending.length;
      const join = joins.find((w) => s.startsWith(w, after));
      if (join) past = Math.max(past, after + join.length);
    }
  return past;
}

/** The first of `list` that starts at `at` (longest first when the list is), or ''. */
export const wordAt = (text: string, at: number, list: readonly string[]): string =>
  list.find((w) => text.startsWith(w, at)) ?? '';

/** Whether the words of a cue at `cue`, ending at `after`, report a meeting held. */
export type HeldAt = (cue: number, after: number) => boolean;

/** True when one of `list` starts at `at`. */
export const startsWithAny = (text: string, at: number, list: readonly string[]): boolean =>
  list.some((w) => text.startsWith(w, at));

/** True when one of `list` ends right before `at`. */
export const endsWithAny = (text: string, at: number, list: readonly string[]): boolean =>
  list.some((w) => at >= w.length && text.startsWith(w, at - w.length));

/**
 * Nouns that open with a hold or chair cue (会议主持人汪洋主持会议, 主持词): they report no meeting and
 * name no chair.
 */
export const HOLD_CUE_NOUNS = recordWords('holdCueNouns');

/** Words opening what a meeting heard, whose speakers follow (听取了, 审议了). */
export const HEARD_LEADS = recordWords('heardSpeakerLeads');
/** The two characters the heard leads open with (听取, 审议). */
const HEARD_LEAD_OPENINGS = [...new Set(HEARD_LEADS.map((w) => w.slice(0, 2)))];

/** False when `s` holds no heard lead (the cheap test before looking for each of them). */
export const mayHoldHeardLead = (s: string): boolean =>
  HEARD_LEAD_OPENINGS.some((w) => s.includes(w));

/** Longest span of a mention the other passes report (a title chain with its name). */
export const LONGEST_SPAN = 160;

/** Index of the first item (sorted by start) that may still reach past `at`. */
export function firstEndingAfter(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { start: number }).start >= at - LONGEST_SPAN) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A meeting held that no hold cue names (a study session, a session whose groups deliberate, a
 * meeting that decided): where the words reporting it are, its span, its body, whether enlarged.
 */
export interface CuelessMeeting {
  cue: number;
  start: number;
  end: number;
  body: string;
  expanded: boolean;
}

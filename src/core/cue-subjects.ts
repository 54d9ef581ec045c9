/**
 * Who the clause before a chair's or a speaker's cue names: the official or the bare name that
 * ends it, and the words that may stand between (由, 听取了, 受…委托, 主持会议并). The words are those
 * of `lexicons/records.json`.
 */
import { wordsOf } from './lexicons/index';
import type { RawOfficial } from './officials';
import { COMRADE, LIST_CLOSERS } from './official-names';
import {
  CLAUSE_END,
  clauseStart,
  firstEndingAfter,
  longestFirst,
  HEARD_LEADS,
  ITEM_JOINS,
  LONGEST_SPAN,
  mayHoldHeardLead,
  pastListItems,
  recordWords as words,
  sentenceStart,
  startsWithAny,
} from './record-text';
import { notNameAt, surnameLengthAt } from './surnames';
import { isHan } from './text/normalize';
import { pastConvenerAdverbs } from './record-bodies';

const SPEAKER_LEAD_INS = longestFirst('speakerLeadIns');
const NOT_BARE_SPEAKERS = new Set(words('notBareSpeakers'));
/** Heads of titles: after a surname they call an official by post (周书记, 武主任), not by name. */
const TITLE_HEADS = new Set(wordsOf('titles', 'heads'));
const ON_BEHALF = words('onBehalfWords');
const COMMISSION_OPENINGS = words('commissionOpenings');
const COMMISSION_CLOSINGS = words('commissionClosings');
const CONTINUATIONS = words('subjectContinuations');
const HOLD_CUES = words('holdCues');
/** What may open a clause before its subject: when (6月23日, 上午9时). */
const WHEN_ONLY_RE = /^[\d〇零一二三四五六七八九十年月日号上下午晚早时分点半:：\s]*$/;
/** Where a convener met, between the name and the cue (在镇政府会议室召开). */
const PLACE_WORD = '在';
const BY_WORDS = words('chairByWords');
/** What after a speaker cue makes it no speech (讲话的, 会议精神). */
export const NOT_AFTER_SPEAKER = longestFirst('notAfterSpeakerCue');

/** Characters a title's place may take between 由 and the title (由该镇党委书记…). */
const AFTER_BY_REACH = 3;

/** True when `lead`, the clause before a mention, ends with 由 and at most a few characters. */
export function afterByWord(lead: string): boolean {
  return BY_WORDS.some((w) => {
    const i = lead.lastIndexOf(w);
    return i >= 0 && lead.length - i - w.length <= AFTER_BY_REACH;
  });
}

/**
 * Where the speaker's clause ends when a cue opens its own clause after one saying who
 * commissioned the speech (王正伟受自治区人民政府的委托，向大会作…报告): at that clause's 受; or
 * after one saying whom the speaker spoke for (…代表…常务委员会，向大会报告工作): at its 代表.
 */
export function commissionedSubjectEnd(text: string, cs: number): number | undefined {
  if (cs < 2) return undefined;
  const pcs = clauseStart(text, cs - 1);
  const clause = text.slice(pcs, cs - 1).trimEnd();
  if (!COMMISSION_CLOSINGS.some((w) => clause.endsWith(w))) return behalfSubjectEnd(clause, pcs);
  const open = Math.max(...COMMISSION_OPENINGS.map((w) => clause.lastIndexOf(w)));
  return open > 0 ? pcs + open : undefined;
}

/** Longest organ a speaker speaks for (中国人民政治协商会议第十二届安徽省委员会常务委员会). */
const BEHALF_ORGAN_REACH = 30;
/** Characters of an organ a title leaves out before a speaker (议案审查委员会主任甲). */
const LEFT_ORGAN_REACH = 16;

/** True when `s`, of at most `reach` ideographs, ends as an organ's name does (委员会, 厅, 局 …). */
function isOrganName(s: string, reach: number): boolean {
  return (
    s.length <= reach && /^[\u4e00-\u9fff]+$/.test(s) && ORGAN_ENDINGS.some((e) => s.endsWith(e))
  );
}

/**
 * Where the speaker's name ends in a clause saying whom they speak for, when that clause ends
 * with the organ (邵文松代表政协江阴市第十六届委员会常务委员会，向大会作工作报告): at its 代表.
 */
function behalfSubjectEnd(clause: string, pcs: number): number | undefined {
  for (const w of ON_BEHALF) {
    const at = clause.lastIndexOf(w);
    if (at > 0 && isOrganName(clause.slice(at + w.length), BEHALF_ORGAN_REACH)) return pcs + at;
  }
  return undefined;
}

/**
 * The official who opens the clause before the one from `cs` when that clause goes on with the
 * same subject (罗松多吉主持会议，并就…提出要求; 姬兆亮主持会议，他表示).
 */
export function continuedSubject(
  officials: readonly RawOfficial[],
  text: string,
  cs: number,
): RawOfficial | undefined {
  if (cs < 2 || !startsWithAny(text, cs, CONTINUATIONS)) return undefined;
  const pcs = clauseStart(text, cs - 1);
  for (let i = firstEndingAfter(officials, pcs); i < officials.length; i++) {
    const o = officials[i] as RawOfficial;
    if (o.start > pcs + 1) break;
    if (o.start >= pcs && o.nameEnd < cs - 1) return o;
  }
  return undefined;
}

/**
 * The official who convened the meeting whose hold cue stands at `cue` (市委副书记徐宏源组织召开;
 * 镇党委书记肖福城在镇政府会议室召开): the clause's subject, with only adverbs and where it met
 * between the name and the cue.
 */
export function convenerOfficial(
  officials: readonly RawOfficial[],
  text: string,
  cue: number,
): RawOfficial | undefined {
  // 甲在…会议上强调: whoever speaks at a meeting did not convene it.
  if (!startsWithAny(text, cue, HOLD_CUES)) return undefined;
  const cs = clauseStart(text, cue);
  let end = pastConvenerAdverbs(text, cue);
  // Searched within the clause only (a search back through the text would make long pages quadratic).
  const place = text.slice(cs, end).lastIndexOf(PLACE_WORD);
  if (place > 0) end = pastConvenerAdverbs(text, cs + place);
  for (let i = firstEndingAfter(officials, cs); i < officials.length; i++) {
    const o = officials[i] as RawOfficial;
    if (o.start >= end) break;
    if (o.nameEnd === end && o.start >= cs && WHEN_ONLY_RE.test(text.slice(cs, o.start))) return o;
  }
  return undefined;
}

/** Characters between a speaker's name and the cue. */
const SPEAKER_REACH = 40;

const LEVEL_CHARS = words('levelChars').join('');
/** A jurisdiction's name alone (茂名市, 电白区): it may stand before a speaker's titles. */
const PLACE_NAME_RE = new RegExp(`^[\\u4e00-\\u9fff]{1,6}[${LEVEL_CHARS}]$`);
export const isPlaceName = (s: string): boolean => PLACE_NAME_RE.test(s);

/** The official whose name ends nearest before `at` in the clause, with nothing but `gap` between. */
export function officialBefore(
  officials: readonly RawOfficial[],
  text: string,
  at: number,
  gap: (between: string) => boolean,
): RawOfficial | undefined {
  const cs = Math.max(clauseStart(text, at), at - SPEAKER_REACH - LONGEST_SPAN);
  let best: RawOfficial | undefined;
  for (let i = firstEndingAfter(officials, cs); i < officials.length; i++) {
    const o = officials[i] as RawOfficial;
    if (o.start > at) break;
    if (o.nameEnd > at || o.nameStart < cs || at - o.nameEnd > SPEAKER_REACH) continue;
    if (!best || o.nameEnd > best.nameEnd) best = o;
  }
  return best && gap(text.slice(best.nameEnd, at)) ? best : undefined;
}

/**
 * A bare name (2–3 characters, a surname first) that makes up the whole clause before `at` (or
 * its last phrase after a space), or all of it but what the person did first (崔波出席会议并讲话)
 * or whom they spoke for (金之镇同志代表自治州人民政府作报告).
 */
export function bareNameBefore(text: string, at: number): string | undefined {
  const cs = clauseStart(text, at);
  const leadIn = SPEAKER_LEAD_INS.find((w) => text.startsWith(w, at - w.length)) ?? '';
  const before = at - leadIn.length;
  const behalf = firstWordStart(text, cs, before, ON_BEHALF);
  // 吴新欣同志作…报告, 金之镇同志代表…: 同志 closes the name.
  const end = text.startsWith(COMRADE, behalf - COMRADE.length) ? behalf - COMRADE.length : behalf;
  // 大会听取了吴新欣同志作的报告: what was heard opens the clause before the name.
  const heard = heardLeadEnd(text, cs, end);
  // 王启尧出席闭幕大会 郝宏军主持会议并讲话: a headline's phrases stand apart by spaces.
  const name =
    text
      .slice(heard, end)
      .trim()
      .split(/[\s\u3000]+/)
      .pop() ?? '';
  if (name.length < 2 || name.length > 3 || ![...name].every((c) => isHan(c.charCodeAt(0))))
    return undefined;
  // 全面部署, 明确要求: a common word that opens with a surname is no name.
  if (surnameLengthAt(name, 0) === 0 || notNameAt(name, 0) || NOT_BARE_SPEAKERS.has(name))
    return undefined;
  // 平岗镇做了经验介绍: a town that reported is no person (金之镇同志 is one).
  if (end === behalf && isPlaceName(name)) return undefined;
  // 周书记作了讲话: the post, not the name, of someone the report names elsewhere or not at all.
  if (TITLE_HEADS.has(name.slice(surnameLengthAt(name, 0)))) return undefined;
  // 王伟的讲话: a name with its 的 is the owner of what follows, not one who spoke; 王琦等同志作报告:
  // a list's 等 closes no name.
  return name.endsWith('的') || LIST_CLOSERS.has(name.slice(-1)) ? undefined : name;
}

/** Where the last heard lead (听取了, 审议了) in `s` ends, or -1 when it holds none. */
function lastHeardLeadEnd(s: string): number {
  if (!mayHoldHeardLead(s)) return -1;
  let end = -1;
  for (const w of HEARD_LEADS) {
    const at = s.lastIndexOf(w);
    if (at >= 0 && at + w.length > end) end = at + w.length;
  }
  return end;
}

/** Where the last heard lead (听取了, 审议了) between `from` and `to` ends, or `from`. */
export function heardLeadEnd(text: string, from: number, to: number): number {
  return from + Math.max(0, lastHeardLeadEnd(text.slice(from, to)));
}

/** How an organ's name ends (委员会, 厅, 局 …). */
const ORGAN_ENDINGS = [
  ...wordsOf('titles', 'departmentEndings'),
  ...wordsOf('meetings', 'bodyEndings'),
];
/**
 * True when `s` is the organ of a title that the title's mention leaves out (议案审查委员会 before
 * 主任何维君; 苏州国家历史文化名城保护区党工委 before 副书记、…区长沈志栋).
 */
export function isLeftOrgan(s: string): boolean {
  return isOrganName(s, LEFT_ORGAN_REACH);
}

/** How an item heard ends: its document's title, or what it was delivered as (…的报告). */
const HEARD_ITEM_ENDINGS = ['》', ...words('heardTopicClosings')];

/**
 * True when `lead` ends with what was heard, or with that and the organ of the speaker's title
 * that the title leaves out (会议听取了议案审查委员会 before 主任何维君所作的报告).
 */
export function afterHeardLead(lead: string): boolean {
  // The organ after the last lead ends every longer stretch after an earlier one.
  const end = lastHeardLeadEnd(lead);
  if (end < 0) return false;
  // 听取了甲所作《政府工作报告》和 before 镇人大主席乙所作的…: each item's speaker was heard too.
  const organ = lead.slice(pastListItems(lead, end, HEARD_ITEM_ENDINGS, ITEM_JOINS));
  return organ === '' || isLeftOrgan(organ);
}

/** A planned word and a heard lead together (将审议, 拟听取): an agenda to come. */
const PLANNED_HEARINGS = words('plannedHearingWords').flatMap((p) => HEARD_LEADS.map((w) => p + w));

/** Farthest back an agenda's plan is looked for (a page without full stops is one sentence). */
const PLANNED_REACH = 600;

/** True when the sentence holding `i` plans a hearing before `i` (会议将审议甲关于…的报告). */
export function inPlannedHearing(text: string, i: number): boolean {
  const before = text.slice(sentenceStart(text, i, Math.max(0, i - PLANNED_REACH)), i);
  return PLANNED_HEARINGS.some((w) => before.includes(w));
}

/** Characters a frame (作…报告) may span from its opening. */
const FRAME_REACH = 42;
const FRAME_CLOSINGS = longestFirst('speakerFrameClosings');

/**
 * True when a frame opened at `at` and closed too soon at `end` (作关于人事安排的) closes again
 * further on in its clause, with nothing after that close that makes it no speech (的说明).
 */
export function closesLater(text: string, at: number, end: number): boolean {
  for (let k = end; k < at + FRAME_REACH && k < text.length; k++) {
    if (CLAUSE_END.test(text.charAt(k))) return false;
    const w = FRAME_CLOSINGS.find((c) => text.startsWith(c, k));
    if (w && !startsWithAny(text, k + w.length, NOT_AFTER_SPEAKER)) return true;
  }
  return false;
}

/**
 * Start of the first of `words` inside the clause `[cs, end)`, past its first character (a list
 * of speakers closed by 分别, a name before 代表), or `end` when none stands there.
 */
export function firstWordStart(
  text: string,
  cs: number,
  end: number,
  words: readonly string[],
): number {
  const clause = text.slice(cs, end);
  let first = end;
  for (const w of words) {
    const i = clause.indexOf(w);
    if (i > 0 && cs + i < first) first = cs + i;
  }
  return first;
}

/**
 * Finds numbered meetings: 第115次会议, 第二十五、二十六次专题会议, 召开108次常委会会议,
 * 十二届县委常委会第57次会议, 市委四届八次全会. Works on normalised text (normalised offsets).
 */
import { CHINESE_NUMERAL_CHARS, NUMERAL_PATTERN, parseNumeral } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { isHan, STEP_UNITS } from './text/normalize';

/** A meeting reference in normalised offsets. */
export interface RawMeeting {
  start: number;
  end: number;
  ordinals: number[];
  term?: number;
  body?: string;
  meetingType?: string;
}

/** Kinds of meeting, longest first; the generic 会议/会 give no type. */
const MEETING_TYPES = [
  '常委会会议',
  '全体会议',
  '常务会议',
  '专题会议',
  '扩大会议',
  '主任会议',
  '主席会议',
  '联席会议',
  '党组会议',
  '党员代表大会',
  '代表大会',
  '党代会',
  '人代会',
  '党员大会',
  '常委会议',
  '专题会',
  '常委会',
  '常务会',
  '全会',
  '例会',
  '会议',
  '会',
];
const GENERIC_TYPES = new Set(['会议', '会']);
/** Short forms spelled out, so every page reports the same type. */
const TYPE_ALIASES: Record<string, string> = {
  专题会: '专题会议',
  常务会: '常务会议',
  常委会议: '常委会会议',
};

const NUM = NUMERAL_PATTERN;
const SEP = '[、,，和及至到—-]';
const MEETING_RE = new RegExp(
  `(?:第?(${NUM})届([\\u4e00-\\u9fff]{0,12}?))?(第)?(${NUM}(?:${SEP}第?${NUM})*)次([^\\s\\d的了在是到来去我你他她，,。；;：:、！？“”"（）()]{0,8}?)(${MEETING_TYPES.join('|')})`,
  'g',
);
/** The same pattern tried at one position only (the candidate starts worked out from a 次). */
const MEETING_AT = new RegExp(MEETING_RE.source, 'y');
/** Characters a meeting reference can span before its 次 (term, body and numerals). */
const LOOKBEHIND = 40;
/** Characters between a term's 届 and the ordinals (the body the term belongs to, then 第). */
const TERM_REACH = 14;

/** Code units of numerals (Arabic and Chinese). */
const NUMERAL_UNITS = codeUnitFlags(`0123456789${CHINESE_NUMERAL_CHARS}`);
/** Code units an ordinal list is made of: numerals, separators and 第. */
const LIST_UNITS = codeUnitFlags(`0123456789${CHINESE_NUMERAL_CHARS}、,，和及至到—-第`);

/**
 * The meeting reference around the 次 at `ci`, starting at or after `from`. Tries only where one
 * can start (a term's numeral before 届, then each place in the ordinal list before 次), so the
 * pattern runs at a few positions instead of across a window.
 */
function meetingAround(text: string, ci: number, from: number): RegExpExecArray | undefined {
  // Every reference has a numeral right before its 次 (这次, 再次, 层次 have none).
  if (NUMERAL_UNITS[text.charCodeAt(ci - 1)] !== 1) return undefined;
  const floor = Math.max(from, ci - LOOKBEHIND);
  let listStart = ci - 1;
  while (listStart > floor && LIST_UNITS[text.charCodeAt(listStart - 1)] === 1) listStart--;
  const starts: number[] = [];
  let term = listStart - 1;
  while (term > floor && listStart - term <= TERM_REACH && text.charAt(term) !== '届') term--;
  if (
    term >= floor &&
    text.charAt(term) === '届' &&
    NUMERAL_UNITS[text.charCodeAt(term - 1)] === 1
  ) {
    let t = term - 1;
    while (t > floor && NUMERAL_UNITS[text.charCodeAt(t - 1)] === 1) t--;
    if (t > floor && text.charAt(t - 1) === '第') t--;
    starts.push(t);
  }
  for (let p = listStart; p < ci; p++) starts.push(p);
  for (const at of starts) {
    MEETING_AT.lastIndex = at;
    const m = MEETING_AT.exec(text);
    if (m && at + m[0].length > ci) return m;
  }
  return undefined;
}

/** Words after which a meeting's body begins (主持召开市委…, 学习贯彻省委…). */
const BODY_LEAD =
  /(?:主持召开|召开|举行|主持|参加|出席|列席|学习|贯彻|传达|落实|审议|通过|研究|听取|精神|根据|按照|了|暨|在|和|与|及|是|为|由|对|将|把|等)/g;

/** How the name of a body that meets ends (市委, 常委会, 市政府, 领导小组, 指挥部, 联防联控机制, 市). */
const BODY_END = /(?:委|会|府|组|部|院|办|协|大|局|厅|班|室|机制|中心|[省市县区州盟旗乡镇])$/;

/** A year standing between the body and the number (市纪委常委会召开2023年第15次会议). */
const YEAR_BEFORE = /(?:\d{4}|[〇零一二三四五六七八九]{4})年度?\s*$/;

/** The body (who meets) in the run of ideographs ending at `end`. */
function bodyBefore(text: string, end: number): { start: number; body: string } | undefined {
  const year = YEAR_BEFORE.exec(text.slice(Math.max(0, end - 12), end));
  if (year) end -= year[0].length;
  let s = end;
  while (s > 0 && end - s < 40 && isHan(text.charCodeAt(s - 1))) s--;
  const run = text.slice(s, end);
  let cut = 0;
  let lead = '';
  BODY_LEAD.lastIndex = 0;
  for (let m = BODY_LEAD.exec(run); m; m = BODY_LEAD.exec(run)) {
    cut = m.index + m[0].length;
    lead = m[0];
  }
  let body = run.slice(cut);
  let start = s + cut;
  if (body.length === 0 && (lead === '召开' || lead === '举行')) {
    // 县政府召开第31次常务会议: the subject before 召开 is the body.
    const before = run.slice(0, cut - lead.length);
    let c2 = 0;
    BODY_LEAD.lastIndex = 0;
    for (let m = BODY_LEAD.exec(before); m; m = BODY_LEAD.exec(before)) c2 = m.index + m[0].length;
    body = before.slice(c2);
    start = s + c2;
  }
  if (body.length === 0 || body.length > 30 || !BODY_END.test(body)) return undefined;
  return { start, body };
}

/** Splits `二十五、二十六` / `三至五` into ordinals (ranges expanded when short). */
export function parseOrdinalList(list: string): number[] | undefined {
  const out: number[] = [];
  const parts = list.split(/([、,，和及至到—-])/);
  let range = false;
  for (const part of parts) {
    if (/^[至到—-]$/.test(part)) {
      range = true;
      continue;
    }
    if (/^[、,，和及]$/.test(part)) continue;
    const v = parseNumeral(part.replace(/^第/, ''));
    if (v === undefined) return undefined;
    const prev = out[out.length - 1];
    if (range && prev !== undefined && v > prev && v - prev <= 20) {
      for (let k = prev + 1; k <= v; k++) out.push(k);
    } else out.push(v);
    range = false;
  }
  return out.length > 0 ? out : undefined;
}

/** Finds numbered meetings in normalised text. */
export function* findMeetings(text: string): Generator<undefined, RawMeeting[]> {
  const out: RawMeeting[] = [];
  let nextYield = STEP_UNITS;
  let lastEnd = 0;
  // Every meeting reference has a 次: look only around those, not at every character.
  for (let ci = text.indexOf('次'); ci >= 0; ci = text.indexOf('次', ci + 1)) {
    if (ci >= nextYield) {
      nextYield = ci + STEP_UNITS;
      yield;
    }
    if (ci < lastEnd) continue;
    const m = meetingAround(text, ci, lastEnd);
    if (!m) continue;
    const [whole, termText, termBody, di, list = '', , typeWord = ''] = m;
    const ordinals = parseOrdinalList(list);
    if (!ordinals || ordinals.some((o) => o <= 0 || o > 100000)) continue;
    const term = termText !== undefined ? parseNumeral(termText) : undefined;
    const before = bodyBefore(text, m.index);
    let body = termBody || before?.body;
    if (termBody && before) body = `${before.body}${termBody}`;
    const hasTerm = term !== undefined;
    if (!di && !hasTerm) {
      // Without 第 or 届 a number of times is only an ordinal right after 召开 or a body.
      const lead = text.slice(Math.max(0, m.index - 2), m.index);
      const bodyLike = before && /[委会组府院部协大办]$/.test(before.body);
      if (lead !== '召开' && !bodyLike) continue;
      if (m[5]) continue;
    }
    const start = before && (body === before.body || termBody) ? before.start : m.index;
    const meetingType = GENERIC_TYPES.has(typeWord)
      ? undefined
      : (TYPE_ALIASES[typeWord] ?? typeWord);
    lastEnd = m.index + whole.length;
    out.push({
      start,
      end: m.index + whole.length,
      ordinals,
      ...(term !== undefined ? { term } : {}),
      ...(body ? { body } : {}),
      ...(meetingType ? { meetingType } : {}),
    });
  }
  return out;
}

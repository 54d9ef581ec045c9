/**
 * Meeting minutes for the meeting-records pass: a meeting's name on a line of its own (海淀区第十五届
 * 人大常委会第64次主任会议纪要) over labelled fields (时 间：…, 出 席：甲、乙, 主持人：甲). No hold cue
 * names such a meeting, yet minutes are kept of meetings held. The labels are those of
 * `lexicons/records.json`.
 */
import type { RawMeeting } from './meeting-numbers';
import { bodyOfName, tidyBody } from './record-bodies';
import { type CuelessMeeting, recordWords as words } from './record-text';

/** What a labelled field gives: the chair, those present, the day, or nothing of a record's. */
export type FieldKind = 'chair' | 'attendees' | 'date' | 'other';

/** One labelled field: its kind, where its line starts, and where its value runs. */
export interface LabelledField {
  kind: FieldKind;
  lineStart: number;
  valueStart: number;
  valueEnd: number;
}

const KINDS = new Map<string, FieldKind>([
  ...words('minutesChairLabels').map((w): [string, FieldKind] => [w, 'chair']),
  ...words('minutesAttendeeLabels').map((w): [string, FieldKind] => [w, 'attendees']),
  ...words('minutesDateLabels').map((w): [string, FieldKind] => [w, 'date']),
  ...words('minutesOtherLabels').map((w): [string, FieldKind] => [w, 'other']),
]);
const TITLE_ENDINGS = words('minutesTitleEndings');
/** Characters a label may take before its colon, its inner spaces and a list marker included. */
const LABEL_REACH = 14;
/** Characters of a field's value read at most (a list of those present runs long). */
const VALUE_REACH = 1500;
/** A list marker before a label (1、, 二、, (三), ④). */
const MARKER_RE =
  /^(?:[0-9一二三四五六七八九十]{1,3}[、.．]|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[①-⑳])/;
const SPACES_RE = /[\s\u3000]+/g;
/** Lines above a block of fields within which its title is looked for. */
const TITLE_LINES = 3;
/** A line longer than this is prose, not a title. */
const TITLE_MAX = 60;
/** Punctuation no title holds. */
const NOT_IN_TITLE_RE = /[。，,；;！？!?：:]/;

/** Start of the line holding `i`. */
const lineStartOf = (text: string, i: number): number => text.lastIndexOf('\n', i - 1) + 1;

/** End of the line holding `i` (its line break, or the text's end). */
function lineEndOf(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}

/** The field whose label ends at the colon at `colon`, when the label opens its line. */
function fieldAt(text: string, colon: number): LabelledField | undefined {
  // Only the label's reach is looked through: a page may run long without a line break.
  let lineStart = colon;
  while (lineStart > 0 && text.charAt(lineStart - 1) !== '\n') {
    if (colon - lineStart >= LABEL_REACH) return undefined;
    lineStart--;
  }
  const lead = text.slice(lineStart, colon).replace(SPACES_RE, '');
  const label = lead.slice(MARKER_RE.exec(lead)?.[0].length ?? 0);
  const kind = KINDS.get(label);
  if (!kind) return undefined;
  const valueEnd = Math.min(lineEndOf(text, colon), colon + 1 + VALUE_REACH);
  return { kind, lineStart, valueStart: colon + 1, valueEnd };
}

/** The labelled fields of `text`, in text order. */
export function findLabelledFields(text: string): LabelledField[] {
  const out: LabelledField[] = [];
  for (const colon of ['：', ':'])
    for (let at = text.indexOf(colon); at >= 0; at = text.indexOf(colon, at + 1)) {
      const field = fieldAt(text, at);
      if (field) out.push(field);
    }
  return out.sort((a, b) => a.valueStart - b.valueStart);
}

/** The fields of the sorted `fields` whose colons stand in `[from, to)`. */
export function fieldsIn(
  fields: readonly LabelledField[],
  from: number,
  to: number,
): LabelledField[] {
  let lo = 0;
  for (let hi = fields.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if ((fields[mid] as LabelledField).valueStart <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: LabelledField[] = [];
  for (let i = lo; i < fields.length && (fields[i] as LabelledField).valueStart <= to; i++)
    out.push(fields[i] as LabelledField);
  return out;
}

/** The runs of fields on lines with nothing but blank lines between them. */
function blocksOf(text: string, fields: readonly LabelledField[]): LabelledField[][] {
  const blocks: LabelledField[][] = [];
  let block: LabelledField[] = [];
  for (const f of fields) {
    const last = block[block.length - 1];
    if (last && text.slice(last.valueEnd, f.lineStart).trim() !== '') {
      blocks.push(block);
      block = [];
    }
    block.push(f);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/**
 * The span of a meeting's name that is the whole of the line `[start, end)` (its spaces aside),
 * after the words of a minutes title are cut off, or undefined when the line names no meeting.
 */
function titleName(
  text: string,
  start: number,
  end: number,
  meetings: readonly RawMeeting[],
): [number, number] | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s\u3000]/.test(text.charAt(s))) s++;
  while (e > s && /[\s\u3000]/.test(text.charAt(e - 1))) e--;
  const ending = TITLE_ENDINGS.find((w) => text.endsWith(w, e));
  if (ending) e -= ending.length;
  const line = text.slice(s, e);
  if (line.length < 4 || line.length > TITLE_MAX || NOT_IN_TITLE_RE.test(line)) return undefined;
  if (line.endsWith('会') || line.endsWith('会议')) return [s, e];
  return meetings.some((m) => m.end === e && m.start >= s) ? [s, e] : undefined;
}

/** The meeting named by a title among the few lines above `lineStart`, if any. */
function titleAbove(
  text: string,
  lineStart: number,
  meetings: readonly RawMeeting[],
): [number, number] | undefined {
  let end = lineStart - 1;
  for (let n = 0; n < TITLE_LINES && end > 0;) {
    const start = lineStartOf(text, end);
    if (text.slice(start, end).trim() !== '') {
      if (end - start > TITLE_MAX * 2) return undefined;
      const name = titleName(text, start, end, meetings);
      if (name) return name;
      n++;
    }
    end = start - 1;
  }
  return undefined;
}

/** A meeting of minutes: the cueless mention, and where the day it was held is written. */
export interface MinutesMeeting extends CuelessMeeting {
  dateAt?: readonly [number, number];
}

/**
 * Meetings whose minutes the page gives: a title naming a meeting over a block of at least two
 * labelled fields (`findLabelledFields` of the page), in text order. The block's first line is the
 * cue; its people are read with the stretch.
 */
export function findMinutes(
  text: string,
  meetings: readonly RawMeeting[],
  fields: readonly LabelledField[],
): MinutesMeeting[] {
  const out: MinutesMeeting[] = [];
  for (const block of blocksOf(text, fields)) {
    if (block.length < 2) continue;
    const first = block[0] as LabelledField;
    const title = titleAbove(text, first.lineStart, meetings);
    if (!title) continue;
    const [start, end] = title;
    const numbered = meetings.find((m) => m.start >= start && m.end === end);
    const name = text.slice(start, end);
    const day = block.find((f) => f.kind === 'date');
    out.push({
      cue: first.lineStart,
      start,
      end,
      body: tidyBody(numbered?.body ?? bodyOfName(name)),
      expanded: name.includes('扩大') || numbered?.expanded === true,
      ...(day ? { dateAt: [day.valueStart, day.valueEnd] as const } : {}),
    });
  }
  return out;
}

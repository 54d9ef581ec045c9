/**
 * The layout of a meeting series' timeline: dates across, ordinals up, one mark per meeting, and
 * the ordinals missing between the meetings seen (the gaps a researcher still has to find).
 * Plain numbers for an SVG drawn by the library; no DOM here.
 */
import type { SeriesMeeting } from './indexes';

/** Size of the drawing and room for the axes' labels. */
export interface TimelineFrame {
  width: number;
  height: number;
  /** Left margin (ordinal labels), bottom margin (date labels), top and right padding. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

/** One mark: a meeting at its date and first ordinal. */
export interface TimelineMark {
  /** Index into the series' meetings. */
  index: number;
  x: number;
  y: number;
  date: string;
  term: number | null;
  ordinals: number[];
  /** `第26次`, with the term when the series has several. */
  ordinalText: string;
  /** `第26次 · 2020-03-25` (views write the date in the reader's language). */
  label: string;
}

/** Ordinals missing between two meetings seen of one term (`from`–`to`, inclusive). */
export interface TimelineGap {
  term: number | null;
  from: number;
  to: number;
  /** The band's top and bottom on the ordinal axis. */
  y1: number;
  y2: number;
}

/** One axis tick. */
export interface TimelineTick {
  at: number;
  label: string;
}

/** Everything the SVG draws. */
export interface TimelineLayout {
  frame: TimelineFrame;
  /** Marks in time order (date, then ordinal): the order arrow keys move in. */
  marks: TimelineMark[];
  gaps: TimelineGap[];
  dateTicks: TimelineTick[];
  ordinalTicks: TimelineTick[];
}

/** The frame the library draws in. */
export const DEFAULT_FRAME: TimelineFrame = {
  width: 720,
  height: 300,
  left: 56,
  bottom: 36,
  top: 12,
  right: 24,
};

const DAY = 86_400_000;

/** Days since 1970 of a `YYYY-MM-DD` date. */
function dayNumber(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** A tick step of 1, 2 or 5 × 10ⁿ giving at most `most` ticks over `span`. */
function niceStep(span: number, most: number): number {
  const rough = Math.max(1, span / most);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? rough;
}

/** `第26次`, `第25、26次`, with `第3届` first when asked. */
function ordinalText(m: SeriesMeeting, withTerm: boolean): string {
  const term = withTerm && m.term !== null ? `第${m.term}届 ` : '';
  return `${term}第${m.ordinals.join('、')}次`;
}

/** The ordinals missing between the ordinals seen, per term. */
export function ordinalGapsOf(
  meetings: readonly Pick<SeriesMeeting, 'term' | 'ordinals'>[],
): Array<{ term: number | null; from: number; to: number }> {
  const byTerm = new Map<number | null, Set<number>>();
  for (const m of meetings) {
    const seen = byTerm.get(m.term) ?? new Set<number>();
    for (const o of m.ordinals) seen.add(o);
    byTerm.set(m.term, seen);
  }
  const gaps: Array<{ term: number | null; from: number; to: number }> = [];
  const terms = [...byTerm.keys()].sort((a, b) => (a ?? 0) - (b ?? 0));
  for (const term of terms) {
    const ordinals = [...(byTerm.get(term) ?? [])].sort((a, b) => a - b);
    for (let i = 1; i < ordinals.length; i++) {
      const prev = ordinals[i - 1] as number;
      const next = ordinals[i] as number;
      if (next - prev > 1) gaps.push({ term, from: prev + 1, to: next - 1 });
    }
  }
  return gaps;
}

/** Lays out a series' meetings in `frame`. An empty series gives no marks and no ticks. */
export function layoutSeriesTimeline(
  meetings: readonly SeriesMeeting[],
  frame: TimelineFrame = DEFAULT_FRAME,
): TimelineLayout {
  if (meetings.length === 0) {
    return { frame, marks: [], gaps: [], dateTicks: [], ordinalTicks: [] };
  }
  const days = meetings.map((m) => dayNumber(m.date));
  const ordinals = meetings.flatMap((m) => m.ordinals);
  // A lone date or ordinal is given room on both sides, so its mark sits mid-axis.
  let d0 = Math.min(...days);
  let d1 = Math.max(...days);
  if (d1 - d0 < 2) [d0, d1] = [d0 - 15, d1 + 15];
  const o0 = Math.min(...ordinals) - 1;
  const o1 = Math.max(...ordinals) + 1;
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const xOf = (day: number) => frame.left + ((day - d0) / (d1 - d0)) * plotW;
  const yOf = (ordinal: number) => frame.top + (1 - (ordinal - o0) / (o1 - o0)) * plotH;
  const manyTerms = new Set(meetings.map((m) => m.term)).size > 1;

  const marks = meetings
    .map((m, index) => ({
      index,
      x: xOf(dayNumber(m.date)),
      y: yOf(m.ordinals[0] as number),
      date: m.date,
      term: m.term,
      ordinals: [...m.ordinals],
      ordinalText: ordinalText(m, manyTerms),
      label: `${ordinalText(m, manyTerms)} · ${m.date}`,
    }))
    .sort((a, b) => a.x - b.x || (a.ordinals[0] as number) - (b.ordinals[0] as number));

  const gaps = ordinalGapsOf(meetings).map((g) => ({
    ...g,
    y1: yOf(g.to + 0.5),
    y2: yOf(g.from - 0.5),
  }));

  const oStep = niceStep(o1 - o0, 6);
  const ordinalTicks: TimelineTick[] = [];
  for (let o = Math.ceil(o0 / oStep) * oStep; o <= o1; o += oStep) {
    if (o > 0) ordinalTicks.push({ at: yOf(o), label: String(o) });
  }
  const dStep = (d1 - d0) / 4;
  const dateTicks: TimelineTick[] = [0, 1, 2, 3, 4].map((i) => {
    const day = Math.round(d0 + i * dStep);
    return { at: xOf(day), label: dateOfDay(day) };
  });
  return { frame, marks, gaps, dateTicks, ordinalTicks };
}

/**
 * The mark a key moves to from mark `at` of `count` (marks in time order): arrows step, stopping
 * at the ends; Home and End jump. Null for any other key.
 */
export function markAfterKey(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowDown') return Math.min(count - 1, at + 1);
  if (key === 'ArrowLeft' || key === 'ArrowUp') return Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

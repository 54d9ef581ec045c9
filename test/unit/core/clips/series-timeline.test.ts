import { describe, expect, it } from 'vitest';
import type { SeriesMeeting } from '../../../../src/core/clips/indexes';
import {
  DEFAULT_FRAME,
  layoutSeriesTimeline,
  markAfterKey,
  ordinalGapsOf,
} from '../../../../src/core/clips/series-timeline';

const held = (ordinals: number[], date: string, term: number | null = null): SeriesMeeting => ({
  key: `k/${ordinals.join('+')}/${date}`,
  name: `第${ordinals.join('、')}次`,
  term,
  ordinals,
  date,
  dateHeld: true,
  sightings: [],
});

describe('ordinalGapsOf', () => {
  it('finds the ordinals missing between those seen, per term', () => {
    expect(
      ordinalGapsOf([held([24], 'x'), held([25, 26], 'x'), held([30], 'x'), held([32], 'x')]),
    ).toEqual([
      { term: null, from: 27, to: 29 },
      { term: null, from: 31, to: 31 },
    ]);
    expect(ordinalGapsOf([held([1], 'x', 14), held([9], 'x', 13), held([3], 'x', 14)])).toEqual([
      { term: 14, from: 2, to: 2 },
    ]);
  });
});

describe('layoutSeriesTimeline', () => {
  const meetings = [held([30], '2020-06-01'), held([24], '2020-03-01'), held([26], '2020-03-25')];
  const layout = layoutSeriesTimeline(meetings);
  const { frame } = layout;

  it('puts marks in time order, later dates right and higher ordinals up', () => {
    expect(layout.marks.map((m) => m.ordinals[0])).toEqual([24, 26, 30]);
    expect(layout.marks.map((m) => m.index)).toEqual([1, 2, 0]);
    const [a, b, c] = layout.marks;
    expect(a!.x).toBeCloseTo(frame.left);
    expect(c!.x).toBeCloseTo(frame.width - frame.right);
    expect(a!.x < b!.x && b!.x < c!.x).toBe(true);
    expect(a!.y > b!.y && b!.y > c!.y).toBe(true);
    for (const m of layout.marks) {
      expect(m.y).toBeGreaterThan(frame.top);
      expect(m.y).toBeLessThan(frame.height - frame.bottom);
    }
    expect(b!.label).toBe('第26次 · 2020-03-25');
  });

  it('draws each gap as a band between the marks around it', () => {
    expect(layout.gaps.map((g) => [g.from, g.to])).toEqual([
      [25, 25],
      [27, 29],
    ]);
    const [, b, c] = layout.marks;
    const gap = layout.gaps[1]!;
    expect(gap.y1).toBeGreaterThan(c!.y);
    expect(gap.y2).toBeLessThan(b!.y);
  });

  it('ticks dates from first to last and ordinals inside the axis', () => {
    expect(layout.dateTicks[0]!.label).toBe('2020-03-01');
    expect(layout.dateTicks.at(-1)!.label).toBe('2020-06-01');
    expect(layout.ordinalTicks.map((t) => t.label)).toEqual(['24', '26', '28', '30']);
  });

  it('centres a single meeting and names the term when a series has several', () => {
    const one = layoutSeriesTimeline([held([5], '2021-01-01')]);
    expect(one.marks[0]!.x).toBeCloseTo(
      DEFAULT_FRAME.left + (DEFAULT_FRAME.width - DEFAULT_FRAME.left - DEFAULT_FRAME.right) / 2,
    );
    const terms = layoutSeriesTimeline([held([9], '2021-01-01', 13), held([1], '2022-01-01', 14)]);
    expect(terms.marks.map((m) => m.label)).toEqual([
      '第13届 第9次 · 2021-01-01',
      '第14届 第1次 · 2022-01-01',
    ]);
    expect(layoutSeriesTimeline([]).marks).toEqual([]);
  });
});

describe('markAfterKey', () => {
  it('moves between timeline marks with arrows, Home and End, stopping at the ends', () => {
    expect(markAfterKey('ArrowRight', 1, 3)).toBe(2);
    expect(markAfterKey('ArrowDown', 2, 3)).toBe(2);
    expect(markAfterKey('ArrowLeft', 1, 3)).toBe(0);
    expect(markAfterKey('ArrowUp', 0, 3)).toBe(0);
    expect(markAfterKey('Home', 2, 3)).toBe(0);
    expect(markAfterKey('End', 0, 3)).toBe(2);
    expect(markAfterKey('Enter', 1, 3)).toBeNull();
  });
});

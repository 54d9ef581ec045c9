// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type {
  DirectiveEntity,
  Entity,
  MeetingEntity,
  OfficialEntity,
} from '../../../src/core/types';
import { pageHasChineseText } from '../../../src/content/chinese-check';
import { isPageTextMutation, watchPageText } from '../../../src/content/dynamic-content';
import { createEntityDigest, summarizeEntities } from '../../../src/content/panel/entity-summary';
import {
  highlightColour,
  highlightCss,
  inkHighlightName,
  isDarkPage,
  shadeHighlightName,
} from '../../../src/content/highlight-palette';
import { entityAtOffset } from '../../../src/content/hover-card';
import { joinWindows, linesAround, mergeEditedEntities } from '../../../src/content/incremental';
import { UI_MARKER_ATTRIBUTE } from '../../../src/dom/page-text';
import { drainSliced, forEachSliced } from '../../../src/dom/scheduling';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const base = { simplified: '', text: '' };
const off = (start: number, end: number, personId: string, titles: string[]): OfficialEntity => ({
  ...base,
  kind: 'official',
  start,
  end,
  name: personId,
  titles,
  personId,
  role: 'titled',
  nameStart: end - 2,
  nameEnd: end,
});
const meet = (start: number, end: number, ordinals: number[]): MeetingEntity => ({
  ...base,
  kind: 'meeting',
  start,
  end,
  ordinals,
  body: '市委',
});
const dir = (start: number, end: number, normalized: string): DirectiveEntity => ({
  ...base,
  kind: 'directive',
  start,
  end,
  subtype: 'slogan',
  normalized,
});

describe('pageHasChineseText', () => {
  it('finds Han characters in the title or the body, ignoring scripts', () => {
    document.title = 'News';
    document.body.replaceChildren(document.createTextNode('Only English here.'));
    expect(pageHasChineseText(document)).toBe(false);
    const script = document.createElement('script');
    script.textContent = 'var s = "中文";';
    document.body.append(script);
    expect(pageHasChineseText(document)).toBe(false);
    const p = document.createElement('p');
    p.textContent = '市委召开会议';
    document.body.append(p);
    expect(pageHasChineseText(document)).toBe(true);
    document.body.replaceChildren();
    document.title = '政府网站';
    expect(pageHasChineseText(document)).toBe(true);
  });
});

describe('dynamic content', () => {
  it('ignores mutations inside the extension UI', () => {
    const ui = document.createElement('div');
    ui.setAttribute(UI_MARKER_ATTRIBUTE, '');
    const text = document.createTextNode('新内容');
    const record = (target: Node, added: Node[]): MutationRecord =>
      ({
        type: 'childList',
        target,
        addedNodes: added as unknown as NodeList,
        removedNodes: [] as unknown as NodeList,
      }) as MutationRecord;
    document.body.replaceChildren(ui);
    expect(isPageTextMutation(record(ui, [text]))).toBe(false);
    expect(isPageTextMutation(record(document.documentElement, [ui]))).toBe(false);
    expect(isPageTextMutation(record(document.body, [text]))).toBe(true);
  });

  it('reports appended text once, debounced, and stops on abort', async () => {
    document.body.replaceChildren();
    const onChange = vi.fn();
    const controller = new AbortController();
    watchPageText(document.body, onChange, controller.signal, 30);
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = `第${i}条`;
      document.body.append(p);
    }
    await new Promise((r) => setTimeout(r, 120));
    expect(onChange).toHaveBeenCalledTimes(1);
    // The report carries the records of the whole burst, and only page-text ones.
    const records = onChange.mock.calls[0]![0] as MutationRecord[];
    expect(records.flatMap((r) => [...r.addedNodes].map((n) => n.textContent))).toEqual([
      '第0条',
      '第1条',
      '第2条',
    ]);
    controller.abort();
    document.body.append(document.createTextNode('再来'));
    await new Promise((r) => setTimeout(r, 80));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reports within the maximum wait while the page never stops changing', async () => {
    document.body.replaceChildren();
    const onChange = vi.fn();
    const controller = new AbortController();
    watchPageText(document.body, onChange, controller.signal, 50, 150);
    const ticker = setInterval(() => document.body.append(document.createTextNode('滴答')), 20);
    await new Promise((r) => setTimeout(r, 400));
    clearInterval(ticker);
    // A 50 ms quiet time never comes while text arrives every 20 ms; the 150 ms cap reports anyway.
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(2);
    controller.abort();
  });

  it('keeps its pending report when the page clears every timer id', async () => {
    document.body.replaceChildren();
    const onChange = vi.fn();
    const controller = new AbortController();
    watchPageText(document.body, onChange, controller.signal, 30);
    document.body.append(document.createTextNode('新的一段'));
    await Promise.resolve();
    const last = setTimeout(() => undefined, 0) as unknown as number;
    for (let id = 0; id <= last + 100; id++) clearTimeout(id);
    await new Promise((r) => setTimeout(r, 120));
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
  });
});

describe('summarizeEntities', () => {
  it('groups officials by person with all titles and mentions', () => {
    const entities: Entity[] = [
      off(0, 6, 'p1', ['市委书记']),
      meet(7, 12, [115]),
      off(13, 19, 'p1', ['市长']),
      dir(20, 25, '六稳'),
      dir(30, 35, '六稳'),
      meet(40, 45, [115]),
    ];
    const s = summarizeEntities(entities);
    expect(s.officials).toEqual([
      { key: 'p1', name: 'p1', titles: ['市委书记', '市长'], mentions: [0, 2] },
    ]);
    expect(s.meetings.map((m) => m.mentions)).toEqual([[1, 5]]);
    expect(s.directives.map((d) => d.mentions)).toEqual([[3, 4]]);
  });
});

describe('entity digest', () => {
  it('after any truncation and append, equals the summary of the whole list made afresh', () => {
    const pool: Entity[] = [
      off(0, 2, 'p1', ['市委书记']),
      off(0, 2, 'p1', ['市长']),
      off(0, 2, 'p2', ['市长']),
      meet(0, 2, [115]),
      meet(0, 2, [116]),
      dir(0, 2, '六稳'),
      dir(0, 2, '六保'),
    ];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    const digest = createEntityDigest();
    let list: Entity[] = [];
    for (let round = 0; round < 200; round++) {
      const keep = next(list.length + 1);
      const tail = Array.from({ length: next(4) }, () => pool[next(pool.length)]!);
      list = [...list.slice(0, keep), ...tail];
      digest.truncate(keep);
      digest.append(tail);
      expect(digest.entities).toEqual(list);
      expect(digest.summary).toEqual(summarizeEntities(list));
      const counts = { official: 0, meeting: 0, directive: 0 };
      for (const e of list) counts[e.kind] += 1;
      expect(digest.counts).toEqual(counts);
    }
  });
});

describe('mergeEditedEntities head', () => {
  it('looks again at an entity that starts before the edit but reaches into it', () => {
    const prev: Entity[] = [meet(0, 4, [1]), meet(5, 12, [2]), meet(20, 24, [3])];
    // Old [10, 11) was replaced by 3 characters.
    const mapOffset = (o: number): number | null => (o < 10 ? o : o < 11 ? null : o + 2);
    const spans = [{ start: 10, end: 13 }];
    const { entities, change } = mergeEditedEntities(prev, { mapOffset, spans }, [], [], []);
    expect(change.from).toBe(5);
    expect(change.removed).toEqual(new Set([prev[1]]));
    expect(entities.map((e) => e.start)).toEqual([0, 22]);
  });
});

describe('highlights', () => {
  it('has a rule per kind and subtype shade, with its own ink on dark pages', () => {
    const css = highlightCss();
    for (const name of ['zwl-official', 'zwl-meeting', 'zwl-directive', 'zwl-directive-slogan']) {
      expect(css).toContain(`::highlight(${name})`);
      const light = highlightColour(name, false);
      const dark = highlightColour(name, true);
      expect(dark.line).not.toBe(light.line);
      expect(css).toContain(`::highlight(${inkHighlightName(name, false)}) {`);
      expect(css).toContain(`::highlight(${inkHighlightName(name, true)}) {`);
      expect(css).toContain(light.line);
      expect(css).toContain(dark.line);
    }
    expect(shadeHighlightName(dir(0, 1, 'x'))).toBe('zwl-directive-slogan');
    expect(shadeHighlightName(meet(0, 1, [1]))).toBeNull();
  });

  it('ships the rules as the stylesheet the manifest injects with the content script', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
      content_scripts: Array<{ css?: string[] }>;
    };
    const files = manifest.content_scripts.flatMap((cs) => cs.css ?? []);
    expect(files).toContain('src/content/highlights.css');
    expect(readFileSync(join(ROOT, 'src/content/highlights.css'), 'utf8')).toBe(highlightCss());
  });

  it('judges dark pages from computed colours', () => {
    document.body.removeAttribute('class');
    expect(isDarkPage(document)).toBe(false);
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    expect(isDarkPage(document)).toBe(true);
    document.body.style.backgroundColor = '';
  });

  it('finds the shortest visible entity at an offset', () => {
    const items = [dir(0, 20, 'long'), off(5, 10, 'p1', []), meet(30, 35, [1])].map((entity) => ({
      entity,
      range: document.createRange(),
      nameRange: null,
    }));
    expect(entityAtOffset(items, 6, () => true)).toBe(1);
    expect(entityAtOffset(items, 6, (k) => k !== 'official')).toBe(0);
    expect(entityAtOffset(items, 25, () => true)).toBeNull();
    expect(entityAtOffset(items, 34, () => true)).toBe(2);
  });
});

describe('time slicing', () => {
  it('yields to the event loop between slices and stops when aborted', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    // Runs until the interval has ticked a few times: only possible if the slices hand the event
    // loop back (the time cap only ends a run that never does, however loaded the machine).
    function* work(): Generator<void, string> {
      const until = performance.now() + 5000;
      while (ticks < 3 && performance.now() < until) yield;
      return 'done';
    }
    expect(await drainSliced(work(), new AbortController().signal, 5)).toBe('done');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
    const controller = new AbortController();
    const seen: number[] = [];
    const pending = forEachSliced(
      Array.from({ length: 100_000 }, (_, i) => i),
      (i) => {
        seen.push(i);
        if (i === 200) controller.abort();
      },
      controller.signal,
      0,
    );
    await expect(pending).rejects.toThrow();
    expect(seen.length).toBeLessThan(100_000);
  });
});

describe('incremental annotation', () => {
  it('reads whole lines around edited spans, merged where they touch', () => {
    const text = '甲甲\n乙乙乙\n丙\n丁丁\n';
    expect(linesAround(text, [{ start: 4, end: 5 }])).toEqual([{ start: 3, end: 6 }]);
    expect(
      linesAround(text, [
        { start: 4, end: 5 },
        { start: 5, end: 6 },
      ]),
    ).toEqual([{ start: 3, end: 6 }]);
    // The breaks around an inserted block do not pull in the lines next to it.
    expect(linesAround(text, [{ start: 6, end: 9 }])).toEqual([{ start: 7, end: 8 }]);
    expect(
      linesAround(text, [
        { start: 0, end: 1 },
        { start: 10, end: 11 },
      ]),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 9, end: 11 },
    ]);
    expect(
      joinWindows(text, [
        { start: 0, end: 2 },
        { start: 9, end: 11 },
      ]),
    ).toEqual({
      text: '甲甲\n丁丁',
      at: [0, 3],
    });
  });

  it('moves entities outside the read lines, drops those in them, and keeps known person ids', () => {
    const prev: Entity[] = [off(0, 6, 'p1', ['市委书记']), meet(10, 15, [1]), meet(20, 24, [2])];
    // Old [8, 16) became 4 characters longer: offsets from 16 on move by 4.
    const mapOffset = (o: number): number | null => (o < 8 ? o : o < 16 ? null : o + 4);
    const windows = [{ start: 8, end: 20 }];
    const found: Entity[] = [
      { ...off(2, 8, 'p1', ['市长']), name: 'p1' },
      { ...off(9, 11, 'p2', []), name: 'new' },
    ];
    const spans = [{ start: 8, end: 20 }];
    const { entities, change } = mergeEditedEntities(
      prev,
      { mapOffset, spans },
      windows,
      found,
      [0],
    );
    expect(entities.map((e) => [e.kind, e.start, e.end])).toEqual([
      ['official', 0, 6],
      ['official', 10, 16],
      ['official', 17, 19],
      ['meeting', 24, 28],
    ]);
    expect(change.removed).toEqual(new Set([prev[1]]));
    expect(change.moved.get(prev[2]!)).toBe(entities[3]);
    expect(change.moved.has(prev[0]!)).toBe(false);
    // The official before the edit is kept without being looked at; the rest was looked at.
    expect(change.from).toBe(10);
    expect(entities[0]).toBe(prev[0]);
    const [, again, fresh] = entities as OfficialEntity[];
    expect(again!.personId).toBe('p1');
    expect(again!.nameStart).toBe(14);
    expect(fresh!.personId).not.toBe('p2');
  });
});

// @vitest-environment happy-dom
/**
 * The annotator's collaborators one by one, on a happy-dom page with ports instead of the
 * background: the painter keeps the ranges of text that was only appended to, the card stays in
 * the viewport and hides unless held, the clipper saves the remembered selection and reports
 * failures, and the derived views count what is painted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnotateResult, Entity, MeetingEntity } from '../../../src/core/types';
import type { ClipDraft } from '../../../src/core/clips/model';
import { extractPageText } from '../../../src/dom/page-text';
import { buildNodeIndex } from '../../../src/dom/dom-ranges';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { Send } from '../../../src/shared/send';
import { createHighlightPainter } from '../../../src/content/highlight-painter';
import { createCardController } from '../../../src/content/card-controller';
import { createClipper } from '../../../src/content/clipper';
import type { PageAnalysis } from '../../../src/content/page-analysis';
import type { PanelPresenter } from '../../../src/content/panel/panel-presenter';
import {
  countPainted,
  createPageState,
  panelViewOf,
  resetToOff,
  summaryOf,
  tabStatusOf,
  type Analysis,
} from '../../../src/content/page-state';

vi.mock('webextension-polyfill', () => ({ default: {} }));

class FakeHighlight extends Set<Range> {
  priority = 0;
}
const win = document.defaultView as unknown as Record<string, unknown>;
win.Highlight = FakeHighlight;
win.CSS = { highlights: new Map<string, FakeHighlight>() };

function meeting(text: string, start: number, ordinal: number): MeetingEntity {
  const exact = `第${ordinal}次会议`;
  const at = text.indexOf(exact, start);
  return {
    kind: 'meeting',
    text: exact,
    simplified: exact,
    start: at,
    end: at + exact.length,
    ordinals: [ordinal],
    body: '市委',
  };
}

/** A page of paragraphs and its analysis, with one meeting per `第N次会议`. */
function pageWith(paragraphs: string[]): Analysis {
  document.body.replaceChildren(
    ...paragraphs.map((t) => Object.assign(document.createElement('p'), { textContent: t })),
  );
  const pageText = extractPageText(document.body);
  const entities: Entity[] = [];
  for (const m of pageText.text.matchAll(/第(\d+)次会议/g))
    entities.push(meeting(pageText.text, m.index, Number(m[1])));
  const result: AnnotateResult = {
    page: {
      isGovNews: true,
      score: 0.9,
      signals: [],
      script: 'simplified',
      pinyinAnnotations: false,
      byline: [],
      editors: [],
    },
    entities,
  };
  return { pageText, nodeIndex: buildNodeIndex(pageText), result };
}

const never = new AbortController().signal;

afterEach(() => vi.useRealTimers());

describe('highlight painter', () => {
  it('keeps the ranges of entities an update left alone and paints only the new ones', async () => {
    const state = createPageState(DEFAULT_SETTINGS);
    const painter = createHighlightPainter(document, state);
    const first = pageWith(['召开第1次会议。', '召开第2次会议。']);
    await painter.paint(first, never);
    const [one, two] = state.painted;
    expect(state.painted.map((i) => String(i.range))).toEqual(['第1次会议', '第2次会议']);

    const p = Object.assign(document.createElement('p'), { textContent: '召开第3次会议。' });
    document.body.append(p);
    const appended = pageWith([...[...document.querySelectorAll('p')].map((e) => e.textContent!)]);
    // pageWith rebuilt the paragraphs: keep the old range objects to show that they survive.
    const tailStart = appended.pageText.text.indexOf('召开第3次');
    state.painted = [one!, two!];
    const third = appended.result.entities.find((e) => e.start >= tailStart)!;
    await painter.paint(appended, never, {
      from: Infinity,
      removed: new Set(),
      moved: new Map(),
      added: [third],
    });
    expect(state.painted[0]).toBe(one);
    expect(state.painted[1]).toBe(two);
    expect(String(state.painted[2]!.range)).toBe('第3次会议');
    expect(countPainted(state)).toEqual({ official: 0, meeting: 3, directive: 0 });
    const registered = (win.CSS as { highlights: Map<string, FakeHighlight> }).highlights;
    expect(registered.get('zwl-meeting')?.size).toBe(3);

    // An update that removed the first meeting and moved the second: only those items change.
    const movedTwo = { ...two!.entity, start: two!.entity.start - 1, end: two!.entity.end - 1 };
    await painter.paint(appended, never, {
      from: 0,
      removed: new Set([one!.entity]),
      moved: new Map([[two!.entity, movedTwo]]),
      added: [],
    });
    expect(state.painted.map((i) => String(i.range))).toEqual(['第2次会议', '第3次会议']);
    expect(state.painted[0]!.entity).toBe(movedTwo);
    expect(state.painted[0]!.range).toBe(two!.range);
    expect(registered.get('zwl-meeting')?.size).toBe(2);
    expect(countPainted(state)).toEqual({ official: 0, meeting: 2, directive: 0 });
    expect(summaryOf(state).meetings.flatMap((g) => g.mentions)).toEqual([0, 1]);
    painter.clear();
    expect(painter.ready()).toBe(false);
  });
});

describe('card controller', () => {
  function setUp() {
    const state = createPageState(DEFAULT_SETTINGS);
    return { state, render: vi.fn<() => void>() };
  }

  it('keeps the card inside the viewport: clamped on the right, above a highlight near the bottom', () => {
    const { state, render } = setUp();
    const painter = createHighlightPainter(document, state);
    const card = createCardController(document, state, painter, () => null, render);
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    card.place(2, new DOMRect(vw - 10, 100, 8, 20));
    expect(state.card).toEqual({ index: 2, x: vw - 320 - 8, y: 126 });
    card.place(3, new DOMRect(50, vh - 30, 8, 20));
    expect(state.card).toEqual({ index: 3, x: 50, y: vh - 30 - 166 });
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('hides a moment after the pointer left, unless the pointer is on the card', () => {
    vi.useFakeTimers();
    const { state, render } = setUp();
    const painter = createHighlightPainter(document, state);
    const card = createCardController(document, state, painter, () => null, render);
    card.place(0, new DOMRect(10, 10, 8, 20));
    card.hold(true);
    card.hideSoon();
    vi.advanceTimersByTime(1000);
    expect(state.card).not.toBeNull();
    card.hold(false);
    vi.advanceTimersByTime(299);
    expect(state.card).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(state.card).toBeNull();
  });
});

describe('clipper', () => {
  function setUp(sendImpl: (type: string, payload: unknown) => unknown) {
    const a = pageWith(['3月25日，召开第26次会议。', '会议强调，要坚持稳中求进。']);
    const state = createPageState(DEFAULT_SETTINGS);
    state.analysis = a;
    state.stale = false;
    const analysis: PageAnalysis = {
      analyse: async () => a,
      current: async () => a,
      noteChanges: () => undefined,
      refresh: async () => ({ analysis: a, change: null }),
      liveRun: () => never,
      abort: () => undefined,
    };
    const panel: PanelPresenter = {
      show: () => false,
      isShown: () => true,
      element: () => null,
      render: vi.fn(),
      remove: () => undefined,
    };
    const send = (async (type: string, payload: unknown) => sendImpl(type, payload)) as Send;
    const painter = createHighlightPainter(document, state);
    const clipper = createClipper(
      document,
      state,
      { analysis, painter, panel },
      { send, t: (k) => k },
      never,
    );
    return { state, clipper, painter, analysis: a };
  }

  it('saves the selection remembered before the page’s own selection collapsed', async () => {
    const drafts: ClipDraft[] = [];
    const { clipper, state } = setUp((type, payload) => {
      if (type === 'clips/save') {
        drafts.push((payload as { draft: ClipDraft }).draft);
        return { clip: { id: 'c-9' } };
      }
      return { count: 4 };
    });
    const controller = new AbortController();
    clipper.trackSelection(() => undefined, controller.signal);
    const range = document.createRange();
    range.selectNodeContents(document.body.children[1]!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    document.getSelection()!.removeAllRanges();

    expect(await clipper.saveSelection()).toBe('c-9');
    expect(drafts[0]!.quote.exact).toBe('会议强调，要坚持稳中求进。');
    expect(state.lastClipId).toBe('c-9');
    expect(tabStatusOf(state, true).lastClipId).toBe('c-9');
    expect(state.status).toEqual({ tone: 'ok', text: 'pageSaved' });
    await vi.waitFor(() => expect(state.savedHere).toBe(4));
    controller.abort();
  });

  it('says why nothing was saved: no selection, or the background refused', async () => {
    const { clipper, state, painter, analysis } = setUp(() => {
      throw new Error('quota exceeded');
    });
    await painter.paint(analysis, never);
    document.getSelection()!.removeAllRanges();
    expect(await clipper.saveSelection()).toBeNull();
    expect(state.status).toEqual({ tone: 'error', text: 'pageNoSelection' });
    expect(state.expanded).toBe(true);
    expect(await clipper.saveEntity(0)).toBeNull();
    expect(state.status).toEqual({ tone: 'error', text: 'pageSaveFailed quota exceeded' });
  });
});

describe('derived views', () => {
  it('derive entities, counts and summary from what is painted, and reset to off', async () => {
    const state = createPageState(DEFAULT_SETTINGS);
    const a = pageWith(['召开第1次会议。', '召开第1次会议。', '召开第2次会议。']);
    state.analysis = a;
    await createHighlightPainter(document, state).paint(a, never);
    state.phase = 'annotated';
    const view = panelViewOf(state);
    expect(view.state).toBe('annotated');
    expect(view.entities).toHaveLength(3);
    expect(view.counts).toEqual({ official: 0, meeting: 3, directive: 0 });
    expect(view.summary.meetings.length).toBeGreaterThan(0);
    expect(summaryOf(state)).toBe(view.summary);
    expect(tabStatusOf(state, true)).toMatchObject({
      annotated: true,
      isGovNews: true,
      score: 0.9,
    });
    resetToOff(state);
    expect(panelViewOf(state)).toMatchObject({ state: 'idle', busy: false, entities: [] });
    expect(tabStatusOf(state, false).counts).toEqual({ official: 0, meeting: 0, directive: 0 });
  });
});

// @vitest-environment happy-dom
/**
 * The annotator on a happy-dom page, with a small test double of the engine (the real engine is
 * exercised by the E2E tests) and a minimal Custom Highlight API (happy-dom has none).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotateInput, AnnotateResult, Entity } from '../../../src/core/types';
import type { Send } from '../../../src/shared/send';
import { annotate } from '../../../src/core/index';

const sent: Array<{ type: string; payload: unknown }> = [];
/** Why the background refuses to save (null: it saves, as clip `savedId`). */
let saveError: string | null = 'Refused: no handler for clips/save';
const savedId = 'clip-1';
/** Clips the mocked background says were saved from this page. */
let savedHere = 0;

// Settings read storage through the polyfill, which refuses to load outside an extension.
vi.mock('webextension-polyfill', () => ({ default: {} }));

/**
 * The background port: records what was sent and answers like the background would (ping, the
 * engine (the test double below), the count of clips saved here, and saving unless `saveError`
 * says why not).
 */
const send = (async (type: string, payload: unknown) => {
  sent.push({ type, payload });
  if (type === 'ping') return { version: '9.9.9' };
  if (type === 'engine/annotate') return { result: annotate(payload as AnnotateInput) };
  if (type === 'clips/count-here') return { count: savedHere };
  if (type === 'clips/save') {
    if (saveError) throw new Error(saveError);
    return { clip: { id: savedId } };
  }
  throw new Error(`Refused: no handler for ${type}`);
}) as Send;
const ports = { send, t: (key: string) => key };

/** Engine test double: 市委书记+name, 第N次会议, and “quoted” slogans. */
/** Every text the engine double was given, in order. */
const engineReads = vi.hoisted((): string[] => []);
vi.mock('../../../src/core/index', () => {
  function run(input: AnnotateInput): AnnotateResult {
    const entities: Entity[] = [];
    const { text } = input;
    engineReads.push(text);
    for (const m of text.matchAll(/市委书记(张三|李四)/g)) {
      const start = m.index;
      entities.push({
        kind: 'official',
        text: m[0],
        simplified: m[0],
        start,
        end: start + m[0].length,
        name: m[1]!,
        titles: ['市委书记'],
        personId: m[1]!,
        role: 'titled',
        nameStart: start + 4,
        nameEnd: start + m[0].length,
      });
    }
    for (const m of text.matchAll(/第(\d+)次会议/g))
      entities.push({
        kind: 'meeting',
        text: m[0],
        simplified: m[0],
        start: m.index,
        end: m.index + m[0].length,
        ordinals: [Number(m[1])],
        body: '市委',
      });
    for (const m of text.matchAll(/“([^”]+)”/g))
      entities.push({
        kind: 'directive',
        subtype: 'slogan',
        text: m[0],
        simplified: m[0],
        normalized: m[1]!,
        start: m.index,
        end: m.index + m[0].length,
      });
    entities.sort((a, b) => a.start - b.start);
    const gov = text.includes('会议');
    return {
      page: {
        isGovNews: gov,
        score: gov ? 0.9 : 0.1,
        signals: [{ name: 'content.test', weight: gov ? 0.9 : 0.1 }],
        // Like the engine: no Chinese text, script 'none'.
        script: /[\u4e00-\u9fff]/.test(text) ? 'simplified' : 'none',
        pinyinAnnotations: false,
        byline: [],
        editors: [],
      },
      entities,
    };
  }
  return {
    annotate: run,
    *annotateSteps(input: AnnotateInput) {
      yield undefined;
      return run(input);
    },
    *prepareEngine() {
      yield undefined;
    },
    toSimplified: (s: string) => s,
    hasChineseText: (s: string) => /[\u4e00-\u9fff]/.test(s),
    isGovNewsScore: (score: number, threshold = 0.5) => score >= threshold,
  };
});

class FakeHighlight extends Set<Range> {
  priority = 0;
}
for (const w of [globalThis, document.defaultView] as Array<Record<string, unknown>>) {
  w.Highlight = FakeHighlight;
  w.CSS = { highlights: new Map<string, FakeHighlight>() };
}
const highlights = (
  document.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } }
).CSS.highlights;

// The panel's shadow root is closed: keep each one as it is made (before the content script
// captures `attachShadow`), so a test can read what the panel tells the reader.
const shadowRoots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  shadowRoots.push(root);
  return root;
};
/** All text of the panel. */
const panelText = (): string => shadowRoots.at(-1)?.textContent ?? '';
/** The text of the panel's status line. */
const panelStatus = (): string =>
  shadowRoots.at(-1)?.querySelector('[role="status"], .status')?.textContent ?? '';

const { createAnnotator } = await import('../../../src/content/annotator');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings');

const host = (): Element | null =>
  document.querySelector('zhengwen-lens-panel[data-zhengwen-lens-ui]');
/** Whether two per-kind counts are the same. */
const sameCounts = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);
const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

function buildPage(gov: boolean): void {
  document.head.replaceChildren();
  const p1 = document.createElement('p');
  p1.append(
    '3月25日，市委书记',
    Object.assign(document.createElement('b'), { textContent: '张三' }),
    gov ? '主持召开第26次会议。' : '去散步。',
  );
  const p2 = document.createElement('p');
  p2.textContent = '会议强调，要坚持“稳中求进”。市委书记张三指出……';
  document.body.replaceChildren(p1, ...(gov ? [p2] : []));
}

/** Signals of annotators a test leaves running: aborted after it, so they watch no later page. */
const leftover: AbortController[] = [];
function testSignal(): AbortSignal {
  const c = new AbortController();
  leftover.push(c);
  return c.signal;
}
afterEach(() => {
  for (const c of leftover.splice(0)) c.abort();
});

beforeEach(() => {
  document.querySelectorAll('zhengwen-lens-panel').forEach((h) => h.remove());
  sent.length = 0;
  highlights.clear();
});

describe('annotator', () => {
  it('annotates a government page on its own, with highlights, counts and detection', async () => {
    buildPage(true);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    await until(() => a.status().background === '9.9.9');
    expect(a.status()).toMatchObject({
      annotated: true,
      isGovNews: true,
      counts: { official: 2, meeting: 1, directive: 1 },
      lastClipId: null,
      anchor: null,
    });
    expect(a.status().score.toFixed(2)).toBe('0.90');
    // The page sees the host and its marker, and no summary of what was found.
    const h = host()!;
    expect(h.getAttributeNames()).toEqual(['data-zhengwen-lens-ui']);
    expect(document.documentElement.lastElementChild).toBe(h);
    expect([...highlights.get('zwl-official')!].map(String)).toEqual([
      '市委书记张三',
      '市委书记张三',
    ]);
    expect([...highlights.get('zwl-official-name')!].map(String)).toEqual(['张三', '张三']);
    expect([...highlights.get('zwl-meeting')!].map(String)).toEqual(['第26次会议']);
    expect([...highlights.get('zwl-directive-slogan')!].map(String)).toEqual(['“稳中求进”']);
    expect(a.status()).toMatchObject({ annotated: true, isGovNews: true, counts: { official: 2 } });
    controller.abort();
    expect(host()).toBeNull();
    expect(highlights.size).toBe(0);
  });

  it('puts the panel back when the page removes it', async () => {
    buildPage(true);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    const h = host()!;
    h.remove();
    await until(() => host() === h && document.documentElement.lastElementChild === h);
    controller.abort();
    expect(host()).toBeNull();
  });

  it('leaves other pages alone until asked, and switching off restores the page exactly', async () => {
    buildPage(false);
    const before = document.documentElement.outerHTML;
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, testSignal());
    await a.start();
    expect(host()).toBeNull();
    expect(highlights.size).toBe(0);
    const on = await a.setAnnotations(true);
    expect(on).toMatchObject({ annotated: true, isGovNews: false, counts: { official: 1 } });
    expect(host()).not.toBeNull();
    expect(highlights.get('zwl-official')!.size).toBe(1);
    const off = await a.setAnnotations(false);
    expect(off.annotated).toBe(false);
    expect(host()).toBeNull();
    expect(highlights.size).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('inks the highlights for the page’s palette without adding a stylesheet', async () => {
    for (const dark of [false, true]) {
      buildPage(true);
      document.body.style.backgroundColor = dark ? 'rgb(18, 18, 22)' : '';
      const sheets = document.adoptedStyleSheets.length;
      const controller = new AbortController();
      const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
      await a.start();
      expect(a.status().annotated).toBe(true);
      expect(host()).not.toBeNull();
      const kind = highlights.get('zwl-official')!;
      expect(highlights.get(dark ? 'zwl-ink-dark-official' : 'zwl-ink-official')).toBe(kind);
      expect(highlights.has(dark ? 'zwl-ink-official' : 'zwl-ink-dark-official')).toBe(false);
      expect(
        highlights.get(dark ? 'zwl-ink-dark-directive-slogan' : 'zwl-ink-directive-slogan'),
      ).toBe(highlights.get('zwl-directive-slogan'));
      expect(document.adoptedStyleSheets.length).toBe(sheets);
      controller.abort();
      expect(highlights.size).toBe(0);
    }
    document.body.style.backgroundColor = '';
  });

  it('reports whether the page has Chinese text, also after annotating an English page on demand', async () => {
    const p = document.createElement('p');
    p.textContent = 'The city council met on Tuesday to review the annual budget.';
    document.body.replaceChildren(p);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    expect(host()).toBeNull();
    const on = await a.setAnnotations(true);
    expect(on).toMatchObject({ annotated: true, hasChinese: false });
    expect(a.status().hasChinese).toBe(false);
    controller.abort();

    buildPage(false);
    const b = createAnnotator(document, DEFAULT_SETTINGS, ports, testSignal());
    expect((await b.setAnnotations(true)).hasChinese).toBe(true);
    await b.setAnnotations(false);
  });

  it('annotates a single-page site once its article arrives, but not after the user switched off', async () => {
    buildPage(false);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    expect(host()).toBeNull();
    const article = document.createElement('p');
    article.textContent = '市委书记李四主持召开第9次会议。';
    document.body.append(article);
    await until(() => a.status().annotated && host() !== null);
    await a.setAnnotations(false);
    const more = document.createElement('p');
    more.textContent = '第10次会议召开。';
    document.body.append(more);
    await new Promise((r) => setTimeout(r, 700));
    expect(host()).toBeNull();
    expect(highlights.size).toBe(0);
    controller.abort();
  });

  it('honours the site lists and the threshold', async () => {
    buildPage(true);
    const never = { ...DEFAULT_SETTINGS, neverOn: [document.location.hostname || 'localhost'] };
    const a = createAnnotator(document, never, ports, testSignal());
    await a.start();
    expect(host()).toBeNull();
    const strict = { ...DEFAULT_SETTINGS, threshold: 0.95 };
    const b = createAnnotator(document, strict, ports, testSignal());
    await b.start();
    expect(host()).toBeNull();
    expect(b.status().isGovNews).toBe(false);
  });

  it('reads only what changed: an appended paragraph, an edited one, a removed one', async () => {
    buildPage(true);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    const firstMeeting = [...highlights.get('zwl-meeting')!][0]!;
    const p = document.createElement('p');
    p.textContent = '随后召开第27次会议，市委书记李四出席。';
    document.body.append(p);
    await until(() => sameCounts(a.status().counts, { official: 3, meeting: 2, directive: 1 }));
    const meetings = [...highlights.get('zwl-meeting')!];
    expect(meetings.map(String)).toEqual(['第26次会议', '第27次会议']);
    // Appending kept the old ranges: only the new paragraph was read.
    expect(meetings[0]).toBe(firstMeeting);
    expect(engineReads.at(-1)).toBe('随后召开第27次会议，市委书记李四出席。');

    // An edit in the middle: only the edited paragraph is read; ranges elsewhere stay.
    document.body.children[1]!.textContent = '会议强调，要坚持“稳中求进”“六稳”。';
    await until(() => sameCounts(a.status().counts, { official: 2, meeting: 2, directive: 2 }));
    expect([...highlights.get('zwl-directive')!].map(String)).toEqual(['“稳中求进”', '“六稳”']);
    expect(engineReads.at(-1)).toBe('会议强调，要坚持“稳中求进”“六稳”。');
    expect([...highlights.get('zwl-meeting')!][0]).toBe(firstMeeting);

    // Removing a paragraph drops its highlights without reading anything.
    const reads = engineReads.length;
    document.body.lastElementChild!.remove();
    await until(() => sameCounts(a.status().counts, { official: 1, meeting: 1, directive: 2 }));
    expect([...highlights.get('zwl-meeting')!]).toEqual([firstMeeting]);
    expect(engineReads.length).toBe(reads);
    controller.abort();
  });

  it('saves the selection as a clip and shows the id only after the background confirmed', async () => {
    buildPage(true);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    const p2 = document.body.children[1]!;
    const range = document.createRange();
    range.selectNodeContents(p2);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);

    expect(await a.saveSelection()).toBeNull(); // no handler yet: an error, no id
    expect(a.status().lastClipId).toBeNull();
    const save = sent.find((m) => m.type === 'clips/save')!;
    const { draft } = save.payload as { draft: import('../../../src/core/clips/model').ClipDraft };
    expect(draft.quote.exact).toBe('会议强调，要坚持“稳中求进”。市委书记张三指出……');
    expect(draft.entities.map((e) => e.kind)).toEqual(['directive', 'official']);
    expect(draft.quote.exact.slice(draft.entities[1]!.start, draft.entities[1]!.end)).toBe(
      '市委书记张三',
    );
    expect(draft.selectors.quote.prefix.endsWith('主持召开第26次会议。\n')).toBe(true);

    saveError = null;
    savedHere = 1;
    expect(await a.saveSelection()).toBe('clip-1');
    expect(a.status().lastClipId).toBe('clip-1');
    // The panel (not the page) says how many clips this page has now, as the background counts.
    shadowRoots.at(-1)!.querySelector<HTMLButtonElement>('button.tab')!.click();
    await until(() => panelText().includes('pageSavedHere 1'));
    expect(host()!.getAttributeNames()).toEqual(['data-zhengwen-lens-ui']);
    savedHere = 0;
    saveError = 'Refused: no handler for clips/save';
    controller.abort();
  });

  it('re-finds a clip passage and reports how', async () => {
    buildPage(true);
    const controller = new AbortController();
    const a = createAnnotator(document, DEFAULT_SETTINGS, ports, controller.signal);
    await a.start();
    const exact = '要坚持“稳中求进”';
    const selectors = {
      quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start: 0, end: 5 },
    };
    expect(await a.anchorClip(selectors)).toBe('exact');
    expect(a.status().anchor).toBe('exact');
    expect(
      await a.anchorClip({
        ...selectors,
        quote: { ...selectors.quote, exact: '要坚持“稳中求近”' },
      }),
    ).toBe('fuzzy');
    expect(highlights.get('zwl-flash')!.size).toBe(1);
    expect(a.status().anchor).toBe('fuzzy');
    await until(() => panelStatus() === 'pagePassageChanged');
    const gone = {
      ...selectors,
      quote: { ...selectors.quote, exact: '这段文字从来不在页面上出现过' },
    };
    expect(await a.anchorClip(gone)).toBe('none');
    expect(a.status().anchor).toBe('none');
    await until(() => panelStatus() === 'pagePassageGone');
    controller.abort();
  });
});

/**
 * In-page annotation in Chromium: highlights and panel on every seed fixture, the hover card,
 * toggles, switching off without a trace, the page's own script, appended text, a page of another
 * genre, and hostile pages. One browser for the whole file. The panel lives in a closed shadow
 * root; the test reaches it through the DevTools protocol (`DOM.getDocument` with `pierce`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateIn,
  launchChromium,
  readTabStatus,
  sendFromExtensionPage,
  sendTabMessage,
  startFixtureServer,
  waitForAnnotated,
  waitForTabStatus,
  type ChromiumSession,
  type FixtureServer,
} from '../support';
import { openShadow, type Shadow } from '../support/cdp-shadow';
import { readHighlightStyle } from '../support/highlight-style';
import {
  RECORD_INITIAL_DOM,
  SEEDS,
  addContentPages,
  expectRangesFollowScrolling,
  appendMeetingParagraph,
  hasHost,
  readDomBeforeAfter,
  readHighlights,
} from './content-pages';

const click = (shadow: Shadow, selector: string): Promise<boolean> =>
  shadow.run<boolean>(
    'function (s) { const el = this.querySelector(s); if (!el) return false; el.click(); return true; }',
    selector,
  );

const texts = (shadow: Shadow, selector: string): Promise<string[]> =>
  shadow.run<string[]>(
    'function (s) { return Array.from(this.querySelectorAll(s), (e) => e.textContent); }',
    selector,
  );

/**
 * The `::highlight()` rules come with the content script (manifest `css`), none adopted by the
 * page: a kind's name paints its background, the light page's ink name its underline.
 */
async function expectInjectedHighlightRules(page: Parameters<typeof readHighlightStyle>[0]) {
  const style = await readHighlightStyle(page, 'main p', ['zwl-official', 'zwl-ink-official']);
  expect(style['zwl-official']?.background).toMatch(/^rgba\(255, 186, 73, 0\.3/);
  expect(style['zwl-ink-official']).toMatchObject({ decoration: 'underline' });
  expect(await evaluateIn(page, () => document.adoptedStyleSheets.length, undefined)).toBe(0);
}

let server: FixtureServer;
let cr: ChromiumSession;
let pages: ReturnType<typeof addContentPages>;

beforeAll(async () => {
  server = await startFixtureServer();
  pages = addContentPages(server);
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

describe('seed fixtures', () => {
  for (const seed of SEEDS) {
    it(`${seed.page}: highlights and panel list the expected findings`, async () => {
      const page = await cr.context.newPage();
      await page.goto(server.url(seed.page));
      const { isGovNews, counts } = await waitForAnnotated(page);
      expect(isGovNews).toBe(true);
      const hl = await readHighlights(page);
      for (const kind of ['official', 'meeting', 'directive'] as const) {
        expect(hl[`zwl-${kind}`]?.length ?? 0).toBe(counts[kind]);
        for (const s of seed[kind]) expect(hl[`zwl-${kind}`]?.join('|')).toContain(s);
      }
      await expectInjectedHighlightRules(page);
      const shadow = await openShadow(page);
      await click(shadow, 'button.tab');
      const officials = (await texts(shadow, 'ul[data-list="official"] button')).join('|');
      for (const name of seed.panelOfficials) expect(officials).toContain(name);
      await page.close();
    });
  }
});

describe('interaction', () => {
  it('shows a hover card with the official’s titles and mentions, and flashes list items', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('seed-002.html'));
    await waitForAnnotated(page);
    const point = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
        'zwl-official-name',
      )!;
      const range = [...h].find((r) => String(r) === '董一兵')!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(point.x - 40, point.y + 200);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const shadow = await openShadow(page);
    let card = '';
    for (let i = 0; i < 50 && !card; i++) {
      card = (await texts(shadow, '.card')).join('');
      if (!card) await page.waitForTimeout(100);
    }
    expect(card).toContain('董一兵');
    expect(card).toContain('临汾市委书记');
    expect(card).toMatch(/cardMentions|Mentions/);
    expect(
      await shadow.run<string>("function () { return this.querySelector('.card').dataset.kind; }"),
    ).toBe('official');
    // Moving away hides it.
    await page.mouse.move(2, 2);
    for (let i = 0; i < 30 && card; i++) {
      await page.waitForTimeout(100);
      card = (await texts(shadow, '.card')).join('');
    }
    expect(card).toBe('');

    // The text caret (keyboard caret browsing) inside a highlight shows its card too.
    await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...h.get('zwl-meeting')!][0]!;
      getSelection()!.collapse(range.startContainer, range.startOffset + 1);
    });
    let kind = '';
    for (let i = 0; i < 30 && kind !== 'meeting'; i++) {
      kind = await shadow.run<string>(
        "function () { return this.querySelector('.card')?.dataset.kind ?? ''; }",
      );
      if (kind !== 'meeting') await page.waitForTimeout(100);
    }
    expect(kind).toBe('meeting');
    expect((await texts(shadow, '.card')).join('')).toContain('第二十六次');

    await click(shadow, 'button.tab');
    expect(await click(shadow, 'ul[data-list="meeting"] button')).toBe(true);
    const flash = await readHighlights(page);
    expect(flash['zwl-flash']?.[0]).toContain('第二十六次');
    await page.close();
  });

  it('hides and shows kinds with the toggles', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('seed-003.html'));
    await waitForAnnotated(page);
    const shadow = await openShadow(page);
    await click(shadow, 'button.tab');
    await click(shadow, 'input[data-kind="official"]');
    let hl = await readHighlights(page);
    expect(hl['zwl-official']).toBeUndefined();
    expect(hl['zwl-official-name']).toBeUndefined();
    expect(hl['zwl-meeting']?.length).toBeGreaterThan(0);
    await click(shadow, 'input[data-kind="official"]');
    hl = await readHighlights(page);
    expect(hl['zwl-official']?.length).toBeGreaterThan(0);
    await page.close();
  });

  it('switching off restores the page exactly and removes every highlight', async () => {
    const page = await cr.context.newPage();
    await page.addInitScript(RECORD_INITIAL_DOM);
    await page.goto(server.url('seed-004.html'));
    await waitForAnnotated(page);
    const shadow = await openShadow(page);
    await click(shadow, 'button.tab');
    const textBefore = await page.evaluate(() => document.body.textContent);
    expect(
      await shadow.run<number>(
        "function () { return this.querySelectorAll('.actions button').length; }",
      ),
    ).toBe(3);
    await shadow.run(
      "function () { [...this.querySelectorAll('.actions button')].at(-1).click(); }",
    );
    expect(await hasHost(page)).toBe(false);
    expect(await readHighlights(page)).toEqual({});
    const { before, now } = await readDomBeforeAfter(page);
    expect(now).toBe(before);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    // And on again from outside (popup / context menu path).
    const status = await sendTabMessage(page, 'tab/set-annotations', { on: true });
    expect(status).toMatchObject({ ok: true, value: { annotated: true } });
    await waitForAnnotated(page);
    await page.close();
  });

  it('saves the selection as a clip; the tab status gives the id the background stored', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('seed-002.html'));
    await waitForAnnotated(page);
    const paragraph = await page.evaluate(() => {
      const p = document.querySelector('#zoom p')!;
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return p.textContent!.trim();
    });
    const shadow = await openShadow(page);
    await click(shadow, 'button.tab');
    await shadow.run("function () { this.querySelectorAll('.actions button')[0].click(); }");
    const { lastClipId: id } = await waitForTabStatus(page, (s) => s.lastClipId !== null);
    expect(
      await shadow.run<string>("function () { return this.querySelector('p.status').className; }"),
    ).toContain('ok');
    // The background really has it, with the passage and its entities.
    const ext = await cr.openExtensionPage('src/popup/index.html');
    const reply = (await sendFromExtensionPage(ext, 'clips/get', { id })) as {
      ok: boolean;
      value: {
        clip: { quote: { exact: string }; entities: { kind: string }[]; wholeArticle: boolean };
      };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.clip.quote.exact).toBe(paragraph);
    expect(reply.value.clip.wholeArticle).toBe(false);
    expect(reply.value.clip.entities.some((e) => e.kind === 'official')).toBe(true);
    await ext.close();

    // Whole article: stored as such, with the article's text (more than the one paragraph).
    await shadow.run("function () { this.querySelectorAll('.actions button')[1].click(); }");
    const { lastClipId: articleId } = await waitForTabStatus(
      page,
      (s) => s.lastClipId !== null && s.lastClipId !== id,
    );
    const popup = await cr.openExtensionPage('src/popup/index.html');
    const article = (await sendFromExtensionPage(popup, 'clips/get', { id: articleId })) as {
      value: { clip: { quote: { exact: string }; wholeArticle: boolean } };
    };
    expect(article.value.clip.wholeArticle).toBe(true);
    expect(article.value.clip.quote.exact).toContain(paragraph);
    expect(article.value.clip.quote.exact.length).toBeGreaterThan(paragraph.length * 2);
    await popup.close();
    await page.close();
  });
});

describe('pages', () => {
  it('the page’s own script keeps working and appended text gets annotated', async () => {
    const page = await cr.context.newPage();
    await page.goto(pages.ownScript);
    await waitForAnnotated(page);
    await page.click('#own-button');
    await page.click('#own-button');
    expect(await page.textContent('#own-count')).toBe('2');
    expect(
      await page.evaluate(
        () => (window as unknown as { __ownScript: { ran: boolean } }).__ownScript.ran,
      ),
    ).toBe(true);
    const before = (await waitForAnnotated(page)).counts;
    await appendMeetingParagraph(page);
    await waitForTabStatus(page, (s) => s.counts.meeting > before.meeting);
    expect((await readHighlights(page))['zwl-meeting']?.join('|')).toContain('第二十七次');
    await page.close();
  });

  it('a page of another genre is not annotated on its own', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('novel.html'));
    // The content script may not be listening yet right after load, nor have read the page.
    const status = await waitForTabStatus(page, (s) => s.signals.length > 0);
    expect(status.annotated).toBe(false);
    expect(await hasHost(page)).toBe(false);
    expect(await readHighlights(page)).toEqual({});
    await page.close();
  });

  it('an English page annotated on demand still reports that it has no Chinese text', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('english.html'));
    // The content script may not be listening yet right after load.
    const before = await waitForTabStatus(page, () => true);
    expect(before).toMatchObject({ hasChinese: false, annotated: false });
    const on = await sendTabMessage(page, 'tab/set-annotations', { on: true });
    expect(on).toMatchObject({ ok: true, value: { hasChinese: false, annotated: true } });
    await waitForAnnotated(page);
    expect(await readTabStatus(page)).toMatchObject({ hasChinese: false, annotated: true });
    await page.close();
  });

  it('survives hostile pages: markup-like text, redefined DOM methods, strict CSP, a huge page', async () => {
    const dialogs: string[] = [];
    const page = await cr.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pages.markup);
    await waitForAnnotated(page);
    const shadow = await openShadow(page);
    await click(shadow, 'button.tab');
    expect(
      await shadow.run<number>(
        "function () { return this.querySelectorAll('img, script').length; }",
      ),
    ).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.evaluate(() => document.images.length)).toBe(0);

    await page.goto(pages.redefining);
    expect(
      await page.evaluate(() => (window as unknown as { __redefined?: boolean }).__redefined),
    ).toBe(true);
    await waitForAnnotated(page);
    expect((await waitForAnnotated(page)).counts.official).toBeGreaterThan(0);

    await page.goto(pages.csp);
    await waitForAnnotated(page);
    expect((await readHighlights(page))['zwl-official']?.length).toBeGreaterThan(0);
    // The panel's styles (a constructed sheet in the shadow root) apply despite the CSP.
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('zhengwen-lens-panel')!).position,
      ),
    ).toBe('fixed');

    await page.goto(pages.huge);
    const { counts } = await waitForAnnotated(page);
    expect(counts.official).toBeGreaterThan(500);
    await expectRangesFollowScrolling(page, counts.official);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

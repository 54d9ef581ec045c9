/**
 * In-page annotation in Firefox ESR: highlights in the page's `CSS.highlights` and the tab status
 * (counts, detection: asked from an extension page, `test/support/tab-status.ts`) on every seed
 * fixture, the hover card (read inside the panel's closed shadow root through WebDriver
 * BiDi, `harness/bidi-shadow.ts`), the panel driven by keyboard (toggles, switching off, saving),
 * the page's own script, appended text, a page of another genre, and hostile pages. One browser
 * for the file.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PANEL_SELECTOR,
  evaluateIn,
  launchFirefox,
  startFixtureServer,
  waitForAnnotated,
  waitForTabStatus,
  type FirefoxSession,
  type FixtureServer,
} from '../support';
import { readHighlightStyle } from '../support/highlight-style';
import { openClosedShadow, waitForPanelFocus, type ClosedShadow } from '../support/bidi-shadow';
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
let ff: FirefoxSession;
let pages: ReturnType<typeof addContentPages>;

beforeAll(async () => {
  server = await startFixtureServer();
  pages = addContentPages(server);
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** Opens the collapsed panel with a click on its tab (bottom right); focus moves into it. */
async function openPanel(page: Page): Promise<void> {
  const { w, h } = await page.evaluate(() => ({
    w: document.documentElement.clientWidth,
    h: document.documentElement.clientHeight,
  }));
  await page.mouse.click(w - 24, h - 22);
}

/** Presses Tab `n` times. */
async function tab(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
}

describe('seed fixtures', () => {
  it('highlights the expected findings on every seed page', async () => {
    const page = await ff.newPage();
    for (const seed of SEEDS) {
      await page.goto(server.url(seed.page));
      const { isGovNews, counts } = await waitForAnnotated(page);
      expect(isGovNews, seed.page).toBe(true);
      const hl = await readHighlights(page);
      for (const kind of ['official', 'meeting', 'directive'] as const) {
        expect(hl[`zwl-${kind}`]?.length ?? 0, `${seed.page} ${kind}`).toBe(counts[kind]);
        for (const s of seed[kind]) expect(hl[`zwl-${kind}`]?.join('|')).toContain(s);
      }
      await expectInjectedHighlightRules(page);
    }
    await page.close();
  });
});

/** What the hover card shows: its kind, heading and label → value rows; null when hidden. */
interface CardContent {
  kind: string;
  head: string;
  rows: Record<string, string>;
}

const readCard = (shadow: ClosedShadow): Promise<CardContent | null> =>
  shadow.run<CardContent | null>(`function () {
    const card = this.querySelector('.card');
    if (!card) return null;
    const rows = {};
    for (const dt of card.querySelectorAll('dt')) rows[dt.textContent] = dt.nextElementSibling?.textContent ?? '';
    return { kind: card.dataset.kind, head: card.querySelector('.kind')?.textContent ?? '', rows };
  }`);

/** Polls the card until `ok` holds (or about five seconds passed); answers the last read. */
async function waitForCard(
  shadow: ClosedShadow,
  ok: (card: CardContent | null) => boolean,
): Promise<CardContent | null> {
  let card = await readCard(shadow);
  for (let i = 0; i < 50 && !ok(card); i++) {
    await new Promise((r) => setTimeout(r, 100));
    card = await readCard(shadow);
  }
  return card;
}

/** A row's value under its English label or, when messages are missing, its message key. */
const row = (card: CardContent | null, label: string, key: string): string | undefined =>
  card?.rows[label] ?? card?.rows[key];

describe('hover card', () => {
  it('shows the official’s name, titles and mentions on hover, and a meeting’s at the caret', async () => {
    const page = await ff.newPage();
    await page.goto(server.url('seed-002.html'));
    await waitForAnnotated(page);
    const target = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...h.get('zwl-official-name')!].find((r) => String(r) === '董一兵')!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      const mentions = [...h.get('zwl-official')!].filter((m) => String(m).includes('董一兵'));
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, mentions: mentions.length };
    });
    expect(target.mentions).toBeGreaterThan(1);
    const shadow = await openClosedShadow(page, PANEL_SELECTOR);
    expect(await readCard(shadow)).toBeNull();

    await page.mouse.move(target.x - 40, target.y + 200);
    await page.mouse.move(target.x, target.y, { steps: 4 });
    // The pointer may cross other highlights on its way: wait for the card of where it stopped.
    let card = await waitForCard(shadow, (c) => c?.kind === 'official');
    expect(card?.kind).toBe('official');
    expect(card?.head).toContain('董一兵');
    expect(row(card, 'Name', 'cardName')).toBe('董一兵');
    expect(row(card, 'Titles on this page', 'cardTitles')).toContain('临汾市委书记');
    // Mentions counted independently: the name's highlighted ranges on the page.
    expect(row(card, 'Mentions', 'cardMentions')).toBe(String(target.mentions));

    // Moving away hides it.
    await page.mouse.move(2, 2);
    card = await waitForCard(shadow, (c) => c === null);
    expect(card).toBeNull();

    // The text caret inside a meeting highlight shows the meeting's card.
    const meeting = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...h.get('zwl-meeting')!][0]!;
      getSelection()!.collapse(range.startContainer, range.startOffset + 1);
      return String(range);
    });
    card = await waitForCard(shadow, (c) => c?.kind === 'meeting');
    expect(card?.kind).toBe('meeting');
    expect(card?.head).toContain(meeting);
    expect(meeting).toContain('第二十六次');
    expect(row(card, 'Number', 'cardOrdinals')).toBe('26');
    await page.close();
  });
});

describe('panel by keyboard', () => {
  it('toggles a kind, then switching off restores the page exactly', async () => {
    const page = await ff.newPage();
    await page.evaluateOnNewDocument(RECORD_INITIAL_DOM);
    await page.goto(server.url('seed-002.html'));
    await waitForAnnotated(page);
    await openPanel(page);
    await waitForPanelFocus(page, PANEL_SELECTOR);
    await tab(page, 1); // collapse → officials toggle
    await page.keyboard.press(' ');
    let hl = await readHighlights(page);
    expect(hl['zwl-official']).toBeUndefined();
    expect(hl['zwl-meeting']?.length).toBeGreaterThan(0);
    await page.keyboard.press(' ');
    hl = await readHighlights(page);
    expect(hl['zwl-official']?.length).toBeGreaterThan(0);

    await tab(page, 5); // meetings, directives, save selection, save article, switch off
    await page.keyboard.press('Enter');
    expect(await hasHost(page)).toBe(false);
    expect(await readHighlights(page)).toEqual({});
    const { before, now } = await readDomBeforeAfter(page);
    expect(now).toBe(before);
    await page.close();
  });

  it('saves the selection: the status gives a clip id only when the background stored it', async () => {
    const page = await ff.newPage();
    await page.goto(server.url('seed-000.html'));
    await waitForAnnotated(page);
    await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.querySelector('main p, article p, p')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await openPanel(page);
    const shadow = await waitForPanelFocus(page, PANEL_SELECTOR);
    const focused = () =>
      shadow.run<string | null>(
        'function () { return this.activeElement ? this.activeElement.textContent : null; }',
      );
    await tab(page, 4); // officials, meetings, directives, save selection
    expect(await focused()).toMatch(/selection|选|選/i);
    await page.keyboard.press('Enter');
    // The id appears only once the background confirmed it stored the clip.
    expect((await waitForTabStatus(page, (s) => s.lastClipId !== null)).lastClipId).toMatch(/\S/);
    expect(await page.evaluate(() => getSelection()!.toString().length)).toBeGreaterThan(10);
    await page.close();
  });
});

describe('pages', () => {
  it('own script, appended text, another genre and hostile pages', async () => {
    const page = await ff.newPage();
    await page.goto(pages.ownScript);
    await waitForAnnotated(page);
    await page.click('#own-button');
    await page.click('#own-button');
    expect(await page.$eval('#own-count', (e) => e.textContent)).toBe('2');
    const before = (await waitForAnnotated(page)).counts;
    await appendMeetingParagraph(page);
    await waitForTabStatus(page, (s) => s.counts.meeting > before.meeting);
    expect((await readHighlights(page))['zwl-meeting']?.join('|')).toContain('第二十七次');

    await page.goto(server.url('novel.html'));
    // Give the content script time to analyse the page; it must leave it untouched.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await hasHost(page)).toBe(false);
    expect(await readHighlights(page)).toEqual({});

    await page.goto(pages.markup);
    await waitForAnnotated(page);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.evaluate(() => document.images.length)).toBe(0);

    await page.goto(pages.redefining);
    expect(
      await page.evaluate(() => (window as unknown as { __redefined?: boolean }).__redefined),
    ).toBe(true);
    await waitForAnnotated(page);

    await page.goto(pages.csp);
    await waitForAnnotated(page);
    expect((await readHighlights(page))['zwl-official']?.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('zhengwen-lens-panel')!).position,
      ),
    ).toBe('fixed');

    await page.goto(pages.huge);
    const { counts } = await waitForAnnotated(page);
    expect(counts.official).toBeGreaterThan(500);
    await expectRangesFollowScrolling(page, counts.official);
    await page.close();
  });
});

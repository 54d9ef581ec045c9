/**
 * In-page annotation in Firefox ESR, tested from the page side (moz-extension:// pages cannot be
 * opened by the test): highlights in the page's `CSS.highlights` and the host's attributes on
 * every seed fixture, the panel driven by keyboard (toggles, switching off, saving), the page's own
 * script, appended text, a page of another genre, and hostile pages. One browser for the file.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchFirefox,
  startFixtureServer,
  type FirefoxSession,
  type FixtureServer,
} from './harness';
import {
  RECORD_INITIAL_DOM,
  SEEDS,
  addContentPages,
  appendMeetingParagraph,
  hasHost,
  parseCounts,
  readDomBeforeAfter,
  readHighlights,
  waitForAnnotated,
  waitForHost,
} from './content-pages';

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
      await waitForAnnotated(page);
      expect(await waitForHost(page, 'data-detection', (v) => v !== null)).toBe('gov');
      const counts = parseCounts(await waitForHost(page, 'data-counts', (v) => v !== null));
      const hl = await readHighlights(page);
      for (const kind of ['official', 'meeting', 'directive'] as const) {
        expect(hl[`zwl-${kind}`]?.length ?? 0, `${seed.page} ${kind}`).toBe(counts[kind]);
        for (const s of seed[kind]) expect(hl[`zwl-${kind}`]?.join('|')).toContain(s);
      }
    }
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

  it('saves the selection: data-last-clip appears only when the background stored it', async () => {
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
    await tab(page, 4); // officials, meetings, directives, save selection
    await page.keyboard.press('Enter');
    // The id appears only once the background confirmed it stored the clip.
    expect(await waitForHost(page, 'data-last-clip', (v) => v !== null)).toMatch(/\S/);
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
    const before = parseCounts(await waitForHost(page, 'data-counts', (v) => v !== null));
    await appendMeetingParagraph(page);
    await waitForHost(page, 'data-counts', (v) => parseCounts(v).meeting! > before.meeting!);
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
    await waitForAnnotated(page);
    expect(
      parseCounts(await waitForHost(page, 'data-counts', (v) => v !== null)).official,
    ).toBeGreaterThan(500);
    await page.close();
  });
});

/**
 * The clip library in Firefox, from the page side: a passage selected on a seed page is saved
 * through the in-page panel, driven by the keyboard (the panel lives in a closed shadow root), and
 * the tab status (asked from an extension page) gives the id the background answered after its
 * transaction committed. Two saves give two distinct stored clips,
 * and the panel's count of clips saved from the page, read from the database, says both are there.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchFirefox,
  PANEL_SELECTOR,
  startFixtureServer,
  waitForAnnotated,
  waitForTabStatus,
  type FirefoxSession,
  type FixtureServer,
} from '../support';
import { openClosedShadow, waitForPanelFocus } from '../support/bidi-shadow';

let server: FixtureServer;
let ff: FirefoxSession;

beforeAll(async () => {
  server = await startFixtureServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** Selects `length` characters of the seed's lead sentence. */
async function selectLead(page: Page, length: number): Promise<void> {
  await page.evaluate((length: number) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent!;
      if (text.includes('韋韜主持召開') && text.includes('省委常委')) {
        const range = document.createRange();
        range.setStart(n, text.indexOf('省委常委'));
        range.setEnd(n, Math.min(text.length, text.indexOf('省委常委') + length));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error('lead sentence not found');
  }, length);
}

/**
 * Presses the panel's "Save selection" with the keyboard: Tab reaches the collapsed panel's
 * tab, Enter opens it and focuses its collapse button, four more Tabs pass the three kind
 * toggles (annotated state: no "Annotate" button) to "Save selection".
 */
async function saveWithPanel(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitForPanelFocus(page, PANEL_SELECTOR);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

describe('clip saving (Firefox, page side)', () => {
  it('saves a selection through the panel and gets the stored id back', async () => {
    const page = await ff.newPage();
    await page.goto(server.url('seed-000.html'));
    await waitForAnnotated(page);
    await selectLead(page, 40);
    await saveWithPanel(page);
    const { lastClipId: first } = await waitForTabStatus(page, (s) => !!s.lastClipId, 20_000);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);

    // After a reload, another passage is stored as a second clip with its own id.
    await page.reload();
    await waitForAnnotated(page);
    expect((await waitForAnnotated(page)).lastClipId).toBeNull();
    await selectLead(page, 20);
    await saveWithPanel(page);
    const { lastClipId: second } = await waitForTabStatus(page, (s) => !!s.lastClipId, 20_000);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);

    // Both are in the database: the panel shows the background's count of clips saved from this
    // page, read from its URL index (the first clip was saved before the reload).
    const shadow = await openClosedShadow(page, PANEL_SELECTOR);
    const savedHere = () =>
      shadow.run<string>(
        "function () { return this.querySelector('.saved-here')?.textContent ?? ''; }",
      );
    for (let i = 0; i < 100 && !/\b2$/.test(await savedHere()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await savedHere()).toMatch(/saved from this page:?\s*2$/);
    await page.close();
  });
});

/**
 * The toolbar popup in real Chromium: its detection status for a seed fixture page and its
 * annotate on/off switch, seen on the page itself (panel host and CSS highlights) and in the tab
 * status the content script gives the extension.
 *
 * The popup shows the active tab of its own window. Opened as a tab it would be that tab, so here
 * it is loaded in a tab of the window whose active tab is the fixture page (the fixture page is
 * brought to the front, then the popup page is reloaded in its background tab): the same state the
 * real popup sees over a page. No test-only code in the extension.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PANEL_SELECTOR,
  launchChromium,
  startFixtureServer,
  waitForAnnotated,
  type ChromiumSession,
  type FixtureServer,
} from '../support';

let server: FixtureServer;
let cr: ChromiumSession;

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** Names of the page's `zwl-*` CSS highlights that hold at least one range. */
function zwlHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.entries()]
      .filter(([name, ranges]) => name.startsWith('zwl-') && ranges.size > 0)
      .map(([name]) => name)
      .sort(),
  );
}

/** Polls `read` until `done` holds for its value; answers the last value. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Opens the popup page over `target`: `target` is the active tab of the popup's window. */
async function openPopupOver(target: Page): Promise<Page> {
  const popup = await cr.context.newPage();
  await popup.goto(`chrome-extension://${cr.extensionId}/src/popup/index.html`);
  await target.bringToFront();
  await popup.reload();
  return popup;
}

describe('popup (Chromium)', () => {
  it('shows the detection status of a seed page and switches its annotation off and on', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('seed-000.html'));
    const panel = await waitForAnnotated(page);
    expect(panel.isGovNews).toBe(true);
    const highlightsOn = await zwlHighlights(page);
    expect(highlightsOn).toEqual(expect.arrayContaining(['zwl-official', 'zwl-meeting']));

    const popup = await openPopupOver(page);
    // The popup's status is the page's: detection, score and counts match the page's panel.
    const status = popup.locator('.tab-status[data-detection]');
    await status.waitFor();
    expect(await status.getAttribute('data-detection')).toBe('gov');
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('Government news page');
    expect(text).toContain(`Score ${panel.score.toFixed(2)}`);
    const { counts } = panel;
    const countText = (await popup.locator('.tab-status .counts').textContent()) ?? '';
    expect(countText.match(/\d+/g)).toEqual(
      [counts.official, counts.meeting, counts.directive].map(String),
    );
    expect(Number(counts.official)).toBeGreaterThan(0);

    // Off: the page loses its panel host and every highlight.
    const toggle = popup.locator('button.toggle-annotations');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await popup.locator('button.toggle-annotations[aria-pressed="false"]').waitFor();
    expect(
      await waitFor(
        () => page.evaluate((s) => document.querySelector(s) !== null, PANEL_SELECTOR),
        (present) => !present,
      ),
    ).toBe(false);
    expect(
      await waitFor(
        () => zwlHighlights(page),
        (names) => names.length === 0,
      ),
    ).toEqual([]);

    // On again: the panel host is back, annotated, with the same highlights.
    await toggle.click();
    await popup.locator('button.toggle-annotations[aria-pressed="true"]').waitFor();
    await waitForAnnotated(page);
    expect(
      await waitFor(
        () => zwlHighlights(page),
        (names) => names.length >= highlightsOn.length,
      ),
    ).toEqual(highlightsOn);
    expect((await waitForAnnotated(page)).counts).toEqual(panel.counts);
    await popup.close();
    await page.close();
  });

  it('tells a Chinese page that is not government news, and a page without Chinese', async () => {
    const novel = await cr.context.newPage();
    await novel.goto(server.url('novel.html'));
    let popup = await openPopupOver(novel);
    await popup.locator('.tab-status[data-detection="other"]').waitFor();
    await popup.close();
    await novel.close();

    const english = await cr.context.newPage();
    await english.goto(server.url('english.html'));
    popup = await openPopupOver(english);
    await popup.locator('.tab-status[data-detection="none"]').waitFor();
    expect(await popup.locator('button.toggle-annotations').count()).toBe(0);
    await popup.close();
    await english.close();
  });
});

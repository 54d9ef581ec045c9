/**
 * `npm run screenshots`: regenerates the README screenshots from a real Chromium with the built
 * extension: the page panel (with its "Why" list open) on a seed fixture page, a hover card over a
 * highlighted official, the library view with clips saved from the seed pages, the popup over an
 * annotated page with its clip, and the settings page. Writes `docs/screenshots/*.png`.
 *
 * To look at other variants without touching the README's: `ZWL_SCREENSHOTS_OUT=<dir>` writes
 * elsewhere, `ZWL_SCREENSHOTS_SCHEME=dark` shows every page in the dark colour scheme, and the
 * browser's UI language follows `LANGUAGE` (e.g. `LANGUAGE=zh_CN`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test/support/browsers';
import { openShadow } from '../test/support/cdp-shadow';
import { startFixtureServer } from '../test/support/fixture-server';
import { waitForAnnotated } from '../test/support/tab-status';
import { REPO_ROOT, snapshotExtension } from './lib/chromium-cdp';

const OUT = process.env.ZWL_SCREENSHOTS_OUT ?? join(REPO_ROOT, 'docs', 'screenshots');
const SCHEME = process.env.ZWL_SCREENSHOTS_SCHEME === 'dark' ? 'dark' : 'light';
const PANEL = 'zhengwen-lens-panel[data-zhengwen-lens-ui]';
const VIEWPORT = { width: 1280, height: 800 };
const SEEDS = ['seed-000.html', 'seed-001.html', 'seed-002.html', 'seed-003.html', 'seed-004.html'];

/** Waits until the content script says the page is annotated (its tab status). */
async function waitAnnotated(page: Page): Promise<void> {
  await waitForAnnotated(page, 60_000);
}

/** Centre of the first range of highlight `name` that lies in the viewport, or null. */
async function highlightPoint(page: Page, name: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((n: string) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
    for (const range of h ?? []) {
      const r = range.getClientRects()[0];
      if (r && r.top > 80 && r.bottom < innerHeight - 80 && r.left < innerWidth / 2) {
        return { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 };
      }
    }
    return null;
  }, name);
}

/** A point in the bottom-right corner where the panel host is painted, or null. */
async function panelPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate((sel: string) => {
    const host = document.querySelector(sel);
    for (let y = innerHeight - 8; y > innerHeight - 200; y -= 6) {
      for (let x = innerWidth - 8; x > innerWidth - 400; x -= 6) {
        if (document.elementFromPoint(x, y) === host) return { x: x - 10, y };
      }
    }
    return null;
  }, PANEL);
}

/** Saves a screenshot of `page` as `docs/screenshots/<name>.png`. */
async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage });
  console.log(`wrote ${path}`);
}

/** A new page of the browser in the chosen colour scheme. */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: SCHEME });
  return page;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer();
  const snapshot = await snapshotExtension('chrome');
  const cr = await launchChromium({ extensionDir: snapshot.dir });
  try {
    // 1. A hover card over a highlighted official (seed page in traditional script with glosses).
    const page = await newPage(cr.context);
    await page.setViewportSize(VIEWPORT);
    await page.goto(server.url('seed-000.html'));
    await waitAnnotated(page);
    await page.waitForTimeout(500);
    const point = await highlightPoint(page, 'zwl-official');
    if (!point) throw new Error('No highlighted official in view on seed-000.html');
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(800);
    await shoot(page, 'hover-card');

    // 2. The page panel, opened by clicking its collapsed tab (found from the page side: the
    // host element answers elementFromPoint for the points its closed shadow root paints).
    await page.mouse.move(VIEWPORT.width / 2, 40);
    await page.waitForTimeout(500);
    const tab = await panelPoint(page);
    if (!tab) throw new Error('The collapsed panel is not on screen');
    await page.mouse.click(tab.x, tab.y);
    await page.waitForTimeout(500);
    // The "Why" list open: the detection reasons as sentences.
    const shadow = await openShadow(page);
    await shadow.run<void>(`function () { this.querySelector('details').open = true; }`);
    await page.waitForTimeout(300);
    await shoot(page, 'panel');

    // 3. The library with a passage saved from every seed page, as the keyboard shortcut does.
    // The last seed page stays open for the popup below.
    let last: Page | null = null;
    for (const seed of SEEDS) {
      const p = await newPage(cr.context);
      await p.goto(server.url(seed));
      await waitAnnotated(p);
      await selectFirstParagraph(p);
      await saveSelection(cr.serviceWorker, server.url(seed));
      if (seed === SEEDS.at(-1)) last = p;
      else await p.close();
    }
    const library = await cr.openExtensionPage('src/library/index.html');
    await library.emulateMedia({ colorScheme: SCHEME });
    await library.setViewportSize(VIEWPORT);
    await library.waitForSelector('.clip-card', { timeout: 30_000 });
    await library.waitForTimeout(500);
    await shoot(library, 'library');
    await library.close();

    // 4. The popup over the annotated page a clip was just saved from. The popup shows the active
    // tab of its window: it is loaded in a background tab, the page brought to the front, and
    // the popup reloaded (as the popup E2E test does), so it reads that page's status.
    if (!last) throw new Error('No seed page left open for the popup');
    const popup = await cr.openExtensionPage('src/popup/index.html');
    await popup.emulateMedia({ colorScheme: SCHEME });
    await popup.setViewportSize({ width: 380, height: 600 });
    await last.bringToFront();
    await popup.reload();
    await popup.waitForSelector('.tab-status[data-detection="gov"]', { timeout: 30_000 });
    await popup.waitForSelector('.clip-card', { timeout: 30_000 });
    await popup.waitForTimeout(300);
    await shoot(popup, 'popup', true);
    await popup.close();

    // 5. The settings page.
    const options = await cr.openExtensionPage('src/options/index.html');
    await options.emulateMedia({ colorScheme: SCHEME });
    await options.setViewportSize({ width: 760, height: 800 });
    await options.waitForSelector('form.options', { timeout: 30_000 });
    await shoot(options, 'options', true);
  } finally {
    await cr.close();
    await server.close();
    await snapshot.remove();
  }
}

/** Selects the first article paragraph that holds a highlighted official. */
async function selectFirstParagraph(page: Page): Promise<void> {
  await page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const [range] = h.get('zwl-official') ?? [];
    const p = range?.startContainer.parentElement?.closest('p') ?? document.querySelector('p');
    if (p) getSelection()?.selectAllChildren(p);
  });
}

/** The tab API the background's worker has (typed here: the project has no chrome types). */
interface WorkerTabs {
  chrome: {
    tabs: {
      query(q: object): Promise<Array<{ id?: number }>>;
      sendMessage(id: number, m: unknown): Promise<unknown>;
    };
  };
}

/**
 * Asks the content script of the tab showing `url` to save its selection, the message the
 * background sends for the keyboard shortcut and the context menu.
 */
async function saveSelection(
  worker: { evaluate<R, A>(fn: (a: A) => R | Promise<R>, arg: A): Promise<R> },
  url: string,
): Promise<void> {
  const reply = await worker.evaluate(async (u: string) => {
    const { chrome } = globalThis as unknown as WorkerTabs;
    // Without the "tabs" permission tab URLs are hidden: ask every tab; only the one with a
    // selection saves, the others answer that nothing is selected.
    const replies: unknown[] = [];
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      replies.push(
        await chrome.tabs
          .sendMessage(tab.id, { type: 'tab/save-selection', payload: {} })
          .catch((e: unknown) => String(e)),
      );
    }
    return { url: u, replies };
  }, url);
  console.log(`save from ${url}: ${JSON.stringify(reply).slice(0, 300)}`);
}

await main();

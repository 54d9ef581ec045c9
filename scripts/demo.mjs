// `npm run demo`: launches Chromium with the built extension (dist/chrome) on the bundled demo
// pages (test/fixtures/pages, served from localhost), screenshots each page, saves a clip from a
// government page and exports the clip library as JSON, all through the extension itself.
// Writes out/demo/: <page>.png, popup.png (the popup over the page a clip was saved from),
// library.png, the exported clips JSON, summary.json.
// Headless when there is no $DISPLAY (or with --headless / ZWL_DEMO_HEADLESS=1); with a display
// the browser stays open on the demo index until you close it.
// Run through `npm run demo` (node --import tsx, so the TypeScript E2E harness is reused).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  PANEL_SELECTOR,
  REPO_ROOT,
  launchChromium,
  readTabStatus,
  startFixtureServer,
  waitForTabStatus,
} from '../test/support/index.ts';

const OUT_DIR = join(REPO_ROOT, 'out', 'demo');
const DEMO_PAGES = [
  'seed-000.html',
  'seed-001.html',
  'seed-002.html',
  'seed-003.html',
  'seed-004.html',
  'novel.html',
  'recipe.html',
  'english.html',
];
/** The page a clip is saved from, and the passage selected there (its first article paragraph). */
const CLIP_PAGE = 'seed-002.html';
const headless =
  !process.env.DISPLAY ||
  process.env.ZWL_DEMO_HEADLESS === '1' ||
  process.argv.includes('--headless');

const summary = { headless, pages: [], clip: null, popup: null, export: null, skipped: [] };
const log = (msg) => console.log(`demo: ${msg}`);
/** Records a step the demo could not do, with the reason, so the output never hides it. */
const skip = (step, reason) => {
  summary.skipped.push({ step, reason });
  console.log(`demo: SKIPPED ${step}: ${reason}`);
};

/** Rejects when `promise` has not settled after `ms`, so no step can hang the demo. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits until the content script has settled on a page (it reached the background, so its panel
 * is shown), or gives up; answers the summary of its tab status (as the popup reads it), or null
 * when the page has no panel.
 */
async function waitForPanel(page) {
  const settled = (ok, timeout) =>
    waitForTabStatus(page, ok, timeout).then(
      () => true,
      () => false,
    );
  // No panel at all means the extension shows nothing here (e.g. a page without Chinese text).
  if (await settled((s) => s.background !== null, 6_000)) {
    await settled((s) => s.annotated, 3_000);
    // Give the highlights a moment to paint before the screenshot.
    await page.waitForTimeout(300);
  }
  if (!(await page.$(PANEL_SELECTOR))) return null;
  const status = await readTabStatus(page);
  if (!status) return null;
  const { annotated, isGovNews, score, counts, background } = status;
  return { annotated, isGovNews, score: Number(score.toFixed(2)), counts, background };
}

/** Selects the first sentence of the first article paragraph, as a reader would. */
async function selectPassage(page) {
  return page.evaluate(() => {
    const p = document.querySelector('.article-content p:not(.lead)');
    const text = p?.firstChild;
    if (!p || !text || text.nodeType !== Node.TEXT_NODE) return null;
    const end = text.textContent.indexOf('。') + 1 || text.textContent.length;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, end);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString();
  });
}

/** Waits for the content script to report a saved clip in its tab status. */
async function waitForLastClip(page, timeoutMs) {
  try {
    return (await waitForTabStatus(page, (s) => s.lastClipId !== null, timeoutMs)).lastClipId;
  } catch {
    return null;
  }
}

/**
 * Saves a clip from CLIP_PAGE the way the popup's "save selection" button and the context menu do:
 * a `tab/save-selection` tab message, so the page's content script drafts the clip from the
 * reader's selection and the background stores it.
 */
async function saveClip(cr, server, extPage) {
  const page = await cr.context.newPage();
  await page.goto(server.url(CLIP_PAGE));
  await waitForPanel(page);
  const quote = await selectPassage(page);
  if (!quote) return skip('save clip', `no article paragraph to select on ${CLIP_PAGE}`);
  log(`selected on ${CLIP_PAGE}: ${quote.slice(0, 40)}…`);
  // Without the "tabs" permission tabs cannot be found by URL: the page is brought to the front
  // and found as the active tab, as the popup finds it.
  await page.bringToFront();
  const reply = await withTimeout(
    extPage.evaluate(async () => {
      const [tab] = await globalThis.chrome.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return { ok: false, error: 'no active tab' };
      try {
        return await globalThis.chrome.tabs.sendMessage(tab.id, {
          type: 'tab/save-selection',
          payload: {},
        });
      } catch (err) {
        return { ok: false, error: String(err).slice(0, 200) };
      }
    }),
    15_000,
    'tab/save-selection',
  ).catch((err) => ({ ok: false, error: err.message }));
  const clipId = reply?.ok ? await waitForLastClip(page, 5_000) : null;
  if (!clipId) {
    await page.close();
    const why = reply?.ok ? 'no clip id confirmed in the tab status' : (reply?.error ?? 'no reply');
    return skip('save clip', `the extension did not save the selection (${why})`);
  }
  summary.clip = { id: clipId, page: CLIP_PAGE, via: 'tab/save-selection (popup path)', quote };
  log(`saved clip ${clipId}`);
  await page.screenshot({ path: join(OUT_DIR, 'clip-saved.png') });
  await shootPopup(extPage, page, clipId);
  await page.close();
}

/**
 * Screenshots the popup as it shows over `page` (annotated, its clip just saved): the popup page
 * is reloaded while `page` is its window's active tab, so it reads that tab's status, as the
 * toolbar popup does, and lists the new clip.
 */
async function shootPopup(extPage, page, clipId) {
  await page.bringToFront();
  await extPage.reload();
  try {
    await extPage.waitForSelector('.tab-status[data-detection="gov"]', { timeout: 10_000 });
    await extPage.waitForSelector(`.clip-card[data-clip-id="${clipId}"]`, { timeout: 10_000 });
  } catch {
    return skip('popup screenshot', 'the popup showed no annotated page or not the saved clip');
  }
  const shot = join(OUT_DIR, 'popup.png');
  await extPage.screenshot({ path: shot, fullPage: true });
  summary.popup = { screenshot: shot, over: CLIP_PAGE, clip: clipId };
  log(`popup over ${CLIP_PAGE} with its clip: ${shot}`);
}

/** Exports the clip library as JSON through the library page's export button (the one path). */
async function exportClips(cr) {
  const library = await cr.openExtensionPage('src/library/index.html');
  await library.waitForSelector('.clip-list, .empty', { timeout: 10_000 }).catch(() => {});
  await library.screenshot({ path: join(OUT_DIR, 'library.png'), fullPage: true });
  const button = library.locator('.export-button').first();
  if (!(await button.count())) {
    skip('export clips JSON', 'the library page has no export button');
    return library.close();
  }
  // JSON is the default; choose it anyway so the demo does not depend on that default.
  const format = library.locator('select.export-format');
  if (await format.count()) await format.selectOption('json');
  try {
    const [download] = await Promise.all([
      library.waitForEvent('download', { timeout: 15_000 }),
      button.click(),
    ]);
    const file = join(OUT_DIR, download.suggestedFilename());
    await withTimeout(download.saveAs(file), 15_000, 'saving the download');
    summary.export = { via: 'library page export button', file };
    log(`exported clips through the library page: ${file}`);
  } catch (err) {
    skip('export clips JSON', `the export button gave no download (${String(err).split('\n')[0]})`);
  }
  await library.close();
}

async function main() {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const server = await startFixtureServer();
  const cr = await launchChromium({ headless });
  log(`Chromium ${headless ? 'headless' : 'with a window'}, extension ${cr.extensionId}`);
  try {
    for (const name of DEMO_PAGES) {
      const page = await cr.context.newPage();
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(server.url(name));
      const panel = await waitForPanel(page);
      const shot = join(OUT_DIR, name.replace(/\.html$/, '.png'));
      await page.screenshot({ path: shot, fullPage: true });
      summary.pages.push({ page: name, panel, screenshot: shot });
      log(`${name}: ${panel ? JSON.stringify(panel) : 'no panel (extension shows nothing)'}`);
      await page.close();
    }
    // The popup page, kept in a background tab: it sends the save, then is shown over the page.
    const extPage = await cr.openExtensionPage('src/popup/index.html');
    await extPage.setViewportSize({ width: 380, height: 560 });
    await saveClip(cr, server, extPage);
    await extPage.close();
    await exportClips(cr);
    await writeFile(join(OUT_DIR, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    log(`wrote ${OUT_DIR}`);
    // A skipped step means the demo did not show what it promises: fail loudly, after writing.
    if (summary.skipped.length) {
      log(`${summary.skipped.length} step(s) skipped, see above`);
      process.exitCode = 1;
    }
    if (!headless) {
      const index = await cr.context.newPage();
      await index.goto(server.url('index.html'));
      log('browsing the demo pages: close the browser window to finish');
      await new Promise((resolve) => cr.context.on('close', resolve));
    }
  } finally {
    await cr.close().catch(() => {});
    await server.close();
  }
}

main().catch((err) => {
  console.error(`demo: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

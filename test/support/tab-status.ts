/**
 * What the content script knows about a page (annotated or not, counts, detection, score, the
 * background's version, the last saved clip, how a clip passage was found), read the way the
 * extension's own popup reads it: the declared `tab/status` tab message, sent by the extension.
 * A page can neither send it nor read its answer, and the panel host carries none of it. The same
 * route sends the other tab messages (`tab/set-annotations`, `tab/save-selection`, …).
 *
 * Chromium (playwright, or puppeteer in the soak script): sent from the background service
 * worker. Firefox (puppeteer, launched by `launchFirefox`): there is
 * no worker handle, so the popup page is opened once per browser in a background tab (through
 * `launchFirefox`'s fixed moz-extension UUID) and sends it from there.
 *
 * Without the "tabs" permission tabs cannot be found by URL (Chromium hides it): a page's tab is
 * found as the popup finds it, brought to the front and read as the active tab of its window, the
 * first time the page is asked about; its id is then kept (it survives navigation and reloads).
 *
 * API:
 *   await readTabStatus(page)                           // TabStatus, or null (no content script yet)
 *   await waitForTabStatus(page, (s) => s.annotated)    // polls until `ok`; throws on timeout
 *   await waitForAnnotated(page)                        // the same, for `annotated`
 *   await sendTabMessage(page, 'tab/set-annotations', { on: false })   // the raw reply
 *   const at = annotatedStamp(page); await page.goto(url); await at   // benches: epoch ms
 */
import type { Page as PlaywrightPage, Worker } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import type { TabStatus } from '../../src/shared/tab-messages';
import { firefoxExtensionBase, isFirefox } from './browsers';
import type { AnyPage } from './panel';

/** A content script's reply: `{ ok: true, value }` or `{ ok: false, error }`. */
export type TabReply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** Runs `fn(arg)` in an extension context that has `chrome.tabs` / `browser.tabs`. */
type ExtensionEval = <R, A>(fn: (arg: A) => Promise<R>, arg: A) => Promise<R>;

/** `tabs` as seen from an extension context (no @types/chrome in this project). */
interface TabsApi {
  query(q: object): Promise<Array<{ id?: number }>>;
  sendMessage(id: number, message: unknown): Promise<unknown>;
}

const isPlaywright = (page: AnyPage): page is PlaywrightPage =>
  typeof (page as PlaywrightPage).context === 'function';

/** The extension's background worker in `page`'s Chromium context (it may have restarted). */
async function workerOf(page: PlaywrightPage): Promise<Worker> {
  const context = page.context();
  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }))
  );
}

/** The popup page opened in each Firefox, once. */
const firefoxSenders = new WeakMap<Browser, Promise<PuppeteerPage>>();

/** Opens the popup page in a background tab of `browser` and waits for its extension API. */
async function openFirefoxSender(browser: Browser): Promise<PuppeteerPage> {
  const base = firefoxExtensionBase(browser);
  const page = await browser.newPage({ background: true });
  // Firefox's BiDi reports no load for a moz-extension:// navigation: not awaited, polled below.
  void page.goto(`${base}src/popup/index.html`).catch(() => undefined);
  for (let i = 0; i < 300; i++) {
    const ready = await page
      .evaluate(
        () =>
          location.protocol === 'moz-extension:' &&
          typeof (globalThis as { browser?: { tabs?: unknown } }).browser?.tabs === 'object',
      )
      .catch(() => false);
    if (ready) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The extension page ${base}src/popup/index.html did not open in Firefox`);
}

/** Where tab messages to `page` are sent from. */
async function senderFor(page: AnyPage): Promise<ExtensionEval> {
  if (isPlaywright(page)) {
    const worker = await workerOf(page);
    return worker.evaluate.bind(worker) as unknown as ExtensionEval;
  }
  const browser = page.browser();
  if (!isFirefox(browser)) {
    // puppeteer driving Chromium (the soak script): its worker, as with playwright.
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 30_000 },
    );
    const worker = await target.worker();
    if (!worker) throw new Error('The extension service worker has no handle');
    return worker.evaluate.bind(worker) as unknown as ExtensionEval;
  }
  let sender = firefoxSenders.get(browser);
  if (!sender) {
    sender = openFirefoxSender(browser);
    firefoxSenders.set(browser, sender);
    sender.catch(() => firefoxSenders.delete(browser));
  }
  const extensionPage = await sender;
  return extensionPage.evaluate.bind(extensionPage) as unknown as ExtensionEval;
}

/** The tab id of each page, found once. */
const tabIds = new WeakMap<AnyPage, number>();

/** The look-up in progress: two at once would each bring their page to the front. */
let finding: Promise<unknown> = Promise.resolve();

/** `page`'s tab id: the active tab of its window once it is brought to the front. */
function tabIdOf(page: AnyPage, send: ExtensionEval): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return Promise.resolve(known);
  const found = finding.then(() => findTabId(page, send));
  finding = found.catch(() => undefined);
  return found;
}

async function findTabId(page: AnyPage, send: ExtensionEval): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  await page.bringToFront();
  const id = await send(async () => {
    const g = globalThis as unknown as { chrome?: { tabs: TabsApi }; browser?: { tabs: TabsApi } };
    const tabs = (g.browser ?? g.chrome)!.tabs;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }, undefined);
  if (id === null) throw new Error('No active tab found for the page');
  tabIds.set(page, id);
  return id;
}

/**
 * Sends tab message `{ type, payload }` to `page`'s content script from the extension; answers
 * its raw reply, or `{ ok: false }` when no content script answers (yet).
 */
export async function sendTabMessage<T = unknown>(
  page: AnyPage,
  type: string,
  payload: unknown = {},
): Promise<TabReply<T>> {
  const send = await senderFor(page);
  const tabId = await tabIdOf(page, send);
  return send(
    async ({ tabId, message }) => {
      const g = globalThis as unknown as {
        chrome?: { tabs: TabsApi };
        browser?: { tabs: TabsApi };
      };
      try {
        return (await (g.browser ?? g.chrome)!.tabs.sendMessage(tabId, message)) as TabReply<T>;
      } catch (err) {
        return { ok: false as const, error: String(err) };
      }
    },
    { tabId, message: { type, payload } },
  );
}

/** `page`'s tab status, or null while no content script answers. */
export async function readTabStatus(page: AnyPage): Promise<TabStatus | null> {
  const reply = await sendTabMessage<TabStatus>(page, 'tab/status');
  return reply.ok ? reply.value : null;
}

/** Polls `page`'s tab status until `ok` holds and answers it; throws with the last one on timeout. */
export async function waitForTabStatus(
  page: AnyPage,
  ok: (status: TabStatus) => boolean,
  timeoutMs = 30_000,
): Promise<TabStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readTabStatus(page);
    if (status && ok(status)) return status;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for the tab status; last ${JSON.stringify(status)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the page is annotated (the panel's annotated state) and answers the status. */
export const waitForAnnotated = (page: AnyPage, timeoutMs?: number): Promise<TabStatus> =>
  waitForTabStatus(page, (s) => s.annotated, timeoutMs);

/**
 * For benchmarks: starts asking `page`'s tab for its status every `everyMs` from the extension
 * itself (no round trip through the driver) and answers the extension's clock (`Date.now()`, the
 * same clock as the page's `performance.timeOrigin + performance.now()`) at the first answer
 * saying the page is annotated. Start it before the navigation it times; its resolution is
 * `everyMs` plus one message, and each ask is a small task on the page's main thread.
 */
export async function annotatedStamp(
  page: AnyPage,
  timeoutMs = 120_000,
  everyMs = 20,
): Promise<number> {
  const send = await senderFor(page);
  const tabId = await tabIdOf(page, send);
  const stamp = await send(
    async ({ tabId, timeoutMs, everyMs }) => {
      const g = globalThis as unknown as {
        chrome?: { tabs: TabsApi };
        browser?: { tabs: TabsApi };
      };
      const tabs = (g.browser ?? g.chrome)!.tabs;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const reply = (await tabs
          .sendMessage(tabId, { type: 'tab/status', payload: {} })
          .catch(() => null)) as TabReply<TabStatus> | null;
        if (reply?.ok && reply.value.annotated) return Date.now();
        await new Promise((r) => setTimeout(r, everyMs));
      }
      return null;
    },
    { tabId, timeoutMs, everyMs },
  );
  if (stamp === null) throw new Error(`The page was not annotated within ${timeoutMs} ms`);
  return stamp;
}

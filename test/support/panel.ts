/**
 * What a page itself can see of the extension's panel host, the same for Chromium (playwright) and
 * Firefox (puppeteer) pages. What the content script knows about the page (state, counts, …) is
 * not on the host: read it from the extension side with `tab-status.ts`.
 *
 * API:
 *   PANEL_SELECTOR                         // 'zhengwen-lens-panel[data-zhengwen-lens-ui]'
 *   await readHostAttributes(page)         // every attribute of the host as the page sees it, or null
 *   await evaluateIn(page, fn, arg)        // page.evaluate for either library, typed
 */

/** Selector of the one host element the content script keeps on a page. */
export const PANEL_SELECTOR = 'zhengwen-lens-panel[data-zhengwen-lens-ui]';

import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** A playwright (Chromium) or puppeteer (Firefox) page. */
export type AnyPage = PlaywrightPage | PuppeteerPage;

/** Runs `fn(arg)` in the page; both libraries take (function, serialisable argument). */
export function evaluateIn<R, A>(
  page: AnyPage,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  const evaluate = page.evaluate.bind(page) as unknown as (
    f: (a: A) => R | Promise<R>,
    a: A,
  ) => Promise<R>;
  return evaluate(fn, arg);
}

/** Every attribute of the panel host, read by the page's own script; null when there is no host. */
export async function readHostAttributes(page: AnyPage): Promise<Record<string, string> | null> {
  return evaluateIn(
    page,
    (selector: string) => {
      const host = document.querySelector(selector);
      if (!host) return null;
      const out: Record<string, string> = {};
      for (const a of Array.from(host.attributes)) out[a.name] = a.value;
      return out;
    },
    PANEL_SELECTOR,
  );
}

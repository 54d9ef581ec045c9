/**
 * Page-side reads of the extension's public contract (see BRIEF "Page-side test contract"), the
 * same for Chromium (playwright) and Firefox (puppeteer) pages.
 *
 * API:
 *   PANEL_SELECTOR                         // 'zhengwen-lens-panel[data-zhengwen-lens-ui]'
 *   await waitForPanelAttribute(page, 'data-background')   // value once set (throws on timeout)
 *   await readPanelAttributes(page)        // all data-* attributes of the host, or null
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

/** Waits until the panel host has `attribute` set and returns its value. */
export async function waitForPanelAttribute(
  page: AnyPage,
  attribute: string,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await evaluateIn(
      page,
      ({ selector, name }: { selector: string; name: string }) =>
        document.querySelector(selector)?.getAttribute(name) ?? null,
      { selector: PANEL_SELECTOR, name: attribute },
    );
    if (value !== null) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${PANEL_SELECTOR} to get ${attribute}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every `data-*` attribute of the panel host, or null when there is no host. */
export async function readPanelAttributes(page: AnyPage): Promise<Record<string, string> | null> {
  return evaluateIn(
    page,
    (selector: string) => {
      const host = document.querySelector(selector);
      if (!host) return null;
      const out: Record<string, string> = {};
      for (const a of Array.from(host.attributes))
        if (a.name.startsWith('data-')) out[a.name] = a.value;
      return out;
    },
    PANEL_SELECTOR,
  );
}

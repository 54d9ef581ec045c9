/**
 * Chromium: sends a background message the way the extension's own pages do, from an extension
 * page (popup, library), for E2E tests and benchmarks.
 *
 * API:
 *   await sendFromExtensionPage(page, 'clips/get', { id })   // the raw reply { ok, value | error }
 */
import type { Page } from 'playwright-core';

/** `chrome.runtime` as seen from an extension page (no @types/chrome in this project). */
type RuntimeGlobal = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

/** Sends `{ type, payload }` from extension page `page`; answers the background's raw reply. */
export function sendFromExtensionPage(
  page: Page,
  type: string,
  payload: unknown,
): Promise<unknown> {
  return page.evaluate(
    ([type, payload]) =>
      (globalThis as unknown as RuntimeGlobal).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
}

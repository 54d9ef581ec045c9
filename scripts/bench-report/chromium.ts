/** The Chromium the report drives, with and without the extension. */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium binary (env `ZWL_CHROMIUM`). */
export const CHROMIUM = process.env.ZWL_CHROMIUM ?? '/usr/bin/chromium';

/**
 * tsx compiles this script with esbuild's keep-names, which wraps functions passed to
 * `page.evaluate` in a `__name(fn, "name")` call; pages have no such helper, so give them one.
 */
export const NAME_HELPER = 'window.__name = (fn) => fn;';

/** A headless Chromium without the extension, the baseline the extension is compared with. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/** Chromium's version from its binary, when the context does not say. */
export async function chromiumVersionOf(): Promise<string> {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Chromium with the built extension, driven by puppeteer-core so that scripts can open Chrome
 * DevTools Protocol sessions on the extension's service worker (playwright only offers them for
 * pages). Used by the soak test and the performance report to read JS heap figures.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';
import { distDir } from '../../test/support/paths';

/** Repository root. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/**
 * Copies the built extension to a temporary directory, so that a long run is not broken by a
 * rebuild of `dist/` in the meantime. Answers the copy's path and a function that deletes it.
 */
export async function snapshotExtension(
  target: 'chrome' | 'firefox',
): Promise<{ dir: string; remove(): Promise<void> }> {
  const source = distDir(target);
  if (!existsSync(join(source, 'manifest.json'))) {
    throw new Error(`No built extension in ${source}: run npm run build first`);
  }
  const dir = await mkdtemp(join(tmpdir(), `zwl-ext-${target}-`));
  await cp(source, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A running Chromium with the extension loaded. */
export interface CdpChromium {
  browser: Browser;
  extensionId: string;
  /** JS heap of the background service worker after a forced garbage collection, in bytes. */
  serviceWorkerHeap(): Promise<number>;
  /** JS heap of a page's renderer (main world and the content script's world) after GC. */
  pageHeap(page: Page): Promise<number>;
  close(): Promise<void>;
}

/**
 * Launches `/usr/bin/chromium` (or env ZWL_CHROMIUM) headless with a snapshot of `dist/chrome`.
 */
export async function launchCdpChromium(): Promise<CdpChromium> {
  const executablePath = process.env.ZWL_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  const snapshot = await snapshotExtension('chrome');
  const extensionDir = snapshot.dir;
  const userDataDir = await mkdtemp(join(tmpdir(), 'zwl-cdp-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    pipe: true,
    enableExtensions: [extensionDir],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const isOurWorker = (t: Target) =>
    t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  const worker =
    browser.targets().find(isOurWorker) ??
    (await browser.waitForTarget(isOurWorker, { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  let workerSession: CDPSession | null = null;

  /** Current service-worker target (it may have been restarted by the browser). */
  async function workerTarget(): Promise<Target> {
    return browser.targets().find(isOurWorker) ?? browser.waitForTarget(isOurWorker);
  }

  return {
    browser,
    extensionId,
    async serviceWorkerHeap() {
      const target = await workerTarget();
      if (!workerSession || workerSession.detached) workerSession = await target.createCDPSession();
      await workerSession.send('HeapProfiler.collectGarbage');
      const { usedSize } = await workerSession.send('Runtime.getHeapUsage');
      return usedSize;
    },
    async pageHeap(page) {
      const session = await page.createCDPSession();
      try {
        await session.send('HeapProfiler.collectGarbage');
        await session.send('Performance.enable');
        const { metrics } = await session.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
      } finally {
        await session.detach().catch(() => undefined);
      }
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
      await snapshot.remove();
    },
  };
}

/** Formats bytes as MB with one decimal. */
export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Launches the real browsers with the built extension loaded, for E2E tests and the demo.
 *
 * API:
 *   const cr = await launchChromium(options?);
 *     cr.context          // playwright-core BrowserContext (persistent, temp profile)
 *     cr.extensionId      // from the service worker URL
 *     cr.serviceWorker    // playwright Worker of the background
 *     await cr.openExtensionPage('src/popup/index.html')  // Page at chrome-extension://<id>/...
 *     await cr.close()    // closes the browser and deletes the temp profile
 *   const ff = await launchFirefox(options?);
 *     ff.browser          // puppeteer-core Browser (WebDriver BiDi)
 *     ff.extensionId      // id returned by installExtension
 *     ff.extensionBase    // moz-extension://<uuid>/ (a fixed UUID, set before install)
 *     await ff.newPage()  // puppeteer Page (tab messages to it: tab-status.ts)
 *     await ff.close()
 *
 * Options: `executablePath` (else env ZWL_CHROMIUM / ZWL_FIREFOX, else /usr/bin/chromium or
 * /usr/bin/firefox-esr), `extensionDir` (else dist/chrome or dist/firefox), `headless` (default
 * true). A missing browser or build THROWS a `HarnessSetupError` whose message says how to install
 * or build it: an E2E run never passes without the browser it claims to test.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser, type Page as PuppeteerPage } from 'puppeteer-core';
import { distDir } from './paths';

/** Debian package install line for everything the E2E tests need. */
export const INSTALL_HINT =
  'apt-get update && apt-get install -y chromium firefox-esr fonts-noto-cjk';

/** Default Debian paths of the browsers. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

/** The E2E environment is incomplete (browser not installed, extension not built). */
export class HarnessSetupError extends Error {
  override name = 'HarnessSetupError';
}

/** Options shared by both launchers. */
export interface LaunchOptions {
  executablePath?: string;
  extensionDir?: string;
  headless?: boolean;
}

/** Throws a `HarnessSetupError` unless the browser binary and the built extension exist. */
export function checkSetup(
  browserName: 'Chromium' | 'Firefox ESR',
  executablePath: string,
  extensionDir: string,
): void {
  if (!existsSync(executablePath)) {
    throw new HarnessSetupError(
      `${browserName} not found at ${executablePath}. Install it with: ${INSTALL_HINT} ` +
        `(or point ${browserName === 'Chromium' ? 'ZWL_CHROMIUM' : 'ZWL_FIREFOX'} at a binary).`,
    );
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new HarnessSetupError(
      `No built extension in ${extensionDir} (manifest.json missing). Build it with: npm run build`,
    );
  }
}

/** A Chromium with the extension loaded. */
export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens `chrome-extension://<id>/<path>` in a new tab and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium (playwright-core, persistent temp profile) with the extension loaded. */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const executablePath = options.executablePath ?? process.env.ZWL_CHROMIUM ?? DEFAULT_CHROMIUM;
  const extensionDir = options.extensionDir ?? distDir('chrome');
  checkSetup('Chromium', executablePath, extensionDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'zwl-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 30_000,
    }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\/+/, '')}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A Firefox ESR with the extension installed as a temporary add-on. */
export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  /** `moz-extension://<uuid>/`, the base of the extension's pages in this browser. */
  extensionBase: string;
  newPage(): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

/** The extension base of each Firefox launched here. */
const firefoxBases = new WeakMap<Browser, string>();

/** Whether `browser` is a Firefox from `launchFirefox`. */
export function isFirefox(browser: Browser): boolean {
  return firefoxBases.has(browser);
}

/** `moz-extension://<uuid>/` of the extension in a Firefox from `launchFirefox`. */
export function firefoxExtensionBase(browser: Browser): string {
  const base = firefoxBases.get(browser);
  if (!base) throw new Error('This Firefox was not launched by launchFirefox: no extension base');
  return base;
}

/** Launches Firefox ESR (puppeteer-core over WebDriver BiDi) and installs the extension. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const executablePath = options.executablePath ?? process.env.ZWL_FIREFOX ?? DEFAULT_FIREFOX;
  const extensionDir = options.extensionDir ?? distDir('firefox');
  checkSetup('Firefox ESR', executablePath, extensionDir);
  // The internal UUID is random per install and not reported: it is chosen here, so the tests
  // can open the extension's pages. WebDriver BiDi navigates to moz-extension:// URLs only with
  // system access allowed (the test browser's own switch; nothing changes in the extension).
  const uuid = randomUUID();
  const gecko = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = gecko.browser_specific_settings?.gecko?.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: addonId
      ? { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }) }
      : {},
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    const extensionBase = `moz-extension://${uuid}/`;
    firefoxBases.set(browser, extensionBase);
    return {
      browser,
      extensionId,
      extensionBase,
      newPage: () => browser.newPage(),
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

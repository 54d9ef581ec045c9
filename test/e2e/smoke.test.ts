/**
 * First end-to-end smoke in both real browsers: the built extension loads, its content script runs
 * on a fixture page served from localhost and reaches the background (`ping`), the background
 * answers typed messages from an extension page, and (Chromium) the popup opens with IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INSTALL_HINT,
  REPO_ROOT,
  launchChromium,
  launchFirefox,
  readHostAttributes,
  startFixtureServer,
  waitForTabStatus,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from '../support';

const manifestVersion = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8')) as { version: string }
).version;

/** `chrome.runtime` as seen from an extension page (no @types/chrome in this project). */
type RuntimeGlobal = { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe('Chromium', () => {
  let cr: ChromiumSession;
  beforeAll(async () => {
    cr = await launchChromium();
  });
  afterAll(async () => {
    await cr?.close();
  });

  it('runs the content script on a localhost page, which reaches the background', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('seed-002.html'));
    // The content script tells the extension the background's version it was answered.
    const status = await waitForTabStatus(page, (s) => s.background !== null);
    expect(status.background).toBe(manifestVersion);
    // The page sees the host and its marker only.
    expect(await readHostAttributes(page)).toEqual({ 'data-zhengwen-lens-ui': '' });
    // The host is the last child of <html>, outside the page's own body.
    expect(
      await page.evaluate(() => document.documentElement.lastElementChild?.localName ?? null),
    ).toBe('zhengwen-lens-panel');
    await page.close();
  });

  it('answers typed messages from an extension page and refuses invalid ones', async () => {
    const page = await cr.openExtensionPage('src/popup/index.html');
    const send = (message: unknown) =>
      page.evaluate(
        (m) => (globalThis as unknown as RuntimeGlobal).chrome.runtime.sendMessage(m),
        message,
      );
    expect(await send({ type: 'ping', payload: {} })).toEqual({
      ok: true,
      value: { version: manifestVersion },
    });
    expect(await send({ type: 'ping', payload: { extra: 1 } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused: invalid ping/),
    });
    expect(await send({ type: 'no/such-message', payload: {} })).toMatchObject({ ok: false });
    await page.close();
  });

  it('opens the popup page, where IndexedDB works', async () => {
    const page = await cr.openExtensionPage('src/popup/index.html');
    expect(page.url()).toBe(`chrome-extension://${cr.extensionId}/src/popup/index.html`);
    // Preact mounted something into #app.
    await page.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
    const stored = await page.evaluate(async () => {
      const open = indexedDB.open('zwl-smoke', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('things', { keyPath: 'id' });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const done = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      await done(
        db.transaction('things', 'readwrite').objectStore('things').put({ id: 'a', text: '政闻' }),
      );
      const value = await done(db.transaction('things').objectStore('things').get('a'));
      db.close();
      return value as { id: string; text: string } | undefined;
    });
    expect(stored).toEqual({ id: 'a', text: '政闻' });
    await page.close();
  });
});

describe('Firefox ESR', () => {
  let ff: FirefoxSession;
  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('installs the extension; its content script runs and reaches the background', async () => {
    expect(ff.extensionId).toBe('zhengwen-lens@zhengwen-lens.org');
    const page = await ff.newPage();
    await page.goto(server.url('seed-000.html'));
    const status = await waitForTabStatus(page, (s) => s.background !== null);
    expect(status.background).toBe(manifestVersion);
    expect(await readHostAttributes(page)).toEqual({ 'data-zhengwen-lens-ui': '' });
    await page.close();
  });
});

describe('missing browser or build', () => {
  it('fails with the install command when a browser binary is missing', async () => {
    await expect(launchChromium({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      INSTALL_HINT,
    );
    await expect(launchFirefox({ executablePath: '/nonexistent/firefox-esr' })).rejects.toThrow(
      'apt-get update && apt-get install -y chromium firefox-esr fonts-noto-cjk',
    );
  });

  it('fails with the build command when the extension is not built', async () => {
    await expect(launchChromium({ extensionDir: '/nonexistent/dist/chrome' })).rejects.toThrow(
      'npm run build',
    );
  });
});

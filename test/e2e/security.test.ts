/**
 * Page-side security in Chromium: a web page cannot reach the background, cannot read or write
 * clips, cannot see inside the panel's closed shadow root nor any summary of it on the host (the
 * extension still gets it through `tab/status`), and cannot make the extension fetch anything
 * (URLs and markup in page text cause no request).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_PAGES_DIR,
  PANEL_SELECTOR,
  launchChromium,
  readHostAttributes,
  readTabStatus,
  startFixtureServer,
  waitForTabStatus,
  type ChromiumSession,
  type FixtureServer,
} from '../support';

/**
 * The one attribute the host carries: the marker the extension's own DOM code knows its UI by (it
 * tells a page no more than the tag name). No state, counts, detection, version or clip id.
 */
const HOST_ATTRIBUTES = ['data-zhengwen-lens-ui'];

/** Builds a seed page whose text is laced with markup and URLs that must never be fetched. */
function hostilePage(origin: string): string {
  const seed = readFileSync(join(FIXTURE_PAGES_DIR, 'seed-000.html'), 'utf8');
  const bait = [
    `&lt;img src="${origin}/bait/img.png" onerror=alert(1)&gt;`,
    `&lt;script src="${origin}/bait/script.js"&gt;&lt;/script&gt;`,
    `${origin}/bait/plain-url`,
    `url(${origin}/bait/css-url)`,
    `@import "${origin}/bait/import.css";`,
    `https://evil.example/bait/remote.js`,
    `&lt;iframe src="${origin}/bait/frame.html"&gt;`,
    `&lt;a href="javascript:fetch('${origin}/bait/js-url')"&gt;市委书记&lt;/a&gt;`,
  ]
    .map((s) => `<p>市委常委会议指出，${s} 要认真贯彻落实。</p>`)
    .join('\n');
  return seed.replace('</main>', `${bait}\n</main>`);
}

/** Counts every record of every IndexedDB database in the extension's origin. */
async function countExtensionRecords(cr: ChromiumSession): Promise<number> {
  return cr.serviceWorker.evaluate(async () => {
    let total = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        total += await new Promise<number>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return total;
  });
}

describe('Chromium: a web page against the extension', () => {
  let cr: ChromiumSession;
  let server: FixtureServer;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    server.addRoute('/hostile.html', { body: hostilePage(server.origin) });
    cr = await launchChromium();
    cr.context.on('request', (r: Request) => void requests.push(r.url()));
    page = await cr.context.newPage();
    // A page script that runs before the content script and tries to capture any shadow root.
    await page.addInitScript(() => {
      const w = window as unknown as { __stolenRoots: ShadowRoot[] };
      w.__stolenRoots = [];
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = original.call(this, { ...init, mode: 'open' });
        w.__stolenRoots.push(root);
        return root;
      };
    });
    // And one that records every attribute set on the panel host after it arrived.
    await page.addInitScript(() => {
      const w = window as unknown as { __hostAttributeChanges: string[] };
      w.__hostAttributeChanges = [];
      new MutationObserver((records) => {
        for (const r of records)
          if ((r.target as Element).localName === 'zhengwen-lens-panel')
            w.__hostAttributeChanges.push(r.attributeName ?? '');
      }).observe(document, { subtree: true, attributes: true });
    });
    await page.goto(server.url('hostile.html'));
    await waitForTabStatus(page, (s) => s.annotated && s.background !== null);
  });

  afterAll(async () => {
    await cr?.close();
    await server?.close();
  });

  it('the background answers our content script (the probe below is meaningful)', async () => {
    const version = (await readTabStatus(page))?.background;
    expect(version).not.toBe('unreachable');
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("cannot message the background from the page's main world", async () => {
    const outcome = await page.evaluate(async (extensionId) => {
      const c = (globalThis as { chrome?: { runtime?: Record<string, unknown> } }).chrome;
      const runtime = c?.runtime;
      const results: string[] = [];
      if (!runtime || typeof runtime.sendMessage !== 'function') results.push('no-sendMessage');
      else {
        try {
          const send = runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>;
          const reply = await send(extensionId, { type: 'ping', payload: {} });
          results.push(`replied:${JSON.stringify(reply)}`);
        } catch {
          results.push('sendMessage-threw');
        }
      }
      if (runtime && typeof runtime.connect === 'function') {
        try {
          (runtime.connect as (id: string) => unknown)(extensionId);
          results.push('connected');
        } catch {
          results.push('connect-threw');
        }
      }
      return results;
    }, cr.extensionId);
    expect(outcome.some((r) => r.startsWith('replied') || r === 'connected')).toBe(false);
  });

  it('cannot load extension pages or files', async () => {
    const outcome = await page.evaluate(async (extensionId) => {
      const out: Record<string, string> = {};
      for (const path of ['manifest.json', 'src/library/index.html', 'src/popup/index.html']) {
        try {
          const r = await fetch(`chrome-extension://${extensionId}/${path}`);
          out[path] = `status ${r.status}: ${(await r.text()).slice(0, 40)}`;
        } catch {
          out[path] = 'blocked';
        }
      }
      return out;
    }, cr.extensionId);
    expect(outcome).toEqual({
      'manifest.json': 'blocked',
      'src/library/index.html': 'blocked',
      'src/popup/index.html': 'blocked',
    });
  });

  it('cannot write clips by posting messages or events to the content script', async () => {
    const before = await countExtensionRecords(cr);
    await page.evaluate(() => {
      const draft = { quote: '市委书记', url: location.href, note: '<img src=x onerror=alert(1)>' };
      for (const type of ['clips/save', 'clips/import', 'clips/delete', 'tab/save-selection']) {
        const payload = { draft, content: '{}', ids: ['x'] };
        window.postMessage({ type, payload }, '*');
        window.postMessage(JSON.stringify({ type, payload }), '*');
        document.dispatchEvent(new CustomEvent(type, { detail: payload }));
        document.dispatchEvent(new CustomEvent('zhengwen-lens', { detail: { type, payload } }));
      }
    });
    await page.waitForTimeout(1_000);
    expect(await countExtensionRecords(cr)).toBe(before);
    expect((await readTabStatus(page))?.lastClipId).toBeNull();
  });

  it('cannot read clips: nothing of the extension is in the page origin', async () => {
    const names = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name ?? ''),
    );
    expect(names).toEqual([]);
    const keys = await page.evaluate(() => [
      ...Object.keys(localStorage),
      ...Object.keys(sessionStorage),
    ]);
    expect(keys).toEqual([]);
  });

  it('cannot see inside the panel', async () => {
    const seen = await page.evaluate((selector) => {
      const host = document.querySelector(selector)!;
      const w = window as unknown as { __stolenRoots: ShadowRoot[] };
      return {
        shadowRoot: host.shadowRoot === null ? 'null' : 'open',
        stolen: w.__stolenRoots.length,
        lightChildren: host.childNodes.length,
        attributes: Array.from(host.attributes).map((a) => a.name),
        isLast: document.documentElement.lastElementChild === host,
        // The trap works: the page's own shadow roots are captured.
        trapWorks: (() => {
          const before = w.__stolenRoots.length;
          document.createElement('div').attachShadow({ mode: 'closed' });
          return w.__stolenRoots.length === before + 1;
        })(),
      };
    }, PANEL_SELECTOR);
    expect(seen.shadowRoot).toBe('null');
    expect(seen.trapWorks).toBe(true);
    expect(seen.stolen).toBe(0);
    expect(seen.lightChildren).toBe(0);
    expect(seen.isLast).toBe(true);
    expect(seen.attributes).toEqual(HOST_ATTRIBUTES);
  });

  it('sees no summary on the panel host, while the extension still gets it from tab/status', async () => {
    // The extension: the page is annotated, with counts, a detection score and the version.
    const status = (await readTabStatus(page))!;
    expect(status).toMatchObject({ annotated: true, background: expect.stringMatching(/^\d/) });
    expect(status.counts.official).toBeGreaterThan(0);
    expect(status.score).toBeGreaterThan(0);
    // The page: the marker only, and no attribute was ever set on the host after it arrived
    // (a MutationObserver from before the content script ran saw none).
    expect(await readHostAttributes(page)).toEqual({ 'data-zhengwen-lens-ui': '' });
    expect(
      await page.evaluate(
        () => (window as unknown as { __hostAttributeChanges: string[] }).__hostAttributeChanges,
      ),
    ).toEqual([]);
  });

  it('never fetches what page text names', async () => {
    await page.waitForTimeout(1_500);
    expect(requests).toContain(server.url('hostile.html'));
    const bait = server.requests.filter((p) => p.startsWith('/bait/'));
    expect(bait).toEqual([]);
    const unexpected = requests.filter(
      (u) =>
        !u.startsWith('chrome-extension://') &&
        u !== server.url('hostile.html') &&
        u !== server.url('site.css') &&
        !u.startsWith('data:'),
    );
    expect(unexpected).toEqual([]);
    // No markup from the text became an element.
    const injected = await page.evaluate(
      () => document.querySelectorAll('main img, main script, main iframe').length,
    );
    expect(injected).toBe(0);
  });
});

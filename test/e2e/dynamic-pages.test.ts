/**
 * Pages that keep changing, in Chromium and Firefox: an infinite scroll that never pauses long
 * enough for a plain debounce, a page that clears every timer id it can reach, a single-page site
 * whose Chinese article arrives after load, and a page whose Chinese follows more English
 * navigation than the first check samples. Each must end up annotated; none is a timed target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_PAGES_DIR,
  evaluateIn,
  launchChromium,
  launchFirefox,
  startFixtureServer,
  waitForAnnotated,
  waitForTabStatus,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from '../support';
import { appendMeetingParagraph, readHighlights } from './content-pages';

type AnyPage = Parameters<typeof evaluateIn>[0];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Adds the dynamic pages to `server`; answers their URLs. */
function addDynamicPages(server: FixtureServer) {
  const seed = readFileSync(join(FIXTURE_PAGES_DIR, 'seed-002.html'), 'utf8');
  const main = /<main[\s\S]*<\/main>/.exec(seed)![0];
  const english = (body: string, script = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>${body}<script>${script}</script></body></html>`;
  // A paragraph every 300 ms for 12 s: a 400 ms quiet time never comes while it runs.
  const infinite = `
    let i = 0;
    window.__appending = true;
    const timer = setInterval(() => {
      i += 1;
      const p = document.createElement('p');
      p.textContent = '4月' + (i % 28 + 1) + '日，市委召开第' + (100 + i) + '次常委会会议。';
      document.querySelector('main').append(p);
      if (i === 40) { clearInterval(timer); window.__appending = false; }
    }, 300);`;
  // Clears every timer id up to one past the newest, every 50 ms.
  const clearing = `
    setInterval(() => {
      const last = setTimeout(() => {}, 0);
      for (let id = 0; id <= last + 50; id++) clearTimeout(id);
    }, 50);`;
  const withScript = (script: string) =>
    seed.replace('</body>', `<script>${script}</script></body>`);
  server.addRoute('/infinite.html', { body: withScript(infinite) });
  server.addRoute('/clear-timers.html', { body: withScript(clearing) });
  server.addRoute('/late-chinese.html', {
    body: english(
      '<p>Loading the article…</p>',
      `setTimeout(() => document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(main)}), 1500);`,
    ),
  });
  const nav = Array.from(
    { length: 80 },
    (_, i) => `<li><a href="#${i}">Section ${i}: English navigation, menus and links</a></li>`,
  ).join('');
  server.addRoute('/english-first.html', {
    body: english(`<nav><ul>${nav.repeat(6)}</ul></nav>${main}`),
  });
  return {
    infinite: server.url('infinite.html'),
    clearTimers: server.url('clear-timers.html'),
    lateChinese: server.url('late-chinese.html'),
    englishFirst: server.url('english-first.html'),
  };
}

let server: FixtureServer;
let urls: ReturnType<typeof addDynamicPages>;
let cr: ChromiumSession;
let ff: FirefoxSession;

beforeAll(async () => {
  server = await startFixtureServer();
  urls = addDynamicPages(server);
  [cr, ff] = await Promise.all([launchChromium(), launchFirefox()]);
});
afterAll(async () => {
  await cr?.close();
  await ff?.close();
  await server?.close();
});

const browsers: Array<
  [string, () => Promise<AnyPage & { goto(url: string): unknown; close(): Promise<void> }>]
> = [
  ['chromium', () => cr.context.newPage()],
  ['firefox', () => ff.newPage()],
];

describe.each(browsers)('%s', (_name, newPage) => {
  it('highlights an infinite scroll while it is still appending', async () => {
    const page = await newPage();
    await page.goto(urls.infinite);
    await waitForAnnotated(page);
    // New paragraphs arrive every 300 ms for 12 s; their meetings must show up long before.
    const appended = async () =>
      ((await readHighlights(page))['zwl-meeting'] ?? []).filter((m) => /第1\d\d次/.test(m));
    const deadline = Date.now() + 8_000;
    while ((await appended()).length < 3 && Date.now() < deadline) await sleep(200);
    expect((await appended()).length).toBeGreaterThanOrEqual(3);
    expect(
      await evaluateIn(page, () => (window as { __appending?: boolean }).__appending, undefined),
    ).toBe(true);
    await page.close();
  });

  it('keeps updating on a page that clears every timer id', async () => {
    const page = await newPage();
    await page.goto(urls.clearTimers);
    const before = (await waitForAnnotated(page)).counts;
    await appendMeetingParagraph(page);
    await waitForTabStatus(page, (s) => s.counts.meeting > before.meeting, 10_000);
    await page.close();
  });

  it('annotates a page whose Chinese article arrives after load', async () => {
    const page = await newPage();
    await page.goto(urls.lateChinese);
    expect((await waitForAnnotated(page)).counts.official).toBeGreaterThan(0);
    await page.close();
  });

  it('annotates a page whose Chinese follows long English navigation', async () => {
    const page = await newPage();
    await page.goto(urls.englishFirst);
    await waitForAnnotated(page);
    await page.close();
  });
});

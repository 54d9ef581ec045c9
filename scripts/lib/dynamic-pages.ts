/**
 * Pages that keep changing, for `npm run bench:content`: an infinite-scroll feed that appends a
 * burst of Chinese report paragraphs every 300 ms for 15 s (how soon each burst is highlighted,
 * the heap after vs before, the extension's work vs the text added), and a single-page site whose
 * Chinese article arrives 3 s after load (how soon the tab status says `annotated`).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { annotatedStamp, waitForAnnotated } from '../../test/support/tab-status';
import { NAME_HELPER } from './page-feel';
import { extensionProfileMs, type CpuProfile } from './content-trace';

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Feed timing: a burst every `FEED_EVERY_MS` for `FEED_FOR_MS`, then `SETTLE_MS` of quiet. */
export const FEED_EVERY_MS = 300;
export const FEED_FOR_MS = 15_000;
const SETTLE_MS = 3000;

/**
 * The feed page: a report's head and first paragraphs, and a page script that appends bursts and
 * notes, every 50 ms, which bursts have a registered highlight range in `CSS.highlights` (any
 * name: the page registers none of its own, and the extension's names may change).
 */
export function feedPageHtml(first: string[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="ContentSource" content="市委宣传部"><meta name="PubDate" content="2022-04-30 06:30">
<title>市委常委会召开会议_新闻网</title></head>
<body><main class="article"><h1>市委常委会召开第十五次会议</h1>
<div class="article-info">来源:市委宣传部 2022年04月30日</div>
<div class="article-content" id="feed">${first.map((p) => `<p>${escapeText(p)}</p>`).join('\n')}</div></main>
<script>
window.__feed = { arrived: [], registered: [], chars: 0 };
window.__startFeed = (bursts, every) => {
  const feed = window.__feed, box = document.getElementById('feed');
  const seen = new WeakSet();
  const poll = setInterval(() => {
    const now = performance.now();
    for (const h of new Set(CSS.highlights.values())) for (const r of h) {
      if (seen.has(r)) continue;
      seen.add(r);
      const el = r.startContainer.parentElement && r.startContainer.parentElement.closest('[data-burst]');
      if (el) { const i = Number(el.dataset.burst); if (feed.registered[i] === undefined) feed.registered[i] = now; }
    }
  }, 50);
  let i = 0;
  const timer = setInterval(() => {
    if (i >= bursts.length) { clearInterval(timer); setTimeout(() => clearInterval(poll), ${SETTLE_MS}); return; }
    const div = document.createElement('div');
    div.dataset.burst = String(i);
    for (const text of bursts[i]) { const p = document.createElement('p'); p.textContent = text; div.append(p); feed.chars += text.length; }
    box.append(div);
    feed.arrived[i] = performance.now();
    // The reader follows the feed: infinite scroll loads more because they reached the end.
    document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
    i++;
  }, every);
};
</script></body></html>`;
}

/** The late page: English navigation first; a Chinese article replaces it 3 s after load. */
export function latePageHtml(articleHtml: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News portal</title></head>
<body><nav>${Array.from({ length: 20 }, (_, i) => `<a href="#s${i}">Section ${i}</a>`).join(' ')}</nav>
<main id="app"><p>Loading the latest stories…</p></main>
<script>
window.__late = { insertedAt: 0 };
addEventListener('load', () => setTimeout(() => {
  document.title = ${JSON.stringify(title)};
  document.documentElement.lang = 'zh-CN';
  document.getElementById('app').innerHTML = ${JSON.stringify(articleHtml)};
  window.__late.insertedAt = performance.now();
}, 3000));
</script></body></html>`;
}

/** JS heap of `page`'s renderer (every world: one isolate) after a forced GC, in bytes. */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** One feed run's figures. */
export interface FeedRun {
  /** Per burst: ms from its arrival to its first registered range (Infinity: never). */
  latencies: number[];
  charsAdded: number;
  heapBefore: number;
  heapAfter: number;
  /** Extension JS time (sampled profile) from the feed's start to the end of the quiet, ms. */
  extensionMs: number;
  /** The same in the feed's first half, and in its second half with the quiet (equal text). */
  firstHalfMs: number;
  secondHalfMs: number;
}

/** Runs the feed in a new page of `context` (`withExtension`: wait for the first annotation). */
export async function runFeed(
  context: BrowserContext,
  url: string,
  bursts: string[][],
  withExtension: boolean,
): Promise<FeedRun> {
  const page = await context.newPage();
  await page.addInitScript(NAME_HELPER);
  await page.goto(url);
  if (withExtension) await waitForAnnotated(page, 60_000);
  await page.waitForTimeout(1000);
  const heapBefore = await heapAfterGc(context, page);
  const cdp = withExtension ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(
    ({ bursts, every }) =>
      (window as unknown as { __startFeed(b: string[][], e: number): void }).__startFeed(
        bursts,
        every,
      ),
    { bursts, every: FEED_EVERY_MS },
  );
  await page.waitForTimeout(FEED_EVERY_MS * (bursts.length + 1) + SETTLE_MS);
  const profile = cdp ? ((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile) : null;
  await cdp?.detach();
  const work = profile
    ? extensionProfileMs(profile, profile.startTime + (bursts.length / 2) * FEED_EVERY_MS * 1000)
    : { total: 0, before: 0, after: 0 };
  const feed = await page.evaluate(
    () =>
      (
        window as unknown as {
          __feed: { arrived: number[]; registered: Array<number | null>; chars: number };
        }
      ).__feed,
  );
  const heapAfter = await heapAfterGc(context, page);
  await page.close();
  return {
    latencies: feed.arrived.map((t, i) => {
      const r = feed.registered[i];
      return typeof r === 'number' ? Math.max(0, r - t) : Infinity;
    }),
    charsAdded: feed.chars,
    heapBefore,
    heapAfter,
    extensionMs: work.total,
    firstHalfMs: work.before,
    secondHalfMs: work.after,
  };
}

/**
 * Ms from the late article's insertion to the extension's `annotated` (its tab status, asked from
 * the extension every 20 ms: the figure's resolution); Infinity: not within 8 s.
 */
export async function runLatePage(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  // Started before the navigation; the article arrives 3 s after load, so 20 s is plenty.
  const stamp = annotatedStamp(page, 20_000).catch(() => null);
  await page.goto(url);
  const insertedAt = await page
    .waitForFunction(
      () => (window as unknown as { __late: { insertedAt: number } }).__late.insertedAt || null,
      null,
      { timeout: 20_000, polling: 100 },
    )
    .then((h) => h.jsonValue());
  const at = await stamp;
  const origin = await page.evaluate(() => performance.timeOrigin);
  await page.close();
  if (!insertedAt) throw new Error('the late page never inserted its article');
  if (at === null) return Infinity;
  const ms = at - origin - insertedAt;
  return ms <= 8000 ? ms : Infinity;
}

/** The feed's bursts: `count` bursts of `perBurst` paragraphs, taken in turn from `paragraphs`. */
export function makeBursts(paragraphs: string[], count: number, perBurst: number): string[][] {
  return Array.from({ length: count }, (_, b) =>
    Array.from({ length: perBurst }, (_, j) => paragraphs[(b * perBurst + j) % paragraphs.length]!),
  );
}

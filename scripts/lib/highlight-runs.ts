/**
 * One page load per configuration, for `npm run bench:content`'s in-page comparison on the same
 * 1M-character page: the extension (document_idle → every highlight painted), mark.js used as its
 * documentation recommends (one alternation RegExp via `markRegExp`, per text node, no
 * `acrossElements`) and the TreeWalker baseline (`treewalker-baseline.ts`), each with what the
 * page felt meanwhile, plus scroll frames on the annotated page and on the plain page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { REPO_ROOT, annotatedStamp, launchChromium, readTabStatus } from '../../test/support';
import {
  FEEL_PROBE,
  NAME_HELPER,
  feelBetween,
  measureScroll,
  pageNow,
  type Feel,
  type ScrollFrames,
} from './page-feel';

/** Installed before any page script: records long tasks, LoAF scripts and DOMContentLoaded. */
export const PROBE = `(() => {
  const w = window;
  w.__bench = { longTasks: [], loafScripts: [], dcl: 0, annotated: 0, painted: 0 };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) for (const s of e.scripts || [])
      w.__bench.loafScripts.push({ start: s.startTime, duration: s.duration, source: s.sourceURL || s.invoker || '' }); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  document.addEventListener('DOMContentLoaded', () => { w.__bench.dcl = performance.now(); });
})();`;

/**
 * Loads `url` in `page` and waits until the extension says the page is annotated (its tab status,
 * asked from the extension every 20 ms: the figure's resolution), then for the next frame; records
 * both in PROBE's `annotated` and `painted` (page clock).
 */
export async function gotoUntilPainted(
  page: Page,
  url: string,
  timeoutMs = 300_000,
): Promise<void> {
  const stamp = annotatedStamp(page, timeoutMs);
  await page.goto(url, { timeout: 120_000 });
  const at = await stamp;
  await page.evaluate(
    (at: number) =>
      new Promise<void>((resolve) => {
        const w = window as unknown as { __bench: { annotated: number; painted: number } };
        w.__bench.annotated = at - performance.timeOrigin;
        requestAnimationFrame(() =>
          setTimeout(() => {
            w.__bench.painted = performance.now();
            resolve();
          }, 0),
        );
      }),
    at,
  );
}

/** What PROBE recorded (page clock, ms). */
export interface BenchData {
  longTasks: Array<{ start: number; duration: number }>;
  loafScripts: Array<{ start: number; duration: number; source: string }>;
  dcl: number;
  annotated: number;
  painted: number;
}

/** Reads what PROBE recorded. */
export const readBench = (page: Page): Promise<BenchData> =>
  page.evaluate(() => (window as unknown as { __bench: BenchData }).__bench);

/** `treewalker-baseline.ts` bundled for a page (an IIFE exposing `window.ZwlBaseline`). */
export async function bundleTreeWalkerBaseline(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: join(REPO_ROOT, 'scripts/lib/treewalker-baseline.ts'),
        formats: ['iife'],
        name: 'ZwlBaseline',
        fileName: () => 'baseline.js',
      },
    },
  });
  const result = (Array.isArray(out) ? out[0] : out) as { output: Array<{ code?: string }> };
  const code = result.output[0]?.code;
  if (!code) throw new Error('bundling the TreeWalker baseline produced no code');
  return code;
}

/** Scroll frames on a page: plain scrolling, and scrolling with a restyle in every frame. */
export interface ScrollPair {
  scroll: ScrollFrames;
  restyle: ScrollFrames;
}

const scrollPair = async (page: Page): Promise<ScrollPair> => ({
  scroll: await measureScroll(page, false),
  restyle: await measureScroll(page, true),
});

/** The extension's run: its time, what the page felt, and scrolling once it is done. */
export interface ExtensionRun {
  /** DOMContentLoaded → every highlight painted, ms. */
  ms: number;
  feel: Feel;
  /** The same from the page's own first paint on: its first layout of a long page left out. */
  afterLayout: Feel;
  frames: ScrollPair;
  counts: string;
}

/** Loads `url` in a page of the extension's `context` and waits for its highlights. */
export async function runExtension(context: BrowserContext, url: string): Promise<ExtensionRun> {
  const page = await context.newPage();
  for (const script of [NAME_HELPER, PROBE, FEEL_PROBE]) await page.addInitScript(script);
  await gotoUntilPainted(page, url);
  await page.waitForTimeout(1000);
  const bench = await readBench(page);
  const feel = await feelBetween(page, bench.dcl, bench.painted);
  const firstPaint = await page.evaluate(
    () => performance.getEntriesByName('first-paint')[0]?.startTime ?? 0,
  );
  const afterLayout = await feelBetween(page, Math.max(bench.dcl, firstPaint), bench.painted);
  const status = await readTabStatus(page);
  const counts = status
    ? Object.entries(status.counts)
        .map(([k, n]) => `${k}:${n}`)
        .join(' ')
    : '';
  const frames = await scrollPair(page);
  await page.close();
  return { ms: bench.painted - bench.dcl, feel, afterLayout, frames, counts };
}

/**
 * The extension in a freshly started browser: on the first page it loads (the background's
 * engine not yet compiled), then on the next one (what a reader browsing from page to page gets).
 */
export async function runExtensionFirstAndNext(
  url: string,
): Promise<{ first: ExtensionRun; next: ExtensionRun }> {
  const fresh = await launchChromium();
  try {
    const first = await runExtension(fresh.context, `${url}&page=first`);
    const next = await runExtension(fresh.context, `${url}&page=next`);
    return { first, next };
  } finally {
    await fresh.close();
  }
}

/** A peer's run on the page in a browser without the extension. */
export interface PeerRun {
  /** Call → painted, ms. */
  ms: number;
  feel: Feel;
  /** Marks or ranges it made. */
  made: number;
}

/** A settled page without the extension; also what the page felt while loading. */
async function plainPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; load: Feel }> {
  const page = await context.newPage();
  for (const script of [NAME_HELPER, PROBE, FEEL_PROBE]) await page.addInitScript(script);
  await page.goto(url, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const { dcl } = await readBench(page);
  return { page, load: await feelBetween(page, dcl, await pageNow(page)) };
}

/**
 * mark.js on the plain page, as its documentation recommends for many strings: one alternation
 * RegExp through `markRegExp`, matched per text node (`acrossElements` off, its default). Before
 * it, the plain page's scroll frames and what the page felt while loading.
 */
export async function runMarkJs(
  context: BrowserContext,
  url: string,
  strings: string[],
): Promise<{ run: PeerRun; plainFrames: ScrollPair; plainLoad: Feel }> {
  const { page, load } = await plainPage(context, url);
  const plainFrames = await scrollPair(page);
  await page.addScriptTag({ path: join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  const { t0, t1 } = await page.evaluate(
    (words) =>
      new Promise<{ t0: number; t1: number }>((resolve) => {
        const escaped = [...words]
          .sort((a, b) => b.length - a.length)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const Mark = (
          window as unknown as {
            Mark: new (el: Element) => {
              markRegExp(re: RegExp, o: { acrossElements: boolean; done(): void }): void;
            };
          }
        ).Mark;
        const regExp = new RegExp(escaped.join('|'), 'g');
        const t0 = performance.now();
        new Mark(document.body).markRegExp(regExp, {
          acrossElements: false,
          done: () =>
            requestAnimationFrame(() =>
              setTimeout(() => resolve({ t0, t1: performance.now() }), 0),
            ),
        });
      }),
    strings,
  );
  const feel = await feelBetween(page, t0, t1);
  const made = await page.evaluate(() => document.querySelectorAll('mark').length);
  await page.close();
  return { run: { ms: t1 - t0, feel, made }, plainFrames, plainLoad: load };
}

/** The baseline's highlight colours (painted like the extension's). */
const BASELINE_STYLE = ['official', 'meeting', 'directive']
  .map((k) => `::highlight(zwl-baseline-${k}) { background-color: rgba(255, 186, 73, 0.32); }`)
  .join('\n');

/** The TreeWalker baseline (`bundle`) on the plain page: one task, then a paint. */
export async function runTreeWalker(
  context: BrowserContext,
  url: string,
  bundle: string,
): Promise<PeerRun> {
  const { page } = await plainPage(context, url);
  await page.addStyleTag({ content: BASELINE_STYLE });
  await page.addScriptTag({ content: bundle });
  const { t0, t1, ranges } = await page.evaluate(
    () =>
      new Promise<{ t0: number; t1: number; ranges: number }>((resolve) => {
        const baseline = (
          window as unknown as {
            ZwlBaseline: { highlightWithTreeWalker(d: Document): { ranges: number } };
          }
        ).ZwlBaseline;
        const t0 = performance.now();
        const { ranges } = baseline.highlightWithTreeWalker(document);
        requestAnimationFrame(() =>
          setTimeout(() => resolve({ t0, t1: performance.now(), ranges }), 0),
        );
      }),
  );
  const feel = await feelBetween(page, t0, t1);
  await page.close();
  return { ms: t1 - t0, feel, made: ranges };
}

/**
 * A peer started where the extension starts, at DOMContentLoaded of a fresh load (so it shares
 * the page's own first layout with it): `setup` is page source run at document start, `run` an
 * expression evaluated at DOMContentLoaded that answers how many marks or ranges it made.
 */
async function runFromDcl(
  context: BrowserContext,
  url: string,
  setup: string,
  run: string,
): Promise<PeerRun> {
  const page = await context.newPage();
  for (const script of [NAME_HELPER, PROBE, FEEL_PROBE]) await page.addInitScript(script);
  await page.addInitScript(`${setup}
document.addEventListener('DOMContentLoaded', () => {
  const t0 = performance.now();
  const made = ${run};
  requestAnimationFrame(() => setTimeout(() => {
    window.__peer = { t0, t1: performance.now(), made };
    console.debug('zwl-bench-peer-painted');
  }, 0));
});`);
  const painted = page.waitForEvent('console', {
    predicate: (m) => m.text() === 'zwl-bench-peer-painted',
    timeout: 300_000,
  });
  await page.goto(url, { timeout: 120_000 });
  await painted;
  const peer = await page.evaluate(
    () => (window as unknown as { __peer: { t0: number; t1: number; made: number } }).__peer,
  );
  const feel = await feelBetween(page, peer.t0, peer.t1);
  await page.close();
  return { ms: peer.t1 - peer.t0, feel, made: peer.made };
}

/** mark.js as in `runMarkJs`, started at DOMContentLoaded of a fresh load. */
export function runMarkJsFromDcl(
  context: BrowserContext,
  url: string,
  strings: string[],
): Promise<PeerRun> {
  const markJs = readFileSync(join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const source = [...strings]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return runFromDcl(
    context,
    url,
    `${markJs}\nwindow.__peerRegExp = new RegExp(${JSON.stringify(source)}, 'g');`,
    `(new Mark(document.body).markRegExp(window.__peerRegExp, { acrossElements: false }), document.querySelectorAll('mark').length)`,
  );
}

/** The TreeWalker baseline, started at DOMContentLoaded of a fresh load. */
export function runTreeWalkerFromDcl(
  context: BrowserContext,
  url: string,
  bundle: string,
): Promise<PeerRun> {
  return runFromDcl(
    context,
    url,
    `${bundle}\nwindow.__peerStyle = ${JSON.stringify(BASELINE_STYLE)};`,
    `(document.head.append(Object.assign(document.createElement('style'), { textContent: window.__peerStyle })), ZwlBaseline.highlightWithTreeWalker(document).ranges)`,
  );
}

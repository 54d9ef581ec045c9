/**
 * Content-script benchmark in real Chromium (prints figures with their spread over several runs,
 * targets next to them; asserts nothing):
 *  - a page of 1,000,000 characters of seed article paragraphs, highlighted by the extension
 *    (DOMContentLoaded → every highlight painted; on the first page of a freshly started browser,
 *    whose background engine is not yet compiled, and on the next page), by mark.js used as documented (one alternation
 *    RegExp over the same strings, per text node, no `acrossElements`) and by a TreeWalker
 *    baseline on the same engine (`scripts/lib/treewalker-baseline.ts`); the configurations
 *    alternate within each run;
 *  - what the page feels meanwhile: its own 10 ms heartbeat's lateness, rAF gaps and
 *    long-animation-frame entries; then scroll frames (and scroll + restyle frames) on the
 *    annotated page next to the same page without the extension;
 *  - an infinite-scroll page (a burst of paragraphs every 300 ms for 15 s): time from each burst
 *    to its highlights, JS heap after vs before, the extension's work vs the text added; and a page
 *    whose Chinese article arrives 3 s after load: time to the panel's `annotated`;
 *  - one traced run: every renderer main-thread task over 40 ms once the content script ran, with
 *    what it spent its time on (env ZWL_BENCH_PROFILE=1 adds the busiest functions);
 *  - the Chinese-text check on a big page without Chinese, and the content script's minified size.
 * Env ZWL_BENCH_RUNS sets the number of runs (default and minimum 3); ZWL_BENCH_ONLY=changing runs
 * only the changing pages (and the traced run their per-character figure is compared with).
 * Run: npm run build && npm run bench:content
 */
import { contentScriptCssFiles, contentScriptFiles } from './lib/content-chunks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { annotate } from '../src/core/index';
import { extractPageText } from '../src/dom/page-text';
import {
  HAN,
  NOT_TEXT,
  SAMPLE_CHARS,
  SAMPLE_NODES,
  pageHasChineseText,
  scanForChinese,
} from '../src/content/chinese-check';
import {
  DEFAULT_CHROMIUM,
  FIXTURE_PAGES_DIR,
  REPO_ROOT,
  distDir,
  launchChromium,
  startFixtureServer,
} from '../test/support';
import {
  extensionProfileMs,
  formatTracedTask,
  longTracedTasks,
  pageLayout,
  startTrace,
  topFunctions,
  type CpuProfile,
} from './lib/content-trace';
import {
  FEED_EVERY_MS,
  FEED_FOR_MS,
  feedPageHtml,
  latePageHtml,
  makeBursts,
  runFeed,
  runLatePage,
  type FeedRun,
} from './lib/dynamic-pages';
import {
  PROBE,
  gotoUntilPainted,
  bundleTreeWalkerBaseline,
  readBench,
  runExtensionFirstAndNext,
  runMarkJs,
  runTreeWalker,
  runMarkJsFromDcl,
  runTreeWalkerFromDcl,
} from './lib/highlight-runs';
import { printDynamic, printInPage, type Round } from './lib/content-report';
import { buildBenchPage } from './lib/bench-page';

const top = (xs: number[], n = 5): string =>
  xs
    .sort((a, b) => b - a)
    .slice(0, n)
    .map((x) => x.toFixed(0))
    .join(', ') || 'none';

/** Samples of opencc-js's cn2t-only dictionaries (simplified → traditional). */
function cn2tSignatures(): string[] {
  const dictDir = join(REPO_ROOT, 'node_modules/opencc-js/dist/esm-lib/dict');
  return ['STCharacters.js', 'STPhrases.js'].map((f) => {
    const text = readFileSync(join(dictDir, f), 'utf8');
    const mid = Math.floor(text.length / 2);
    return text.slice(mid, mid + 24);
  });
}

/** Runs of each configuration on the same page, alternating within each run. */
const RUNS = Math.max(3, Number(process.env.ZWL_BENCH_RUNS ?? 3) || 3);
/** Only the changing pages (infinite scroll, late Chinese): `ZWL_BENCH_ONLY=changing`. */
const ONLY_CHANGING = process.env.ZWL_BENCH_ONLY === 'changing';

/** Paragraphs the engine finds something in on their own (so every burst has highlights). */
function paragraphsWithEntities(paragraphs: string[]): string[] {
  const unique = [...new Set(paragraphs)];
  return unique.filter((p) => annotate({ text: p }).entities.length > 0);
}

/** A seed page's article, for the late page: its `main` markup and title. */
function seedArticle(): { html: string; title: string } {
  const { document } = parseHTML(readFileSync(join(FIXTURE_PAGES_DIR, 'seed-001.html'), 'utf8'));
  return {
    html: document.querySelector('main')?.innerHTML ?? '',
    title: document.querySelector('title')?.textContent ?? '',
  };
}

/** One extra run of the extension on the 1M page under a CDP trace (not in the spreads); its report lines. */
async function tracedRun(url: string): Promise<{ oneShotMs: number; lines: string[] }> {
  const cr = await launchChromium();
  const lines: string[] = [];
  try {
    const page = await cr.context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await cr.context.newCDPSession(page);
    const stopTrace = await startTrace(cdp);
    // Env ZWL_BENCH_PROFILE=1 adds a sampled CPU profile: the busiest functions of each long task.
    const profiling = process.env.ZWL_BENCH_PROFILE === '1';
    // Always sampled (every 1 ms) for the extension's JS time; finer for ZWL_BENCH_PROFILE=1.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: profiling ? 250 : 1000 });
    await cdp.send('Profiler.start');
    await gotoUntilPainted(page, url);
    // Work that follows the paint (the panel, observers) still counts.
    await page.waitForTimeout(1000);
    const ext = await readBench(page);
    const profile = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
    const traceMs = Number(process.env.ZWL_BENCH_TRACE_MS ?? 40);
    const trace = await stopTrace();
    const traced = longTracedTasks(trace, 'bench-1m.html', traceMs);
    const afterDcl = ext.longTasks.filter((t) => t.start >= ext.dcl);
    const extScripts = ext.loafScripts.filter((s) => s.source.startsWith('chrome-extension://'));
    lines.push('\n## Main-thread tasks, one traced run of the extension (ms)');
    lines.push(
      `long tasks after DOMContentLoaded (top 5): ${top(afterDcl.map((t) => t.duration))}`,
    );
    lines.push(
      `long tasks during annotation (DOMContentLoaded → annotated) (top 5): ${top(afterDcl.filter((t) => t.start <= ext.annotated).map((t) => t.duration))}`,
    );
    lines.push(
      `long-animation-frame script entries from the extension (top 5): ${top(extScripts.map((s) => s.duration))} (${extScripts.length} entries)`,
    );
    lines.push(
      `traced renderer main-thread tasks over ${traceMs} ms once the content script ran (CDP trace): ${traced.length}`,
    );
    lines.push(
      `the page's own first layout (its work with or without the extension): ${pageLayout(trace, 'bench-1m.html')}`,
    );
    const counted = traced.filter((t) => !t.pageFirstLayout);
    lines.push(
      `longest traced task once the content script ran (the page's own first layout left out): ${counted.length ? Math.max(...counted.map((t) => t.ms)).toFixed(0) : `under ${traceMs}`} ms`,
    );
    for (const t of traced) {
      lines.push(formatTracedTask(t));
      if (profiling) lines.push(`    busiest: ${topFunctions(profile, t.span)}`);
    }
    const oneShotMs = extensionProfileMs(profile).total;
    lines.push(
      `extension JS time in the traced run (sampled CPU profile, page load to 1 s after paint): ${oneShotMs.toFixed(0)} ms`,
    );
    return { oneShotMs, lines };
  } finally {
    await cr.close();
  }
}

/** The Chinese-text check timed on a big English page (30 calls). */
async function timeChineseCheck(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const checkMs = (await page.evaluate(`(() => {
    const HAN = ${String(HAN)}, SAMPLE_CHARS = ${SAMPLE_CHARS}, SAMPLE_NODES = ${SAMPLE_NODES};
    const NOT_TEXT = new Set(${JSON.stringify([...NOT_TEXT])});
    ${scanForChinese.toString()}
    const check = ${pageHasChineseText.toString()};
    const times = [];
    let found = false;
    for (let i = 0; i < 30; i++) { const t = performance.now(); found = check(document) || found; times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    return { median: times[15], max: times[29], found, chars: document.body.textContent.length };
  })()`)) as { median: number; max: number; found: boolean; chars: number };
  console.log('\n## Chinese-text check on a page without Chinese (ms)');
  console.log(
    `${checkMs.chars.toLocaleString('en')} characters of English: median ${checkMs.median.toFixed(3)}, max ${checkMs.max.toFixed(3)} (found Chinese: ${checkMs.found})`,
  );
}

/** The content script's chunks and stylesheet, minified and gzipped. */
function printBundleSizes(): void {
  const dir = distDir('chrome');
  console.log('\n## Content-script bundle (dist/chrome, minified)');
  for (const [label, reach] of [
    ['page without Chinese (eager chunks only)', 'static'],
    ['page with Chinese (eager chunks and the annotator)', 'chinese-page'],
    [
      'and on demand (the engine, when the background cannot read the page, or on the first save)',
      'on-demand',
    ],
  ] as const) {
    const files = contentScriptFiles(dir, reach);
    const code = files.map((f) => readFileSync(join(dir, f)));
    const bytes = code.reduce((n, b) => n + b.length, 0);
    const gz = code.reduce((n, b) => n + gzipSync(b).length, 0);
    const all = code.map((b) => b.toString('utf8')).join('\n');
    const cn2t = cn2tSignatures().some((sig) => all.includes(sig));
    console.log(`${label}:`);
    for (const [i, f] of files.entries())
      console.log(`  ${f}: ${(code[i]!.length / 1024).toFixed(1)} KiB`);
    console.log(
      `  total: ${(bytes / 1024).toFixed(1)} KiB minified, ${(gz / 1024).toFixed(1)} KiB gzipped; cn2t dictionary present: ${cn2t ? 'YES' : 'no'}`,
    );
  }
  for (const f of contentScriptCssFiles(dir))
    console.log(
      `stylesheet injected with it (every page): ${f}: ${(readFileSync(join(dir, f)).length / 1024).toFixed(1)} KiB`,
    );
}

async function main(): Promise<void> {
  const { html, chars, paragraphs } = buildBenchPage();
  const server = await startFixtureServer();
  server.addRoute('/bench-1m.html', { body: html });
  const url = server.url('bench-1m.html');
  console.log(
    `Bench page: ${chars.toLocaleString('en')} characters of seed text, ${(html.length / 1e6).toFixed(2)} MB HTML; ${RUNS} runs per figure`,
  );
  // The same strings for mark.js: every entity the engine finds in the same page text.
  const { document: parsed } = parseHTML(html);
  const entities = annotate({ text: extractPageText(parsed.body).text, url }).entities;
  const strings = [...new Set(entities.map((e) => e.text))];
  const baseline = await bundleTreeWalkerBaseline();

  const feedParagraphs = paragraphsWithEntities(paragraphs);
  const bursts = makeBursts(feedParagraphs, Math.floor(FEED_FOR_MS / FEED_EVERY_MS), 4);
  server.addRoute('/feed.html', { body: feedPageHtml(feedParagraphs.slice(-3)) });
  const article = seedArticle();
  server.addRoute('/late.html', { body: latePageHtml(article.html, article.title) });
  const english = Array.from(
    { length: 8000 },
    (_, i) =>
      `<p>Paragraph ${i}: the city council met on Tuesday to review the annual budget and transport plans.</p>`,
  ).join('\n');
  server.addRoute('/english-big.html', {
    body: `<!doctype html><html lang="en"><head><title>City news</title></head><body>${english}</body></html>`,
  });

  const cr = await launchChromium();
  const plain = await chromium.launch({
    executablePath: process.env.ZWL_CHROMIUM ?? DEFAULT_CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const plainCtx = await plain.newContext();
  const rounds: Round[] = [];
  const feeds: Array<{ ext: FeedRun; plain: FeedRun }> = [];
  const late: number[] = [];
  try {
    for (let r = 0; r < (ONLY_CHANGING ? 0 : RUNS); r++) {
      const round: Partial<Round> = {};
      const steps: Array<() => Promise<void>> = [
        async () => {
          const { first, next } = await runExtensionFirstAndNext(`${url}?run=${r}`);
          round.extFirst = first;
          round.ext = next;
        },
        async () => {
          const m = await runMarkJs(plainCtx, `${url}?mark=${r}`, strings);
          round.mark = m.run;
          round.plainFrames = m.plainFrames;
          round.plainLoad = m.plainLoad;
        },
        async () => {
          round.tw = await runTreeWalker(plainCtx, `${url}?tw=${r}`, baseline);
        },
        async () => {
          round.markDcl = await runMarkJsFromDcl(plainCtx, `${url}?mark-dcl=${r}`, strings);
        },
        async () => {
          round.twDcl = await runTreeWalkerFromDcl(plainCtx, `${url}?tw-dcl=${r}`, baseline);
        },
      ];
      // Alternate the order from run to run, so drift on a shared machine hits all alike.
      for (const step of r % 2 === 0 ? steps : [...steps].reverse()) await step();
      rounds.push(round as Round);
      console.error(`in-page run ${r + 1}/${RUNS} done`);
    }
    for (let r = 0; r < RUNS; r++) {
      const feedUrl = server.url(`feed.html?run=${r}`);
      let ext: FeedRun;
      let bare: FeedRun;
      if (r % 2 === 0) {
        ext = await runFeed(cr.context, feedUrl, bursts, true);
        bare = await runFeed(plainCtx, feedUrl, bursts, false);
      } else {
        bare = await runFeed(plainCtx, feedUrl, bursts, false);
        ext = await runFeed(cr.context, feedUrl, bursts, true);
      }
      feeds.push({ ext, plain: bare });
      late.push(await runLatePage(cr.context, server.url(`late.html?run=${r}`)));
      console.error(`changing-page run ${r + 1}/${RUNS} done`);
    }
    if (!ONLY_CHANGING)
      await timeChineseCheck(await plainCtx.newPage(), server.url('english-big.html'));
  } finally {
    await cr.close();
    await plain.close();
  }
  const { oneShotMs, lines } = await tracedRun(url);
  await server.close();

  if (!ONLY_CHANGING) printInPage(rounds, strings.length);
  printDynamic(feeds, late, (oneShotMs * 1000) / chars);
  for (const l of lines) console.log(l);
  if (!ONLY_CHANGING) printBundleSizes();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

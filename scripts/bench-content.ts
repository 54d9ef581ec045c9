/**
 * Content-script benchmark in real Chromium (prints figures, asserts nothing):
 *  - a fixture page with 1,000,000 characters of seed-like text (the seed fixtures' article
 *    paragraphs, repeated);
 *  - the longest main-thread tasks while the extension annotates it (long-task and
 *    long-animation-frame PerformanceObservers, next to a run of the same page without the
 *    extension, so the page's own parsing and layout can be told apart);
 *  - time from DOMContentLoaded (document_idle comes after it) to every highlight painted, next to
 *    mark.js highlighting the same strings on the same page in a browser without the extension;
 *  - a CDP trace of the renderer's main thread during the same run: every task over 40 ms after
 *    DOMContentLoaded with what it spent its time on (script by URL, style, layout, paint,
 *    intersection observers, GC), so an offender can be named rather than guessed;
 *  - the content script's minified size (every chunk it loads) and a check that no opencc cn2t
 *    dictionary is in it.
 * Run: npm run build && npm run bench:content
 */
import { contentScriptCssFiles, contentScriptFiles } from './lib/content-chunks';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { annotate } from '../src/core/index';
import { extractPageText } from '../src/dom/page-text';
import { HAN, SAMPLE_CHARS, SAMPLE_NODES, pageHasChineseText } from '../src/content/chinese-check';
import {
  DEFAULT_CHROMIUM,
  FIXTURE_PAGES_DIR,
  REPO_ROOT,
  distDir,
  launchChromium,
  startFixtureServer,
} from '../test/support';

const TARGET_CHARS = 1_000_000;

/** Escapes text for an HTML text node. */
const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page with at least TARGET_CHARS characters of seed article paragraphs. */
function buildBenchPage(): { html: string; chars: number } {
  const paragraphs: string[] = [];
  for (const file of readdirSync(FIXTURE_PAGES_DIR).filter((f) => /^seed-\d+\.html$/.test(f))) {
    const { document } = parseHTML(readFileSync(join(FIXTURE_PAGES_DIR, file), 'utf8'));
    for (const p of document.querySelectorAll('main p')) {
      const text = (p.textContent ?? '').trim();
      if (text) paragraphs.push(text);
    }
  }
  const body: string[] = [];
  let chars = 0;
  for (let i = 0; chars < TARGET_CHARS; i++) {
    const text = paragraphs[i % paragraphs.length]!;
    body.push(`<p>${escapeText(text)}</p>`);
    chars += text.length;
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>市委常委会议 基准页</title></head><body><main>\n${body.join('\n')}\n</main></body></html>`;
  return { html, chars };
}

/** Installed before any page script: records long tasks, LoAF scripts and the panel's progress. */
const PROBE = `(() => {
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
  new MutationObserver(() => {
    const host = document.querySelector('zhengwen-lens-panel');
    if (host && host.getAttribute('data-state') === 'annotated' && !w.__bench.annotated) {
      w.__bench.annotated = performance.now();
      requestAnimationFrame(() => setTimeout(() => { w.__bench.painted = performance.now(); console.debug('zwl-bench-painted'); }, 0));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

interface BenchData {
  longTasks: Array<{ start: number; duration: number }>;
  loafScripts: Array<{ start: number; duration: number; source: string }>;
  dcl: number;
  annotated: number;
  painted: number;
}

const readBench = (page: Page): Promise<BenchData> =>
  page.evaluate(() => (window as unknown as { __bench: BenchData }).__bench);

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

/** One Chrome trace event (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

/** Trace categories: the DevTools timeline (tasks, script, style, layout, paint) and V8's GC. */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'v8',
  'disabled-by-default-v8.gc',
].join(',');

/** Starts a trace through `cdp`; the returned function stops it and answers its events. */
async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES.split(',') },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** Event names worth naming inside a long task (the rest is summed as "other"). */
const TASK_PARTS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.run': 'script',
  TimerFire: 'script',
  RunMicrotasks: 'microtasks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  Layerize: 'layerize',
  'IntersectionObserverController::computeIntersections': 'intersections',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  ParseHTML: 'parse-html',
};

/** A long main-thread task of the page's renderer and where its time went. */
interface TracedTask {
  /** Milliseconds after the content script first ran. */
  at: number;
  ms: number;
  parts: Record<string, number>;
  scripts: string[];
  /** Trace clock (microseconds) of its start and end. */
  span: [number, number];
  /**
   * It holds the page's own first layout: the work a page of a million characters does once,
   * with or without the extension (before DOMContentLoaded or just after it, as loading goes).
   */
  pageFirstLayout: boolean;
}

/** Whether a trace event ran one of the extension's scripts. */
const isExtensionScript = (e: TraceEvent): boolean =>
  TASK_PARTS[e.name] === 'script' && (e.args?.data?.url ?? '').startsWith('chrome-extension://');

/**
 * The page renderer's main-thread tasks longer than `minMs` from the first task that ran the
 * content script on: the page is static, so what follows is the extension's doing (its scripts,
 * and the style, layout and paint work its changes cause).
 */
function longTracedTasks(events: TraceEvent[], pageUrl: string, minMs = 40): TracedTask[] {
  const first = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(pageUrl),
  );
  if (!first) return [];
  const { pid, tid } = first;
  const thread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const extStart = thread.find(isExtensionScript)?.ts ?? Infinity;
  // The page's first layout: its first Layout event at least half as long as its longest.
  const layouts = thread.filter((e) => e.name === 'Layout');
  const longestLayout = Math.max(0, ...layouts.map((e) => e.dur!));
  const firstLayout = layouts.find((e) => e.dur! >= longestLayout / 2);
  // Outermost task events only (RunTask wraps ThreadControllerImpl::RunTask in some versions).
  const tasks: TraceEvent[] = [];
  for (const e of thread) {
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const last = tasks[tasks.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) tasks.push(e);
  }
  const out: TracedTask[] = [];
  for (const task of tasks) {
    if (task.ts + task.dur! <= extStart || task.dur! < minMs * 1000) continue;
    const end = task.ts + task.dur!;
    const parts: Record<string, number> = {};
    const scripts = new Set<string>();
    // Sum each part's outermost events only (a FunctionCall inside a FunctionCall counts once).
    const openUntil: Record<string, number> = {};
    const biggest = new Map<string, number>();
    for (const e of thread) {
      if (e.ts < task.ts || e.ts >= end || e === task) continue;
      const part = TASK_PARTS[e.name];
      if (!part) {
        // Unnamed work still gets a name when it is big: "(V8.CompileModule)", "(ParseHTML)"…
        if (e.dur! >= 10_000 && !/RunTask|Receive mojo|PerformMicrotaskCheckpoint/.test(e.name))
          biggest.set(e.name, Math.max(biggest.get(e.name) ?? 0, e.dur! / 1000));
        continue;
      }
      const url = e.args?.data?.url;
      if (part === 'script' && url) scripts.add(url.replace(/^chrome-extension:\/\/[^/]+/, 'ext:'));
      if ((openUntil[part] ?? 0) > e.ts) continue;
      openUntil[part] = e.ts + e.dur!;
      parts[part] = (parts[part] ?? 0) + e.dur! / 1000;
    }
    for (const [name, ms] of [...biggest].sort((a, b) => b[1] - a[1]).slice(0, 2))
      parts[`(${name})`] = ms;
    out.push({
      at: (task.ts - extStart) / 1000,
      ms: task.dur! / 1000,
      parts,
      scripts: [...scripts],
      span: [task.ts, end],
      pageFirstLayout:
        firstLayout !== undefined && firstLayout.ts >= task.ts && firstLayout.ts < end,
    });
  }
  return out;
}

/** A V8 CPU profile (the fields read here). */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time (samples) in `span`, as "name (file:line) ms". */
function topFunctions(profile: CpuProfile, span: [number, number], n = 6): string {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < span[0] || t > span[1]) continue;
    const f = frames.get(id);
    if (!f) continue;
    const file = f.url.slice(f.url.lastIndexOf('/') + 1);
    const key = `${f.functionName || '(anon)'} (${file}:${f.lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? dt) / 1000);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
    .join('; ');
}

/**
 * When the page's own first layout of its million characters ran (its first Layout event at least
 * half as long as its longest), relative to DOMContentLoaded: not to be taken for extension work.
 */
function pageLayout(events: TraceEvent[], pageUrl: string): string {
  const first = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(pageUrl),
  );
  if (!first) return 'unknown';
  const same = (e: TraceEvent): boolean => e.pid === first.pid && e.tid === first.tid;
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && same(e));
  const layouts = events
    .filter((e) => e.name === 'Layout' && e.ph === 'X' && same(e))
    .sort((a, b) => a.ts - b.ts);
  const longest = Math.max(0, ...layouts.map((e) => e.dur!));
  const big = layouts.find((e) => e.dur! >= longest / 2);
  if (!big || !dcl) return 'unknown';
  return `${(big.dur! / 1000).toFixed(0)} ms long, starting ${((big.ts - dcl.ts) / 1000).toFixed(0)} ms after DOMContentLoaded`;
}

/** One line per traced task: duration, then its parts, largest first. */
function formatTracedTask(t: TracedTask): string {
  const parts = Object.entries(t.parts)
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');
  const scripts = t.scripts.length ? ` [${t.scripts.join(' ')}]` : '';
  const note = t.pageFirstLayout ? " (the page's own first layout, not counted)" : '';
  return `  ${t.ms.toFixed(0)} ms at +${t.at.toFixed(0)} ms: ${parts || 'no named parts'}${scripts}${note}`;
}

async function main(): Promise<void> {
  const { html, chars } = buildBenchPage();
  const server = await startFixtureServer();
  server.addRoute('/bench-1m.html', { body: html });
  const url = server.url('bench-1m.html');
  console.log(
    `Bench page: ${chars.toLocaleString('en')} characters of seed text, ${(html.length / 1e6).toFixed(2)} MB HTML`,
  );

  // 1. With the extension.
  const cr = await launchChromium();
  const page = await cr.context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await cr.context.newCDPSession(page);
  const stopTrace = await startTrace(cdp);
  const painted = page.waitForEvent('console', {
    predicate: (m) => m.text() === 'zwl-bench-painted',
    timeout: 300_000,
  });
  // Env ZWL_BENCH_PROFILE=1 adds a sampled CPU profile: the busiest functions of each long task.
  const profiling = process.env.ZWL_BENCH_PROFILE === '1';
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { timeout: 120_000 });
  // Told through the console rather than polled: polling would run the driver's own scripts on
  // the page's main thread while the extension's tasks are being measured.
  await painted;
  // Work that follows the paint (the panel, observers) still counts.
  await page.waitForTimeout(500);
  await page.waitForTimeout(500);
  const ext = await readBench(page);
  const profile = profiling
    ? ((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile)
    : null;
  const traceMs = Number(process.env.ZWL_BENCH_TRACE_MS ?? 40);
  const trace = await stopTrace();
  const traced = longTracedTasks(trace, 'bench-1m.html', traceMs);
  const layoutNote = pageLayout(trace, 'bench-1m.html');
  const counts = await page.evaluate(() =>
    document.querySelector('zhengwen-lens-panel')?.getAttribute('data-counts'),
  );
  // Ranges registered right now (only those near the viewport on a page this size).
  const ranges = await page.evaluate(() => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return ['zwl-official', 'zwl-meeting', 'zwl-directive'].reduce(
      (n, k) => n + (reg.get(k)?.size ?? 0),
      0,
    );
  });
  await cr.close();

  // The same strings for mark.js: every entity the engine finds in the same page text.
  const { document: parsed } = parseHTML(html);
  const entities = annotate({ text: extractPageText(parsed.body).text, url }).entities;
  const strings = [...new Set(entities.map((e) => e.text))];

  // 2. Same page, no extension: the page's own long tasks, and mark.js on the same strings.
  const plain = await chromium.launch({
    executablePath: process.env.ZWL_CHROMIUM ?? DEFAULT_CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const ctx = await plain.newContext();
  const basePage = await ctx.newPage();
  await basePage.addInitScript(PROBE);
  await basePage.goto(url, { timeout: 120_000 });
  await basePage.waitForTimeout(1500);
  const base = await readBench(basePage);
  await basePage.addScriptTag({ path: join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  // Passed as source text: tsx would wrap named functions in a helper the page does not have.
  const markMs = (await basePage.evaluate(`new Promise((resolve) => {
    const words = ${JSON.stringify(strings)};
    const escaped = words.sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^\${}()|[\]\\]/g, '\\$&'));
    const t0 = performance.now();
    new window.Mark(document.body).markRegExp(new RegExp(escaped.join('|'), 'g'), {
      acrossElements: true,
      done: () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)),
    });
  })`)) as number;
  const marked = await basePage.evaluate(() => document.querySelectorAll('mark').length);

  // The content script's first question on a large page without Chinese text.
  const english = Array.from(
    { length: 8000 },
    (_, i) =>
      `<p>Paragraph ${i}: the city council met on Tuesday to review the annual budget and transport plans.</p>`,
  ).join('\n');
  server.addRoute('/english-big.html', {
    body: `<!doctype html><html lang="en"><head><title>City news</title></head><body>${english}</body></html>`,
  });
  await basePage.goto(server.url('english-big.html'));
  const checkMs = (await basePage.evaluate(`(() => {
    const HAN = ${String(HAN)}, SAMPLE_CHARS = ${SAMPLE_CHARS}, SAMPLE_NODES = ${SAMPLE_NODES};
    const check = ${pageHasChineseText.toString()};
    const times = [];
    let found = false;
    for (let i = 0; i < 30; i++) { const t = performance.now(); found = check(document) || found; times.push(performance.now() - t); }
    times.sort((a, b) => a - b);
    return { median: times[15], max: times[29], found, chars: document.body.textContent.length };
  })()`)) as { median: number; max: number; found: boolean; chars: number };
  await plain.close();
  await server.close();

  console.log('\n## Chinese-text check on a page without Chinese (ms)');
  console.log(
    `${checkMs.chars.toLocaleString('en')} characters of English: median ${checkMs.median.toFixed(3)}, max ${checkMs.max.toFixed(3)} (found Chinese: ${checkMs.found})`,
  );
  const afterDcl = (d: BenchData) => d.longTasks.filter((t) => t.start >= d.dcl);
  const extScripts = ext.loafScripts.filter((s) => s.source.startsWith('chrome-extension://'));
  console.log('\n## Main-thread tasks (ms)');
  console.log(
    `with extension, long tasks after DOMContentLoaded (top 5): ${top(afterDcl(ext).map((t) => t.duration))}`,
  );
  console.log(
    `without extension, long tasks after DOMContentLoaded (top 5): ${top(afterDcl(base).map((t) => t.duration))}`,
  );
  console.log(
    `with extension, long tasks during annotation (DOMContentLoaded → annotated) (top 5): ${top(ext.longTasks.filter((t) => t.start >= ext.dcl && t.start <= ext.annotated).map((t) => t.duration))}`,
  );
  console.log(
    `long-animation-frame script entries from the extension (top 5): ${top(extScripts.map((s) => s.duration))} (${extScripts.length} entries)`,
  );
  console.log(
    `traced renderer main-thread tasks over ${traceMs} ms once the content script ran (CDP trace): ${traced.length}`,
  );
  console.log(
    `the page's own first layout (its work with or without the extension): ${layoutNote}`,
  );
  const counted = traced.filter((t) => !t.pageFirstLayout);
  console.log(
    `longest traced task once the content script ran (the page's own first layout left out): ${counted.length ? Math.max(...counted.map((t) => t.ms)).toFixed(0) : `under ${traceMs}`} ms`,
  );
  for (const t of traced) {
    console.log(formatTracedTask(t));
    if (profile) console.log(`    busiest: ${topFunctions(profile, t.span)}`);
  }
  console.log('\n## Time to all highlights painted (ms)');
  console.log(
    `extension: DOMContentLoaded → annotated: ${(ext.annotated - ext.dcl).toFixed(0)}, → painted: ${(ext.painted - ext.dcl).toFixed(0)} (${counts}; ${ranges} ranges registered near the viewport, the rest follow scrolling)`,
  );
  console.log(
    `mark.js 8 (markRegExp of the same ${strings.length} strings, acrossElements) → painted: ${markMs.toFixed(0)} (${marked} <mark> elements)`,
  );
  console.log(`ratio extension / mark.js: ${((ext.painted - ext.dcl) / markMs).toFixed(2)}`);

  const dir = distDir('chrome');
  console.log('\n## Content-script bundle (dist/chrome, minified)');
  for (const [label, withLazy] of [
    ['page without Chinese (eager chunks only)', false],
    ['page with Chinese (eager + lazily imported chunks)', true],
  ] as const) {
    const files = contentScriptFiles(dir, withLazy);
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

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

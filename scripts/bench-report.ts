/**
 * `npm run bench:report`: the side-by-side performance report, measured in one run, written to
 * `docs/performance.md`:
 *  1. engine vs opencc-js converting the same 1,000,000 characters (Node);
 *  2. in-page highlighting by the extension vs mark.js highlighting the same strings on the same
 *     page (Chromium; mark.js runs in a Chromium without the extension);
 *  3. the content script's cost on a non-Chinese page (script time with vs without the extension);
 *  4. popup and library figures with 10,000 clips, measured as `npm run bench:library` does.
 * Prints every figure; never fails on timing (speed goals are reported, not asserted).
 */
import { contentScriptFiles } from './lib/content-chunks';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import * as OpenCC from 'opencc-js/t2cn';
import { chromium, type Page } from 'playwright-core';
import * as prettier from 'prettier';
import { annotate, toSimplified } from '../src/core/index';
import { extractPageText } from '../src/dom/page-text';
import { launchChromium, type ChromiumSession } from '../test/support/browsers';
import { startFixtureServer, type FixtureServer } from '../test/support/fixture-server';
import { distDir } from '../test/support/paths';
import { REPO_ROOT, snapshotExtension } from './lib/chromium-cdp';
import { corpusDir } from '../test/support/corpus-dir';
import { buildText, measure, measurePair, readGenreTexts, RUNS } from './lib/engine-timing';
import { LIBRARY_BENCH_RUNS, measureLibrary } from './lib/library-bench';

const CHROMIUM = process.env.ZWL_CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.ZWL_FIREFOX ?? '/usr/bin/firefox-esr';
const PANEL = 'zhengwen-lens-panel[data-zhengwen-lens-ui]';
const MARK_JS = join(REPO_ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');

/** One row of a report table. */
type Row = [string, string, string, string];

/** Median of numbers. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** The five seed texts of the corpus (see `corpusDir`). */
function readSeeds(): string[] {
  const dir = join(corpusDir(), 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The seeds repeated to `length` UTF-16 units, never ending inside a surrogate pair. */
function repeatTo(texts: readonly string[], length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${texts[i % texts.length]!}\n`;
  out = out.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(out) ? out.slice(0, -1) : out;
}

/**
 * Section 1: engine vs opencc-js on the same text, in this Node process, measured the way
 * `npm run bench` measures it (steady-state wall-clock medians, runs interleaved).
 */
async function benchEngine(): Promise<Row[]> {
  const text = buildText(await readGenreTexts(), 1_000_000);
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const pair = measurePair(
    () => annotate({ text }),
    () => convert(text),
    RUNS,
    'wall',
  );
  const simplify = measure(() => toSimplified(text));
  const openccMs = pair.opencc.median;
  return [
    ['opencc-js `tw→cn` conversion, 1,000,000 chars', ms(openccMs), 'baseline', '1.00×'],
    [
      'engine `toSimplified`, same text',
      ms(simplify.median),
      'vs opencc-js',
      ratio(simplify.median, openccMs),
    ],
    [
      'engine `annotate` (conversion + all detection), same text',
      ms(pair.engine.median),
      'vs opencc-js (target ≤ 0.50×)',
      ratio(pair.engine.median, openccMs),
    ],
  ];
}

/** An article page of about `chars` characters of seed text, built like the fixture pages. */
function bigArticlePage(seeds: string[], chars: number): string {
  const paragraphs = repeatTo(seeds, chars)
    .split('\n')
    .filter((p) => p.trim().length > 0)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="ContentSource" content="市委宣传部"><meta name="PubDate" content="2022-04-30 06:30">
<title>市委常委会召开会议_新闻网</title></head>
<body><main class="article"><h1>市委常委会召开第十五次会议</h1>
<div class="article-info">来源:市委宣传部 2022年04月30日</div>
<div class="article-content">${paragraphs}</div></main></body></html>`;
}

/**
 * Page script run before any other (a string: tsx would wrap named inner functions in a `__name`
 * helper that does not exist in the page): records when the panel reports `annotated`, when the
 * next frame after that was painted, and every long task.
 */
const RECORD_ANNOTATION_TIME = `(() => {
  window.__zwlLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__zwlLongTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const host = document.querySelector(${JSON.stringify(PANEL)});
    if (host && host.getAttribute('data-state') === 'annotated' && window.__zwlAnnotatedAt === undefined) {
      window.__zwlAnnotatedAt = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__zwlPaintedAt = performance.now(); }));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

/**
 * tsx compiles this script with esbuild's keep-names, which wraps functions passed to
 * `page.evaluate` in a `__name(fn, "name")` call; pages have no such helper, so give them one.
 */
const NAME_HELPER = 'window.__name = (fn) => fn;';

/** Installs `RECORD_ANNOTATION_TIME` in `page`. */
async function recordAnnotatedTime(page: Page): Promise<void> {
  await page.addInitScript(RECORD_ANNOTATION_TIME);
}

/** Section 2: extension highlighting vs mark.js on the same page. */
async function benchHighlighting(
  cr: ChromiumSession,
  server: FixtureServer,
  seeds: string[],
): Promise<{ rows: Row[]; chars: number; entities: number }> {
  const html = bigArticlePage(seeds, 300_000);
  server.addRoute('/bench/big.html', { body: html });
  const parsed = parseHTML(html);
  const pageText = extractPageText(parsed.document.body);
  const result = annotate({ text: pageText.text });
  const strings = [...new Set(result.entities.map((e) => e.text))];

  const extRuns: number[] = [];
  const extLong: number[] = [];
  let counts = '';
  for (let i = 0; i < 3; i++) {
    const page = await cr.context.newPage();
    await recordAnnotatedTime(page);
    await page.goto(server.url(`bench/big.html?run=${i}`));
    await page
      .waitForFunction(
        (sel: string) => document.querySelector(sel)?.getAttribute('data-state') === 'annotated',
        PANEL,
        { timeout: 120_000, polling: 50 },
      )
      .catch(async (err: unknown) => {
        const attrs = await page.evaluate((sel: string) => {
          const host = document.querySelector(sel);
          return host ? host.getAttributeNames().map((n) => `${n}=${host.getAttribute(n)}`) : [];
        }, PANEL);
        throw new Error(`big page not annotated: host ${attrs.join(' ')}: ${String(err)}`);
      });
    const t = await page.evaluate(async () => {
      const w = window as unknown as {
        __zwlAnnotatedAt?: number;
        __zwlPaintedAt?: number;
        __zwlLongTasks: number[];
      };
      const deadline = performance.now() + 15_000;
      while (w.__zwlPaintedAt === undefined && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      if (w.__zwlAnnotatedAt === undefined) throw new Error('annotation time was not recorded');
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        fromIdle: (w.__zwlPaintedAt ?? w.__zwlAnnotatedAt) - nav.domContentLoadedEventEnd,
        longest: Math.max(0, ...w.__zwlLongTasks),
      };
    });
    counts = (await page.getAttribute(PANEL, 'data-counts')) ?? '';
    extRuns.push(t.fromIdle);
    extLong.push(t.longest);
    await page.close();
  }

  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const markRuns: number[] = [];
  const markLong: number[] = [];
  let marks = 0;
  try {
    const context = await plain.newContext();
    await context.addInitScript(NAME_HELPER);
    // One run: mark.js takes close to a minute on this page.
    for (let i = 0; i < 1; i++) {
      const page = await context.newPage();
      await page.goto(server.url(`bench/big.html?mark=${i}`));
      await page.addScriptTag({ path: MARK_JS });
      const t = await page.evaluate(async (words: string[]) => {
        const long: number[] = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) long.push(e.duration);
        }).observe({ type: 'longtask' });
        const Mark = (
          window as unknown as {
            Mark: new (el: Element) => { mark(w: string[], o: object): void };
          }
        ).Mark;
        const t0 = performance.now();
        await new Promise<void>((resolve) =>
          new Mark(document.querySelector('main')!).mark(words, {
            separateWordSearch: false,
            // The page's entities never cross elements: the faster per-node mode is enough.
            acrossElements: false,
            diacritics: false,
            done: () => resolve(),
          }),
        );
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const total = performance.now() - t0;
        await new Promise((r) => setTimeout(r, 50));
        return {
          total,
          longest: Math.max(0, ...long),
          marks: document.querySelectorAll('mark').length,
        };
      }, strings);
      markRuns.push(t.total);
      marks = t.marks;
      markLong.push(t.longest);
      await page.close();
    }
  } finally {
    await plain.close();
  }
  const ext = median(extRuns);
  const mark = median(markRuns);
  return {
    chars: pageText.text.length,
    entities: result.entities.length,
    rows: [
      [
        `mark.js marking the same ${strings.length} distinct strings (${marks} marks; call → painted)`,
        ms(mark),
        `longest task ${ms(median(markLong))}`,
        '1.00×',
      ],
      [
        `extension: document_idle → all highlights painted (${counts})`,
        ms(ext),
        `longest task on the page since navigation, its own loading included: ${ms(median(extLong))} (\`npm run bench:content\` tells the extension's tasks apart)`,
        ratio(ext, mark),
      ],
    ],
  };
}

/** Script time of loading `url` in `page`, read from the DevTools performance metrics. */
async function scriptTimeOf(page: Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
}

/** Section 3: what the content script costs on a page without Chinese text. */
async function benchNonChinese(cr: ChromiumSession, server: FixtureServer): Promise<Row[]> {
  const url = (i: number) => server.url(`english.html?run=${i}`);
  const withExt: number[] = [];
  for (let i = 0; i < 10; i++) {
    const page = await cr.context.newPage();
    withExt.push(await scriptTimeOf(page, url(i)));
    await page.close();
  }
  const plain = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const without: number[] = [];
  try {
    const context = await plain.newContext();
    await context.addInitScript(NAME_HELPER);
    for (let i = 0; i < 10; i++) {
      const page = await context.newPage();
      without.push(await scriptTimeOf(page, url(i)));
      await page.close();
    }
  } finally {
    await plain.close();
  }
  // What the content script loads on this page: only the eager chunks (the engine is lazy).
  const built = distDir('chrome');
  const eager = contentScriptFiles(built, false);
  const lazy = contentScriptFiles(built, true);
  const sizeOf = (files: string[]): number =>
    files.reduce((n, f) => n + statSync(join(built, f)).size, 0);
  const a = median(withExt);
  const b = median(without);
  return [
    ['page script time without the extension (english.html)', ms(b), 'median of 10 loads', '1.00×'],
    [
      'page script time with the extension (same page)',
      ms(a),
      `cost ${ms(Math.max(0, a - b))}`,
      ratio(a, b),
    ],
    [
      'content script loaded on this page (minified)',
      `${(sizeOf(eager) / 1024).toFixed(1)} KiB`,
      `${eager.length} files in dist/chrome`,
      '',
    ],
    [
      'content script on a page with Chinese (adds the lazy engine chunks)',
      `${(sizeOf(lazy) / 1024).toFixed(1)} KiB`,
      `${lazy.length} files in dist/chrome`,
      '',
    ],
  ];
}

/** Section 4: popup and library with 10,000 clips, measured as `npm run bench:library` does. */
async function benchLibrary(cr: ChromiumSession): Promise<Row[]> {
  const f = await measureLibrary(cr, 10_000, LIBRARY_BENCH_RUNS);
  const runs = (xs: number[]) => `median of ${xs.length}, max ${ms(Math.max(...xs))}`;
  const keys = f.search.map((k) => k.ms);
  return [
    [
      'popup first render (navigation → newest clips painted), every clip in the background’s memory',
      ms(median(f.popup)),
      `goal ≤ 200 ms; ${runs(f.popup)}, each a fresh popup page`,
      '',
    ],
    [
      'popup first render, newest clips read from the time index (after a write)',
      ms(median(f.popupIndexed)),
      `goal ≤ 200 ms; ${runs(f.popupIndexed)}`,
      '',
    ],
    [
      'popup first render, service worker stopped before each open',
      ms(median(f.popupCold)),
      `goal ≤ 200 ms; ${runs(f.popupCold)}`,
      '',
    ],
    [
      'library first rows (navigation → first rows painted), service worker stopped before each open',
      ms(median(f.firstRows)),
      `${runs(f.firstRows)}; all ${f.stored.toLocaleString('en')} clips listed and searchable after ${ms(median(f.loaded))}`,
      '',
    ],
    [
      'library search, one keystroke → results painted',
      ms(median(keys)),
      `goal ≤ 50 ms; median of ${keys.length} keystrokes (cross-script, entity, note and no-match queries), max ${ms(Math.max(...keys))}`,
      '',
    ],
    ...(['json', 'w3c', 'csv'] as const).map((format): Row => [
      `full ${format.toUpperCase()} export (click → file content ready, ${(f.fileChars[format] / 1e6).toFixed(1)} M chars)`,
      ms(median(f.export[format])),
      `goal ≤ 2 s; ${runs(f.export[format])}`,
      '',
    ]),
    [
      'import of that JSON export into an empty library (file chosen → committed)',
      ms(median(f.fresh)),
      `goal ≤ 5 s; ${runs(f.fresh)}; all clips listed again after ${ms(median(f.listed))}`,
      '',
    ],
    [
      'import of that JSON export, every id known (file chosen → committed)',
      ms(median(f.merge)),
      `goal ≤ 5 s; ${runs(f.merge)}`,
      '',
    ],
  ];
}

/** Machine and browser versions. */
function machine(chromiumVersion: string): Row[] {
  let firefox = 'not installed';
  try {
    firefox = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as not installed */
  }
  const cpu = cpus();
  return [
    ['CPU', `${cpu[0]?.model ?? 'unknown'}`, `${cpu.length} cores`, ''],
    ['Memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`, '', ''],
    ['Node', process.version, '', ''],
    [
      'Load average (1 min) at the end',
      loadavg()[0]!.toFixed(1),
      'other jobs shared the machine: absolute times are pessimistic',
      '',
    ],
    ['Chromium', chromiumVersion, 'headless', ''],
    ['Firefox', firefox, '(not used by these figures)', ''],
  ];
}

/** A Markdown table. */
function table(head: Row, rows: Row[]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Sections to run: all by default; `--only highlight` (comma list) runs some and writes no file. */
function sectionsToRun(): Set<string> | null {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set((process.argv[i + 1] ?? '').split(',')) : null;
}

/** Runs `section` when selected, else answers `skipped`. */
async function maybe<T>(name: string, skipped: T, run: () => Promise<T> | T): Promise<T> {
  const only = sectionsToRun();
  if (only && !only.has(name)) return skipped;
  console.log(`${name}…`);
  const out = await run();
  if (only) console.log(out);
  return out;
}

async function main(): Promise<void> {
  const seeds = readSeeds();
  const engine = await maybe('engine', [], () => benchEngine());
  const server = await startFixtureServer();
  // A snapshot of dist/chrome: a rebuild during the run must not swap the extension's files.
  const snapshot = await snapshotExtension('chrome');
  const cr = await launchChromium({ extensionDir: snapshot.dir });
  await cr.context.addInitScript(NAME_HELPER);
  try {
    const chromiumVersion = cr.context.browser()?.version() ?? (await chromiumVersionOf());
    const hl = await maybe('highlight', { rows: [], chars: 0, entities: 0 }, () =>
      benchHighlighting(cr, server, seeds),
    );
    const nonChinese = await maybe('nonchinese', [], () => benchNonChinese(cr, server));
    const library = await maybe('library', [], () => benchLibrary(cr));
    if (sectionsToRun()) return;
    const md = `# Performance

Generated by \`npm run bench:report\` (scripts/bench-report.ts) on ${new Date().toISOString().slice(0, 10)};
all figures from one run. Timing goals are reported here, never asserted by tests.

## Machine

${table(['', 'Value', 'Note', ''], machine(chromiumVersion))}

## Engine vs opencc-js (same text, Node)

1,000,000 characters of genre text (the five seeds and our positive fixtures repeated:
simplified, traditional, traditional with pinyin glosses), measured as \`npm run bench\` does:
wall-clock median of ${RUNS} steady-state runs, engine and opencc-js interleaved.

${table(['Measure', 'Time', 'Compared with', 'Ratio'], engine)}

## In-page highlighting vs mark.js (same page, Chromium)

A page of ${hl.chars.toLocaleString('en')} characters of seed text; the extension found
${hl.entities.toLocaleString('en')} entities. The extension's time includes reading the page,
the whole engine and registering CSS Custom Highlights; mark.js only wraps the same strings in
\`<mark>\` elements (in a Chromium without the extension). Extension: median of 3 runs;
mark.js: one run (it takes close to a minute).

${table(['Measure', 'Time', 'Main thread', 'Ratio to mark.js'], hl.rows)}

## Content-script cost on a non-Chinese page (Chromium)

${table(['Measure', 'Value', 'Note', 'Ratio'], nonChinese)}

## Popup and library with 10,000 clips (Chromium)

${table(['Measure', 'Time', 'Goal / note', ''], library)}
`;
    // Formatted like every other file, so `prettier --check .` in `npm test` stays green.
    const path = join(REPO_ROOT, 'docs', 'performance.md');
    const options = (await prettier.resolveConfig(path)) ?? {};
    writeFileSync(path, await prettier.format(md, { ...options, filepath: path }));
    console.log(md);
    console.log('wrote docs/performance.md');
  } finally {
    await cr.close();
    await server.close();
    await snapshot.remove();
  }
}

/** Chromium's version from its binary, when the context does not say. */
async function chromiumVersionOf(): Promise<string> {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

await main();

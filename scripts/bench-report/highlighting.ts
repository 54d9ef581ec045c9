/**
 * Section 2 of `npm run bench:report`: in-page highlighting by the extension vs mark.js
 * highlighting the same strings on the same page (Chromium; mark.js runs in a Chromium without
 * the extension).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { annotate } from '../../src/core/index';
import { extractPageText } from '../../src/dom/page-text';
import type { ChromiumSession } from '../../test/support/browsers';
import { corpusDir } from '../../test/support/corpus-dir';
import { annotatedStamp, readTabStatus } from '../../test/support/tab-status';
import type { FixtureServer } from '../../test/support/fixture-server';
import { REPO_ROOT } from '../lib/chromium-cdp';
import { launchPlainChromium, NAME_HELPER } from './chromium';
import { median, ms, ratio, table, type Row } from './report-table';

const MARK_JS = join(REPO_ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');

/** The section's figures: its rows, and the page's size and entity count for the prose. */
export interface Highlighting {
  rows: Row[];
  chars: number;
  entities: number;
}

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
 * helper that does not exist in the page): records every long task. When the page is annotated
 * is asked from the extension (`annotatedStamp`, every 20 ms) and set in `__zwlAnnotatedAt`.
 */
const RECORD_ANNOTATION_TIME = `(() => {
  window.__zwlLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__zwlLongTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/** Installs `RECORD_ANNOTATION_TIME` in `page`. */
async function recordAnnotatedTime(page: Page): Promise<void> {
  await page.addInitScript(RECORD_ANNOTATION_TIME);
}

/** Section 2: extension highlighting vs mark.js on the same page. */
export async function benchHighlighting(
  cr: ChromiumSession,
  server: FixtureServer,
): Promise<Highlighting> {
  const seeds = readSeeds();
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
    const stamp = annotatedStamp(page, 120_000);
    await page.goto(server.url(`bench/big.html?run=${i}`));
    const at = await stamp.catch(async (err: unknown) => {
      const status = await readTabStatus(page);
      throw new Error(`big page not annotated: status ${JSON.stringify(status)}: ${String(err)}`);
    });
    // The next frame after the extension said it was annotated.
    await page.evaluate((at: number) => {
      const w = window as unknown as { __zwlAnnotatedAt?: number; __zwlPaintedAt?: number };
      w.__zwlAnnotatedAt = at - performance.timeOrigin;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          w.__zwlPaintedAt = performance.now();
        }),
      );
    }, at);
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
    const status = await readTabStatus(page);
    counts = status
      ? Object.entries(status.counts)
          .map(([k, n]) => `${k}:${n}`)
          .join(' ')
      : '';
    extRuns.push(t.fromIdle);
    extLong.push(t.longest);
    await page.close();
  }

  const plain = await launchPlainChromium();
  const markRuns: number[] = [];
  const markLong: number[] = [];
  let marks = 0;
  try {
    const context = await plain.newContext();
    await context.addInitScript(NAME_HELPER);
    for (let i = 0; i < 3; i++) {
      const page = await context.newPage();
      await page.goto(server.url(`bench/big.html?mark=${i}`));
      await page.addScriptTag({ path: MARK_JS });
      // As mark.js's documentation recommends for many strings: one alternation RegExp matched
      // per text node (the page's entities never cross elements), longest strings first.
      const t = await page.evaluate(async (words: string[]) => {
        const long: number[] = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) long.push(e.duration);
        }).observe({ type: 'longtask' });
        const Mark = (
          window as unknown as {
            Mark: new (el: Element) => { markRegExp(re: RegExp, o: object): void };
          }
        ).Mark;
        const escaped = [...words]
          .sort((a, b) => b.length - a.length)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const t0 = performance.now();
        await new Promise<void>((resolve) =>
          new Mark(document.querySelector('main')!).markRegExp(new RegExp(escaped.join('|'), 'g'), {
            acrossElements: false,
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
        `mark.js \`markRegExp\`, one alternation of the same ${strings.length} distinct strings, per text node (${marks} marks; call → painted)`,
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

/** The section's Markdown. */
export function highlightingSection(hl: Highlighting): string {
  return `## In-page highlighting vs mark.js (same page, Chromium)

A page of ${hl.chars.toLocaleString('en')} characters of seed text; the extension found
${hl.entities.toLocaleString('en')} entities. The extension's time includes reading the page,
the whole engine and registering CSS Custom Highlights; mark.js only wraps the same strings in
\`<mark>\` elements (in a Chromium without the extension), used as its documentation recommends
for many strings: one alternation RegExp, matched per text node. Medians of 3 runs each.

${table(['Measure', 'Time', 'Main thread', 'Ratio to mark.js'], hl.rows)}`;
}

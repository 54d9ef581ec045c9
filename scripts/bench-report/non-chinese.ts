/**
 * Section 3 of `npm run bench:report`: the content script's cost on a non-Chinese page (script
 * time with vs without the extension, and the bytes it loads).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../../test/support/browsers';
import type { FixtureServer } from '../../test/support/fixture-server';
import { distDir } from '../../test/support/paths';
import { contentScriptFiles } from '../lib/content-chunks';
import { launchPlainChromium, NAME_HELPER } from './chromium';
import { median, ms, ratio, table, type Row } from './report-table';

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
export async function benchNonChinese(cr: ChromiumSession, server: FixtureServer): Promise<Row[]> {
  const url = (i: number) => server.url(`english.html?run=${i}`);
  const withExt: number[] = [];
  for (let i = 0; i < 10; i++) {
    const page = await cr.context.newPage();
    withExt.push(await scriptTimeOf(page, url(i)));
    await page.close();
  }
  const plain = await launchPlainChromium();
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
  // What the content script loads on this page: only the eager chunks (the annotator is lazy).
  const built = distDir('chrome');
  const eager = contentScriptFiles(built, 'static');
  const lazy = contentScriptFiles(built, 'chinese-page');
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
      'content script on a page with Chinese (adds the annotator chunks)',
      `${(sizeOf(lazy) / 1024).toFixed(1)} KiB`,
      `${lazy.length} files in dist/chrome`,
      '',
    ],
  ];
}

/** The section's Markdown. */
export function nonChineseSection(rows: Row[]): string {
  return `## Content-script cost on a non-Chinese page (Chromium)

${table(['Measure', 'Value', 'Note', 'Ratio'], rows)}`;
}

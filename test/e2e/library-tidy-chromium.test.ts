/**
 * From reading to a dataset in real Chromium: the panel opens with the page's meeting, whole
 * articles saved on two seed pages keep their meeting records, and the library's tidy export
 * downloads a zip that pandas loads with every row count and foreign key checked, and its CSL-JSON
 * export renders in Chicago and APA through citeproc (issue 14's "done when", in one test).
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  sendFromExtensionPage,
  startFixtureServer,
  waitForAnnotated,
  waitForTabStatus,
  type ChromiumSession,
  type FixtureServer,
} from '../support';
import { openShadow } from '../support/cdp-shadow';
import { checkTidyBundle } from '../support/tidy-check';
import type { CslItem } from '../../src/core/export/citation-csl';
import { formatCitation } from '../../src/library/citation-render';

let server: FixtureServer;
let cr: ChromiumSession;

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** Opens a seed page, expands the panel, answers its meeting line and saves the article. */
async function saveArticleOn(name: string): Promise<{ line: string; clipId: string; page: Page }> {
  const page = await cr.context.newPage();
  await page.goto(server.url(name));
  await waitForAnnotated(page);
  const shadow = await openShadow(page);
  await shadow.run("function () { this.querySelector('button.tab')?.click(); }");
  await expect
    .poll(() =>
      shadow.run<string>(
        "function () { return this.querySelector('p.meeting')?.textContent ?? ''; }",
      ),
    )
    .not.toBe('');
  const line = await shadow.run<string>(
    "function () { return this.querySelector('p.meeting').textContent; }",
  );
  // Annotated: the actions are save selection, save article, switch off.
  await shadow.run("function () { this.querySelectorAll('.actions button')[1].click(); }");
  const { lastClipId: clipId } = await waitForTabStatus(page, (s) => s.lastClipId !== null);
  return { line, clipId: clipId!, page };
}

describe('tidy export (Chromium)', () => {
  it('saves clips with their meetings on two seed pages and downloads a bundle pandas loads and CSL-JSON citeproc renders', async () => {
    const a = await saveArticleOn('seed-002.html');
    // The field words follow the browser's UI language (English here, 主持/出席 in Chinese).
    expect(a.line).toMatch(
      /^市委第二十六次专题会议 · 2020-03-25 · (?:主持|Chaired by) 董一兵 · (?:出席|Attendees) 7$/,
    );
    const b = await saveArticleOn('seed-003.html');
    expect(b.line).toMatch(/^市委第二十四次专题会议 · 2020-03-13 · (?:主持|Chaired by) 李正印 · /);

    const lib = await cr.openExtensionPage('src/library/index.html');
    const stored = (await sendFromExtensionPage(lib, 'clips/get', { id: a.clipId })) as {
      value: {
        clip: { schemaVersion: number; meetings: Array<{ name: string; chairs: string[] }> };
      };
    };
    expect(stored.value.clip.schemaVersion).toBe(3);
    expect(stored.value.clip.meetings).toEqual([
      expect.objectContaining({ name: '市委第二十六次专题会议', chairs: ['董一兵'] }),
    ]);

    await lib.waitForSelector('.clip-list[data-count="2"]');
    await lib.selectOption('.export-format', 'tidy');
    const [download] = await Promise.all([
      lib.waitForEvent('download'),
      lib.click('.export-button'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^zhengwen-lens-tidy-\d{4}-\d{2}-\d{2}\.zip$/);
    const path = (await download.path())!;

    const check = checkTidyBundle(path);
    expect(check.failures).toEqual([]);
    expect(check.rows.clips).toBe(2);
    expect(check.rows.meetings).toBe(2);
    expect(check.rows.meeting_people).toBeGreaterThan(14);
    expect(check.joins).toBeGreaterThan(50);

    const files = unzipSync(new Uint8Array(await readFile(path)));
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.md',
        'clips.csv',
        'datapackage.json',
        'entities.csv',
        'meeting_people.csv',
        'meetings.csv',
        'official_titles.csv',
        'people.csv',
        'tags.csv',
      ].sort(),
    );
    const meetings = strFromU8(files['meetings.csv']!);
    expect(meetings).toContain('临汾市/市委/专题会议/26/2020-03-25');
    expect(meetings).toContain(a.clipId);

    // The same two clips as CSL-JSON, rendered by citeproc in both styles "copy citation" offers.
    await lib.selectOption('.export-format', 'csl-json');
    const [cslDownload] = await Promise.all([
      lib.waitForEvent('download'),
      lib.click('.export-button'),
    ]);
    const items = JSON.parse(await readFile((await cslDownload.path())!, 'utf8')) as CslItem[];
    expect(items.map((i) => i.id).sort()).toEqual([a.clipId, b.clipId].sort());
    for (const item of items) {
      expect(item.type).toBe('article-newspaper');
      for (const style of ['chicago', 'apa'] as const) {
        const cited = formatCitation(item, style);
        expect(cited, style).toContain(String(item.URL));
        expect(cited, style).toContain(String(item.title).slice(0, 8));
      }
    }
    await Promise.all([a.page.close(), b.page.close(), lib.close()]);
  });
});

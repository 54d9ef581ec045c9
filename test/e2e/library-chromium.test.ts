/**
 * The clip library in real Chromium: a clip saved on a seed fixture page through the content
 * script shows in the popup and the library; note and tags are edited; search matches across
 * scripts; markup in clip text and notes is shown as text; opening a clip re-finds its passage or
 * says it is gone; export (all or the current filter) → delete → import gives the same clips back;
 * clips survive the service worker being stopped; two tabs saving at once all get stored; a long
 * list renders only the rows in view.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

const MARKUP = '<img src=x onerror="window.__pwned=1;alert(1)">';

/** `chrome` as seen from an extension page (no @types/chrome in this project). */
type ChromeGlobal = {
  chrome: {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    tabs: {
      query(q: { url: string }): Promise<Array<{ id?: number }>>;
      sendMessage(id: number, m: unknown): Promise<unknown>;
    };
  };
};

let server: FixtureServer;
let cr: ChromiumSession;
let ext: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
  cr.context.on('page', (p) =>
    p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())),
  );
  ext = await cr.openExtensionPage('src/library/index.html');
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

/** Sends a background message from an extension page. */
const sendFrom = sendFromExtensionPage;

/**
 * Sends a tab message to `target` from an extension page. Without the `tabs` permission tabs
 * cannot be found by URL, so the target is brought to the front and found as the active tab.
 */
async function sendToTabFrom(page: Page, target: Page, message: unknown): Promise<unknown> {
  await target.bringToFront();
  return page.evaluate(async (message) => {
    const c = (globalThis as unknown as ChromeGlobal).chrome;
    const [tab] = await c.tabs.query({ active: true, currentWindow: true } as never);
    return c.tabs.sendMessage(tab!.id!, message);
  }, message);
}

async function openLibrary(): Promise<Page> {
  const page = await cr.openExtensionPage('src/library/index.html');
  await page.waitForSelector('.clip-list, .empty');
  return page;
}

let savedId = '';

describe('clip library (Chromium)', () => {
  it('saves a selected passage on a seed page through the content script', async () => {
    const url = server.url('seed-000.html');
    const page = await cr.context.newPage();
    await page.goto(url);
    await waitForTabStatus(page, (s) => s.background !== null);
    // From the lead sentence through the first glossed word after it (統(tǒng)籌), across nodes.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let started = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent!;
        if (!started && text.includes('韋韜主持召開') && text.includes('省委常委')) {
          range.setStart(n, text.indexOf('省委常委'));
          started = true;
        }
        if (started && text.includes('籌')) {
          range.setEnd(n, text.indexOf('籌') + 1);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
      }
      throw new Error('passage not found');
    });
    const reply = (await sendToTabFrom(ext, page, { type: 'tab/save-selection', payload: {} })) as {
      ok: boolean;
      value?: { clipId: string | null };
      error?: string;
    };
    expect(reply.error ?? '').toBe('');
    savedId = reply.value?.clipId ?? '';
    expect(savedId).toMatch(/\S/);
    expect((await waitForTabStatus(page, (s) => s.lastClipId !== null)).lastClipId).toBe(savedId);
    const stored = (await sendFrom(ext, 'clips/get', { id: savedId })) as {
      value: { clip: { quote: { exact: string; simplified: string }; site: string } };
    };
    expect(stored.value.clip.quote.exact).toContain('韋韜');
    // The page glosses 統 with <ruby>/<rt>; the quote keeps the word without the gloss.
    expect(stored.value.clip.quote.exact).toMatch(/全省統籌$/);
    expect(stored.value.clip.quote.simplified).toContain('韦韬');
    await page.close();
  });

  it('exports the saved clip as CSL-JSON and copies its Chicago citation', async () => {
    const lib = await openLibrary();
    await lib.selectOption('.export-format', 'csl-json');
    const [download] = await Promise.all([
      lib.waitForEvent('download'),
      lib.click('.export-button'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^zhengwen-lens-citations-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const items = JSON.parse(await readFile(await download.path(), 'utf8')) as Array<{
      id: string;
      [field: string]: unknown;
    }>;
    expect(items.find((i) => i.id === savedId)).toMatchObject({
      type: 'article-newspaper',
      'container-title': '太原日報',
      author: [
        { family: '殷', given: '雪鸢' },
        { family: '梁', given: '涛' },
      ],
      issued: { 'date-parts': [[2022, 4, 30]] },
      URL: server.url('seed-000.html'),
    });

    await cr.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const card = lib.locator(`[data-clip-id="${savedId}"]`);
    await card.locator('.copy-citation-chicago').click();
    await expect.poll(() => card.locator('.copy-citation-status').textContent()).toMatch(/Chicago/);
    const copied = await lib.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('殷雪鸢, and 梁涛. “韋韜主持召開市疫情防控工作領導小組第115次會議');
    expect(copied).toContain('太原日報, April 30, 2022.');
    expect(copied).toContain(server.url('seed-000.html'));
    await lib.close();
  });

  it('stores a draft with markup in its quote (as an extension page would send it)', async () => {
    const exact = `${MARKUP} 市委常委会第十二次会议`;
    const reply = (await sendFrom(ext, 'clips/save', {
      draft: {
        url: server.url('seed-002.html'),
        title: `标题 ${MARKUP}`,
        page: { isGovNews: true, score: 0.8, script: 'simplified', byline: [] },
        quote: { exact, simplified: exact },
        selectors: {
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: exact.length },
        },
        entities: [],
        wholeArticle: false,
      },
    })) as { ok: boolean };
    expect(reply.ok).toBe(true);
  });

  it('shows the newest clips in the popup', async () => {
    const popup = await cr.openExtensionPage('src/popup/index.html');
    await popup.waitForSelector('.popup-clips .clip-card');
    const ids = await popup.$$eval('.popup-clips .clip-card', (els) =>
      els.map((e) => e.getAttribute('data-clip-id')),
    );
    expect(ids).toContain(savedId);
    await popup.fill('#popup-search', '韦韬');
    await popup.waitForFunction(
      () => document.querySelectorAll('.popup-clips .clip-card').length === 1,
    );
    // The link to the full library opens it in a tab (and closes the popup).
    const [library] = await Promise.all([
      cr.context.waitForEvent('page'),
      popup.click('.open-library'),
    ]);
    await library.waitForLoadState();
    expect(library.url()).toBe(`chrome-extension://${cr.extensionId}/src/library/index.html`);
    await library.waitForSelector(`[data-clip-id="${savedId}"]`);
    await library.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('lists, edits note and tags, and shows markup as text', async () => {
    const lib = await openLibrary();
    await lib.waitForSelector(`[data-clip-id="${savedId}"]`);
    const card = lib.locator(`[data-clip-id="${savedId}"]`);
    await card.locator('.clip-edit-button').click();
    await card.locator('.clip-note-input').fill(MARKUP);
    await card.locator('.clip-tags-input').fill('防疫, 太原');
    await card.locator('.clip-save').click();
    await card.locator('.clip-note').waitFor();
    expect(await card.locator('.clip-note').textContent()).toBe(MARKUP);
    expect(await card.locator('.chip-tag').allTextContents()).toEqual(['防疫', '太原']);
    expect(await lib.locator('.clip-list img').count()).toBe(0);
    expect(
      await lib.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The edit is stored, not only shown.
    const lib2 = await openLibrary();
    await lib2.waitForSelector(`[data-clip-id="${savedId}"] .clip-note`);
    expect(await lib2.locator(`[data-clip-id="${savedId}"] .clip-note`).textContent()).toBe(MARKUP);
    await lib2.close();
    await lib.close();
  });

  it('opens a clip: its page opens in a new tab and the passage is highlighted again', async () => {
    const lib = await openLibrary();
    await lib.waitForSelector(`[data-clip-id="${savedId}"]`);
    const [opened] = await Promise.all([
      cr.context.waitForEvent('page'),
      lib.locator(`[data-clip-id="${savedId}"] .clip-open`).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(server.url('seed-000.html'));
    const flashed = await opened.waitForFunction(
      () => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          'zwl-flash',
        );
        const range = h ? [...h][0] : undefined;
        return range ? range.toString() : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    const text = (await flashed.jsonValue()) as string;
    expect(text.startsWith('省委常委、市委書記韋韜')).toBe(true);
    expect((await waitForTabStatus(opened, (s) => s.anchor !== null)).anchor).toBe('exact');
    expect(await lib.textContent('.status')).toMatch(/opened/);
    await opened.close();
    await lib.close();
  });

  it('opens a clip whose passage is gone from its page and says so there', async () => {
    const lib = await openLibrary();
    const reply = (await sendFrom(lib, 'clips/get', { id: savedId })) as {
      value: { clip: Record<string, unknown> & { selectors: { quote: { exact: string } } } };
    };
    const saved = reply.value.clip;
    // The same passage, saved from another seed page that never had it.
    const moved = { ...saved, id: `${savedId}-moved`, url: server.url('seed-001.html') };
    await sendFrom(lib, 'clips/restore', { clips: [moved] });
    try {
      await lib.reload();
      const card = lib.locator(`[data-clip-id="${moved.id}"]`);
      await card.waitFor();
      const [opened] = await Promise.all([
        cr.context.waitForEvent('page'),
        card.locator('.clip-open').click(),
      ]);
      await opened.waitForLoadState();
      expect((await waitForTabStatus(opened, (s) => s.anchor !== null, 30_000)).anchor).toBe(
        'none',
      );
      // The panel opened by itself and says so in words.
      const shadow = await openShadow(opened);
      expect(
        await shadow.run<string>(
          "function () { return this.querySelector('p.status.error')?.textContent ?? ''; }",
        ),
      ).toMatch(/no longer on this page/);
      const flashes = await opened.evaluate(
        () =>
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zwl-flash')
            ?.size ?? 0,
      );
      expect(flashes).toBe(0);
      await opened.close();
    } finally {
      // Later tests count the clips: this one goes even when an assertion failed.
      await sendFrom(lib, 'clips/delete', { ids: [moved.id] });
      await lib.close();
    }
  });

  it('searches across scripts, ignoring pinyin glosses', async () => {
    const lib = await openLibrary();
    const search = async (text: string) => {
      await lib.fill('#library-search', text);
      return lib
        .locator('.clip-list .clip-card, .empty')
        .first()
        .waitFor()
        .then(async () =>
          lib.$$eval('.clip-list .clip-card', (els) =>
            els.map((e) => e.getAttribute('data-clip-id')),
          ),
        );
    };
    expect(await search('韦韬')).toEqual([savedId]);
    expect(await search('韋韜')).toEqual([savedId]);
    expect(await search('领导小组')).toEqual([savedId]);
    expect(await search('全省统筹')).toEqual([savedId]);
    expect(await search('統(tǒng)籌')).toEqual([savedId]);
    expect(await search('防疫')).toEqual([savedId]);
    expect(await search('onerror')).toHaveLength(2);
    expect(await search('不存在的词语')).toEqual([]);
    await lib.close();
  });

  it('indexes officials and meeting series, each leading back to its clips', async () => {
    const lib = await openLibrary();
    await lib.click('.view-officials');
    const row = lib.locator('.officials-view tr[data-official="韦韬"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/市委书记/);
    // The pages the person was seen on, each opening its page.
    await row.locator('summary').click();
    const sighting = row.locator(`.sightings li[data-clip-id="${savedId}"] button`);
    expect(await sighting.textContent()).toMatch(/韋韜/);
    const [page] = await Promise.all([cr.context.waitForEvent('page'), sighting.click()]);
    await page.waitForLoadState();
    expect(page.url()).toBe(server.url('seed-000.html'));
    await page.close();
    // The person's view: titles over time, and a way to the person's clips.
    await row.locator('th button').click();
    const person = lib.locator('.person-view');
    await person.waitFor();
    expect(await person.locator('.title-spans tr[data-title="市委书记"]').textContent()).toMatch(
      // Dates as the (English) UI writes them: "Apr 30, 2022".
      /市委书记(?:[A-Z][a-z]{2} \d{1,2}, \d{4}){2}1/,
    );
    await person.getByRole('button', { name: 'Show clips' }).click();
    await lib.waitForSelector('.clip-list');
    expect(
      await lib.$$eval('.clip-list .clip-card', (els) =>
        els.map((e) => e.getAttribute('data-clip-id')),
      ),
    ).toEqual([savedId]);
    await lib.click('.view-meetings');
    const series = lib.locator('.meetings-view .series[data-body*="领导小组"]');
    await series.waitFor();
    expect(await series.textContent()).toMatch(/第115次/);
    await lib.close();
  });

  it('rejects an entity of a clip with the keyboard: gone from the card and the JSON export', async () => {
    const lib = await openLibrary();
    const card = lib.locator(`[data-clip-id="${savedId}"]`);
    const meetingChip = card.locator('.chip-meeting', { hasText: '第115次' });
    await meetingChip.waitFor();
    await card.locator('.clip-correct-button').focus();
    await lib.keyboard.press('Enter');
    const row = card.locator('.entity-row.entity-meeting', { hasText: '第115次' });
    await row.locator('.entity-reject').focus();
    await lib.keyboard.press('Enter');
    await row.locator('.entity-undo').waitFor();
    expect(await row.textContent()).toMatch(/rejected/);
    await meetingChip.waitFor({ state: 'detached' });
    expect(await card.locator('.chip-official', { hasText: '韦韬' }).count()).toBe(1);

    await lib.selectOption('.export-format', 'json');
    const [download] = await Promise.all([
      lib.waitForEvent('download'),
      lib.click('.export-button'),
    ]);
    type Exported = {
      id: string;
      entities: Array<{ kind: string; simplified: string }>;
      corrections?: Array<{ action: string }>;
      engine?: { entities: Array<{ kind: string; simplified: string }> };
    };
    const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      formatVersion: number;
      clips: Exported[];
    };
    expect(data.formatVersion).toBe(2);
    const clip = data.clips.find((c) => c.id === savedId)!;
    const is115 = (e: { kind: string; simplified: string }) =>
      e.kind === 'meeting' && e.simplified.includes('第115次');
    expect(clip.entities.some(is115)).toBe(false);
    expect(clip.entities.some((e) => e.kind === 'official')).toBe(true);
    expect(clip.corrections?.map((c) => c.action)).toEqual(['reject']);
    expect(clip.engine?.entities.some(is115)).toBe(true);

    // Undone, the engine's entity is back.
    await row.locator('.entity-undo').focus();
    await lib.keyboard.press('Enter');
    await meetingChip.waitFor();
    const stored = (await sendFrom(lib, 'clips/get', { id: savedId })) as {
      value: { clip: { corrections?: unknown[] } };
    };
    expect(stored.value.clip.corrections).toBeUndefined();
    await lib.close();
  });

  it('merges two people of one name into one person, and splits them again', async () => {
    // Two clips name 王伟 with titles that key him apart: 临汾市/王伟 and ?/王伟/副市长.
    const added: string[] = [];
    for (const [title, url] of [
      ['临汾市委书记', 'seed-003.html'],
      ['副市长', 'seed-004.html'],
    ] as const) {
      const exact = `${title}王伟出席会议`;
      const reply = (await sendFrom(ext, 'clips/save', {
        draft: {
          url: server.url(url),
          title: `王伟 ${title}`,
          page: { isGovNews: true, score: 0.8, script: 'simplified', byline: [] },
          quote: { exact, simplified: exact },
          selectors: {
            quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: 0, end: exact.length },
          },
          entities: [
            {
              kind: 'official',
              text: `${title}王伟`,
              simplified: `${title}王伟`,
              start: 0,
              end: title.length + 2,
              name: '王伟',
              titles: [title],
              personId: 'p1',
              role: 'titled',
              nameStart: title.length,
              nameEnd: title.length + 2,
            },
          ],
          wholeArticle: false,
        },
      })) as { ok: boolean; value: { clip: { id: string } } };
      expect(reply.ok).toBe(true);
      added.push(reply.value.clip.id);
    }
    const lib = await openLibrary();
    await lib.click('.view-officials');
    const rows = lib.locator('.officials-view tr[data-official="王伟"]');
    await expect.poll(() => rows.count()).toBe(2);
    await lib.locator('.officials-view tr[data-person-key="?/王伟/副市长"] th button').click();
    await lib.locator('.person-merge-into').fill('临汾市/王伟');
    await lib.keyboard.press('Enter');
    const person = lib.locator('.person-view[data-person-key="临汾市/王伟"]');
    await person.waitFor();
    await person.locator('li[data-merged-key="?/王伟/副市长"]').waitFor();
    expect(await person.locator('.title-spans tbody tr').count()).toBe(2);
    await person.locator('.person-cped-id').fill('4711');
    await person.locator('.person-ids-save').click();
    // The JSON export carries the people records.
    await lib.selectOption('.export-format', 'json');
    await expect
      .poll(async () => {
        const [download] = await Promise.all([
          lib.waitForEvent('download'),
          lib.click('.export-button'),
        ]);
        const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
          people: Array<{ key: string; mergedKeys: string[]; cpedId?: string }>;
        };
        return data.people;
      })
      .toEqual([
        expect.objectContaining({
          key: '临汾市/王伟',
          mergedKeys: ['?/王伟/副市长'],
          cpedId: '4711',
        }),
      ]);
    await person.locator('.back').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.getAttribute('data-person-key')).toBe('临汾市/王伟');

    // Split again: two people.
    await rows.locator('th button').click();
    await person.locator('.person-split').click();
    await person.locator('li[data-merged-key]').waitFor({ state: 'detached' });
    await person.locator('.back').click();
    await expect.poll(() => rows.count()).toBe(2);
    await lib.close();
    // Leave the library as the later tests expect it.
    await sendFrom(ext, 'people/set-ids', { key: '临汾市/王伟', cpedId: '' });
    await sendFrom(ext, 'clips/delete', { ids: added });
  });

  it('draws a meeting series as a timeline the keyboard moves along, one series per place', async () => {
    // Clips of four 临汾 and one 吕梁 市委专题会议 (the seed clip copied with other records).
    const seed = (await sendFrom(ext, 'clips/get', { id: savedId })) as {
      value: { clip: Record<string, unknown> };
    };
    const held = (place: string, ordinal: number, date: string) => ({
      name: `市委第${ordinal}次专题会议`,
      body: '市委',
      type: 'meeting',
      meetingType: '专题会议',
      term: null,
      ordinals: [ordinal],
      expanded: false,
      date,
      place,
      chairs: ['董一兵'],
      speakers: [],
      attendees: [],
      relayed: [],
    });
    const records = [
      held('临汾市', 24, '2020-02-10'),
      held('临汾市', 26, '2020-03-25'),
      held('临汾市', 30, '2020-06-02'),
      held('临汾市', 31, '2020-06-20'),
      held('吕梁市', 9, '2020-04-01'),
    ];
    const added = records.map((m, i) => ({
      ...seed.value.clip,
      id: randomUUID(),
      url: `https://www.example.gov.cn/series/${i}.htm`,
      entities: [],
      meetings: [m],
    }));
    expect(await sendFrom(ext, 'clips/restore', { clips: added })).toMatchObject({
      value: { restored: added.length },
    });
    try {
      const lib = await openLibrary();
      await lib.click('.view-meetings');
      const linfen = lib.locator('.series[data-series-key="临汾市/市委/专题会议"]');
      await linfen.waitFor();
      expect(await lib.locator('.series[data-series-key="吕梁市/市委/专题会议"]').count()).toBe(1);
      await linfen.locator('h3 button').click();
      const marks = lib.locator('.series-view .timeline-mark');
      await expect.poll(() => marks.count()).toBe(4);
      expect(await lib.textContent('.timeline-gaps')).toMatch(/: 25、27–29$/);

      // One tab stop: Tab reaches the first mark; arrows move in time order; End to the last.
      await lib.focus('.series-view h2 button');
      await lib.keyboard.press('Tab');
      const focused = () =>
        lib.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      expect(await focused()).toBe('第24次 · Feb 10, 2020');
      await lib.keyboard.press('ArrowRight');
      await expect.poll(focused).toBe('第26次 · Mar 25, 2020');
      await lib.keyboard.press('ArrowRight');
      await expect.poll(focused).toBe('第30次 · Jun 2, 2020');
      await lib.keyboard.press('ArrowLeft');
      await expect.poll(focused).toBe('第26次 · Mar 25, 2020');
      expect(await lib.textContent('.timeline-chosen h4')).toMatch(/第26次专题会议 · Mar 25, 2020/);
      await lib.keyboard.press('End');
      await expect.poll(focused).toBe('第31次 · Jun 20, 2020');
      expect(await marks.evaluateAll((els) => els.map((e) => (e as SVGElement).tabIndex))).toEqual([
        -1, -1, -1, 0,
      ]);
      await lib.keyboard.press('ArrowLeft');
      await expect.poll(focused).toBe('第30次 · Jun 2, 2020');
      await lib.setViewportSize({ width: 900, height: 640 });
      await lib.screenshot({ path: '/tmp/people-timeline.png' });
      await lib.emulateMedia({ colorScheme: 'dark' });
      await lib.screenshot({ path: '/tmp/people-timeline-dark.png' });
      await lib.close();
    } finally {
      await sendFrom(ext, 'clips/delete', { ids: added.map((c) => c.id) });
    }
  });

  it('works with the keyboard: / to search, arrows between clips, Space selects', async () => {
    const lib = await openLibrary();
    await lib.waitForSelector('.clip-row[data-index="1"]');
    await lib.keyboard.press('/');
    expect(await lib.evaluate(() => document.activeElement?.id)).toBe('library-search');
    await lib.focus('.clip-row[data-index="0"]');
    await lib.keyboard.press('ArrowDown');
    const focused = () => lib.evaluate(() => document.activeElement?.getAttribute('data-index'));
    // Focus moves after Preact's effects ran (after the next paint).
    await expect.poll(focused).toBe('1');
    await lib.keyboard.press(' ');
    expect(await lib.locator('.clip-row[data-index="1"] .clip-select').isChecked()).toBe(true);
    expect(await lib.textContent('.delete-selected')).toMatch(/\(1\)/);
    await lib.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('0');
    await lib.close();
  });

  it('exports, deletes with undo, and re-imports the same clips', async () => {
    const lib = await openLibrary();
    const exportJson = async (): Promise<{
      name: string;
      data: { clips: Array<{ id: string }> };
    }> => {
      const [download] = await Promise.all([
        lib.waitForEvent('download'),
        lib.click('.export-button'),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), data: JSON.parse(await readFile(path, 'utf8')) };
    };
    const first = await exportJson();
    expect(first.name).toMatch(/^zhengwen-lens-clips-\d{4}-\d{2}-\d{2}\.json$/);
    expect(first.data.clips.map((c) => c.id)).toContain(savedId);

    // Delete one, undo.
    await lib.locator(`[data-clip-id="${savedId}"] .clip-delete`).click();
    await lib.waitForSelector(`[data-clip-id="${savedId}"]`, { state: 'detached' });
    await lib.click('.undo-button');
    await lib.waitForSelector(`[data-clip-id="${savedId}"]`);

    // Bulk delete everything, then import the export.
    await lib.getByRole('button', { name: /Select all shown/ }).click();
    await lib.click('.delete-selected');
    await lib.waitForSelector('.empty');
    await lib.setInputFiles('.import-input', {
      name: first.name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(first.data)),
    });
    await lib.waitForSelector(`[data-clip-id="${savedId}"]`);
    expect(await lib.textContent('.status')).toMatch(/\+2/);
    const second = await exportJson();
    expect(second.data.clips).toEqual(first.data.clips);

    // A clip saved elsewhere after this page loaded is in the next export all the same.
    const other = (await sendFrom(ext, 'clips/get', { id: savedId })) as {
      value: { clip: Record<string, unknown> };
    };
    const {
      id: _id,
      schemaVersion: _v,
      createdAt: _c,
      updatedAt: _u,
      site: _s,
      ...draft
    } = other.value.clip;
    const added = (await sendFrom(ext, 'clips/save', { draft })) as {
      value: { clip: { id: string } };
    };
    const third = await exportJson();
    expect(third.data.clips.map((c) => c.id)).toContain(added.value.clip.id);
    expect(third.data.clips).toHaveLength(3);

    // Export of the current filter: exactly the clips the search shows (the page is reloaded
    // to list the clip saved elsewhere).
    await lib.reload();
    await lib.waitForSelector('.clip-list[data-count="3"]');
    await lib.fill('#library-search', '韦韬');
    await lib.waitForSelector('.clip-list[data-count="2"]');
    const shown = await lib.$$eval('.clip-list .clip-card', (els) =>
      els.map((e) => e.getAttribute('data-clip-id')),
    );
    await lib.selectOption('.export-scope', 'filter');
    const subset = await exportJson();
    expect(subset.data.clips.map((c) => c.id).sort()).toEqual([...shown].sort());
    expect(subset.data.clips.map((c) => c.id)).toContain(added.value.clip.id);
    await lib.selectOption('.export-scope', 'all');
    await lib.fill('#library-search', '');
    await lib.waitForSelector('.clip-list[data-count="3"]');

    // A damaged file is refused with a clear message and changes nothing.
    await lib.setInputFiles('.import-input', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(first.data).slice(0, 200)),
    });
    await lib.waitForSelector('[role=alert]');
    expect(await lib.textContent('[role=alert]')).toMatch(/truncated or damaged/);
    expect(await sendFrom(ext, 'clips/list', { limit: 500 })).toMatchObject({
      value: { total: 3 },
    });

    // The service worker reads the page's blob: URL of a file itself (what the import button
    // sends); a blob: URL of another origin is refused.
    const viaUrl = await lib.evaluate(async (content) => {
      const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
      const c = (globalThis as unknown as ChromeGlobal).chrome;
      return c.runtime.sendMessage({ type: 'clips/import', payload: { url } });
    }, JSON.stringify(third.data));
    expect(viaUrl).toEqual({ ok: true, value: { added: 0, merged: 3 } });
    expect(
      await sendFrom(ext, 'clips/import', { url: 'blob:https://example.org/0f1e2d3c' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Could not read the chosen file: not a file of this extension/),
    });
    await lib.close();
  });

  it('keeps clips when the service worker is stopped and restarted', async () => {
    type Version = { versionId: string; scriptURL: string; runningStatus: string };
    const cdp = await cr.context.newCDPSession(ext);
    const statuses: string[] = [];
    let versionId = '';
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
        for (const v of versions) {
          if (!v.scriptURL.startsWith(`chrome-extension://${cr.extensionId}/`)) continue;
          versionId = v.versionId;
          statuses.push(v.runningStatus);
          if (v.runningStatus === 'stopped') resolve();
        }
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => versionId).not.toBe('');
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await stopped;
    expect(statuses).toContain('stopped');
    const listed = (await sendFrom(ext, 'clips/list', {})) as {
      ok: boolean;
      value: { total: number };
    };
    expect(listed).toMatchObject({ ok: true, value: { total: 3 } });
    expect(statuses.at(-1)).toBe('running');
    await cdp.detach();
  });
  it('shows writes made elsewhere in an open library, without reloading', async () => {
    const lib = await openLibrary();
    await lib.waitForSelector('.library[data-complete="true"]');
    const count = () => lib.getAttribute('.clip-list', 'data-count');
    const before = Number(await count());
    const shows = (text: string) =>
      lib.waitForFunction((t) => document.body.textContent?.includes(t) ?? false, text, {
        timeout: 10_000,
      });
    // Another extension page (a second library tab, say) edits a note: the background commits
    // and announces it, and this page reads the clip again.
    const original = (
      (await sendFrom(ext, 'clips/get', { id: savedId })) as {
        value: { clip: { note: string; tags: string[] } & Record<string, unknown> };
      }
    ).value.clip;
    await sendFrom(ext, 'clips/update', { id: savedId, note: 'edited in another tab' });
    await shows('edited in another tab');
    // A clip stored elsewhere appears; deleted elsewhere, it goes.
    const extra = { ...original, id: `${savedId}-elsewhere`, note: 'stored elsewhere' };
    await sendFrom(ext, 'clips/restore', { clips: [extra] });
    await lib.waitForSelector(`.clip-list[data-count="${before + 1}"]`);
    await shows('stored elsewhere');
    await sendFrom(ext, 'clips/delete', { ids: [extra.id] });
    await lib.waitForSelector(`.clip-list[data-count="${before}"]`);
    await sendFrom(ext, 'clips/update', { id: savedId, note: original.note });
    await lib.waitForFunction(
      () => !(document.body.textContent ?? '').includes('edited in another tab'),
    );
    await lib.close();
  });

  it('stores every clip when two tabs save at the same moment', async () => {
    const total = async () =>
      ((await sendFrom(ext, 'clips/list', {})) as { value: { total: number } }).value.total;
    const before = await total();
    // A library tab open meanwhile shows the clips saved from the web pages as they commit.
    const lib = await openLibrary();
    await lib.waitForSelector(`.clip-list[data-count="${before}"]`);
    const open = async (name: string) => {
      const page = await cr.context.newPage();
      await page.goto(server.url(name));
      await waitForAnnotated(page);
      await page.evaluate(() => {
        const p = [...document.querySelectorAll('p')].find(
          (el) => (el.textContent ?? '').replace(/[^\u4e00-\u9fff]/g, '').length >= 20,
        )!;
        const range = document.createRange();
        range.selectNodeContents(p);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      const shadow = await openShadow(page);
      await shadow.run("function () { this.querySelector('button.tab')?.click(); }");
      return { page, shadow };
    };
    const tabs = [await open('seed-001.html'), await open('seed-002.html')];
    const urls = [server.url('seed-001.html'), server.url('seed-002.html')];
    let saved: Array<{ id: string; url: string }> = [];
    try {
      // Three saves from each tab, each tab's three started in one task: six saves in flight
      // together, from two tabs.
      await Promise.all(
        tabs.map(({ shadow }) =>
          shadow.run(
            "function () { const b = this.querySelectorAll('.actions button')[0]; b.click(); b.click(); b.click(); }",
          ),
        ),
      );
      await expect.poll(total, { timeout: 20_000 }).toBe(before + 6);
      await lib.waitForSelector(`.clip-list[data-count="${before + 6}"]`, { timeout: 20_000 });
      saved = (
        (await sendFrom(ext, 'clips/list', { limit: 6 })) as {
          value: { clips: Array<{ id: string; url: string }> };
        }
      ).value.clips;
      expect(saved.filter((c) => c.url === urls[0])).toHaveLength(3);
      expect(saved.filter((c) => c.url === urls[1])).toHaveLength(3);
    } finally {
      const ids = saved.filter((c) => urls.includes(c.url)).map((c) => c.id);
      if (ids.length > 0) await sendFrom(ext, 'clips/delete', { ids });
      for (const { page } of tabs) await page.close();
      await lib.close();
    }
  });

  it('renders only the rows in view of a long list; scrolling and the keyboard reach its end', async () => {
    const reply = (await sendFrom(ext, 'clips/get', { id: savedId })) as {
      value: { clip: Record<string, unknown> };
    };
    const base = reply.value.clip;
    const many = Array.from({ length: 500 }, (_, i) => ({
      ...base,
      id: `${savedId}-v${String(i).padStart(3, '0')}`,
      // Older than every other clip, so the oldest of these is the last row.
      createdAt: new Date(Date.UTC(2001, 0, 1) + i * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2001, 0, 1) + i * 60_000).toISOString(),
    }));
    await sendFrom(ext, 'clips/restore', { clips: many });
    const lib = await openLibrary();
    await lib.setViewportSize({ width: 1100, height: 800 });
    await lib.waitForSelector('.clip-list[data-count="503"]');
    const rendered = () => lib.$$eval('.clip-list .clip-card', (els) => els.length);
    expect(await rendered()).toBeGreaterThan(0);
    expect(await rendered()).toBeLessThan(60);
    const oldest = `[data-clip-id="${savedId}-v000"]`;
    expect(await lib.$(oldest)).toBeNull();
    await lib.$eval('.clip-list', (el) => el.scrollTo(0, el.scrollHeight));
    await lib.waitForSelector(oldest);
    expect(await rendered()).toBeLessThan(60);

    // The keyboard reaches both ends of the list; Delete removes the focused clip (undoable);
    // Enter opens it.
    const focused = () => lib.evaluate(() => document.activeElement?.getAttribute('data-index'));
    await lib.$eval('.clip-list', (el) => el.scrollTo(0, 0));
    await lib.waitForSelector('.clip-row[data-index="0"]');
    await lib.focus('.clip-row[data-index="0"]');
    await lib.keyboard.press('End');
    await expect.poll(focused).toBe('502');
    expect(
      await lib.locator('.clip-row[data-index="502"] .clip-card').getAttribute('data-clip-id'),
    ).toBe(`${savedId}-v000`);
    await lib.keyboard.press('Home');
    await expect.poll(focused).toBe('0');
    await lib.keyboard.press('End');
    await expect.poll(focused).toBe('502');
    await lib.keyboard.press('Delete');
    await lib.waitForSelector('.clip-list[data-count="502"]');
    expect(await lib.$(oldest)).toBeNull();
    await lib.click('.undo-button');
    await lib.waitForSelector('.clip-list[data-count="503"]');
    await lib.$eval('.clip-list', (el) => el.scrollTo(0, 0));
    await lib.waitForSelector('.clip-row[data-index="0"]');
    await lib.focus('.clip-row[data-index="0"]');
    const [opened] = await Promise.all([
      cr.context.waitForEvent('page'),
      lib.keyboard.press('Enter'),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await opened.close();
    await sendFrom(ext, 'clips/delete', { ids: many.map((c) => c.id) });
    await lib.close();
  });
});

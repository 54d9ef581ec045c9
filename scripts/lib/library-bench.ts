/**
 * The clip-library measurements in real Chromium, shared by `npm run bench:library` (which prints
 * every run) and `npm run bench:report` (which tabulates medians): popup first render, library
 * first load, search per keystroke, full export, and import of that export. Page loads, search
 * and import are timed inside the page (navigation start, input event or file choice → the frame
 * that shows the result or the status line); export is timed from the driver, click → the
 * downloaded file read back, so it includes writing the file to disk.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { sendFromExtensionPage, type ChromiumSession } from '../../test/support';
import { makeBenchClips } from './bench-clips';

/** How many times each measurement runs. */
export interface LibraryBenchRuns {
  popup: number;
  library: number;
  searchRounds: number;
  export: number;
  import: number;
}

/** The runs both benchmarks use. */
export const LIBRARY_BENCH_RUNS: LibraryBenchRuns = {
  popup: 9,
  library: 3,
  searchRounds: 2,
  export: 3,
  import: 3,
};

/** One keystroke of the search measurement: the query after it, its time and the count shown. */
export interface KeystrokeTiming {
  q: string;
  ms: number;
  shown: number;
}

/** Every figure of one library benchmark, in milliseconds, one entry per run. */
export interface LibraryFigures {
  stored: number;
  /** Popup first render with the service worker running, after a full list read. */
  popup: number[];
  /** ... with that list dropped by a write: the newest clips read from the time index. */
  popupIndexed: number[];
  /** ... with the service worker stopped before each open. */
  popupCold: number[];
  firstRows: number[];
  loaded: number[];
  keystrokes: readonly string[];
  search: KeystrokeTiming[];
  fileChars: Record<ExportFormat, number>;
  export: Record<ExportFormat, number[]>;
  merge: number[];
  mergeStatus: string;
  fresh: number[];
  listed: number[];
  freshStatus: string;
}

type ExportFormat = 'json' | 'w3c' | 'csv';

/** Queries typed one keystroke at a time: cross-script, entity, note and no-match searches. */
const KEYSTROKES = [
  '韦',
  '韦韬',
  '',
  '市',
  '市委',
  '市委常',
  '市委常委',
  '市委常委会',
  '',
  '統',
  '統籌',
  '',
  '备',
  '备注',
  '备注1',
  '备注12',
  '',
  'g',
  'go',
  'gov',
];

/** Median of timings (the upper middle for an even count). */
export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Sends a background message from an extension page; throws on an error reply. */
async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await sendFromExtensionPage(page, type, payload)) as {
    ok: boolean;
    value: T;
    error?: string;
  };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

/** Installs, before any page script runs, a promise of the time the first clip card is painted. */
async function watchFirstPaint(page: Page, selector: string): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { __painted: Promise<number> };
    w.__painted = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        // Painted: a task queued from the next animation frame runs once that frame is drawn.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        });
      }).observe(document, { childList: true, subtree: true });
    });
  }, selector);
}

/** Navigation start → the first painted element of `watchFirstPaint`, in page time. */
const firstPaintOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted);

/**
 * Clip library: a fresh extension page, waiting until every clip is listed and searchable.
 * Answers the page and, in page time from navigation start, when the first rows were painted
 * and when all clips were listed and searchable.
 */
async function openLibrary(
  cr: ChromiumSession,
  count: number,
): Promise<{ lib: Page; firstRows: number; complete: number }> {
  const lib = await cr.context.newPage();
  await lib.setViewportSize({ width: 1200, height: 900 });
  await watchFirstPaint(lib, '.clip-list .clip-card');
  await lib.goto(`chrome-extension://${cr.extensionId}/src/library/index.html`);
  await lib.waitForSelector(`.clip-list[data-count="${count}"]`, { timeout: 120_000 });
  await lib.waitForSelector('.library[data-search-ready="true"]', { timeout: 120_000 });
  const complete = await lib.evaluate(() => performance.now());
  return { lib, firstRows: await firstPaintOf(lib), complete };
}

/**
 * Chooses `content` as the import file and answers, in page time, file chosen → commit reported
 * (the status line, set once the background answered after its transaction committed) and
 * file chosen → list re-read (`listedCount` clips shown again; null when not asked).
 */
async function importThroughPage(
  lib: Page,
  content: Buffer,
  listedCount: number | null,
): Promise<{ committed: number; listed: number | null; status: string }> {
  await lib.evaluate((listedCount) => {
    const input = document.querySelector<HTMLInputElement>('.import-input')!;
    const status = document.querySelector('.status')!;
    const before = status.textContent ?? '';
    const w = window as unknown as { __import: Promise<[number, number, number | null, string]> };
    w.__import = new Promise((resolve) => {
      let chosen = 0;
      let committed = 0;
      input.addEventListener('change', () => (chosen = performance.now()), {
        once: true,
        capture: true,
      });
      // One inline callback: tsx would wrap a named inner function in a helper the page lacks.
      new MutationObserver((_, observer) => {
        const text = status.textContent ?? '';
        if (!committed && text !== before && /\+\d/.test(text)) committed = performance.now();
        const listed =
          listedCount === null ||
          document.querySelector(`.clip-list[data-count="${listedCount}"]`) !== null;
        if (committed && listed) {
          observer.disconnect();
          resolve([chosen, committed, listedCount === null ? null : performance.now(), text]);
        }
      }).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    });
  }, listedCount);
  await lib.setInputFiles('.import-input', {
    name: 'bench-export.json',
    mimeType: 'application/json',
    buffer: content,
  });
  const [chosen, committed, listed, status] = await lib.evaluate(
    () =>
      (window as unknown as { __import: Promise<[number, number, number | null, string]> })
        .__import,
  );
  return {
    committed: committed - chosen,
    listed: listed === null ? null : listed - chosen,
    status,
  };
}

/** Clicks Export in `format` and answers click → file content in hand, and the content. */
async function exportThroughPage(
  lib: Page,
  format: 'json' | 'w3c' | 'csv',
): Promise<{ ms: number; content: string }> {
  await lib.selectOption('.export-format', format);
  const t0 = Date.now();
  const [download] = await Promise.all([lib.waitForEvent('download'), lib.click('.export-button')]);
  const content = await readFile(await download.path(), 'utf8');
  return { ms: Date.now() - t0, content };
}

/** Opens the popup `runs` times on fresh pages; answers navigation → newest clips painted. */
async function timePopups(cr: ChromiumSession, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const p = await cr.context.newPage();
    await watchFirstPaint(p, '.popup-clips .clip-card');
    await p.goto(`chrome-extension://${cr.extensionId}/src/popup/index.html`);
    times.push(await firstPaintOf(p));
    await p.close();
  }
  return times;
}

/** Stops the extension's service worker (DevTools protocol) and waits until it has stopped. */
async function stopServiceWorker(cr: ChromiumSession, page: Page): Promise<void> {
  type Version = { versionId: string; scriptURL: string; runningStatus: string };
  const cdp = await cr.context.newCDPSession(page);
  try {
    let versionId = '';
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${cr.extensionId}/`)) continue;
        versionId = v.versionId;
        stopped = v.runningStatus === 'stopped';
      }
    });
    await cdp.send('ServiceWorker.enable');
    for (let i = 0; i < 200 && !versionId; i++) await new Promise((r) => setTimeout(r, 10));
    if (!versionId) throw new Error('service worker not found');
    // A stop can be lost when an event wakes the worker at that moment (the page just closed
    // fires tabs.onRemoved): ask again until it has stopped.
    for (let attempt = 0; attempt < 5 && !stopped; attempt++) {
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      for (let i = 0; i < 200 && !stopped; i++) await new Promise((r) => setTimeout(r, 10));
    }
    if (!stopped) throw new Error('service worker did not stop');
  } finally {
    await cdp.detach();
  }
}

/**
 * Stores `count` benchmark clips through the background, then runs every measurement `runs`
 * times on fresh pages. Leaves the library holding the clips (the last import's).
 */
export async function measureLibrary(
  cr: ChromiumSession,
  count: number,
  runs: LibraryBenchRuns,
): Promise<LibraryFigures> {
  const page = await cr.openExtensionPage('src/popup/index.html');
  const clips = makeBenchClips(count);
  const ids = clips.map((c) => c.id);
  for (let i = 0; i < clips.length; i += 2000) {
    await send(page, 'clips/restore', { clips: clips.slice(i, i + 2000) });
  }
  const { total } = await send<{ total: number }>(page, 'clips/list', { limit: 1, offset: 1 });

  // Popup first render: navigation start → the frame that paints the newest clips (fresh page
  // each run; "painted" = a task queued from the requestAnimationFrame after the cards exist,
  // which runs once that frame is drawn). Three states of the background: running after a full
  // list read (the count above); running after a write; and the service worker stopped, as
  // after 30 s idle. The background keeps no copy of the clips, so the first two read the same
  // way (the newest page from the time index); both are kept to compare with earlier runs.
  const popup = await timePopups(cr, runs.popup);
  await send(page, 'clips/restore', { clips: clips.slice(0, 1) });
  const popupIndexed = await timePopups(cr, runs.popup);
  const popupCold: number[] = [];
  for (let run = 0; run < runs.popup; run++) {
    await stopServiceWorker(cr, page);
    popupCold.push(...(await timePopups(cr, 1)));
  }

  // Library: first rows painted, and all clips listed and searchable, on fresh pages. The
  // service worker is stopped first, as a user opening the library later finds it (the page
  // reads the database itself, so this no longer changes what it reads).
  const firstRows: number[] = [];
  const loaded: number[] = [];
  let lib: Page | null = null;
  for (let run = 0; run < Math.max(1, runs.library); run++) {
    await lib?.close();
    await stopServiceWorker(cr, page);
    const opened = await openLibrary(cr, count);
    lib = opened.lib;
    firstRows.push(opened.firstRows);
    loaded.push(opened.complete);
  }
  if (!lib) throw new Error('library page not opened');

  // Queries typed keystroke by keystroke; each is input event → the frame that paints the new
  // results.
  const search: KeystrokeTiming[] = [];
  for (let round = 0; round < runs.searchRounds; round++) {
    search.push(
      ...(await lib.evaluate(async (keys) => {
        const input = document.querySelector<HTMLInputElement>('#library-search')!;
        const out: { q: string; ms: number; shown: number }[] = [];
        for (const q of keys) {
          const t0 = performance.now();
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // Painted: a task queued from the next animation frame runs once it is drawn.
          await new Promise<void>((resolve) =>
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve();
              channel.port2.postMessage(null);
            }),
          );
          const ms = performance.now() - t0;
          const list = document.querySelector('.clip-list');
          out.push({ q, ms, shown: Number(list?.getAttribute('data-count') ?? 0) });
          await new Promise((r) => setTimeout(r, 30));
        }
        return out;
      }, KEYSTROKES)),
    );
  }

  // Export as the user does it: the library's Export button until the file's content is in hand.
  await lib.fill('#library-search', '');
  const exported: Record<ExportFormat, number[]> = { json: [], w3c: [], csv: [] };
  const fileChars: Record<ExportFormat, number> = { json: 0, w3c: 0, csv: 0 };
  let jsonContent = '';
  for (let run = 0; run < Math.max(1, runs.export); run++) {
    for (const format of ['json', 'w3c', 'csv'] as const) {
      const { ms, content } = await exportThroughPage(lib, format);
      exported[format].push(ms);
      fileChars[format] = content.length;
      if (format === 'json') jsonContent = content;
    }
  }

  // Import of that export through the library's file input: file chosen → commit reported.
  // Merging into the library as it is (every id known), then into an emptied library. An
  // export between runs changes the status line, so each run's report is seen afresh.
  const file = Buffer.from(jsonContent);
  const merge: number[] = [];
  let mergeStatus = '';
  for (let run = 0; run < runs.import; run++) {
    const r = await importThroughPage(lib, file, null);
    merge.push(r.committed);
    mergeStatus ||= r.status;
    await exportThroughPage(lib, 'csv');
  }
  const fresh: number[] = [];
  const listed: number[] = [];
  let freshStatus = '';
  for (let run = 0; run < runs.import; run++) {
    await send(page, 'clips/delete', { ids });
    // Reopen the page so it lists the emptied library, then import into it.
    await lib.reload();
    await lib.waitForSelector('.empty');
    const r = await importThroughPage(lib, file, count);
    fresh.push(r.committed);
    listed.push(r.listed ?? NaN);
    freshStatus ||= r.status;
    await exportThroughPage(lib, 'csv');
  }
  await lib.close();
  await page.close();
  return {
    stored: total,
    popup,
    popupIndexed,
    popupCold,
    firstRows,
    loaded,
    keystrokes: KEYSTROKES,
    search,
    fileChars,
    export: exported,
    merge,
    mergeStatus,
    fresh,
    listed,
    freshStatus,
  };
}

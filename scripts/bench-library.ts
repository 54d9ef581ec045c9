/**
 * Clip-library benchmark in real Chromium with 10,000 clips stored: popup first render, library
 * search per keystroke, full export, and import of that export. Prints figures; asserts nothing.
 *
 *   npm run build && npm run bench:library
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createClipFromDraft, type Clip } from '../src/core/clips/model';
import type { Entity } from '../src/core/types';
import { launchChromium } from '../test/e2e/harness';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);
const POPUP_RUNS = 7;

/** Deterministic pseudo-random numbers, so every run stores the same library. */
function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦';
const GIVEN = '建国新伟明华强军海涛韬文斌志勇平波辉刚红霞丽静';
const TITLES = [
  '市委书记',
  '市长',
  '市委副书记',
  '常务副市长',
  '副市长',
  '市委常委',
  '秘书长',
  '省委常委',
];
const BODIES = [
  '市委常委会',
  '市政府常务会议',
  '市疫情防控工作领导小组',
  '市委全面深化改革委员会',
  '县委常委会',
];
const SLOGANS = ['高质量发展', '统筹发展和安全', '两个维护', '疫情要防住', '经济要稳住'];
const SITES = [
  'www.taiyuan.gov.cn',
  'www.linfen.gov.cn',
  'www.lvliang.gov.cn',
  'www.jining.gov.cn',
  'news.example.cn',
];
const TAGS = ['防疫', '经济', '人事', '会议', '改革', '安全', '民生'];
const FILLER =
  '会议强调，要坚持以人民为中心的发展思想，认真贯彻落实党中央决策部署，统筹疫情防控和经济社会发展，扎实做好各项工作。';

/** A realistic stored clip: a passage with officials, a meeting, a slogan, sometimes a note. */
function makeBenchClip(i: number, rnd: () => number): Clip {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const name = pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : '');
  const title = pick(TITLES);
  const body = pick(BODIES);
  const ordinal = 1 + Math.floor(rnd() * 200);
  const slogan = pick(SLOGANS);
  const head = `${title}${name}主持召开${body}第${ordinal}次会议。`;
  const text = `${head}${FILLER}会议指出，要坚持“${slogan}”。${FILLER.slice(0, 20 + Math.floor(rnd() * 40))}`;
  const entities: Entity[] = [
    {
      kind: 'official',
      text: title + name,
      simplified: title + name,
      start: 0,
      end: title.length + name.length,
      name,
      titles: [title],
      personId: `p${i}`,
      role: 'titled',
      nameStart: title.length,
      nameEnd: title.length + name.length,
    },
    {
      kind: 'meeting',
      text: `${body}第${ordinal}次会议`,
      simplified: `${body}第${ordinal}次会议`,
      start: head.indexOf(body),
      end: head.length - 1,
      ordinals: [ordinal],
      body,
      meetingType: '会议',
    },
    {
      kind: 'directive',
      text: slogan,
      simplified: slogan,
      start: text.indexOf(slogan),
      end: text.indexOf(slogan) + slogan.length,
      subtype: 'slogan',
      normalized: slogan,
    },
  ];
  const site = pick(SITES);
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 1000) * 86_400_000);
  const url = `https://${site}/news/${day.toISOString().slice(0, 10)}/${i}.htm`;
  return createClipFromDraft(
    {
      url,
      title: `${name}主持召开${body}会议`,
      page: {
        isGovNews: true,
        score: 0.7 + rnd() * 0.3,
        script: 'simplified',
        source: '日报',
        publishedAt: day.toISOString().slice(0, 10),
        byline: ['记者'],
      },
      quote: { exact: text, simplified: text },
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: text, prefix: '本报讯 ', suffix: '会议要求' },
        position: { type: 'TextPositionSelector', start: 200, end: 200 + text.length },
      },
      entities,
      wholeArticle: false,
      note: rnd() < 0.3 ? `备注${i}：关注${name}的讲话` : '',
      tags: rnd() < 0.6 ? [pick(TAGS)] : [],
    },
    new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    `bench-${String(i).padStart(6, '0')}`,
  );
}

/** Sends a background message from an extension page; throws on an error reply. */
async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([type, payload]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({
        type,
        payload,
      }),
    [type, payload] as const,
  )) as { ok: boolean; value: T; error?: string };
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

/** Times `fn` inside the page, in milliseconds (performance.now() around it). */
async function timeInPage<T>(
  page: Page,
  type: string,
  payload: unknown,
): Promise<{ ms: number; value: T }> {
  return page.evaluate(
    async ([type, payload]) => {
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime;
      const t0 = performance.now();
      const reply = (await runtime.sendMessage({ type, payload })) as {
        ok: boolean;
        value: unknown;
        error?: string;
      };
      const ms = performance.now() - t0;
      if (!reply.ok) throw new Error(reply.error);
      return { ms, value: reply.value as never };
    },
    [type, payload] as const,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const cr = await launchChromium();
  try {
    const page = await cr.openExtensionPage('src/popup/index.html');
    const rnd = createRandom(42);
    const clips = Array.from({ length: CLIPS }, (_, i) => makeBenchClip(i, rnd));
    for (let i = 0; i < clips.length; i += 2000) {
      await send(page, 'clips/restore', { clips: clips.slice(i, i + 2000) });
    }
    const { total } = await send<{ total: number }>(page, 'clips/list', { limit: 1, offset: 1 });
    console.log(`Stored clips: ${total}`);

    // Popup first render: navigation start → first clip card in the DOM (fresh page each run).
    const popupTimes: number[] = [];
    for (let run = 0; run < POPUP_RUNS; run++) {
      const popup = await cr.context.newPage();
      await popup.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('.popup-clips .clip-card')) {
            (window as unknown as { __firstClips: number }).__firstClips = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await popup.goto(`chrome-extension://${cr.extensionId}/src/popup/index.html`);
      await popup.waitForSelector('.popup-clips .clip-card');
      popupTimes.push(
        await popup.evaluate(() => (window as unknown as { __firstClips: number }).__firstClips),
      );
      await popup.close();
    }
    console.log(
      `Popup first render (nav start → newest clips shown), ${POPUP_RUNS} runs: median ${fmt(median(popupTimes))}, ` +
        `first ${fmt(popupTimes[0]!)}, max ${fmt(Math.max(...popupTimes))}   [target ≤ 200 ms]`,
    );
    const newest: number[] = [];
    for (let run = 0; run < 5; run++)
      newest.push((await timeInPage(page, 'clips/list', { limit: 8 })).ms);
    console.log(
      `  of which: clips/list newest 8 (message round trip) median ${fmt(median(newest))}`,
    );

    // Library: load, then type queries keystroke by keystroke; each is input event → DOM updated.
    const lib = await cr.context.newPage();
    await lib.setViewportSize({ width: 1200, height: 900 });
    const tLoad = Date.now();
    await lib.goto(`chrome-extension://${cr.extensionId}/src/library/index.html`);
    await lib.waitForSelector(`.clip-list[data-count="${CLIPS}"]`, { timeout: 120_000 });
    const listed = Date.now() - tLoad;
    await lib.waitForSelector('.library[data-search-ready="true"]', { timeout: 120_000 });
    console.log(
      `Library load: all ${CLIPS} clips listed after ${listed} ms; search text of every clip built after ${Date.now() - tLoad} ms`,
    );
    const keystrokes = [
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
    const perKey: { q: string; ms: number; shown: number }[] = await lib.evaluate(async (keys) => {
      const input = document.querySelector<HTMLInputElement>('#library-search')!;
      const out: { q: string; ms: number; shown: number }[] = [];
      for (const q of keys) {
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Preact renders on a microtask/timeout; then force style and layout of the new rows.
        await new Promise((r) => setTimeout(r, 0));
        void document.body.offsetHeight;
        const ms = performance.now() - t0;
        const shown = Number(document.querySelector('.clip-list')?.getAttribute('data-count') ?? 0);
        out.push({ q, ms, shown });
        await new Promise((r) => setTimeout(r, 30));
      }
      return out;
    }, keystrokes);
    const warm = perKey.slice(1).map((k) => k.ms);
    console.log(
      `Library search per keystroke (${perKey.length} keystrokes over ${CLIPS} clips): first ${fmt(perKey[0]!.ms)}, ` +
        `median ${fmt(median(warm))}, max ${fmt(Math.max(...warm))}   [target ≤ 50 ms]`,
    );
    console.log(
      `  per keystroke: ${perKey.map((k) => `${k.q || '∅'}=${k.ms.toFixed(0)}ms/${k.shown}`).join('  ')}`,
    );

    // Export as the user does it: the library's Export button until the browser has the file.
    await lib.fill('#library-search', '');
    const exports: Record<string, { ms: number; size: number }> = {};
    let jsonContent = '';
    for (const format of ['json', 'w3c', 'csv'] as const) {
      await lib.selectOption('.export-format', format);
      const t0 = Date.now();
      const [download] = await Promise.all([
        lib.waitForEvent('download'),
        lib.click('.export-button'),
      ]);
      const content = await readFile(await download.path(), 'utf8');
      exports[format] = { ms: Date.now() - t0, size: content.length };
      if (format === 'json') jsonContent = content;
    }
    for (const [format, { ms, size }] of Object.entries(exports)) {
      console.log(
        `Full export ${format.toUpperCase()} (library button → file): ${fmt(ms)} (${(size / 1e6).toFixed(1)} M chars)   [target ≤ 2 s]`,
      );
    }
    // The background's export (used when the page's copy is not current): message transfer included.
    const viaMessage = await timeInPage<{ content: string }>(lib, 'clips/export', {
      format: 'json',
    });
    console.log(
      `  JSON export built by the background and sent as a message: ${fmt(viaMessage.ms)}`,
    );

    // Import of that export: into the library as it is (every id known: merge), then into an empty one.
    const merge = await timeInPage<{ added: number; merged: number }>(lib, 'clips/import', {
      content: jsonContent,
    });
    console.log(
      `Import of that export, merging into ${CLIPS} known clips: ${fmt(merge.ms)} (${JSON.stringify(merge.value)})   [target ≤ 5 s]`,
    );
    await send(page, 'clips/delete', { ids: clips.map((c) => c.id) });
    const fresh = await timeInPage<{ added: number; merged: number }>(lib, 'clips/import', {
      content: jsonContent,
    });
    console.log(
      `Import of that export into an empty library: ${fmt(fresh.ms)} (${JSON.stringify(fresh.value)})   [target ≤ 5 s]`,
    );
  } finally {
    await cr.close();
  }
}

await main();

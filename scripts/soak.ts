/**
 * Soak test (`npm run soak`): annotates 500 fixture pages one after another in one Chromium
 * session and reports the extension's memory at the start and the end: the background service
 * worker's JS heap and the JS heap of the tab's renderer (page plus content-script world), each
 * after a forced garbage collection. Fails (exit 1) when either grows by 20% or more, or when a
 * page is not annotated.
 *
 * Options: `--pages N` (default 500).
 */
import { cpus, totalmem } from 'node:os';
import { startFixtureServer } from '../test/support/fixture-server';
import { waitForAnnotated } from '../test/support/tab-status';
import { formatMb, launchCdpChromium } from './lib/chromium-cdp';

const SEEDS = ['seed-000.html', 'seed-001.html', 'seed-002.html', 'seed-003.html', 'seed-004.html'];
const MAX_GROWTH = 0.2;

/** Number of pages from `--pages N`. */
function pageCount(): number {
  const i = process.argv.indexOf('--pages');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 500;
  if (!Number.isInteger(n) || n < 1) throw new Error('--pages takes a positive integer');
  return n;
}

async function main(): Promise<void> {
  const total = pageCount();
  const server = await startFixtureServer();
  const cr = await launchCdpChromium();
  const page = await cr.browser.newPage();
  const failures: string[] = [];

  /** Loads `path` and waits until the content script says the page is annotated. */
  async function annotate(path: string): Promise<void> {
    await page.goto(server.url(path), { waitUntil: 'load' });
    await waitForAnnotated(page, 20_000);
  }

  /** Heap figures measured on the same page each time. */
  async function measure(): Promise<{ worker: number; renderer: number }> {
    await annotate(`${SEEDS[0]}?measure=${Date.now()}`);
    return { worker: await cr.serviceWorkerHeap(), renderer: await cr.pageHeap(page) };
  }

  try {
    // Warm-up: every seed once, so lazily built lexicons and caches count as the start state.
    for (const seed of SEEDS) await annotate(seed);
    const start = await measure();
    const started = Date.now();
    for (let i = 0; i < total; i++) {
      const path = `${SEEDS[i % SEEDS.length]!}?soak=${i}`;
      try {
        await annotate(path);
      } catch (err) {
        failures.push(
          `${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        );
      }
      if ((i + 1) % 100 === 0) {
        const sw = await cr.serviceWorkerHeap();
        const tab = await cr.pageHeap(page);
        console.log(
          `  ${i + 1}/${total} pages: service worker heap ${formatMb(sw)}, tab heap ${formatMb(tab)}`,
        );
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const end = await measure();
    const growth = {
      worker: end.worker / start.worker - 1,
      renderer: end.renderer / start.renderer - 1,
    };
    const version = await cr.browser.version();
    console.log(
      `\nSoak: ${total} pages annotated one after another in one session (${seconds.toFixed(0)} s)`,
    );
    console.log(
      `Machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${formatMb(totalmem())} RAM; ${version}`,
    );
    console.log('| Memory (JS heap after GC) | Start | End | Growth |');
    console.log('| --- | --- | --- | --- |');
    for (const key of ['worker', 'renderer'] as const) {
      const label =
        key === 'worker' ? 'Background service worker' : 'Tab renderer (page + content script)';
      console.log(
        `| ${label} | ${formatMb(start[key])} | ${formatMb(end[key])} | ${(growth[key] * 100).toFixed(1)}% |`,
      );
    }
    console.log(`Pages not annotated: ${failures.length}`);
    for (const f of failures.slice(0, 10)) console.log(`  ${f}`);
    const ok = failures.length === 0 && growth.worker < MAX_GROWTH && growth.renderer < MAX_GROWTH;
    console.log(ok ? 'PASS: growth under 20%' : 'FAIL: growth 20% or more, or pages not annotated');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await cr.close();
    await server.close();
  }
}

await main();

/**
 * `npm run bench:two-builds -- <dist A> <dist B>`: two builds of the extension side by side in real
 * Chromium, alternating from round to round. Each round starts a fresh browser per build and
 * loads the 1,000,000-character bench page twice: the first page (nothing of the extension warm
 * yet) and the next one. Prints, per build and page, DOMContentLoaded → every highlight painted
 * and the longest lateness of the page's 10 ms heartbeat from its first paint on, with their
 * spread. Env ZWL_BENCH_RUNS sets the rounds (default 5). Asserts nothing.
 */
import { resolve } from 'node:path';
import { launchChromium, startFixtureServer } from '../test/support';
import { buildBenchPage } from './lib/bench-page';
import { gotoUntilPainted, PROBE, readBench } from './lib/highlight-runs';
import { FEEL_PROBE, feelBetween, NAME_HELPER } from './lib/page-feel';
import { spread } from './lib/spread';

const ROUNDS = Number(process.env.ZWL_BENCH_RUNS ?? 5);
const PAGES = ['first', 'next'] as const;

/** One build's figures by page, in rounds. */
type Figures = Record<(typeof PAGES)[number], { painted: number[]; heldMax: number[] }>;

async function main(): Promise<void> {
  const builds = process.argv.slice(2).map((d) => resolve(d));
  if (builds.length !== 2)
    throw new Error('usage: npm run bench:two-builds -- <dist A> <dist B> (each with chrome/)');
  const server = await startFixtureServer();
  server.addRoute('/bench-1m.html', { body: buildBenchPage().html });
  const figures = new Map<string, Figures>(
    builds.map((b) => [
      b,
      { first: { painted: [], heldMax: [] }, next: { painted: [], heldMax: [] } },
    ]),
  );
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const build of r % 2 === 0 ? builds : [...builds].reverse()) {
        const browser = await launchChromium({ extensionDir: resolve(build, 'chrome') });
        try {
          for (const which of PAGES) {
            const page = await browser.context.newPage();
            for (const script of [NAME_HELPER, PROBE, FEEL_PROBE]) await page.addInitScript(script);
            await gotoUntilPainted(page, server.url(`bench-1m.html?${which}=${r}`));
            const bench = await readBench(page);
            const firstPaint = await page.evaluate(
              () => performance.getEntriesByName('first-paint')[0]?.startTime ?? 0,
            );
            const feel = await feelBetween(page, Math.max(bench.dcl, firstPaint), bench.painted);
            const f = figures.get(build)![which];
            f.painted.push(bench.painted - bench.dcl);
            f.heldMax.push(feel.beatMax);
            await page.close();
          }
        } finally {
          await browser.close();
        }
      }
      console.error(`round ${r + 1}/${ROUNDS} done`);
    }
  } finally {
    await server.close();
  }
  console.log(`Two builds, a fresh browser per build and round (ms, ${ROUNDS} rounds)`);
  for (const [build, f] of figures)
    for (const which of PAGES)
      console.log(
        `${build}, ${which} page: DOMContentLoaded → painted ${spread(f[which].painted)}; heartbeat max lateness ${spread(f[which].heldMax)} [target ≤ 50 ms]`,
      );
}

await main();

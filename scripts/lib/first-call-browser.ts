/**
 * The first call as a Chromium user meets it: each side (the engine's `annotate()`, opencc-js's
 * Converter construction and tw→cn conversion) bundled by Vite into one script, loaded into a
 * blank page of a freshly launched browser, and timed on its first call over the same text.
 * Browsers alternate (engine, opencc, engine, …) so machine noise falls on both.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { REPO_ROOT } from './chromium-cdp';
import { buildText, readGenreTexts } from './engine-timing';
import {
  FIRST_CALL_CHARS,
  FIRST_CALL_PROCESSES,
  FIRST_CALL_TARGET,
  medianOf,
  spreadOf,
} from './first-call';

/** Debian's Chromium (test tools cannot download browsers here). */
const CHROMIUM = process.env.ZWL_CHROMIUM ?? '/usr/bin/chromium';
/** The global each bundle defines, and how a page calls it once on `text`. */
const SIDES = {
  engine: {
    entry: `export { annotate } from ${JSON.stringify(join(REPO_ROOT, 'src/core/index.ts'))};`,
    call: 'ZWL_FIRST.annotate({ text })',
  },
  opencc: {
    entry: 'export { Converter } from "opencc-js/t2cn";',
    call: 'ZWL_FIRST.Converter({ from: "tw", to: "cn" })(text)',
  },
} as const;
type Side = keyof typeof SIDES;
/** Where the entries are written while Vite bundles them. */
const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'zwl-first-call');

/** One side's code as a classic script defining `ZWL_FIRST`, minified as an extension ships it. */
async function bundleSide(side: Side): Promise<string> {
  // Inside the repository, so the entry resolves packages from its node_modules.
  await mkdir(CACHE, { recursive: true });
  const dir = await mkdtemp(join(CACHE, 'first-'));
  try {
    const entry = join(dir, `${side}.mjs`);
    await writeFile(entry, SIDES[side].entry);
    const out = (await build({
      root: REPO_ROOT,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        lib: { entry, name: 'ZWL_FIRST', formats: ['iife'], fileName: () => 'first.js' },
      },
    })) as Rollup.RollupOutput[];
    const chunk = out[0]?.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error(`first-call-browser: no bundle for ${side}`);
    return chunk.code;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Milliseconds of each side's first call, one fresh browser per measurement. */
export async function measureBrowserFirstCalls(
  browsers = FIRST_CALL_PROCESSES,
): Promise<Record<Side, number[]>> {
  const text = buildText(await readGenreTexts(), FIRST_CALL_CHARS);
  const code = { engine: await bundleSide('engine'), opencc: await bundleSide('opencc') };
  const out: Record<Side, number[]> = { engine: [], opencc: [] };
  for (let i = 0; i < browsers; i++)
    for (const side of ['engine', 'opencc'] as const) {
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
      try {
        const page = await browser.newPage();
        await page.goto('about:blank');
        await page.evaluate((t) => Object.assign(globalThis, { ZWL_TEXT: t }), text);
        await page.addScriptTag({ content: code[side] });
        out[side].push(
          await page.evaluate(
            `(() => { const text = globalThis.ZWL_TEXT; const t0 = performance.now(); ${SIDES[side].call}; return performance.now() - t0; })()`,
          ),
        );
      } finally {
        await browser.close();
      }
    }
  return out;
}

/** Printable rows (label, figure, note) of a browser first-call measurement. */
export function browserFirstCallRows(r: Record<Side, number[]>): Array<[string, string, string]> {
  const ratios = r.engine.map((e, i) => e / (r.opencc[i] ?? NaN));
  const ratio = medianOf(ratios);
  return [
    [
      'first call in Chromium: engine / opencc',
      spreadOf(ratios, 2),
      `target ≤ ${FIRST_CALL_TARGET}: ${ratio <= FIRST_CALL_TARGET ? 'met' : 'NOT met'}  (median of ${ratios.length} alternated pairs, a fresh browser each; engine ${spreadOf(r.engine)} ms, opencc-js ${spreadOf(r.opencc)} ms, Vite bundles, page time)`,
    ],
  ];
}

/**
 * `npm run bench:engine-ab -- <old.cjs> <new.cjs>`: two builds of the engine side by side, for a
 * session's before-and-after. Each argument is `src/core/index.ts` of one commit bundled for Node
 * (`npx esbuild src/core/index.ts --bundle --platform=node --format=cjs --outfile=new.cjs`; for
 * an older commit, bundle it from a `git worktree`). Prints two figures, as new / old ratios:
 * - every real corpus page annotated once per round, both builds in one process, 2 warm-up
 *   rounds each, then 6 timed rounds alternating which build goes first;
 * - the first `annotate()` in a fresh process on the bench's 1,000,000 characters, in 12 pairs of
 *   processes alternating which build starts first.
 * Env ZWL_AB_ROUNDS and ZWL_AB_PAIRS change the counts. Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REAL_DIR } from '../test/support/corpus-split';
import { buildText, readGenreTexts } from './lib/engine-timing';
import { spread } from './lib/spread';

interface Engine {
  annotate(input: { text: string }): unknown;
}

const ROUNDS = Number(process.env.ZWL_AB_ROUNDS ?? 6);
const PAIRS = Number(process.env.ZWL_AB_PAIRS ?? 12);
const WARM_UPS = 2;
/** Run in a fresh process: load a build, then time its first call on the text file. */
const FIRST_CALL = `const m = require(process.argv[1]); const text = require('node:fs').readFileSync(process.argv[2], 'utf8'); const t = performance.now(); m.annotate({ text }); process.stdout.write(String(performance.now() - t));`;

/** Milliseconds `engine` takes to annotate every text once. */
function timeAll(engine: Engine, texts: readonly string[]): number {
  const t = performance.now();
  for (const text of texts) engine.annotate({ text });
  return performance.now() - t;
}

/** New / old ratios of the whole corpus, alternating which build runs first. */
function pageRatios(old: Engine, neu: Engine, texts: readonly string[]): number[] {
  for (let i = 0; i < WARM_UPS; i++) {
    timeAll(old, texts);
    timeAll(neu, texts);
  }
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let o: number;
    let n: number;
    if (r % 2 === 0) {
      o = timeAll(old, texts);
      n = timeAll(neu, texts);
    } else {
      n = timeAll(neu, texts);
      o = timeAll(old, texts);
    }
    ratios.push(n / o);
  }
  return ratios;
}

/** First-call milliseconds of one build in a fresh Node process. */
function firstCall(bundle: string, textFile: string): number {
  return Number(execFileSync(process.execPath, ['-e', FIRST_CALL, bundle, textFile]).toString());
}

async function main(): Promise<void> {
  const [oldPath, newPath] = process.argv.slice(2).map((p) => resolve(p));
  if (!oldPath || !newPath)
    throw new Error('usage: npm run bench:engine-ab -- <old.cjs> <new.cjs>');
  const load = createRequire(import.meta.url);
  const old = load(oldPath) as Engine;
  const neu = load(newPath) as Engine;
  const pages = join(REAL_DIR, 'pages');
  const texts = readdirSync(pages)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(pages, f), 'utf8'));
  const ratios = pageRatios(old, neu, texts);
  console.log(`all ${texts.length} corpus pages, new / old: ${spread(ratios, 3)}`);

  const textFile = join(mkdtempSync(join(tmpdir(), 'zwl-ab-')), 'text-1m.txt');
  writeFileSync(textFile, buildText(await readGenreTexts(), 1_000_000));
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < PAIRS; i++) {
    if (i % 2 === 0) {
      const o = firstCall(oldPath, textFile);
      pairs.push([o, firstCall(newPath, textFile)]);
    } else {
      const n = firstCall(newPath, textFile);
      pairs.push([firstCall(oldPath, textFile), n]);
    }
  }
  console.log(
    `first call on 1,000,000 characters, new / old: ${spread(
      pairs.map(([o, n]) => n / o),
      2,
    )}; old ${spread(pairs.map(([o]) => o))} ms, new ${spread(pairs.map(([, n]) => n))} ms`,
  );
}

await main();

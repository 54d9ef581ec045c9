/**
 * How the engine benchmarks time things, shared by `npm run bench` and `npm run bench:report` so
 * both print the same figure for the same question: the genre text (the seeds and our positive
 * fixtures repeated), CPU-time clocks, steady-state series and engine/opencc-js interleaving.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { corpusDir } from '../../test/support/corpus-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A `gc()` function: the exposed one, or one unlocked at run time (npm scripts pass no node flags). */
function getGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
/** Forces a full garbage collection. */
export const gc = getGc();
// Keep compiled code across the forced collections: without this, code not run for a few
// collections is flushed and the next timed run pays for compiling it again (billed unevenly).
setFlagsFromString('--no-flush-bytecode');

/** Reads the genre texts: the seed corpus (see `corpusDir`) and our positive fixtures. */
export async function readGenreTexts(): Promise<string[]> {
  const corpus = join(corpusDir(), 'seeds');
  const fixtures = join(repoRoot, 'test/fixtures/text');
  const texts: string[] = [];
  for (const dir of [corpus, fixtures]) {
    let names: string[] = [];
    try {
      names = (await readdir(dir))
        .filter((f) => f.endsWith('.txt') && !f.startsWith('neg-'))
        .sort();
    } catch {
      process.stderr.write(`bench: cannot read ${dir}\n`);
    }
    for (const name of names) texts.push(await readFile(join(dir, name), 'utf8'));
  }
  if (texts.length === 0) throw new Error('bench: no genre texts found');
  return texts;
}

/** Repeats the texts, one after another, to exactly `length` UTF-16 units (never splitting a pair). */
export function buildText(texts: readonly string[], length: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t, '\n');
    total += t.length + 1;
  }
  let text = parts.join('').slice(0, length);
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  return text;
}

/** Which clock a measurement reads. */
export type Clock = 'cpu' | 'wall';

/** Current reading of a clock, in milliseconds. */
export function readClock(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Timed runs per measurement, and untimed warm-up runs before each timed one. */
export const RUNS = 11;
export const WARMUPS = 1;

/** Best and median of a series of timings, in milliseconds. */
export interface Timing {
  best: number;
  median: number;
  runs: number[];
}

/** Best and median of a list of milliseconds. */
export function summarise(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { best: sorted[0] ?? 0, median, runs };
}

/**
 * One timed run of `fn`: `warmups` untimed runs (so the code is compiled and optimised and the
 * young generation sized for it), then the timed run. With `collect`, a forced full GC comes
 * first: this is the "cold" figure, because V8's forced GC also drops the inline-cache state of
 * objects that died, so the next runs of allocation-heavy code re-optimise (not steady state).
 */
export function timeOnce(
  fn: () => unknown,
  clock: Clock,
  collect = false,
  warmups = WARMUPS,
): number {
  if (collect) gc();
  for (let w = 0; w < warmups; w++) fn();
  const t0 = readClock(clock);
  fn();
  return readClock(clock) - t0;
}

/**
 * Timing of `fn` over `runs` steady-state runs: one forced collection before the series (so
 * earlier measurements' garbage is not billed to it), then warm-up + timed run each time.
 */
export function measure(fn: () => unknown, runs = RUNS, clock: Clock = 'cpu'): Timing {
  gc();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(fn, clock));
  return summarise(times);
}

/**
 * Engine against opencc-js on the same text, runs interleaved (engine, opencc, engine, …) so a
 * burst of load from other processes hits both sides alike (`collect`: a forced GC before every
 * run, see {@link timeOnce}). Returns both timings and the median of the per-pair ratios.
 */
export function measurePair(
  engine: () => unknown,
  opencc: () => unknown,
  runs: number,
  clock: Clock,
  collect = false,
): { engine: Timing; opencc: Timing; pairRatio: number } {
  const e: number[] = [];
  const o: number[] = [];
  const ratios: number[] = [];
  gc();
  for (let i = 0; i < runs; i++) {
    const et = timeOnce(engine, clock, collect);
    const ot = timeOnce(opencc, clock, collect);
    e.push(et);
    o.push(ot);
    ratios.push(et / ot);
  }
  return { engine: summarise(e), opencc: summarise(o), pairRatio: summarise(ratios).median };
}

/** Runs a step generator to its end (the engine's own helper). */
export { runSteps as drain } from '../../src/core/steps';

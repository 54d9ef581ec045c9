/**
 * `npm run bench`: throughput, memory and scaling of the whole engine on 1,000,000 characters of
 * genre text (the seeds repeated: simplified, traditional and traditional with pinyin glosses),
 * measured in the same run as opencc-js converting the same text. Prints figures; never fails on
 * timing (speed goals are reported, not asserted).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as OpenCC from 'opencc-js/t2cn';
import { annotate, annotateSteps } from '../src/core/index';
// Stages are internal modules behind annotate(); timed one by one to show where the time goes.
import { findDirectives } from '../src/core/directives';
import { findMeetings } from '../src/core/meeting-numbers';
import { findOfficials } from '../src/core/officials';
import { detectPage } from '../src/core/page-detection';
import { extractMetadata } from '../src/core/page-metadata';
import { normalize } from '../src/core/text/normalize';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const MILLION = 1_000_000;

/** A `gc()` function: the exposed one, or one unlocked at run time (npm scripts pass no node flags). */
function getGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const gc = getGc();

/** Reads the genre texts: the seed corpus (`CORPUS_DIR` or `../shared/corpus`) and our positive fixtures. */
async function readGenreTexts(): Promise<string[]> {
  const corpus = resolve(repoRoot, process.env.CORPUS_DIR ?? '../shared/corpus', 'seeds');
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
function buildText(texts: readonly string[], length: number): string {
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

/** English news prose of about `length` characters (no Chinese at all). */
function buildEnglish(length: number): string {
  const paragraph =
    'The city council met on Tuesday to review the budget for road maintenance and public ' +
    'libraries. The mayor said that the new plan would improve services for residents, while ' +
    'several members asked for more detail on the cost of the bus lanes. The meeting also ' +
    'approved a proposal to extend the opening hours of the central park during the summer. ';
  return paragraph.repeat(Math.ceil(length / paragraph.length)).slice(0, length);
}

/** Which clock a measurement reads. */
type Clock = 'cpu' | 'wall';

/** Current reading of a clock, in milliseconds. */
function readClock(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Milliseconds taken by `fn`, the best of `runs`. CPU time by default: on a shared 2-core machine
 * wall time mostly measures the other processes; CPU time (µs resolution) is what the code costs.
 */
function timeBest(fn: () => unknown, runs: number, clock: Clock = 'cpu'): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    // Start every run on a clean heap so one run's garbage is not billed to the next.
    gc();
    const t0 = readClock(clock);
    fn();
    best = Math.min(best, readClock(clock) - t0);
  }
  return best;
}

/** Runs a step generator to its end. */
function drain<T>(steps: Generator<undefined, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Milliseconds per engine stage on one text (best of `runs`), in pipeline order. */
function timeStages(text: string, runs: number): Array<[string, number]> {
  const norm = normalize(text);
  const t = norm.text;
  return [
    ['normalize (glosses, t2s, offset map)', timeBest(() => normalize(text), runs)],
    ['metadata', timeBest(() => extractMetadata(t), runs)],
    ['officials', timeBest(() => drain(findOfficials(t)), runs)],
    ['meetings', timeBest(() => drain(findMeetings(t)), runs)],
    ['detection', timeBest(() => detectPage({ text: t, titledOfficials: 1, meetings: 1 }), runs)],
    ['directives', timeBest(() => drain(findDirectives(t)), runs)],
  ];
}

/** Peak JS heap above the starting point while the step generator runs, sampled after every step. */
function measurePeakHeap(text: string): { peakMb: number; retainedMb: number; entities: number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const steps = annotateSteps({ text });
  let result;
  for (;;) {
    const r = steps.next();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    if (r.done) {
      result = r.value;
      break;
    }
  }
  gc();
  const retained = process.memoryUsage().heapUsed - base;
  return {
    peakMb: (peak - base) / 2 ** 20,
    retainedMb: retained / 2 ** 20,
    entities: result.entities.length,
  };
}

/** Formats characters per second as millions. */
function mcps(chars: number, ms: number): string {
  return `${(chars / ms / 1000).toFixed(2)} M chars/s`;
}

/** Runs every measurement and prints the figures table. */
async function runBench(): Promise<void> {
  const texts = await readGenreTexts();
  const text = buildText(texts, MILLION);
  const tenth = buildText(texts, MILLION / 10);
  const english = buildEnglish(100_000);

  // Warm-up so both sides are compiled before timing.
  annotate({ text: tenth });
  const t0 = performance.now();
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const openccSetupMs = performance.now() - t0;
  convert(tenth);

  const runs = 5;
  const stages = timeStages(text, runs);
  const tenthStages = new Map(timeStages(tenth, runs));
  const engineMs = timeBest(() => annotate({ text }), runs);
  const openccMs = timeBest(() => convert(text), runs);
  const tenthMs = timeBest(() => annotate({ text: tenth }), runs * 3);
  const engineWallMs = timeBest(() => annotate({ text }), runs, 'wall');
  const englishMs = timeBest(() => annotate({ text: english }), 20, 'wall');
  const heap = measurePeakHeap(text);

  const ratio = engineMs / openccMs;
  const scaling = engineMs / tenthMs;
  const rows: Array<[string, string, string]> = [
    [
      'input',
      `${text.length.toLocaleString('en')} UTF-16 units (${texts.length} genre texts repeated)`,
      '',
    ],
    ...stages.map(([name, ms]): [string, string, string] => [
      `stage: ${name}`,
      `${ms.toFixed(1)} ms`,
      `${mcps(text.length, ms)}  (10× text: ${(ms / (tenthStages.get(name) ?? ms)).toFixed(1)}× time)`,
    ]),
    ['whole engine annotate()', `${engineMs.toFixed(1)} ms`, mcps(text.length, engineMs)],
    ['whole engine, wall clock', `${engineWallMs.toFixed(1)} ms`, mcps(text.length, engineWallMs)],
    ['opencc-js tw→cn conversion', `${openccMs.toFixed(1)} ms`, mcps(text.length, openccMs)],
    ['opencc-js Converter() setup', `${openccSetupMs.toFixed(1)} ms`, '(not counted)'],
    [
      'ratio engine / opencc',
      ratio.toFixed(3),
      `target ≤ 0.5: ${ratio <= 0.5 ? 'met' : 'NOT met'}`,
    ],
    [
      'peak heap (annotateSteps, 1M)',
      `${heap.peakMb.toFixed(1)} MB`,
      `target ≤ 64 MB: ${heap.peakMb <= 64 ? 'met' : 'NOT met'}`,
    ],
    ['retained result heap', `${heap.retainedMb.toFixed(1)} MB`, `${heap.entities} entities`],
    [
      '100K → 1M scaling',
      `${scaling.toFixed(2)}×`,
      `target ≤ 11×: ${scaling <= 11 ? 'met' : 'NOT met'}`,
    ],
    [
      '100 KB English text',
      `${englishMs.toFixed(3)} ms`,
      `target < 1 ms: ${englishMs < 1 ? 'met' : 'NOT met'}`,
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(
    `Engine benchmark: process CPU time, best of ${runs} runs (English: wall clock); Node ${process.version}\n`,
  );
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);
}

await runBench();

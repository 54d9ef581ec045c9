/**
 * What a reader waits for on a fresh page, shared by `npm run bench` and `npm run bench:first-call`:
 * each measurement is a new Node process that loads the code, then times one call on 1,000,000
 * characters: the engine's first `annotate()` (its lazily built tables counted), or opencc-js's
 * first tw→cn conversion with its Converter construction counted. Processes alternate (engine,
 * opencc, engine, …) so machine noise falls on both.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildText, readGenreTexts } from './engine-timing';

/** Characters of the text both sides convert. */
export const FIRST_CALL_CHARS = 1_000_000;
/** Processes per side (`ZWL_FIRST_CALL_RUNS` overrides). */
export const FIRST_CALL_PROCESSES = Number(process.env.ZWL_FIRST_CALL_RUNS ?? 5);
/** Target of the first-call ratio (engine / opencc-js). */
export const FIRST_CALL_TARGET = 0.6;

const self = fileURLToPath(import.meta.url);

/** One process's figures, in milliseconds. */
export interface FirstCall {
  /** Elapsed time of the call. */
  wall: number;
  /** CPU time of the whole process during the call (V8's compiler and GC threads included). */
  cpu: number;
  /** CPU time of the main thread alone (Linux only; NaN elsewhere). */
  main: number;
}

/** CPU milliseconds of the calling thread from /proc (NaN where there is no /proc). */
function threadCpuMs(): number {
  try {
    // Nanoseconds on the CPU, the first field of schedstat.
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/** Child side: times one first call of `which` and prints its figures as JSON. */
export async function measureFirstCallHere(which: string): Promise<void> {
  const text = buildText(await readGenreTexts(), FIRST_CALL_CHARS);
  // Modules are loaded before the clock starts: the engine's TypeScript goes through tsx here,
  // which a built extension never pays, so loading is not comparable.
  let run: () => unknown;
  if (which === 'engine') {
    const { annotate } = await import('../../src/core/index');
    run = () => annotate({ text });
  } else if (which === 'opencc') {
    const OpenCC = await import('opencc-js/t2cn');
    run = () => OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
  } else throw new Error(`first-call: unknown side ${which}`);
  const main0 = threadCpuMs();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  run();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  const result: FirstCall = {
    wall,
    cpu: (cpu.user + cpu.system) / 1000,
    main: threadCpuMs() - main0,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs `processes` fresh processes per side, alternated, and returns their figures. */
export function measureFirstCalls(processes = FIRST_CALL_PROCESSES): {
  engine: FirstCall[];
  opencc: FirstCall[];
} {
  const out = { engine: [] as FirstCall[], opencc: [] as FirstCall[] };
  for (let i = 0; i < processes; i++)
    for (const which of ['engine', 'opencc'] as const) {
      const printed = execFileSync(process.execPath, ['--import', 'tsx', self, which], {
        encoding: 'utf8',
      });
      out[which].push(JSON.parse(printed) as FirstCall);
    }
  return out;
}

/** Median, min and max of a list, as `median M (range A–B)`. */
export function spreadOf(xs: readonly number[], digits = 0): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[s.length >> 1] ?? NaN;
  return `${median.toFixed(digits)} (range ${s[0]?.toFixed(digits)}–${s[s.length - 1]?.toFixed(digits)})`;
}

/** Median of a list. */
export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

/** Printable rows (label, figure, note) of a first-call measurement. */
export function firstCallRows(r: {
  engine: FirstCall[];
  opencc: FirstCall[];
}): Array<[string, string, string]> {
  const pair = (f: keyof FirstCall): number[] =>
    r.engine.map((e, i) => e[f] / (r.opencc[i]?.[f] ?? NaN));
  const wallRatios = pair('wall');
  const ratio = medianOf(wallRatios);
  const n = r.engine.length;
  return [
    [
      'first call: engine annotate()',
      `${spreadOf(r.engine.map((x) => x.wall))} ms`,
      `CPU ${spreadOf(r.engine.map((x) => x.cpu))} ms, main thread ${spreadOf(r.engine.map((x) => x.main))} ms`,
    ],
    [
      'first call: opencc-js Converter + tw→cn',
      `${spreadOf(r.opencc.map((x) => x.wall))} ms`,
      `CPU ${spreadOf(r.opencc.map((x) => x.cpu))} ms, main thread ${spreadOf(r.opencc.map((x) => x.main))} ms`,
    ],
    [
      'first-call ratio engine / opencc',
      spreadOf(wallRatios, 2),
      `target ≤ ${FIRST_CALL_TARGET}: ${ratio <= FIRST_CALL_TARGET ? 'met' : 'NOT met'}  (wall clock, median of ${n} alternated process pairs; CPU ${spreadOf(pair('cpu'), 2)}, main thread ${spreadOf(pair('main'), 2)})`,
    ],
  ];
}

if (process.argv[1] === self && process.argv[2]) await measureFirstCallHere(process.argv[2]);

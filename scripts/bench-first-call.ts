/**
 * `npm run bench:first-call`: what a reader waits for on a fresh page. Each measurement is a new
 * Node process that loads the code, then times one call on 1,000,000 characters: the engine's
 * first `annotate()` (its tables built lazily, so counted), or opencc-js's first tw→cn
 * conversion with its Converter construction counted. Processes
 * alternate (engine, opencc, engine, …) so machine noise falls on both; prints median and range.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildText, readGenreTexts } from './lib/engine-timing';

const PROCESSES = Number(process.env.ZWL_FIRST_CALL_RUNS ?? 5);
const MILLION = 1_000_000;
const self = fileURLToPath(import.meta.url);

/** Child: times loading the code plus one call, prints milliseconds. */
async function measureOnce(which: string): Promise<void> {
  const text = buildText(await readGenreTexts(), MILLION);
  // Modules are loaded before the clock starts: the engine's TypeScript goes through tsx here,
  // which a built extension never pays, so loading is not comparable.
  let started: number;
  if (which === 'engine') {
    const { annotate } = await import('../src/core/index');
    started = performance.now();
    annotate({ text });
  } else {
    const OpenCC = await import('opencc-js/t2cn');
    started = performance.now();
    OpenCC.Converter({ from: 'tw', to: 'cn' })(text);
  }
  process.stdout.write(`${(performance.now() - started).toFixed(1)}\n`);
}

/** Median, min and max of a list. */
function spread(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? NaN;
  return `median ${median.toFixed(0)} ms (range ${s[0]?.toFixed(0)}–${s[s.length - 1]?.toFixed(0)})`;
}

if (process.argv[2]) await measureOnce(process.argv[2]);
else {
  const times: Record<string, number[]> = { engine: [], opencc: [] };
  for (let i = 0; i < PROCESSES; i++)
    for (const which of ['engine', 'opencc'])
      times[which]!.push(
        Number(
          execFileSync(process.execPath, ['--import', 'tsx', self, which], { encoding: 'utf8' }),
        ),
      );
  const ratios = times.engine!.map((e, i) => e / (times.opencc![i] ?? NaN));
  process.stdout.write(
    `First call in a fresh process, 1,000,000 characters, ${PROCESSES} processes each (module loading not counted)\n` +
      `engine annotate()            ${spread(times.engine!)}\n` +
      `opencc-js Converter + tw→cn  ${spread(times.opencc!)}\n` +
      `ratio engine / opencc-js     ${[...ratios]
        .sort((a, b) => a - b)
        .map((r) => r.toFixed(2))
        .join(' ')}  (pairs, sorted)\n`,
  );
}

/** Section 1 of `npm run bench:report`: engine vs opencc-js converting the same text (Node). */
import * as OpenCC from 'opencc-js/t2cn';
import { annotate, toSimplified } from '../../src/core/index';
import { buildText, measure, measurePair, readGenreTexts, RUNS } from '../lib/engine-timing';
import { FIRST_CALL_PROCESSES, measureFirstCalls, medianOf } from '../lib/first-call';
import { measureBrowserFirstCalls } from '../lib/first-call-browser';
import { ms, ratio, table, type Row } from './report-table';

/**
 * Section 1: engine vs opencc-js on the same text, in this Node process, measured the way
 * `npm run bench` measures it (steady-state wall-clock medians, runs interleaved).
 */
export async function benchEngine(): Promise<Row[]> {
  // What a reader waits for first: the first call on a fresh page, before this process warms up.
  const fresh = measureFirstCalls();
  const node = { engine: fresh.engine.map((x) => x.wall), opencc: fresh.opencc.map((x) => x.wall) };
  const browser = await measureBrowserFirstCalls();
  const text = buildText(await readGenreTexts(), 1_000_000);
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const pair = measurePair(
    () => annotate({ text }),
    () => convert(text),
    RUNS,
    'wall',
  );
  const simplify = measure(() => toSimplified(text));
  const openccMs = pair.opencc.median;
  const firstRow = (label: string, r: { engine: number[]; opencc: number[] }): Row => [
    label,
    ms(medianOf(r.engine)),
    `vs opencc-js's first call, ${ms(medianOf(r.opencc))} (target ≤ 0.60×)`,
    `${medianOf(r.engine.map((e, i) => e / (r.opencc[i] ?? NaN))).toFixed(2)}×`,
  ];
  return [
    firstRow('engine `annotate`, first call in a fresh Node process', node),
    firstRow('engine `annotate`, first call in a freshly launched Chromium', browser),
    ['opencc-js `tw→cn` conversion, 1,000,000 chars', ms(openccMs), 'baseline', '1.00×'],
    [
      'engine `toSimplified`, same text',
      ms(simplify.median),
      'vs opencc-js',
      ratio(simplify.median, openccMs),
    ],
    [
      'engine `annotate` (conversion + all detection), same text',
      ms(pair.engine.median),
      'vs opencc-js (warm target ≤ 0.35×)',
      ratio(pair.engine.median, openccMs),
    ],
  ];
}

/** The section's Markdown. */
export function engineSection(rows: Row[]): string {
  return `## Engine vs opencc-js (same text, Node)

1,000,000 characters of genre text (the five seeds and our positive fixtures repeated:
simplified, traditional, traditional with pinyin glosses), measured as \`npm run bench\` does.
First calls: median of ${FIRST_CALL_PROCESSES} alternated pairs of fresh processes (or freshly
launched browsers), the ratio the median of the pairs' ratios. The rest: wall-clock median of
${RUNS} steady-state runs, engine and opencc-js interleaved.

${table(['Measure', 'Time', 'Compared with', 'Ratio'], rows)}`;
}

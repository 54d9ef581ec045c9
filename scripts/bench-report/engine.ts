/** Section 1 of `npm run bench:report`: engine vs opencc-js converting the same text (Node). */
import * as OpenCC from 'opencc-js/t2cn';
import { annotate, toSimplified } from '../../src/core/index';
import { buildText, measure, measurePair, readGenreTexts, RUNS } from '../lib/engine-timing';
import { ms, ratio, table, type Row } from './report-table';

/**
 * Section 1: engine vs opencc-js on the same text, in this Node process, measured the way
 * `npm run bench` measures it (steady-state wall-clock medians, runs interleaved).
 */
export async function benchEngine(): Promise<Row[]> {
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
  return [
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
      'vs opencc-js (target ≤ 0.50×)',
      ratio(pair.engine.median, openccMs),
    ],
  ];
}

/** The section's Markdown. */
export function engineSection(rows: Row[]): string {
  return `## Engine vs opencc-js (same text, Node)

1,000,000 characters of genre text (the five seeds and our positive fixtures repeated:
simplified, traditional, traditional with pinyin glosses), measured as \`npm run bench\` does:
wall-clock median of ${RUNS} steady-state runs, engine and opencc-js interleaved.

${table(['Measure', 'Time', 'Compared with', 'Ratio'], rows)}`;
}

/**
 * `npm run bench:first-call`: what a reader waits for on a fresh page, alone (`npm run bench`
 * leads with the same figures). Each measurement is a new Node process: the engine's first
 * `annotate()` on 1,000,000 characters against opencc-js's first tw→cn conversion of the same
 * text (Converter construction counted), processes alternated; then the same in Chromium, a fresh
 * browser per call (`lib/first-call-browser`); prints medians and ranges.
 */
import {
  FIRST_CALL_CHARS,
  FIRST_CALL_PROCESSES,
  firstCallRows,
  measureFirstCalls,
} from './lib/first-call';
import { browserFirstCallRows, measureBrowserFirstCalls } from './lib/first-call-browser';

const rows = [
  ...firstCallRows(measureFirstCalls()),
  ...browserFirstCallRows(await measureBrowserFirstCalls()),
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
process.stdout.write(
  `First call in a fresh process, ${FIRST_CALL_CHARS.toLocaleString('en')} characters, ${FIRST_CALL_PROCESSES} processes each, alternated (module loading not counted); median (range)\n`,
);
for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);

/**
 * Clip-library benchmark in real Chromium with 10,000 clips stored: popup first render, library
 * search per keystroke, full export, and import of that export. Prints figures; asserts nothing.
 * The measurements themselves are in `scripts/lib/library-bench.ts` (shared with bench:report).
 *
 *   npm run build && npm run bench:library
 */
import { launchChromium } from '../test/support';
import { LIBRARY_BENCH_RUNS, measureLibrary, median } from './lib/library-bench';

const CLIPS = Number(process.env.BENCH_CLIPS ?? 10_000);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
/** `median X, max Y (n runs)` for a list of timings. */
const stats = (xs: number[]) =>
  `median ${fmt(median(xs))}, max ${fmt(Math.max(...xs))} (${xs.length} runs${
    xs.length <= 4 ? `: ${xs.map((x) => x.toFixed(0)).join(', ')}` : ''
  })`;

const cr = await launchChromium();
try {
  const f = await measureLibrary(cr, CLIPS, LIBRARY_BENCH_RUNS);
  console.log(`Stored clips: ${f.stored}`);
  console.log(
    `Popup first render (open → newest clips painted), service worker running (no clip cache: read from the time index): ${stats(f.popup)}   [target ≤ 200 ms]`,
  );
  console.log(
    `Popup first render, newest clips read from the time index (after a write): ${stats(f.popupIndexed)}   [target ≤ 200 ms]`,
  );
  console.log(
    `Popup first render, service worker stopped before each open: ${stats(f.popupCold)}   [target ≤ 200 ms]`,
  );
  console.log(
    `Library first load (service worker stopped before), open → first rows painted (${CLIPS} clips stored): ${stats(f.firstRows)}`,
  );
  console.log(
    `Library first load, open → all ${CLIPS} clips listed and searchable: ${stats(f.loaded)}`,
  );
  const keyMs = f.search.map((k) => k.ms);
  console.log(
    `Library search (keystroke → results painted), ${f.keystrokes.length} keystrokes × ${f.search.length / f.keystrokes.length} over ${CLIPS} clips: ` +
      `median ${fmt(median(keyMs))}, max ${fmt(Math.max(...keyMs))}   [target ≤ 50 ms]`,
  );
  console.log(
    `  first round: ${f.search
      .slice(0, f.keystrokes.length)
      .map((k) => `${k.q || '∅'}=${k.ms.toFixed(0)}ms/${k.shown}`)
      .join('  ')}`,
  );
  for (const [format, chars] of Object.entries(f.fileChars)) {
    console.log(`  ${format} file: ${(chars / 1e6).toFixed(1)} M chars`);
  }
  for (const [format, times] of Object.entries(f.export)) {
    console.log(
      `Full export ${format.toUpperCase()} (click → file content ready): ${stats(times)}   [target ≤ 2 s]`,
    );
  }
  console.log(`  merge status: ${f.mergeStatus}`);
  console.log(
    `Import of that export, merging into ${CLIPS} known clips (file chosen → committed): ${stats(f.merge)}   [target ≤ 5 s]`,
  );
  console.log(`  empty-library status: ${f.freshStatus}`);
  console.log(
    `Import of that export into an empty library (file chosen → committed): ${stats(f.fresh)}   [target ≤ 5 s]`,
  );
  console.log(`  file chosen → all ${CLIPS} clips listed again: ${stats(f.listed)}`);
} finally {
  await cr.close();
}

/** Section 4 of `npm run bench:report`: popup and library figures with 10,000 clips. */
import type { ChromiumSession } from '../../test/support/browsers';
import { LIBRARY_BENCH_RUNS, measureLibrary } from '../lib/library-bench';
import { median, ms, table, type Row } from './report-table';

/** Section 4: popup and library with 10,000 clips, measured as `npm run bench:library` does. */
export async function benchLibrary(cr: ChromiumSession): Promise<Row[]> {
  const f = await measureLibrary(cr, 10_000, LIBRARY_BENCH_RUNS);
  const runs = (xs: number[]) => `median of ${xs.length}, max ${ms(Math.max(...xs))}`;
  const keys = f.search.map((k) => k.ms);
  return [
    [
      'popup first render (navigation → newest clips painted), the background keeps no clip cache',
      ms(median(f.popup)),
      `goal ≤ 200 ms; ${runs(f.popup)}, each a fresh popup page`,
      '',
    ],
    [
      'popup first render, newest clips read from the time index (after a write)',
      ms(median(f.popupIndexed)),
      `goal ≤ 200 ms; ${runs(f.popupIndexed)}`,
      '',
    ],
    [
      'popup first render, service worker stopped before each open',
      ms(median(f.popupCold)),
      `goal ≤ 200 ms; ${runs(f.popupCold)}`,
      '',
    ],
    [
      'library first rows (navigation → first rows painted), service worker stopped before each open',
      ms(median(f.firstRows)),
      `${runs(f.firstRows)}; all ${f.stored.toLocaleString('en')} clips listed and searchable after ${ms(median(f.loaded))}`,
      '',
    ],
    [
      'library search, one keystroke → results painted',
      ms(median(keys)),
      `goal ≤ 50 ms; median of ${keys.length} keystrokes (cross-script, entity, note and no-match queries), max ${ms(Math.max(...keys))}`,
      '',
    ],
    ...(['json', 'w3c', 'csv'] as const).map((format): Row => [
      `full ${format.toUpperCase()} export (click → file content ready, ${(f.fileChars[format] / 1e6).toFixed(1)} M chars)`,
      ms(median(f.export[format])),
      `goal ≤ 2 s; ${runs(f.export[format])}`,
      '',
    ]),
    [
      'import of that JSON export into an empty library (file chosen → committed)',
      ms(median(f.fresh)),
      `goal ≤ 5 s; ${runs(f.fresh)}; all clips listed again after ${ms(median(f.listed))}`,
      '',
    ],
    [
      'import of that JSON export, every id known (file chosen → committed)',
      ms(median(f.merge)),
      `goal ≤ 5 s; ${runs(f.merge)}`,
      '',
    ],
  ];
}

/** The section's Markdown. */
export function librarySection(rows: Row[]): string {
  return `## Popup and library with 10,000 clips (Chromium)

${table(['Measure', 'Time', 'Goal / note', ''], rows)}`;
}

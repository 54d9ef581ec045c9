/**
 * Output formats. Encoding runs in the worker that annotated the unit, so results cross back to
 * the main thread once, as text; the main thread only writes. A format may write several parts
 * per unit (a tidy bundle writes one table per part); JSONL writes one.
 */
import type { PageRecord } from './work-unit';

/** How one unit's records become output text. */
export interface OutputFormat {
  /** Name given to `--output`. */
  name: string;
  /** Suffixes of the parts every unit writes, e.g. `['jsonl']` or `['pages.csv', 'entities.csv']`. */
  parts: readonly string[];
  /** Encodes a unit's records into its parts (suffix → text); pure, runs in a worker. */
  encodeUnit(records: readonly PageRecord[]): Record<string, string>;
}

/** One JSON object per page, one per line. */
export const jsonlFormat: OutputFormat = {
  name: 'jsonl',
  parts: ['jsonl'],
  encodeUnit: (records) => ({
    jsonl: records.map((record) => `${JSON.stringify(record)}\n`).join(''),
  }),
};

/** Every format by name; a tidy-table format plugs in here. */
export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = { jsonl: jsonlFormat };

/** The format named `name`, or undefined. */
export function findOutputFormat(name: string): OutputFormat | undefined {
  return Object.hasOwn(OUTPUT_FORMATS, name) ? OUTPUT_FORMATS[name] : undefined;
}

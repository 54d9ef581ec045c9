/**
 * Output formats. Encoding runs in the worker that annotated the unit, so results cross back to
 * the main thread once, as UTF-8 bytes moved (not copied) between threads; the main thread only
 * writes. A format may write several parts
 * per unit (a tidy bundle writes one table per part); JSONL writes one.
 */
import { parquetFormat } from './parquet-output';
import { tidyFormat } from './tidy-output';
import type { PageRecord } from './work-unit';

/** Where a format that assembles its output reads the units' parts and writes final files. */
export interface AssemblyStore {
  /** Every unit of the run (done now or in an earlier run), in plan order. */
  unitIds: readonly string[];
  /** The text of one part of a finished unit. */
  readPart(id: string, suffix: string): Promise<string>;
  /** Writes a final file of `--out DIR` from pieces (temporary name, then a rename). */
  writeFile(name: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void>;
  /** The output folder itself (`--out DIR`), for tools that write files by path. */
  dir: string;
  /** Newest modification time of the run's input files (ms), for reproducible stamps. */
  newestInputMs?: number;
}

/** How one unit's records become output text. */
export interface OutputFormat {
  /** Name given to `--output`. */
  name: string;
  /** Suffixes of the parts every unit writes, e.g. `['jsonl']` or `['pages.csv', 'entities.csv']`. */
  parts: readonly string[];
  /** Encodes a unit's records into its parts (suffix → text); pure, runs in a worker. */
  encodeUnit(records: readonly PageRecord[]): Record<string, string>;
  /**
   * For a format of one part whose records encode independently: one record's text. The reader
   * then encodes each page as soon as it is annotated and keeps only the text, so a unit's
   * engine results do not live (and get promoted by the GC) until the unit ends.
   */
  encodeRecord?(record: PageRecord): string;
  /**
   * Builds the final files from every unit's parts once a run is complete (all units done); for
   * formats whose parts are not the output itself. Runs on the main thread.
   */
  assemble?(store: AssemblyStore): Promise<void>;
  /**
   * Checks, before any page is read, that what the format needs is installed; throws an
   * `InputError` saying how to install it when not.
   */
  checkAvailable?(): Promise<void>;
}

/** One page as a JSON line. */
const jsonLine = (record: PageRecord): string => `${JSON.stringify(record)}\n`;

/** One JSON object per page, one per line. */
export const jsonlFormat: OutputFormat = {
  name: 'jsonl',
  parts: ['jsonl'],
  encodeUnit: (records) => ({ jsonl: records.map(jsonLine).join('') }),
  encodeRecord: jsonLine,
};

/** Every format by name. */
export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = {
  jsonl: jsonlFormat,
  tidy: tidyFormat,
  parquet: parquetFormat,
};

/** The format named `name`, or undefined. */
export function findOutputFormat(name: string): OutputFormat | undefined {
  return Object.hasOwn(OUTPUT_FORMATS, name) ? OUTPUT_FORMATS[name] : undefined;
}

/**
 * The tidy export bundle: every table as CSV, `datapackage.json` and a README, as files and as
 * one zip (fflate). Pure: the library downloads the bytes, the CLI may write the files.
 */
import { strToU8, zipSync } from 'fflate';
import { PRODUCT_NAME } from '../clips/model';
import type { PersonRecord } from '../clips/person-merges';
import { datapackageOf, tidyReadme } from './datapackage';
import type { TidyDocument } from './document';
import { tableToCsv } from './tidy-csv';
import { TABLE_NAMES, type TableName } from './tidy-schemas';
import { tidyTablesOf } from './tidy-tables';

/** The bundle's files by name, and the name of its zip. */
export interface TidyBundle {
  fileName: string;
  files: Record<string, string>;
}

/**
 * The bundle of `documents`: `<table>.csv` for every table, `datapackage.json`, `README.md`;
 * `people` are the library's people records (merges, external ids).
 */
export function tidyBundleOf(
  documents: readonly TidyDocument[],
  now: Date = new Date(),
  people: readonly PersonRecord[] = [],
): TidyBundle {
  const tables = tidyTablesOf(documents, people);
  const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, tables[n].rows.length])) as Record<
    TableName,
    number
  >;
  const files: Record<string, string> = {};
  for (const name of TABLE_NAMES) files[`${name}.csv`] = tableToCsv(tables[name]);
  Object.assign(files, tidyMetaFilesOf(rows, now));
  return { fileName: `${PRODUCT_NAME}-tidy-${now.toISOString().slice(0, 10)}.zip`, files };
}

/** `datapackage.json` and `README.md` of a bundle whose tables have `rows` rows. */
export function tidyMetaFilesOf(
  rows: Record<TableName, number>,
  now: Date,
): Record<'datapackage.json' | 'README.md', string> {
  return {
    'datapackage.json': `${JSON.stringify(datapackageOf(rows, now), null, 2)}\n`,
    'README.md': tidyReadme(rows, now),
  };
}

/** The bundle's files as one zip archive. */
export function zipTidyBundle(bundle: TidyBundle, now: Date = new Date()): Uint8Array {
  const entries = Object.fromEntries(
    Object.entries(bundle.files).map(([name, text]) => [name, strToU8(text)]),
  );
  return zipSync(entries, { level: 6, mtime: now });
}

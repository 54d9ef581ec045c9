/**
 * `--output parquet`: the tidy tables (see `tidy-output.ts`) and, once they are assembled, each
 * table also as `<table>.parquet`, converted by DuckDB with the SQL a researcher can run on the
 * CSVs from Python or R (`parquetCopySql`, printed in docs/cli.md). DuckDB (`@duckdb/node-api`)
 * is optional: it is loaded only for this format, and its absence is a usage error before any
 * page is read.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../decode-bytes';
import {
  TABLE_NAMES,
  TABLE_SCHEMAS,
  type FieldType,
  type TableName,
} from '../../core/export/tidy-schemas';
import type { AssemblyStore, OutputFormat } from './output-format';
import { tidyFormat } from './tidy-output';

/** The npm package that brings DuckDB to Node. */
export const DUCKDB_PACKAGE = '@duckdb/node-api';

/** DuckDB column types of the tidy field types (Frictionless names in `datapackage.json`). */
const DUCKDB_TYPES: Record<FieldType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  // Times carry milliseconds or no seconds, with a zone suffix: DuckDB's TIMESTAMPTZ reads both.
  datetime: 'TIMESTAMPTZ',
};

/** A string as an SQL literal. */
function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The statement that turns one tidy CSV into Parquet, with the column types of the table schema
 * (nothing sniffed, so an empty table keeps its types).
 */
export function parquetCopySql(table: TableName, csvPath: string, parquetPath: string): string {
  const columns = TABLE_SCHEMAS[table].fields
    .map((field) => `${sqlString(field.name)}: ${sqlString(DUCKDB_TYPES[field.type])}`)
    .join(', ');
  return (
    `COPY (SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, ` +
    `delim = ',', quote = '"', escape = '"', columns = {${columns}})) ` +
    `TO ${sqlString(parquetPath)} (FORMAT parquet)`
  );
}

/** DuckDB's module, or an `InputError` saying how to install it. `specifier` is for tests. */
export async function loadDuckDb(
  specifier = DUCKDB_PACKAGE,
): Promise<typeof import('@duckdb/node-api')> {
  try {
    return (await import(specifier)) as typeof import('@duckdb/node-api');
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new InputError(
      `--output parquet needs DuckDB, which is not installed (${reason}): run ` +
        `"npm install ${DUCKDB_PACKAGE}" in the project folder, or use --output tidy and ` +
        'convert the CSVs with the SQL in docs/cli.md',
    );
  }
}

/** Writes `<table>.parquet` next to each assembled `<table>.csv` (temporary name, then a rename). */
async function writeParquetTables(dir: string): Promise<void> {
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const table of TABLE_NAMES) {
      const path = join(dir, `${table}.parquet`);
      await connection.run(parquetCopySql(table, join(dir, `${table}.csv`), `${path}.tmp`));
      await rename(`${path}.tmp`, path);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The tidy tables as CSV and Parquet, assembled under `--out DIR`. */
export const parquetFormat: OutputFormat = {
  ...tidyFormat,
  name: 'parquet',
  assemble: async (store: AssemblyStore) => {
    await tidyFormat.assemble!(store);
    await writeParquetTables(store.dir);
  },
  checkAvailable: async () => {
    await loadDuckDb();
  },
};

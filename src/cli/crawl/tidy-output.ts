/**
 * `--output tidy`: the extension's tidy tables (src/core/export), one CSV per table plus
 * `datapackage.json` and a README. Each worker builds its unit's tables with `tidyTablesOf` and
 * writes their CSV rows without header; at the end of a complete run the parts are joined in plan
 * order under one header, and people (keyed across pages) are merged: first row of a key kept,
 * page counts added. The result is the bundle `tidyBundleOf` makes of all pages at once.
 */
import { InputError } from '../decode-bytes';
import { documentOfResult, type TidyDocument } from '../../core/export/document';
import { tidyMetaFilesOf } from '../../core/export/tidy-bundle';
import { tableToCsv } from '../../core/export/tidy-csv';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName } from '../../core/export/tidy-schemas';
import { tidyTablesOf, type Row, type TidyTable } from '../../core/export/tidy-tables';
import type { AssemblyStore, OutputFormat } from './output-format';
import type { PageRecord } from './work-unit';

/** The table whose rows join pages (by `person_key`), so units' rows are merged, not appended. */
const MERGED: TableName = 'people';
/** Tables whose rows belong to one page, appended unit after unit. */
const APPENDED = TABLE_NAMES.filter((name) => name !== MERGED);
/** Part with the unit's row count per appended table and its page ids. */
const INDEX_PART = 'tidy.json';
const PEOPLE_PART = 'people.jsonl';

/** What the index part of a unit holds. */
interface UnitIndex {
  rows: Record<string, number>;
  ids: string[];
}

/** The page's id in the tables: its source key (`file`, or `file@offset` for a WARC record). */
export function pageIdOf(record: PageRecord): string {
  return record.offset === undefined ? record.file : `${record.file}@${record.offset}`;
}

/** A page record as a tidy document (the same mapping the tests compare against). */
export function documentOfRecord(record: PageRecord): TidyDocument {
  return documentOfResult(record, {
    id: pageIdOf(record),
    ...(record.url !== undefined ? { url: record.url } : {}),
  });
}

/** The header line of a table's CSV. */
function csvHeader(name: TableName): string {
  return tableToCsv({ schema: TABLE_SCHEMAS[name], rows: [] });
}

/** A table's CSV rows without the header line. */
function csvBody(name: TableName, table: TidyTable): string {
  return tableToCsv(table).slice(csvHeader(name).length);
}

/**
 * Encodes a unit: each appended table's CSV rows, its people as JSON lines, and the index. A page
 * given twice in one unit is tabled once but listed twice in the index, so assembly refuses it by
 * its source key, as it does a page two units hold.
 */
function encodeTidyUnit(records: readonly PageRecord[]): Record<string, string> {
  const firsts = new Map<string, PageRecord>();
  for (const record of records)
    if (!firsts.has(pageIdOf(record))) firsts.set(pageIdOf(record), record);
  const tables = tidyTablesOf([...firsts.values()].map(documentOfRecord));
  const parts: Record<string, string> = {};
  for (const name of APPENDED) parts[`${name}.csv`] = csvBody(name, tables[name]);
  parts[PEOPLE_PART] = tables[MERGED].rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  const index: UnitIndex = {
    rows: Object.fromEntries(APPENDED.map((name) => [name, tables[name].rows.length])),
    ids: records.map(pageIdOf),
  };
  parts[INDEX_PART] = `${JSON.stringify(index)}\n`;
  return parts;
}

/** Reads every unit's index; refuses a page that two units hold (an input given twice). */
async function readIndexes(store: AssemblyStore): Promise<UnitIndex[]> {
  const seen = new Set<string>();
  const indexes: UnitIndex[] = [];
  for (const id of store.unitIds) {
    const index = JSON.parse(await store.readPart(id, INDEX_PART)) as UnitIndex;
    for (const page of index.ids) {
      if (seen.has(page))
        throw new InputError(`${page}: page given twice, tidy tables not written`);
      seen.add(page);
    }
    indexes.push(index);
  }
  return indexes;
}

/** People of every unit, in first-seen order, each counted in the pages of all units. */
async function mergePeople(store: AssemblyStore): Promise<Row[]> {
  const people = new Map<string, Row>();
  for (const id of store.unitIds) {
    const text = await store.readPart(id, PEOPLE_PART);
    for (const line of text.split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line) as Row;
      const key = String(row.person_key);
      const seen = people.get(key);
      if (seen) seen.clips = Number(seen.clips) + Number(row.clips);
      else people.set(key, row);
    }
  }
  return [...people.values()];
}

/** Writes the final tables, `datapackage.json` and `README.md` from the units' parts. */
async function assembleTidy(store: AssemblyStore, now: Date): Promise<void> {
  const indexes = await readIndexes(store);
  const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, 0])) as Record<TableName, number>;
  for (const index of indexes) for (const name of APPENDED) rows[name] += index.rows[name] ?? 0;
  for (const name of APPENDED) {
    await store.writeFile(
      `${name}.csv`,
      (async function* () {
        yield csvHeader(name);
        for (const id of store.unitIds) yield await store.readPart(id, `${name}.csv`);
      })(),
    );
  }
  const people = await mergePeople(store);
  rows[MERGED] = people.length;
  await store.writeFile(`${MERGED}.csv`, [
    tableToCsv({ schema: TABLE_SCHEMAS[MERGED], rows: people }),
  ]);
  for (const [name, text] of Object.entries(tidyMetaFilesOf(rows, now)))
    await store.writeFile(name, [text]);
}

/**
 * The bundle's `created` time, the same for every run over the same inputs: `SOURCE_DATE_EPOCH`
 * (seconds, the reproducible-builds convention) when set, else the newest input's modification
 * time, else now (stdin only).
 */
export function createdTimeOf(newestInputMs: number | undefined, env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0)
      throw new InputError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    return new Date(seconds * 1000);
  }
  return new Date(
    newestInputMs !== undefined ? Math.floor(newestInputMs / 1000) * 1000 : Date.now(),
  );
}

/** The tidy tables of the extension's export, assembled under `--out DIR`. */
export const tidyFormat: OutputFormat = {
  name: 'tidy',
  parts: [...APPENDED.map((name) => `${name}.csv`), PEOPLE_PART, INDEX_PART],
  encodeUnit: encodeTidyUnit,
  assemble: (store) => assembleTidy(store, createdTimeOf(store.newestInputMs)),
};

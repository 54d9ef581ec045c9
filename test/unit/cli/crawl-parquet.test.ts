/**
 * `--output parquet`: the seed pages' tidy tables written as Parquet through DuckDB and read back
 * with DuckDB; and the message a user without DuckDB gets.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadDuckDb } from '../../../src/cli/crawl/parquet-output';
import { TABLE_NAMES } from '../../../src/core/export/tidy-schemas';
import { runCliInProcess } from './run-in-process';

const SEEDS = [0, 1, 2, 3, 4].map((n) => `test/fixtures/pages/seed-00${n}.html`);

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-crawl-parquet-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Data rows of a CSV table (quoted cells may hold line breaks, so parse, don't count lines). */
async function csvRowCount(path: string): Promise<number> {
  const parsed = Papa.parse(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.length;
}

describe('annotate --output parquet', () => {
  it('writes every tidy table as Parquet that DuckDB reads back row for row', async () => {
    const out = join(dir, 'out');
    const run = await runCliInProcess(['--output', 'parquet', '--out', out, ...SEEDS], 2);
    expect(run.stderr).toMatch(/5 pages read, 5 annotated, 0 skipped, 0 errors/);
    expect(run.code).toBe(0);

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      let total = 0;
      for (const table of TABLE_NAMES) {
        const parquet = join(out, `${table}.parquet`);
        const reader = await connection.runAndReadAll(`SELECT count(*) FROM '${parquet}'`);
        const rows = Number(reader.getRowsJS()[0]![0]);
        expect(rows, table).toBe(await csvRowCount(join(out, `${table}.csv`)));
        total += rows;
      }
      expect(total).toBeGreaterThan(100);
      const clips = await connection.runAndReadAll(
        `SELECT clip_id, typeof(gov_score), typeof(published_date) FROM '${join(out, 'clips.parquet')}' ORDER BY clip_id`,
      );
      expect(clips.getRowsJS()).toEqual(SEEDS.map((seed) => [seed, 'DOUBLE', 'DATE']));
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }, 60_000);

  it('tells how to install DuckDB when it is missing', async () => {
    await expect(loadDuckDb('@duckdb/not-installed-here')).rejects.toThrow(
      /--output parquet needs DuckDB, which is not installed .*npm install @duckdb\/node-api/,
    );
  });
});

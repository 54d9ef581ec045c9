/**
 * `--output tidy`: a small crawl written as the extension's tidy tables under `--out`, checked
 * against `tidyBundleOf` of the same pages, by pandas, across `--jobs` and after a resume.
 */
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidyBundleOf } from '../../../src/core/export/tidy-bundle';
import { createdTimeOf, documentOfRecord } from '../../../src/cli/crawl/tidy-output';
import type { PageRecord } from '../../../src/cli/crawl/work-unit';
import { runCliInProcess } from './run-in-process';
import { checkTidyBundle } from '../../support/tidy-check';
import { newsPage, newsRecords, writeWarc } from './warc-fixtures';

/** Runs start worker threads and the engine: allow more than vitest's default. */
const SLOW = 60_000;

let dir: string;
let inputs: string[];
/** Modification time of the newest input (seconds), which stamps `datapackage.json`. */
const INPUT_TIME = Date.UTC(2024, 4, 1, 8, 30) / 1000;

/** Runs the CLI in-process with the real engine. */
const runCli = (args: string[], jobs = 1) => runCliInProcess(args, jobs);

/** The CSV files of an output folder, by name. */
async function csvFiles(outDir: string): Promise<Record<string, string>> {
  const names = (await readdir(outDir)).filter((n) => n.endsWith('.csv')).sort();
  const files: Record<string, string> = {};
  for (const name of names) files[name] = await readFile(join(outDir, name), 'utf8');
  return files;
}

/** A run's tidy output, every file as written (`created` comes from the inputs, not the clock). */
async function tidyOutput(outDir: string): Promise<Record<string, string>> {
  const files = await csvFiles(outDir);
  for (const name of ['datapackage.json', 'README.md'])
    files[name] = await readFile(join(outDir, name), 'utf8');
  return files;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-crawl-tidy-'));
  const warc = join(dir, 'crawl.warc.gz');
  await writeWarc(warc, [
    ...newsRecords(14),
    { url: 'http://www.example.gov.cn/logo.png', body: 'PNG', contentType: 'image/png' },
    ...newsRecords(7, 'www.other.gov.cn'),
  ]);
  const page = join(dir, 'page-99.html');
  await writeFile(page, newsPage(99));
  inputs = [warc, page];
  await utimes(warc, INPUT_TIME, INPUT_TIME);
  await utimes(page, INPUT_TIME - 3600, INPUT_TIME - 3600);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('annotate --output tidy', () => {
  it(
    'writes the tables tidyBundleOf makes of the same pages, and pandas loads them',
    async () => {
      const outDir = join(dir, 'out-match');
      const run = await runCli(['--output', 'tidy', '--out', outDir, '--batch', '4', ...inputs]);
      expect(run.stderr).toMatch(/22 pages read, 22 annotated, 0 skipped, 0 errors/);
      expect(run.code).toBe(0);

      const jsonl = await runCli(['--batch', '4', ...inputs]);
      const records = jsonl.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as PageRecord);
      const bundle = tidyBundleOf(records.map(documentOfRecord));
      const written = await csvFiles(outDir);
      const expected = Object.fromEntries(
        Object.entries(bundle.files).filter(([name]) => name.endsWith('.csv')),
      );
      expect(Object.keys(written)).toEqual(Object.keys(expected).sort());
      for (const [name, text] of Object.entries(expected)) expect(written[name], name).toBe(text);
      // People are keyed across pages: one row each, counted in every unit's pages.
      expect(written['people.csv']).toMatch(/\r\n\?\/周振华\/县委书记,周振华,,22,,,\r\n/);

      const pkg = JSON.parse(await readFile(join(outDir, 'datapackage.json'), 'utf8'));
      const expectedPkg = JSON.parse(bundle.files['datapackage.json']!);
      expect({ ...pkg, created: '' }).toEqual({ ...expectedPkg, created: '' });
      expect(pkg.created).toBe('2024-05-01T08:30:00.000Z');
      expect(await readFile(join(outDir, 'README.md'), 'utf8')).toMatch(/clips\.csv` \(22 rows/);

      const check = checkTidyBundle(outDir);
      expect(check.failures).toEqual([]);
      expect(check.rows.clips).toBe(22);
      expect(check.rows.meetings).toBe(22);
      expect(check.rows.people).toBeGreaterThan(2);
      expect(check.joins).toBeGreaterThan(100);
    },
    SLOW,
  );

  it(
    'gives byte-identical tables for --jobs 1 and --jobs 2, and after a resume',
    async () => {
      const one = join(dir, 'out-1');
      const two = join(dir, 'out-2');
      expect(
        (await runCli(['--output', 'tidy', '--out', one, '--batch', '3', ...inputs])).code,
      ).toBe(0);
      const args = ['--output', 'tidy', '--out', two, '--jobs', '2', '--batch', '3', ...inputs];
      expect((await runCli(args, 2)).code).toBe(0);
      const first = await tidyOutput(one);
      expect(await tidyOutput(two)).toEqual(first);

      // A run killed half-way: some units unfinished, no final tables yet.
      const parts = await readdir(join(two, 'parts'));
      const markers = parts.filter((n) => n.endsWith('.done')).sort();
      for (const marker of markers.slice(0, 3)) await rm(join(two, 'parts', marker));
      for (const name of Object.keys(first)) await rm(join(two, name), { force: true });
      const resumed = await runCli([...args, '--resume'], 2);
      expect(resumed.stderr).toMatch(/units done earlier/);
      expect(await tidyOutput(two)).toEqual(first);
    },
    SLOW,
  );

  it(
    'refuses tidy on stdout with a usage error',
    async () => {
      const run = await runCli(['--output', 'tidy', ...inputs]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--output tidy writes several files: give --out DIR/);
      expect(run.stdout).toBe('');
    },
    SLOW,
  );

  it(
    'refuses a page given twice instead of writing tables that repeat a key',
    async () => {
      const outDir = join(dir, 'out-twice');
      const run = await runCli([
        '--output',
        'tidy',
        '--out',
        outDir,
        '--batch',
        '1',
        inputs[1]!,
        inputs[1]!,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/page-99\.html: page given twice, tidy tables not written/);
      expect(await readdir(outDir)).toEqual(['parts']);
    },
    SLOW,
  );

  it(
    'refuses a page given twice within one unit by its source key, without a crash',
    async () => {
      const outDir = join(dir, 'out-twice-in-unit');
      const run = await runCli(['--output', 'tidy', '--out', outDir, inputs[1]!, inputs[1]!]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `annotate: ${inputs[1]}: page given twice, tidy tables not written`,
      );
      expect(run.stderr).toMatch(/2 pages read, 2 annotated, 0 skipped, 0 errors/);
      expect(await readdir(outDir)).toEqual(['parts']);
    },
    SLOW,
  );

  it(
    'stamps datapackage.json with SOURCE_DATE_EPOCH when it is set',
    async () => {
      const outDir = join(dir, 'out-epoch');
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      try {
        expect((await runCli(['--output', 'tidy', '--out', outDir, ...inputs])).code).toBe(0);
      } finally {
        delete process.env.SOURCE_DATE_EPOCH;
      }
      const pkg = JSON.parse(await readFile(join(outDir, 'datapackage.json'), 'utf8'));
      expect(pkg.created).toBe('2023-11-14T22:13:20.000Z');
      expect(() => createdTimeOf(undefined, { SOURCE_DATE_EPOCH: 'soon' })).toThrow(
        /SOURCE_DATE_EPOCH must be whole seconds/,
      );
    },
    SLOW,
  );

  it(
    'leaves assembly to a run without --shard',
    async () => {
      const outDir = join(dir, 'out-shard');
      for (const k of [1, 2]) {
        const run = await runCli([
          '--output',
          'tidy',
          '--out',
          outDir,
          '--resume',
          '--shard',
          `${k}/2`,
          ...inputs,
        ]);
        expect(run.stderr).toMatch(/assembled by a run without --shard/);
      }
      expect(await readdir(outDir)).toEqual(['parts']);
      const final = await runCli(['--output', 'tidy', '--out', outDir, '--resume', ...inputs]);
      expect(final.code).toBe(0);
      const check = checkTidyBundle(outDir);
      expect(check.failures).toEqual([]);
      expect(check.rows.clips).toBe(22);
      // The union of the shards is one unsharded run, every file byte for byte.
      const whole = join(dir, 'out-unsharded');
      expect((await runCli(['--output', 'tidy', '--out', whole, ...inputs])).code).toBe(0);
      expect(await tidyOutput(outDir)).toEqual(await tidyOutput(whole));
    },
    SLOW,
  );
});

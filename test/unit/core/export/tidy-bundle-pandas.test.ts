/**
 * The tidy bundle as a researcher loads it: written to a folder and zipped, then read by pandas
 * (test/support/tidy-check.py), which checks row counts, keys and that every foreign key joins.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tidyBundleOf, zipTidyBundle } from '../../../../src/core/export/tidy-bundle';
import { tidyTablesOf } from '../../../../src/core/export/tidy-tables';
import { checkTidyBundle } from '../../../support/tidy-check';
import { seedClipDocuments, seedPageDocuments } from './seed-documents';

const dir = mkdtempSync(join(tmpdir(), 'zwl-tidy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = new Date('2026-11-22T08:00:00Z');

// Python loads pandas in a few seconds; on a busy machine more than the default 5 s.
describe('tidy bundle loaded by pandas', { timeout: 60_000 }, () => {
  it.each([
    ['clips', seedClipDocuments],
    ['CLI pages', seedPageDocuments],
  ] as const)(
    '%s: every table loads with its row count and every foreign key joins',
    (label, make) => {
      const docs = make();
      const bundle = tidyBundleOf(docs, now);
      const folder = join(dir, label.replace(/\W/g, '-'));
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const [name, text] of Object.entries(bundle.files))
        writeFileSync(join(folder, name), text);
      const zipPath = `${folder}.zip`;
      writeFileSync(zipPath, zipTidyBundle(bundle, now));
      const tables = tidyTablesOf(docs);
      for (const source of [folder, zipPath]) {
        const check = checkTidyBundle(source);
        expect(check.failures).toEqual([]);
        expect(check.rows).toEqual(
          Object.fromEntries(Object.entries(tables).map(([n, t]) => [n, t.rows.length])),
        );
        expect(check.rows.meeting_people).toBeGreaterThan(10);
        expect(check.joins).toBeGreaterThan(100);
      }
      expect(Object.keys(bundle.files).sort()).toEqual(
        [...Object.keys(tables).map((n) => `${n}.csv`), 'README.md', 'datapackage.json'].sort(),
      );
    },
  );

  it('reports a foreign key that does not join (the check can fail)', () => {
    const bundle = tidyBundleOf(seedClipDocuments(), now);
    const folder = join(dir, 'broken');
    mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(bundle.files))
      writeFileSync(join(folder, name), text);
    // Drop the last person: their mentions and meeting rows no longer join.
    const people = bundle.files['people.csv']!.trimEnd().split('\r\n');
    writeFileSync(join(folder, 'people.csv'), `${people.slice(0, -1).join('\r\n')}\r\n`);
    const check = checkTidyBundle(folder);
    expect(check.failures.join('\n')).toMatch(/people: \d+ rows, descriptor says/);
    expect(check.failures.join('\n')).toMatch(/-> people: \d+ of \d+ do not join/);
  });
});

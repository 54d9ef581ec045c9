/**
 * `npm run eval`: scores the engine on the shared seed corpus (`../shared/corpus`, or `CORPUS_DIR`)
 * and on the hand-written pages in `test/fixtures/text`, printing a table per set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../src/core/index';
import { evaluateCases, formatReport, loadGoldCases } from '../test/support/gold-score';
import { corpusDir } from '../test/support/corpus-dir';
import { readSplit, REAL_DIR } from '../test/support/corpus-split';
import {
  evaluateRecords,
  formatRecordsReport,
  loadGoldRecords,
  recordCasesOf,
} from '../test/support/records-score';

/** `--test-errors` lists the test split's errors (for the final report; never tune on them). */
const SHOW_TEST_ERRORS = process.argv.includes('--test-errors');
/**
 * `--batch hi` keeps only the real pages whose ids start with one of these letters (the pages one
 * collection round added), to compare a round's pages with the rest; `--batch aa,ab` takes
 * comma-separated id prefixes instead (rounds after the alphabet ran out).
 */
const BATCH = ((): string[] | undefined => {
  const i = process.argv.indexOf('--batch');
  if (i < 0) return undefined;
  const arg = process.argv[i + 1] ?? '';
  return arg.includes(',') ? arg.split(',').filter(Boolean) : [...arg];
})();
/** A page is in a round when its id is one of the round's prefixes and then digits (a001, not aa001). */
const inBatch = (id: string): boolean =>
  BATCH === undefined ||
  BATCH.some((prefix) => id.startsWith(prefix) && /^\d/.test(id.slice(prefix.length)));

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs both evaluations and prints their tables; exit code 1 when a set cannot be loaded. */
async function runEval(): Promise<number> {
  const sets: Array<{
    label: string;
    textDir: string;
    goldDir: string;
    pageNameOf?: (gold: string) => string;
    only?: readonly string[];
    errors?: boolean;
    /** Print 95% page-bootstrap intervals (the real splits: samples of the web's pages). */
    intervals?: boolean;
    /** Gold meeting records of this set's pages (`<name>.json`), when it has them. */
    recordsDir?: string;
  }> = [];
  const corpus = corpusDir();
  if (existsSync(join(corpus, 'gold')))
    sets.push({
      label: `seeds (${corpus})`,
      textDir: join(corpus, 'seeds'),
      goldDir: join(corpus, 'gold'),
      recordsDir: join(repoRoot, 'test/fixtures/corpus/records'),
    });
  else process.stderr.write(`eval: no corpus at ${corpus} (set CORPUS_DIR)\n`);
  // The seeds rebuilt as HTML pages (test/fixtures/pages/seed-NNN.html): same gold, read the
  // way the CLI and the content script read pages (DOM text, ruby glosses, meta tags).
  const htmlPages = join(repoRoot, 'test/fixtures/pages');
  if (existsSync(join(corpus, 'gold')) && existsSync(join(htmlPages, 'seed-000.html')))
    sets.push({
      label: 'seeds as HTML (test/fixtures/pages)',
      textDir: htmlPages,
      goldDir: join(corpus, 'gold'),
      pageNameOf: (gold) => `seed-${gold.slice(0, 3)}`,
    });
  const fixtures = join(repoRoot, 'test/fixtures/text');
  sets.push({
    label: 'fixtures (test/fixtures/text)',
    textDir: fixtures,
    goldDir: join(fixtures, 'gold'),
  });

  const split = readSplit();
  if (split) {
    const real = {
      textDir: join(REAL_DIR, 'pages'),
      goldDir: join(REAL_DIR, 'gold'),
      recordsDir: join(REAL_DIR, 'records'),
    };
    const batch = BATCH === undefined ? '' : ` (ids ${BATCH.join('/')}…)`;
    sets.push({
      label: `real pages, dev split${batch}`,
      ...real,
      only: split.dev.filter(inBatch),
      intervals: true,
    });
    sets.push({
      label: `real pages, TEST split (frozen)${batch}`,
      ...real,
      intervals: true,
      only: split.test.filter(inBatch),
      errors: SHOW_TEST_ERRORS,
    });
  }

  for (const set of sets) {
    const all = await loadGoldCases(set.textDir, set.goldDir, set.pageNameOf);
    const only = set.only ? new Set(set.only) : undefined;
    const cases = only ? all.filter((c) => only.has(c.name)) : all;
    const started = performance.now();
    const scores = evaluateCases(cases, annotate);
    const ms = performance.now() - started;
    process.stdout.write(
      `${formatReport(set.label, scores, { errors: set.errors ?? true, intervals: set.intervals ?? false })}\n(engine time ${ms.toFixed(0)} ms)\n\n`,
    );
    if (!set.recordsDir) continue;
    const records = await loadGoldRecords(set.recordsDir, only);
    const recordScore = evaluateRecords(recordCasesOf(cases, records), annotate);
    process.stdout.write(
      `${formatRecordsReport(set.label, recordScore, { errors: set.errors ?? true })}\n\n`,
    );
  }
  return existsSync(join(corpus, 'gold')) ? 0 : 1;
}

process.exitCode = await runEval();

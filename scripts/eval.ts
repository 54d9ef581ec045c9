/**
 * `npm run eval`: scores the engine on the shared seed corpus (`../shared/corpus`, or `CORPUS_DIR`)
 * and on the hand-written pages in `test/fixtures/text`, printing a table per set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../src/core/index';
import { evaluateCases, formatReport, loadGoldCases } from './lib/gold-score';
import { corpusDir } from './lib/corpus-dir';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs both evaluations and prints their tables; exit code 1 when a set cannot be loaded. */
async function runEval(): Promise<number> {
  const sets: Array<{
    label: string;
    textDir: string;
    goldDir: string;
    pageNameOf?: (gold: string) => string;
  }> = [];
  const corpus = corpusDir();
  if (existsSync(join(corpus, 'gold')))
    sets.push({
      label: `seeds (${corpus})`,
      textDir: join(corpus, 'seeds'),
      goldDir: join(corpus, 'gold'),
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

  for (const set of sets) {
    const cases = await loadGoldCases(set.textDir, set.goldDir, set.pageNameOf);
    const started = performance.now();
    const scores = evaluateCases(cases, annotate);
    const ms = performance.now() - started;
    process.stdout.write(
      `${formatReport(set.label, scores)}\n(engine time ${ms.toFixed(0)} ms)\n\n`,
    );
  }
  return existsSync(join(corpus, 'gold')) ? 0 : 1;
}

process.exitCode = await runEval();

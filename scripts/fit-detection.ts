/**
 * `npm run fit:detection`: fits the page-detection weights (a logistic regression over the
 * features of `src/core/page-detection.ts`) on every page that is not in the frozen test split:
 * the dev split of the real-page corpus, the seeds (as text and as HTML pages) and the hand-written
 * fixtures. Writes `src/core/lexicons/detection-weights.json`; the threshold is the one with the
 * lowest training cost, a negative page above it costing {@link NEGATIVE_COST} missed reports
 * (a page annotated by itself intrudes; a missed report is one click away), placed halfway
 * between the two scores around it. A single negative that reads exactly like a report (a
 * novel's meeting scene) no longer pushes the threshold to 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix } from 'ml-matrix';
import LogisticRegression from 'ml-logistic-regression';
import { pageFeatures } from '../src/core/index';
import { loadGoldCases, type GoldCase } from '../test/support/gold-score';
import { corpusDir } from '../test/support/corpus-dir';
import { REPO_ROOT } from '../test/support/paths';
import { readSplit, REAL_DIR } from '../test/support/corpus-split';

/** Gradient steps and learning rate: few enough steps that weights stay moderate (no L2 in the library). */
const STEPS = 4000;
const LEARNING_RATE = 0.004;
/** What one training negative above the threshold costs, in missed reports. */
const NEGATIVE_COST = 3;

/** Every page training may see (never the test split). */
async function trainingCases(): Promise<GoldCase[]> {
  const split = readSplit();
  if (!split) throw new Error('no test/fixtures/real/split.json: run npm run corpus:split first');
  const dev = new Set(split.dev);
  const real = (await loadGoldCases(join(REAL_DIR, 'pages'), join(REAL_DIR, 'gold'))).filter((c) =>
    dev.has(c.name),
  );
  const corpus = corpusDir();
  const seeds = await loadGoldCases(join(corpus, 'seeds'), join(corpus, 'gold'));
  const seedPages = await loadGoldCases(
    join(REPO_ROOT, 'test/fixtures/pages'),
    join(corpus, 'gold'),
    (gold) => `seed-${gold.slice(0, 3)}`,
  );
  const fixtures = join(REPO_ROOT, 'test/fixtures/text');
  const handWritten = await loadGoldCases(fixtures, join(fixtures, 'gold'));
  // Each real page also once with the address it came from, as the extension sees it: the
  // model learns what a URL adds without needing one (a bare brief has none).
  const withUrl = real.flatMap((c) => {
    const url = c.gold.source?.url;
    return typeof url === 'string' ? [{ ...c, input: { ...c.input, url } }] : [];
  });
  return [...real, ...withUrl, ...seeds, ...seedPages, ...handWritten];
}

const cases = await trainingCases();
const rows = cases.map((c) => new Map(pageFeatures(c.input).map((f) => [f.name, f.value])));
const names = [...new Set(rows.flatMap((r) => [...r.keys()]))].sort();
// Column 0 is the intercept.
const X = new Matrix(rows.map((r) => [1, ...names.map((n) => r.get(n) ?? 0)]));
// Class 0 is government news: the library's first one-vs-all classifier then gives P(other).
const Y = Matrix.columnVector(cases.map((c) => (c.gold.isGovNews ? 0 : 1)));
const model = new LogisticRegression({ numSteps: STEPS, learningRate: LEARNING_RATE });
model.train(X, Y);
const w = (model.toJSON().classifiers[0] as { weights: Matrix }).weights.to1DArray().map((x) => -x);
const round = (x: number): number => Math.round(x * 1000) / 1000;
const logit = (r: Map<string, number>): number =>
  (w[0] ?? 0) + names.reduce((a, n, i) => a + (w[i + 1] ?? 0) * (r.get(n) ?? 0), 0);
const scores = rows.map((r) => Math.round((1 / (1 + Math.exp(-logit(r)))) * 100) / 100);
const negatives = scores.filter((_, i) => !cases[i]?.gold.isGovNews);
const positives = scores.filter((_, i) => cases[i]?.gold.isGovNews);
const highestNegative = Math.max(0, ...negatives);
/** Training cost of a threshold: negatives at or above it, weighted, plus positives below it. */
const costOf = (t: number): number =>
  NEGATIVE_COST * negatives.filter((s) => s >= t).length + positives.filter((s) => s < t).length;
// Candidates: halfway between neighbouring distinct scores, never below 0.5.
const distinct = [...new Set(scores)].sort((a, b) => a - b);
const candidates = distinct
  .map((s, i) => Math.round(((s + (distinct[i + 1] ?? 1)) / 2) * 100) / 100)
  .filter((t) => t >= 0.5);
const threshold = candidates.reduce(
  (best, t) => (costOf(t) < costOf(best) ? t : best),
  candidates[0] ?? 0.5,
);
const weights = {
  about:
    'Fitted by npm run fit:detection (scripts/fit-detection.ts) on the dev split, the seeds and the hand-written fixtures; do not edit by hand.',
  trainedOn: { pages: cases.length, negatives: negatives.length },
  intercept: round(w[0] ?? 0),
  threshold,
  weights: Object.fromEntries(names.map((n, i) => [n, round(w[i + 1] ?? 0)])),
};
writeFileSync(
  join(REPO_ROOT, 'src/core/lexicons/detection-weights.json'),
  `${JSON.stringify(weights, null, 2)}\n`,
);
const correct = scores.filter((s, i) => s >= threshold === cases[i]?.gold.isGovNews).length;
process.stdout.write(
  `fitted on ${cases.length} pages (${negatives.length} negatives): threshold ${threshold}, ` +
    `training accuracy ${correct}/${cases.length}; highest negative ${highestNegative}, ` +
    `negatives at or above the threshold ${negatives.filter((s) => s >= threshold).length}, ` +
    `positives below it ${positives.filter((s) => s < threshold).length}\n`,
);

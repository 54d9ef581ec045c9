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
/** Prefix of the features that are signs of another genre. */
const OTHER_GENRE = 'genre.';
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
// Class 0 is government news: the library's first one-vs-all classifier then gives P(other).
const Y = Matrix.columnVector(cases.map((c) => (c.gold.isGovNews ? 0 : 1)));

/** Weights (intercept first) of a fit on the features not in `dropped`, which get 0. */
function fitWeights(dropped: ReadonlySet<string>): number[] {
  // Column 0 is the intercept; dropped features are columns of zeros.
  const X = new Matrix(
    rows.map((r) => [1, ...names.map((n) => (dropped.has(n) ? 0 : (r.get(n) ?? 0)))]),
  );
  const model = new LogisticRegression({ numSteps: STEPS, learningRate: LEARNING_RATE });
  model.train(X, Y);
  return (model.toJSON().classifiers[0] as { weights: Matrix }).weights.to1DArray().map((x) => -x);
}

// Signs of another genre (recipe, shop, company …) may only count against government news: a
// genre feature that a fit weighs in favour (a few reports that mention 食材 or 学校, few
// negatives of that genre in training) is dropped and the rest refitted, until none is.
const dropped = new Set<string>();
let w = fitWeights(dropped);
for (;;) {
  const wrong = names.filter((n, i) => n.startsWith(OTHER_GENRE) && (w[i + 1] ?? 0) > 0);
  if (wrong.length === 0) break;
  for (const n of wrong) dropped.add(n);
  w = fitWeights(dropped);
}
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
    `positives below it ${positives.filter((s) => s < threshold).length}; ` +
    `genre features dropped for a favourable weight: ${[...dropped].join(', ') || 'none'}\n`,
);

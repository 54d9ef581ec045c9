/**
 * The fit of the page-detection weights, shared by `npm run fit:detection` (fits on everything
 * but the test split and writes the weights) and `npm run cv:detection` (fits on four fifths of
 * the dev pages and scores the fifth): a logistic regression over the features of
 * `src/core/page-detection.ts`, and the threshold with the lowest cost.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Matrix } from 'ml-matrix';
import LogisticRegression from 'ml-logistic-regression';
import { pageFeatures } from '../../src/core/index';
import { loadGoldCases, type GoldCase } from '../../test/support/gold-score';
import { corpusDir } from '../../test/support/corpus-dir';
import { REPO_ROOT } from '../../test/support/paths';
import { readSplit, REAL_DIR } from '../../test/support/corpus-split';

/** Gradient steps and learning rate: few enough steps that weights stay moderate (no L2 in the library). */
const STEPS = 4000;
const LEARNING_RATE = 0.004;
/** Prefix of the features that are signs of another genre. */
const OTHER_GENRE = 'genre.';
/** What one training negative above the threshold costs, in missed reports. */
export const NEGATIVE_COST = 3;

/** One training page: its features and its gold class, and whether it is a dev page (and which). */
export interface TrainingRow {
  /** The dev page's name, for real pages (with or without their address). */
  realName?: string;
  /** True for the copy of a real page given its address. */
  withUrl: boolean;
  isGovNews: boolean;
  features: Map<string, number>;
}

/**
 * Every page training may see (never the test split): the dev split of the real-page corpus,
 * each real page also once with the address it came from (as the extension sees it: the model
 * learns what a URL adds without needing one), the seeds as text and as HTML pages, and the
 * hand-written fixtures.
 */
export async function loadTrainingRows(): Promise<TrainingRow[]> {
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
  const rowOf = (c: GoldCase, realName: string | undefined, withUrl: boolean): TrainingRow => ({
    ...(realName !== undefined ? { realName } : {}),
    withUrl,
    isGovNews: c.gold.isGovNews === true,
    features: new Map(pageFeatures(c.input).map((f) => [f.name, f.value])),
  });
  const rows: TrainingRow[] = [];
  for (const c of real) {
    rows.push(rowOf(c, c.name, false));
    const url = c.gold.source?.url;
    if (typeof url === 'string')
      rows.push(rowOf({ ...c, input: { ...c.input, url } }, c.name, true));
  }
  for (const c of [...seeds, ...seedPages, ...handWritten]) rows.push(rowOf(c, undefined, false));
  return rows;
}

/** A fitted model: weights by feature name, intercept, and the genre features it had to drop. */
export interface DetectionModel {
  intercept: number;
  weights: Map<string, number>;
  dropped: string[];
}

/** Weights (intercept first) of a fit on the features not in `dropped`, which get 0. */
function fitWeights(rows: readonly TrainingRow[], names: readonly string[], dropped: Set<string>) {
  // Column 0 is the intercept; dropped features are columns of zeros.
  const X = new Matrix(
    rows.map((r) => [1, ...names.map((n) => (dropped.has(n) ? 0 : (r.features.get(n) ?? 0)))]),
  );
  // Class 0 is government news: the library's first one-vs-all classifier then gives P(other).
  const Y = Matrix.columnVector(rows.map((r) => (r.isGovNews ? 0 : 1)));
  const model = new LogisticRegression({ numSteps: STEPS, learningRate: LEARNING_RATE });
  model.train(X, Y);
  return (model.toJSON().classifiers[0] as { weights: Matrix }).weights.to1DArray().map((x) => -x);
}

/**
 * Fits the model on `rows`. Signs of another genre (recipe, shop, company …) may only count
 * against government news: a genre feature that a fit weighs in favour (a few reports that
 * mention 食材 or 学校, few negatives of that genre in training) is dropped and the rest
 * refitted, until none is.
 */
export function fitModel(rows: readonly TrainingRow[]): DetectionModel {
  const names = [...new Set(rows.flatMap((r) => [...r.features.keys()]))].sort();
  const dropped = new Set<string>();
  let w = fitWeights(rows, names, dropped);
  for (;;) {
    const wrong = names.filter((n, i) => n.startsWith(OTHER_GENRE) && (w[i + 1] ?? 0) > 0);
    if (wrong.length === 0) break;
    for (const n of wrong) dropped.add(n);
    w = fitWeights(rows, names, dropped);
  }
  return {
    intercept: w[0] ?? 0,
    weights: new Map(names.map((n, i) => [n, w[i + 1] ?? 0])),
    dropped: [...dropped],
  };
}

/** The model's score of a row, rounded to hundredths as the engine shows it. */
export function scoreRow(model: DetectionModel, row: TrainingRow): number {
  let logit = model.intercept;
  for (const [name, weight] of model.weights) logit += weight * (row.features.get(name) ?? 0);
  return Math.round((1 / (1 + Math.exp(-logit))) * 100) / 100;
}

/**
 * The threshold with the lowest cost on `scores` (a negative at or above it costs
 * `negativeCost` missed reports), placed halfway between the two scores around it and never
 * below 0.5. A single negative that reads exactly like a report (a novel's meeting scene) no
 * longer pushes the threshold to 1.
 */
export function chooseThreshold(
  scores: readonly number[],
  isGovNews: readonly boolean[],
  negativeCost = NEGATIVE_COST,
): number {
  const negatives = scores.filter((_, i) => !isGovNews[i]);
  const positives = scores.filter((_, i) => isGovNews[i]);
  const costOf = (t: number): number =>
    negativeCost * negatives.filter((s) => s >= t).length + positives.filter((s) => s < t).length;
  const distinct = [...new Set(scores)].sort((a, b) => a - b);
  const candidates = distinct
    .map((s, i) => Math.round(((s + (distinct[i + 1] ?? 1)) / 2) * 100) / 100)
    .filter((t) => t >= 0.5);
  return candidates.reduce(
    (best, t) => (costOf(t) < costOf(best) ? t : best),
    candidates[0] ?? 0.5,
  );
}

/** Folds of the dev pages for held-out scores. */
export const FOLDS = 5;

/**
 * The fold of a dev page by a stable hash of its name (a page and its copy with its address stay
 * together), or -1 for pages every fold trains on (seeds, fixtures).
 */
export function foldOf(row: TrainingRow): number {
  if (row.realName === undefined) return -1;
  return createHash('sha256').update(row.realName).digest().readUInt32BE(0) % FOLDS;
}

/**
 * Scores of the dev pages (without their address, as a bare brief) from models that did not see
 * them, one per fold: what a threshold meets on pages it never saw.
 */
export function outOfFoldScores(
  rows: readonly TrainingRow[],
): Array<{ row: TrainingRow; score: number }> {
  const out: Array<{ row: TrainingRow; score: number }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = fitModel(rows.filter((r) => foldOf(r) !== fold));
    for (const row of rows.filter((r) => foldOf(r) === fold && !r.withUrl))
      out.push({ row, score: scoreRow(model, row) });
  }
  return out;
}

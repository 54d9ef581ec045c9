/**
 * `npm run fit:detection`: fits the page-detection weights (a logistic regression over the
 * features of `src/core/page-detection.ts`) on every page that is not in the frozen test split:
 * the dev split of the real-page corpus, the seeds (as text and as HTML pages) and the hand-written
 * fixtures. Writes `src/core/lexicons/detection-weights.json`; the threshold is the one with the
 * lowest cost on held-out scores of the dev pages (five folds, see `outOfFoldScores`), a negative
 * page above it costing {@link NEGATIVE_COST} missed reports
 * (a page annotated by itself intrudes; a missed report is one click away). The fit itself lives
 * in `scripts/lib/detection-fit.ts`, shared with `npm run cv:detection`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/support/paths';
import {
  chooseThreshold,
  fitModel,
  loadTrainingRows,
  NEGATIVE_COST,
  outOfFoldScores,
  scoreRow,
} from './lib/detection-fit';

const rows = await loadTrainingRows();
const model = fitModel(rows);
const scores = rows.map((r) => scoreRow(model, r));
const isGov = rows.map((r) => r.isGovNews);
// The threshold comes from scores of pages each fold's model never saw: in-sample scores put the
// negatives the fit has learnt too low, and a threshold chosen on them annotates more unseen ones.
const heldOut = outOfFoldScores(rows);
const threshold = chooseThreshold(
  heldOut.map((s) => s.score),
  heldOut.map((s) => s.row.isGovNews),
);
const negatives = scores.filter((_, i) => !isGov[i]);
const positives = scores.filter((_, i) => isGov[i]);
const round = (x: number): number => Math.round(x * 1000) / 1000;
const weights = {
  about:
    'Fitted by npm run fit:detection (scripts/fit-detection.ts) on the dev split, the seeds and the hand-written fixtures; do not edit by hand.',
  trainedOn: { pages: rows.length, negatives: negatives.length },
  intercept: round(model.intercept),
  threshold,
  weights: Object.fromEntries([...model.weights].map(([n, w]) => [n, round(w)])),
};
writeFileSync(
  join(REPO_ROOT, 'src/core/lexicons/detection-weights.json'),
  `${JSON.stringify(weights, null, 2)}\n`,
);
const correct = scores.filter((s, i) => s >= threshold === isGov[i]).length;
const heldMissed = heldOut.filter((s) => s.row.isGovNews && s.score < threshold).length;
const heldAnnotated = heldOut.filter((s) => !s.row.isGovNews && s.score >= threshold).length;
process.stdout.write(
  `fitted on ${rows.length} pages (${negatives.length} negatives): threshold ${threshold}, ` +
    `training accuracy ${correct}/${rows.length}; highest negative ${Math.max(0, ...negatives)}, ` +
    `negatives at or above the threshold ${negatives.filter((s) => s >= threshold).length}, ` +
    `positives below it ${positives.filter((s) => s < threshold).length} ` +
    `(a negative costs ${NEGATIVE_COST}); ` +
    `genre features dropped for a favourable weight: ${model.dropped.join(', ') || 'none'}; ` +
    `held out: reports missed ${heldMissed}, negatives annotated ${heldAnnotated}, ` +
    `cost ${heldMissed + NEGATIVE_COST * heldAnnotated}\n`,
);

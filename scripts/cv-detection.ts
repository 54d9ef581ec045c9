/**
 * `npm run cv:detection`: how well the detection fit does on dev pages it did not see. The dev
 * pages are cut into five folds by a stable hash of their names (a page and its copy with its
 * address stay together); for each fold the model and its threshold are fitted as
 * `npm run fit:detection` fits them, on everything else, and the fold's pages (without their
 * address, as a bare brief) are scored. Prints the held-out misses, the negatives annotated and
 * their cost (a negative costs {@link NEGATIVE_COST} misses), to judge a new feature by more than
 * the in-sample figure. `-- --drop a,b` leaves features out; `-- --errors` lists the pages.
 * Never touches the test split.
 */
import { createHash } from 'node:crypto';
import {
  chooseThreshold,
  fitModel,
  loadTrainingRows,
  NEGATIVE_COST,
  scoreRow,
  type TrainingRow,
} from './lib/detection-fit';

const FOLDS = 5;

/** Value of `--name x` on the command line, if given. */
function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The fold of a dev page, or -1 for pages every fold trains on (seeds, fixtures). */
function foldOf(row: TrainingRow): number {
  if (row.realName === undefined) return -1;
  return createHash('sha256').update(row.realName).digest().readUInt32BE(0) % FOLDS;
}

const drop = new Set((argument('--drop') ?? '').split(',').filter(Boolean));
const rows = (await loadTrainingRows()).map((r) =>
  drop.size === 0 ? r : { ...r, features: new Map([...r.features].filter(([n]) => !drop.has(n))) },
);
let missed = 0;
let annotated = 0;
const errors: string[] = [];
const thresholds: number[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const training = rows.filter((r) => foldOf(r) !== fold);
  const model = fitModel(training);
  const threshold = chooseThreshold(
    training.map((r) => scoreRow(model, r)),
    training.map((r) => r.isGovNews),
  );
  thresholds.push(threshold);
  for (const row of rows.filter((r) => foldOf(r) === fold && !r.withUrl)) {
    const score = scoreRow(model, row);
    if (row.isGovNews && score < threshold) {
      missed++;
      errors.push(`missed    ${row.realName} ${score.toFixed(2)}`);
    } else if (!row.isGovNews && score >= threshold) {
      annotated++;
      errors.push(`annotated ${row.realName} ${score.toFixed(2)}`);
    }
  }
}
if (process.argv.includes('--errors')) process.stdout.write(`${errors.sort().join('\n')}\n`);
process.stdout.write(
  `held-out dev pages (${FOLDS} folds, no address${drop.size ? `, without ${[...drop].join(', ')}` : ''}): ` +
    `reports missed ${missed}, negatives annotated ${annotated}, ` +
    `cost ${missed + NEGATIVE_COST * annotated}; fold thresholds ${thresholds.join(' ')}\n`,
);

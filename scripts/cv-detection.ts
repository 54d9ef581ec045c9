/**
 * `npm run cv:detection`: how well the detection fit does on dev pages it did not see. The dev
 * pages are cut into five folds by a stable hash of their names (a page and its copy with its
 * address stay together); each fold's pages (without their address, as a bare brief) are scored
 * by a model fitted, as `npm run fit:detection` fits it, on everything else. Prints the held-out
 * misses, the negatives annotated and their cost (a negative costs {@link NEGATIVE_COST} misses)
 * at the threshold the fit takes from these same scores, to judge a new feature by more than the
 * in-sample figure. `-- --drop a,b` leaves features out; `-- --errors` lists the pages. Never
 * touches the test split.
 */
import {
  chooseThreshold,
  FOLDS,
  loadTrainingRows,
  NEGATIVE_COST,
  outOfFoldScores,
} from './lib/detection-fit';

/** Value of `--name x` on the command line, if given. */
function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const drop = new Set((argument('--drop') ?? '').split(',').filter(Boolean));
const rows = (await loadTrainingRows()).map((r) =>
  drop.size === 0 ? r : { ...r, features: new Map([...r.features].filter(([n]) => !drop.has(n))) },
);
const scored = outOfFoldScores(rows);
const threshold = chooseThreshold(
  scored.map((s) => s.score),
  scored.map((s) => s.row.isGovNews),
);
const errors: string[] = [];
let missed = 0;
let annotated = 0;
for (const { row, score } of scored) {
  if (row.isGovNews && score < threshold) {
    missed++;
    errors.push(`missed    ${row.realName} ${score.toFixed(2)}`);
  } else if (!row.isGovNews && score >= threshold) {
    annotated++;
    errors.push(`annotated ${row.realName} ${score.toFixed(2)}`);
  }
}
if (process.argv.includes('--errors')) process.stdout.write(`${errors.sort().join('\n')}\n`);
process.stdout.write(
  `held-out dev pages (${FOLDS} folds, no address${drop.size ? `, without ${[...drop].join(', ')}` : ''}): ` +
    `threshold ${threshold}, reports missed ${missed}, negatives annotated ${annotated}, ` +
    `cost ${missed + NEGATIVE_COST * annotated}\n`,
);

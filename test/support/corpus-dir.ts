/**
 * Where the seed corpus is: `CORPUS_DIR` when set, else `../shared/corpus` beside the repository
 * (the team's copy, always current), else the snapshot in `test/fixtures/corpus` so a clone
 * anywhere still runs the gold tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './paths';

/** Absolute path of the corpus folder (holding `seeds/` and `gold/`). */
export function corpusDir(): string {
  if (process.env.CORPUS_DIR) return resolve(REPO_ROOT, process.env.CORPUS_DIR);
  const shared = resolve(REPO_ROOT, '../shared/corpus');
  return existsSync(resolve(shared, 'seeds')) ? shared : resolve(REPO_ROOT, 'test/fixtures/corpus');
}

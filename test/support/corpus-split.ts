/**
 * The frozen dev/test split of the real-page corpus (`test/fixtures/real`). A page's side is a
 * pure function of its id and one fixed seed (a hash below TEST_SHARE puts it in test), so adding
 * pages never moves a page already there. `split.json` records the split; `npm run corpus:split`
 * writes it and refuses to move a page that is already recorded.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** The real-page corpus folder. */
export const REAL_DIR = join(REPO_ROOT, 'test/fixtures/real');
/** The fixed seed of the split: never change it (it would reshuffle the frozen test split). */
export const SPLIT_SEED = 'zhengwen-lens/real-corpus/2026-12-01';
/** Share of pages drawn into the test split. */
export const TEST_SHARE = 0.36;

/** The recorded split. */
export interface CorpusSplit {
  seed: string;
  testShare: number;
  dev: string[];
  test: string[];
}

/** Which side a page id falls on under the fixed seed. */
export function sideOf(id: string): 'dev' | 'test' {
  const h = createHash('sha256').update(`${SPLIT_SEED}\n${id}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < TEST_SHARE ? 'test' : 'dev';
}

/** Ids of the pages that have gold in the corpus. */
export function corpusIds(dir = REAL_DIR): string[] {
  return readdirSync(join(dir, 'gold'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Reads `split.json`, or undefined when it has not been written yet. */
export function readSplit(dir = REAL_DIR): CorpusSplit | undefined {
  const path = join(dir, 'split.json');
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as CorpusSplit;
}

/** The split for the given ids, keeping every recorded page where it is. */
export function computeSplit(ids: readonly string[], recorded?: CorpusSplit): CorpusSplit {
  if (recorded && recorded.seed !== SPLIT_SEED)
    throw new Error(`split.json was made with seed ${recorded.seed}, not ${SPLIT_SEED}`);
  const dev = new Set(recorded?.dev ?? []);
  const test = new Set(recorded?.test ?? []);
  for (const id of ids)
    if (!dev.has(id) && !test.has(id)) (sideOf(id) === 'test' ? test : dev).add(id);
  return { seed: SPLIT_SEED, testShare: TEST_SHARE, dev: [...dev].sort(), test: [...test].sort() };
}

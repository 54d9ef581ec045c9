/**
 * `npm run corpus:split`: records the dev/test split of the real-page corpus in
 * `test/fixtures/real/split.json` (new pages are placed by the fixed seed; recorded ones never move)
 * and regenerates the corpus README table from each gold file's `source`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeSplit, corpusIds, readSplit, REAL_DIR } from '../test/support/corpus-split';
import { writeCorpusReadme } from './lib/corpus-readme';

const split = computeSplit(corpusIds(), readSplit());
writeFileSync(join(REAL_DIR, 'split.json'), `${JSON.stringify(split, null, 2)}\n`);
writeCorpusReadme(split);
process.stdout.write(`split: ${split.dev.length} dev, ${split.test.length} test pages\n`);

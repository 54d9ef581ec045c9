/**
 * `npm run corpus:agreement`: how far two annotators agree on slogans. A second annotator, who saw
 * neither the gold nor the engine, sorted every quotation of 80 dev reports again
 * (`test/fixtures/real/agreement/slogans/`); their slogans are scored against the gold the way
 * the engine's are, and the engine's on the same pages beside them. Asserts nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotate } from '../src/core/index';
import {
  computePrf,
  evaluateCases,
  loadGoldCases,
  sumTallies,
  tallySets,
  type Tally,
} from '../test/support/gold-score';
import { REAL_DIR } from '../test/support/corpus-split';

/** The second annotator's sorting of one page's quotations. */
interface SecondReading {
  doc: string;
  slogans: string[];
  notSlogans: string[];
  ignoredQuotes: string[];
}

const AGREEMENT_DIR = join(REAL_DIR, 'agreement', 'slogans');

/** Reads one file of the second annotator, with a clear error when it is not one. */
async function readSecond(path: string): Promise<SecondReading> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as Partial<SecondReading>;
  for (const key of ['slogans', 'notSlogans', 'ignoredQuotes'] as const)
    if (!Array.isArray(raw[key])) throw new Error(`${path}: "${key}" must be a list of strings`);
  if (typeof raw.doc !== 'string') throw new Error(`${path}: "doc" must name the page`);
  return raw as SecondReading;
}

/** Formats a tally as counts and P/R/F1. */
function line(label: string, t: Pick<Tally, 'tp' | 'fp' | 'fn'>): string {
  const { precision, recall, f1 } = computePrf(t);
  return `${label.padEnd(36)} TP ${t.tp}  FP ${t.fp}  FN ${t.fn}  P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`;
}

async function main(): Promise<void> {
  const files = (await readdir(AGREEMENT_DIR)).filter((f) => f.endsWith('.json')).sort();
  const seconds = await Promise.all(files.map((f) => readSecond(join(AGREEMENT_DIR, f))));
  const ids = new Set(seconds.map((s) => s.doc));
  const cases = (await loadGoldCases(join(REAL_DIR, 'pages'), join(REAL_DIR, 'gold'))).filter((c) =>
    ids.has(c.name),
  );
  const goldById = new Map(cases.map((c) => [c.name, c.gold]));
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const s of seconds) {
    const gold = goldById.get(s.doc);
    if (!gold) throw new Error(`agreement file ${s.doc} has no gold page`);
    const t = tallySets(gold.slogans, s.slogans, gold.ignoredQuotes);
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  const engine = sumTallies(evaluateCases(cases, annotate), 'slogans');
  console.log(`Slogans on ${seconds.length} dev reports, scored against the gold:`);
  console.log(line('second annotator', total));
  console.log(line('engine (tuned on these dev pages)', engine));
}

await main();

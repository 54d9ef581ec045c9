/**
 * Scores `annotate()` results against hand-made gold facts (the corpus format described in
 * `../shared/corpus/README.md`): precision, recall and F1 per kind, titles, meeting bodies and
 * page detection. Shared by `npm run eval` and `test/unit/eval/gold.test.ts`.
 */
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import type { AnnotateInput, AnnotateResult, Entity } from '../../src/core/types';
import { loadInput } from '../../src/cli/load-input';
import { bootstrapInterval } from './bootstrap';

const GoldSchema = v.object({
  doc: v.string(),
  /** Where a real page came from (test/fixtures/real); not scored. */
  source: v.optional(v.record(v.string(), v.unknown())),
  script: v.optional(v.string()),
  pinyinAnnotations: v.optional(v.boolean()),
  isGovNews: v.boolean(),
  officials: v.array(v.object({ name: v.string(), titles: v.array(v.string()) })),
  optionalOfficials: v.optional(v.array(v.string()), []),
  notOfficials: v.optional(v.array(v.string()), []),
  meetings: v.array(
    v.object({
      ordinals: v.array(v.number()),
      body: v.optional(v.string()),
      term: v.optional(v.nullable(v.number())),
      type: v.optional(v.string()),
      expanded: v.optional(v.boolean()),
    }),
  ),
  slogans: v.array(v.string()),
  notSlogans: v.optional(v.array(v.string()), []),
  ignoredQuotes: v.optional(v.array(v.string()), []),
  formulas: v.optional(v.array(v.string()), []),
  enumerations: v.optional(v.array(v.string()), []),
});

/** Gold facts for one page. */
export type Gold = v.InferOutput<typeof GoldSchema>;

/** One page to evaluate: the engine input and its gold facts. */
export interface GoldCase {
  name: string;
  input: AnnotateInput;
  gold: Gold;
}

/** Kinds scored set-wise with precision/recall. */
export const SCORED_KINDS = [
  'officials',
  'meetings',
  'slogans',
  'formulas',
  'enumerations',
] as const;
/** A kind scored set-wise. */
export type ScoredKind = (typeof SCORED_KINDS)[number];

/** True/false positives and negatives, with the strings behind the errors. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  /** Gold items the engine missed. */
  missing: string[];
  /** Items the engine found that gold does not list (or forbids). */
  extra: string[];
}

/** Score of one page. */
export interface CaseScore {
  name: string;
  expectedGov: boolean;
  detectedGov: boolean;
  score: number;
  /** Whether entity kinds were scored (only on pages gold calls government news). */
  scoredEntities: boolean;
  scriptExpected?: string;
  scriptFound: string;
  pinyinExpected?: boolean;
  pinyinFound: boolean;
  kinds: Record<ScoredKind, Tally>;
  /** Gold titles found in the union of their person's titles, and which are missing (`name: title`). */
  titles: { found: number; total: number; missing: string[] };
  /** Matched gold meetings whose body the engine also reported. */
  bodies: { matched: number; total: number; mismatches: string[] };
  /** Things gold explicitly forbids that the engine produced (notOfficials, notSlogans). */
  violations: string[];
}

/** Precision, recall and F1 of a tally (an empty side counts as perfect). */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Reads and validates one gold JSON file. */
export async function readGold(path: string): Promise<Gold> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  return v.parse(GoldSchema, raw);
}

/**
 * Loads every page of a gold set: each `goldDir/NAME.json` with `textDir/PAGE.txt` (or `.html`),
 * PAGE being `pageNameOf(NAME)` (NAME itself by default), read through the CLI's loader so HTML
 * pages give the engine their meta tags and URL.
 */
export async function loadGoldCases(
  textDir: string,
  goldDir: string,
  pageNameOf: (goldName: string) => string = (name) => name,
): Promise<GoldCase[]> {
  const textFiles = await readdir(textDir);
  const goldFiles = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort();
  const cases: GoldCase[] = [];
  for (const goldFile of goldFiles) {
    const name = basename(goldFile, '.json');
    const pageName = pageNameOf(name);
    const textFile = textFiles.find(
      (f) => basename(f, extname(f)) === pageName && /\.(txt|html?)$/i.test(f),
    );
    if (!textFile)
      throw new Error(`gold ${goldFile} has no page ${pageName}.txt/.html in ${textDir}`);
    const loaded = await loadInput(join(textDir, textFile), {
      readStdin: () => Promise.reject(new Error('no stdin in evaluation')),
    });
    cases.push({ name, input: loaded.input, gold: await readGold(join(goldDir, goldFile)) });
  }
  return cases;
}

/** Strips spaces (full- and half-width) that pages put inside names and phrases. */
function squeeze(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** Counts set overlap; `ignored` predictions count neither way, `forbidden` ones are reported. */
export function tallySets(
  gold: Iterable<string>,
  predicted: Iterable<string>,
  ignored: Iterable<string> = [],
): Tally {
  const goldSet = new Set([...gold].map(squeeze));
  const ignoredSet = new Set([...ignored].map(squeeze));
  const predSet = new Set([...predicted].map(squeeze).filter((p) => !ignoredSet.has(p)));
  const tally: Tally = { tp: 0, fp: 0, fn: 0, missing: [], extra: [] };
  for (const g of goldSet) {
    if (predSet.has(g)) tally.tp++;
    else {
      tally.fn++;
      tally.missing.push(g);
    }
  }
  for (const p of predSet) {
    if (!goldSet.has(p)) {
      tally.fp++;
      tally.extra.push(p);
    }
  }
  return tally;
}

/** An empty tally, for kinds not scored on a page. */
function emptyTally(): Tally {
  return { tp: 0, fp: 0, fn: 0, missing: [], extra: [] };
}

/** Key of a meeting reference: its ordinals in order. */
function meetingKey(ordinals: readonly number[]): string {
  return [...ordinals].sort((a, b) => a - b).join(',');
}

/** Directive texts of one subtype, normalised. */
function directives(entities: readonly Entity[], subtype: string): string[] {
  return entities.flatMap((e) =>
    e.kind === 'directive' && e.subtype === subtype ? [e.normalized] : [],
  );
}

/** Scores one engine result against its gold facts. */
export function scoreCase(name: string, gold: Gold, result: AnnotateResult): CaseScore {
  const entities = result.entities;
  const scored = gold.isGovNews;
  const base: CaseScore = {
    name,
    expectedGov: gold.isGovNews,
    detectedGov: result.page.isGovNews,
    score: result.page.score,
    scoredEntities: scored,
    scriptFound: result.page.script,
    pinyinFound: result.page.pinyinAnnotations,
    kinds: {
      officials: emptyTally(),
      meetings: emptyTally(),
      slogans: emptyTally(),
      formulas: emptyTally(),
      enumerations: emptyTally(),
    },
    titles: { found: 0, total: 0, missing: [] },
    bodies: { matched: 0, total: 0, mismatches: [] },
    violations: [],
  };
  if (gold.script !== undefined) base.scriptExpected = gold.script;
  if (gold.pinyinAnnotations !== undefined) base.pinyinExpected = gold.pinyinAnnotations;
  if (!scored) return base;

  // Officials by name; every title a person got anywhere on the page counts for him.
  // A person is a personId: mentions are grouped by it, named by any mention that has a name.
  const nameByPerson = new Map<string, string>();
  for (const e of entities)
    if (e.kind === 'official' && e.name && !nameByPerson.has(e.personId))
      nameByPerson.set(e.personId, e.name);
  const titlesByName = new Map<string, Set<string>>();
  for (const e of entities) {
    if (e.kind !== 'official') continue;
    const name = squeeze(e.name || (nameByPerson.get(e.personId) ?? e.simplified));
    const set = titlesByName.get(name) ?? new Set<string>();
    for (const t of e.titles) set.add(squeeze(t));
    titlesByName.set(name, set);
  }
  base.kinds.officials = tallySets(
    gold.officials.map((o) => o.name),
    titlesByName.keys(),
    gold.optionalOfficials,
  );
  for (const official of gold.officials) {
    const found = titlesByName.get(squeeze(official.name));
    for (const title of official.titles) {
      base.titles.total++;
      if (found?.has(squeeze(title))) base.titles.found++;
      else base.titles.missing.push(`${official.name}: ${title}`);
    }
  }
  for (const forbidden of gold.notOfficials)
    if (titlesByName.has(squeeze(forbidden))) base.violations.push(`official ${forbidden}`);

  // Meetings by their ordinals; the body is reported, not gated.
  const bodiesByKey = new Map<string, Set<string>>();
  for (const e of entities) {
    if (e.kind !== 'meeting') continue;
    const key = meetingKey(e.ordinals);
    const set = bodiesByKey.get(key) ?? new Set<string>();
    if (e.body) set.add(squeeze(e.body));
    bodiesByKey.set(key, set);
  }
  base.kinds.meetings = tallySets(
    gold.meetings.map((m) => meetingKey(m.ordinals)),
    bodiesByKey.keys(),
  );
  for (const meeting of gold.meetings) {
    const bodies = bodiesByKey.get(meetingKey(meeting.ordinals));
    if (!bodies || meeting.body === undefined) continue;
    base.bodies.total++;
    if (bodies.has(squeeze(meeting.body))) base.bodies.matched++;
    else
      base.bodies.mismatches.push(
        `[${meeting.ordinals.join(',')}] ${meeting.body} ≠ ${[...bodies].join('|') || '(none)'}`,
      );
  }

  const slogans = directives(entities, 'slogan');
  base.kinds.slogans = tallySets(gold.slogans, slogans, gold.ignoredQuotes);
  const sloganSet = new Set(slogans.map(squeeze));
  for (const forbidden of gold.notSlogans)
    if (sloganSet.has(squeeze(forbidden))) base.violations.push(`slogan ${forbidden}`);
  base.kinds.formulas = tallySets(gold.formulas, directives(entities, 'formula'));
  base.kinds.enumerations = tallySets(gold.enumerations, directives(entities, 'enumeration'));
  return base;
}

/** Sums the tallies of one kind over pages. */
export function sumTallies(scores: readonly CaseScore[], kind: ScoredKind): Tally {
  const total = emptyTally();
  for (const s of scores) {
    const t = s.kinds[kind];
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
    total.missing.push(...t.missing.map((m) => `${s.name}: ${m}`));
    total.extra.push(...t.extra.map((m) => `${s.name}: ${m}`));
  }
  return total;
}

/** Precision, recall and F1 of a tally. */
export function computePrf(t: Pick<Tally, 'tp' | 'fp' | 'fn'>): Prf {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Detection counts: pages whose isGovNews matched gold. */
export function countDetection(scores: readonly CaseScore[]): { correct: number; total: number } {
  return {
    correct: scores.filter((s) => s.expectedGov === s.detectedGov).length,
    total: scores.length,
  };
}

/** Runs the engine on every case and scores it. */
export function evaluateCases(
  cases: readonly GoldCase[],
  annotate: (input: AnnotateInput) => AnnotateResult,
): CaseScore[] {
  return cases.map((c) => scoreCase(c.name, c.gold, annotate(c.input)));
}

/** Formats a ratio as a fixed three-decimal number. */
function fmt(x: number): string {
  return x.toFixed(3);
}

/** F1 of one kind over pages, from the counts alone (the bootstrap's inner loop). */
function f1Of(scores: readonly CaseScore[], kind: ScoredKind): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    const t = s.kinds[kind];
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
  }
  return computePrf({ tp, fp, fn }).f1;
}

/** Share of pages whose detection matched gold. */
function detectionAccuracyOf(scores: readonly CaseScore[]): number {
  return scores.length === 0 ? 1 : countDetection(scores).correct / scores.length;
}

/** A 95% page-bootstrap interval, printed as `0.903–0.915`. */
function intervalOf(scores: readonly CaseScore[], stat: (s: readonly CaseScore[]) => number) {
  const [low, high] = bootstrapInterval(scores, stat);
  return `${fmt(low)}–${fmt(high)}`;
}

/**
 * Renders the per-kind table, detection, titles and (unless `errors` is false) every error;
 * with `intervals`, each F1 and the detection accuracy get a 95% page-bootstrap interval.
 */
export function formatReport(
  label: string,
  scores: readonly CaseScore[],
  { errors = true, intervals = false }: { errors?: boolean; intervals?: boolean } = {},
): string {
  const lines: string[] = [];
  const scored = scores.filter((s) => s.scoredEntities);
  lines.push(`== ${label}: ${scores.length} pages (${scored.length} scored for entities)`);
  lines.push(`kind          TP   FP   FN  precision  recall     F1${intervals ? '  F1 95%' : ''}`);
  for (const kind of SCORED_KINDS) {
    const t = sumTallies(scored, kind);
    const p = computePrf(t);
    lines.push(
      `${kind.padEnd(12)} ${String(t.tp).padStart(3)}  ${String(t.fp).padStart(3)}  ${String(t.fn).padStart(3)}` +
        `      ${fmt(p.precision)}   ${fmt(p.recall)}  ${fmt(p.f1)}` +
        (intervals ? `  ${intervalOf(scored, (sample) => f1Of(sample, kind))}` : ''),
    );
  }
  const det = countDetection(scores);
  const titles = scored.reduce(
    (a, s) => ({ found: a.found + s.titles.found, total: a.total + s.titles.total }),
    {
      found: 0,
      total: 0,
    },
  );
  const bodies = scored.reduce(
    (a, s) => ({ matched: a.matched + s.bodies.matched, total: a.total + s.bodies.total }),
    { matched: 0, total: 0 },
  );
  const scripts = scores.filter((s) => s.scriptExpected !== undefined);
  const pinyin = scores.filter((s) => s.pinyinExpected !== undefined);
  lines.push(
    `detection     ${det.correct}/${det.total} correct` +
      (intervals
        ? ` (${fmt(detectionAccuracyOf(scores))}, 95% ${intervalOf(scores, detectionAccuracyOf)})`
        : ''),
  );
  lines.push(`titles        ${titles.found}/${titles.total} gold titles found`);
  lines.push(`meeting body  ${bodies.matched}/${bodies.total} matched meetings with the gold body`);
  lines.push(
    `script        ${scripts.filter((s) => s.scriptExpected === s.scriptFound).length}/${scripts.length}` +
      `   pinyin flag ${pinyin.filter((s) => s.pinyinExpected === s.pinyinFound).length}/${pinyin.length}`,
  );
  lines.push('page                                 gold  found  score');
  for (const s of scores) {
    const mark = s.expectedGov === s.detectedGov ? ' ' : '✗';
    lines.push(
      `${mark} ${s.name.padEnd(34)} ${s.expectedGov ? 'gov ' : 'other'} ${s.detectedGov ? 'gov  ' : 'other'}  ${s.score.toFixed(2)}`,
    );
  }
  const problems: string[] = [];
  for (const kind of SCORED_KINDS) {
    const t = sumTallies(scored, kind);
    for (const m of t.missing) problems.push(`  missing ${kind}: ${m}`);
    for (const x of t.extra) problems.push(`  extra   ${kind}: ${x}`);
  }
  for (const s of scored) {
    for (const m of s.titles.missing) problems.push(`  missing title: ${s.name}: ${m}`);
    for (const m of s.bodies.mismatches) problems.push(`  body    ${s.name}: ${m}`);
    for (const x of s.violations) problems.push(`  FORBIDDEN ${s.name}: ${x}`);
  }
  for (const s of scores) {
    if (s.scriptExpected !== undefined && s.scriptExpected !== s.scriptFound)
      problems.push(`  script  ${s.name}: ${s.scriptExpected} ≠ ${s.scriptFound}`);
    if (s.pinyinExpected !== undefined && s.pinyinExpected !== s.pinyinFound)
      problems.push(`  pinyin  ${s.name}: ${s.pinyinExpected} ≠ ${s.pinyinFound}`);
  }
  if (!errors) lines.push(`errors: ${problems.length} (not shown)`);
  else if (problems.length > 0) lines.push('errors:', ...problems);
  return lines.join('\n');
}

/**
 * Scores the engine's meeting records against gold records (`/work/notes/records-spec.md`, copied
 * into `test/fixtures/corpus/records` and `test/fixtures/real/records`): records matched per page
 * (type and ordinals first, then body), then per field: precision/recall for chairs, speakers and
 * attendees, exact-match accuracy for date, ordinals, body, type, term, expanded and place.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as v from 'valibot';
import type { AnnotateInput, AnnotateResult, MeetingRecord } from '../../src/core/types';
import type { GoldCase } from './gold-score';
import { mapOf, wordsOf } from '../../src/core/lexicons/index';

const GoldRecordSchema = v.object({
  body: v.nullable(v.string()),
  type: v.string(),
  term: v.nullable(v.number()),
  ordinals: v.array(v.number()),
  expanded: v.boolean(),
  date: v.nullable(v.string()),
  place: v.nullable(v.string()),
  chairs: v.array(v.string()),
  speakers: v.array(v.string()),
  attendees: v.array(v.string()),
  relayed: v.array(v.string()),
});
const GoldRecordsSchema = v.object({ doc: v.string(), meetings: v.array(GoldRecordSchema) });

/** One gold meeting record. */
export type GoldRecord = v.InferOutput<typeof GoldRecordSchema>;

/** Gold records of one page. */
export type GoldRecords = v.InferOutput<typeof GoldRecordsSchema>;

/** Reads and validates one gold records file (a clear error naming the file when malformed). */
export async function readGoldRecords(path: string): Promise<GoldRecords> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = v.safeParse(GoldRecordsSchema, raw);
  if (!parsed.success)
    throw new Error(`${path}: not gold records: ${v.summarize(parsed.issues).split('\n')[0]}`);
  // Annotators write an unknown date or place as "" or null alike; the engine says null.
  const known = (s: string | null): string | null => (s === '' ? null : s);
  return {
    ...parsed.output,
    meetings: parsed.output.meetings.map((m) => ({
      ...m,
      date: known(m.date),
      place: known(m.place),
    })),
  };
}

/** Gold records of every page in `dir` that `only` allows, by page name. */
export async function loadGoldRecords(
  dir: string,
  only?: ReadonlySet<string>,
): Promise<Map<string, GoldRecords>> {
  const out = new Map<string, GoldRecords>();
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return out;
  }
  for (const f of files) {
    const name = basename(f, '.json');
    if (only && !only.has(name)) continue;
    out.set(name, await readGoldRecords(join(dir, f)));
  }
  return out;
}

/** Name-list fields scored with precision and recall. */
export const LIST_FIELDS = ['chairs', 'speakers', 'attendees'] as const;
/** Fields scored by exact match on matched records. */
export const EXACT_FIELDS = [
  'date',
  'ordinals',
  'body',
  'type',
  'term',
  'expanded',
  'place',
] as const;

type ListField = (typeof LIST_FIELDS)[number];
type ExactField = (typeof EXACT_FIELDS)[number];

/** Counts of one records evaluation, summed over pages. */
export interface RecordsScore {
  pages: number;
  gold: number;
  predicted: number;
  matched: number;
  lists: Record<ListField, { tp: number; fp: number; fn: number }>;
  exact: Record<ExactField, { correct: number; total: number }>;
  /** One line per error, prefixed by the page. */
  errors: string[];
}

/** An empty score. */
export function emptyRecordsScore(): RecordsScore {
  return {
    pages: 0,
    gold: 0,
    predicted: 0,
    matched: 0,
    lists: {
      chairs: { tp: 0, fp: 0, fn: 0 },
      speakers: { tp: 0, fp: 0, fn: 0 },
      attendees: { tp: 0, fp: 0, fn: 0 },
    },
    exact: {
      date: { correct: 0, total: 0 },
      ordinals: { correct: 0, total: 0 },
      body: { correct: 0, total: 0 },
      type: { correct: 0, total: 0 },
      term: { correct: 0, total: 0 },
      expanded: { correct: 0, total: 0 },
      place: { correct: 0, total: 0 },
    },
    errors: [],
  };
}

const squeeze = (s: string): string => s.replace(/[\s\u3000·•]+/g, '');
const PROVINCES = new Set(wordsOf('records', 'provinces'));
const REGION_SHORT = new Map(Object.entries(mapOf('records', 'regions')).map(([s, f]) => [f, s]));
const MUNICIPALITIES = new Set(['北京市', '上海市', '天津市', '重庆市']);
const CITIES = new Set(
  [...wordsOf('places', 'prefectures'), ...wordsOf('places', 'counties')].filter((p) =>
    p.endsWith('市'),
  ),
);

/**
 * A place as compared: a province-level unit or a city in its short form, since 福建 and 福建省,
 * 广西 and 广西壮族自治区, 上海 and 上海市, 株洲 and 株洲市 name the same jurisdiction (annotators
 * write either).
 */
function placeKey(place: string): string {
  const s = squeeze(place);
  if (s.endsWith('省') && PROVINCES.has(s.slice(0, -1))) return s.slice(0, -1);
  if (MUNICIPALITIES.has(s) || CITIES.has(s)) return s.slice(0, -1);
  return REGION_SHORT.get(s) ?? s;
}

const ordinalKey = (o: readonly number[]): string => [...o].sort((a, b) => a - b).join(',');

/** True when two bodies name the same organ: equal, one inside the other, or a shared ending. */
export function similarBodies(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = squeeze(a);
  const y = squeeze(b);
  if (x.includes(y) || y.includes(x)) return true;
  let k = 0;
  while (k < x.length && k < y.length && x[x.length - 1 - k] === y[y.length - 1 - k]) k++;
  return k >= 3;
}

/** How well a predicted record fits a gold one (0: not the same meeting). */
function fit(g: GoldRecord, p: MeetingRecord): number {
  const sameOrdinals = ordinalKey(g.ordinals) === ordinalKey(p.ordinals);
  const body = similarBodies(g.body, p.body);
  const date = g.date !== null && g.date === p.date;
  if (g.ordinals.length > 0 && sameOrdinals)
    return 8 + (g.type === p.type ? 2 : 0) + (body ? 1 : 0) + (date ? 1 : 0);
  if (g.ordinals.length > 0 || p.ordinals.length > 0) return body && date ? 2 : 0;
  return body ? 4 + (date ? 1 : 0) : date ? 1 : 0;
}

/** Pairs gold with predicted records: best fit first, each record used once. */
export function matchRecords(
  gold: readonly GoldRecord[],
  predicted: readonly MeetingRecord[],
): Array<[GoldRecord, MeetingRecord]> {
  const pairs: Array<{ g: number; p: number; f: number }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const f = fit(g, p);
      if (f > 0) pairs.push({ g: gi, p: pi, f });
    }),
  );
  // Best fit first; among equals, text order (a chronicle's n-th meeting with the n-th record).
  pairs.sort((a, b) => b.f - a.f || Math.abs(a.g - a.p) - Math.abs(b.g - b.p) || a.g - b.g);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[GoldRecord, MeetingRecord]> = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push([gold[g] as GoldRecord, predicted[p] as MeetingRecord]);
  }
  return out;
}

/** Short label of a record for error lines. */
function label(r: {
  body: string | null;
  ordinals: readonly number[];
  date: string | null;
}): string {
  return `${r.body ?? '?'}[${r.ordinals.join(',')}] ${r.date ?? '-'}`;
}

/** Adds one page's records to `score`. */
export function scoreRecordsPage(
  score: RecordsScore,
  name: string,
  gold: readonly GoldRecord[],
  predicted: readonly MeetingRecord[],
): void {
  score.pages++;
  score.gold += gold.length;
  score.predicted += predicted.length;
  const pairs = matchRecords(gold, predicted);
  score.matched += pairs.length;
  const matchedG = new Set(pairs.map(([g]) => g));
  const matchedP = new Set(pairs.map(([, p]) => p));
  for (const g of gold)
    if (!matchedG.has(g)) score.errors.push(`${name}: missing record ${label(g)}`);
  for (const p of predicted)
    if (!matchedP.has(p)) score.errors.push(`${name}: extra   record ${label(p)}`);
  for (const [g, p] of pairs) {
    const where = `${name}: ${label(g)}`;
    for (const field of LIST_FIELDS) {
      const gs = new Set(g[field].map(squeeze));
      const ps = new Set(p[field].map(squeeze));
      const t = score.lists[field];
      for (const x of gs) {
        if (ps.has(x)) t.tp++;
        else {
          t.fn++;
          score.errors.push(`${where}: missing ${field} ${x}`);
        }
      }
      for (const x of ps)
        if (!gs.has(x)) {
          t.fp++;
          score.errors.push(`${where}: extra   ${field} ${x}`);
        }
    }
    for (const field of EXACT_FIELDS) {
      const gv = field === 'ordinals' ? ordinalKey(g.ordinals) : g[field];
      const pv = field === 'ordinals' ? ordinalKey(p.ordinals) : p[field];
      const key = field === 'place' ? placeKey : squeeze;
      const same =
        typeof gv === 'string' && typeof pv === 'string' ? key(gv) === key(pv) : gv === pv;
      score.exact[field].total++;
      if (same) score.exact[field].correct++;
      else
        score.errors.push(
          `${where}: ${field} ${JSON.stringify(gv)} ≠ ${JSON.stringify(pv ?? null)}`,
        );
    }
  }
}

/** A page with gold records, and the engine input that reads it. */
export interface RecordCase {
  name: string;
  input: AnnotateInput;
  gold: readonly GoldRecord[];
}

/**
 * The gold cases that have gold records, as record cases. A real page's publication date and
 * address are known from where it was collected: the engine gets them as the browser would.
 */
export function recordCasesOf(
  cases: readonly GoldCase[],
  records: ReadonlyMap<string, GoldRecords>,
): RecordCase[] {
  return cases.flatMap((c) => {
    const gold = records.get(c.name);
    if (!gold) return [];
    const date = c.gold.source?.date;
    const url = c.gold.source?.url;
    const input = {
      ...c.input,
      ...(typeof date === 'string' && date !== '' ? { published: date } : {}),
      ...(c.input.url === undefined && typeof url === 'string' ? { url } : {}),
    };
    return [{ name: c.name, input, gold: gold.meetings }];
  });
}

/** Runs the engine on each page with gold records and scores them. */
export function evaluateRecords(
  cases: readonly RecordCase[],
  annotate: (input: AnnotateInput) => AnnotateResult,
): RecordsScore {
  const score = emptyRecordsScore();
  for (const c of cases) scoreRecordsPage(score, c.name, c.gold, annotate(c.input).meetings ?? []);
  return score;
}

const f3 = (x: number): string => x.toFixed(3);

/** Precision, recall and F1 of counts (an empty side counts as perfect). */
export function prfOf(t: { tp: number; fp: number; fn: number }): {
  precision: number;
  recall: number;
  f1: number;
} {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The records table: matching, list fields, exact fields and (unless hidden) every error. */
export function formatRecordsReport(
  label: string,
  s: RecordsScore,
  { errors = true }: { errors?: boolean } = {},
): string {
  const records = prfOf({ tp: s.matched, fp: s.predicted - s.matched, fn: s.gold - s.matched });
  const lines = [
    `== ${label}: meeting records on ${s.pages} pages`,
    `records       gold ${s.gold}  found ${s.predicted}  matched ${s.matched}` +
      `   precision ${f3(records.precision)}  recall ${f3(records.recall)}  F1 ${f3(records.f1)}`,
    'field (names on matched records)   TP   FP   FN  precision  recall     F1',
  ];
  for (const field of LIST_FIELDS) {
    const t = s.lists[field];
    const p = prfOf(t);
    lines.push(
      `${field.padEnd(33)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}` +
        `      ${f3(p.precision)}   ${f3(p.recall)}  ${f3(p.f1)}`,
    );
  }
  for (const field of EXACT_FIELDS) {
    const e = s.exact[field];
    lines.push(
      `${field.padEnd(12)} exact ${String(e.correct).padStart(4)}/${String(e.total).padEnd(4)} = ${f3(e.total === 0 ? 1 : e.correct / e.total)}`,
    );
  }
  if (!errors) lines.push(`record errors: ${s.errors.length} (not shown)`);
  else if (s.errors.length > 0) lines.push('record errors:', ...s.errors.map((e) => `  ${e}`));
  return lines.join('\n');
}

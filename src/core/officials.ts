/**
 * Finds officials: the titled passes (`official-titled.ts`: title chains, names before a head,
 * leaders' lists, names before their post), then persons and later bare mentions of the same
 * people. Works on normalised (simplified) text; offsets returned here are normalised offsets.
 */
import { slicesByCount, slicesByPosition } from './step-slices';
import { LiteralMatcher } from './text/literal-matcher';
import { marks } from './text/buffers';
import type { OfficialLevel } from './types';
import { leftContextOk, rightContextOk } from './official-names';
import { getMatchers, inferLevel, type Matchers } from './official-titles';
import { findTitled } from './official-titled';
import type { Candidate } from './titled-candidates';

/** An official mention in normalised offsets. */
export interface RawOfficial {
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  name: string;
  titles: string[];
  role: 'titled' | 'list' | 'mention';
  personId: string;
  level?: OfficialLevel;
}

/** Officials turned into results between two yields. */
const OFFICIALS_PER_STEP = 1000;

/** Texts shorter than this look names up with `indexOf` (building a matcher costs more). */
const SHORT_TEXT = 50_000;

/** A function returning the next occurrence of any of `names` at or after a position. */
function nameFinder(
  text: string,
  names: string[],
): (from: number) => { index: number; word: string } | undefined {
  if (text.length >= SHORT_TEXT) {
    const matcher = new LiteralMatcher(names);
    // One reused hit object: the caller reads it before asking for the next.
    const hit = { index: 0, word: '' };
    return (from) => {
      const i = matcher.nextIndex(text, from);
      if (i < 0) return undefined;
      hit.index = i;
      hit.word = matcher.lastWord;
      return hit;
    };
  }
  const hits: { index: number; word: string }[] = [];
  for (const word of names) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
      hits.push({ index: i, word });
  }
  // Longest name first at the same position, as the matcher does.
  hits.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  let k = 0;
  return (from) => {
    while (k < hits.length && (hits[k]?.index ?? 0) < from) k++;
    return hits[k];
  };
}

/** Options of the officials pass. */
export interface OfficialsOptions {
  /** Names that belong to reporters/editors: never officials. */
  excludedNames?: ReadonlySet<string>;
  extraTitles?: readonly string[];
  extraOrganisations?: readonly string[];
}

/** A person: the id and every title the page gives the name. */
interface Person {
  id: string;
  titles: string[];
}

/** Where the scan for bare mentions stands: the next occurrence of a known name (-1: none). */
interface MentionScan {
  index: number;
  word: string;
  /** Index of the first span of a titled mention that may still overlap. */
  si: number;
}

/**
 * Bare mentions of known names, from `scan`'s occurrence up to the first one at or past `limit`
 * (answered); skips those inside `spans` (sorted titled mentions) or in a longer word.
 */
function readMentions(
  text: string,
  m: Matchers,
  names: (from: number) => { index: number; word: string } | undefined,
  spans: readonly (readonly [number, number])[],
  mentions: Candidate[],
  scan: MentionScan,
  limit: number,
): number {
  while (scan.index >= 0) {
    const s = scan.index;
    if (s >= limit) return s;
    const word = scan.word;
    const e = s + word.length;
    const x = names(e);
    scan.index = x ? x.index : -1;
    scan.word = x ? x.word : '';
    while (scan.si < spans.length && (spans[scan.si]?.[1] ?? 0) <= s) scan.si++;
    // Not read past the end (an out-of-bounds read makes V8 throw the optimised loop away).
    const span = scan.si < spans.length ? spans[scan.si] : undefined;
    if (span && span[0] < e && span[1] > s) continue;
    if (!leftContextOk(text, s) || !rightContextOk(text, e, m)) continue;
    mentions.push({
      start: s,
      end: e,
      nameStart: s,
      nameEnd: e,
      name: word,
      titles: [],
      role: 'mention',
    });
  }
  return -1;
}

/** Turns `all[from, to)` into results, with their person's id and level. */
function pushResults(
  all: readonly Candidate[],
  persons: ReadonlyMap<string, Person>,
  levelOf: (titles: readonly string[]) => OfficialLevel | undefined,
  out: RawOfficial[],
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const f = all[i] as Candidate;
    const p = persons.get(f.name);
    // A mention, or a name listed with no title (甲、乙出席), carries the titles the page gives it.
    const titles =
      f.role === 'mention' || f.titles.length === 0 ? [...(p?.titles ?? [])] : f.titles;
    const level = levelOf(titles) ?? levelOf(p?.titles ?? []);
    // Built with or without `level` rather than deleting it (delete makes a slow object).
    out.push({
      start: f.start,
      end: f.end,
      nameStart: f.nameStart,
      nameEnd: f.nameEnd,
      name: f.name,
      titles,
      role: f.role,
      personId: p?.id ?? 'p0',
      ...(level ? { level } : {}),
    });
  }
}

/** Finds officials in normalised text, yielding now and then on long pages. */
export function* findOfficials(
  text: string,
  options: OfficialsOptions = {},
): Generator<undefined, RawOfficial[]> {
  const m = getMatchers(options.extraTitles ?? [], options.extraOrganisations ?? []);
  const excluded = options.excludedNames ?? new Set<string>();
  const covered = marks.borrow(text.length + 1);
  let found: Candidate[];
  try {
    found = yield* findTitled(text, m, covered);
  } finally {
    // Also when the caller stops early: the shared buffer must go back to the pool.
    marks.giveBack(covered);
  }

  // 5. Persons, then later bare mentions of the same names.
  const persons = new Map<string, Person>();
  found.sort((a, b) => a.start - b.start);
  const kept = found.filter((f) => !excluded.has(f.name));
  for (const f of kept) {
    let p = persons.get(f.name);
    if (!p) {
      p = { id: `p${persons.size + 1}`, titles: [] };
      persons.set(f.name, p);
    }
    for (const t of f.titles) if (!p.titles.includes(t)) p.titles.push(t);
  }
  const mentions: Candidate[] = [];
  if (persons.size > 0) {
    const names = nameFinder(text, [...persons.keys()]);
    const spans = kept.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
    const x = names(0);
    const scan: MentionScan = { index: x ? x.index : -1, word: x ? x.word : '', si: 0 };
    yield* slicesByPosition((limit) => readMentions(text, m, names, spans, mentions, scan, limit));
  }
  yield;
  const all = [...kept, ...mentions].sort((a, b) => a.start - b.start);
  // inferLevel answers from the first title that has a level: cache per title, not per list.
  const levels = new Map<string, OfficialLevel | null>();
  const levelOf = (titles: readonly string[]): OfficialLevel | undefined => {
    for (const t of titles) {
      let level = levels.get(t);
      if (level === undefined) {
        level = inferLevel([t]) ?? null;
        levels.set(t, level);
      }
      if (level !== null) return level;
    }
    return undefined;
  };
  const out: RawOfficial[] = [];
  // Thousands of officials on a long page: their objects are built over several steps.
  yield* slicesByCount(all.length, OFFICIALS_PER_STEP, (from, to) =>
    pushResults(all, persons, levelOf, out, from, to),
  );
  return out;
}

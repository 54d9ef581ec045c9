/**
 * Incremental annotation after a page change (infinite scroll, a ticking clock, an edited
 * paragraph): the engine reads only the lines around the edited stretches, and its entities
 * replace the old ones there; entities elsewhere keep their painted ranges (moved to the new
 * offsets), instead of re-reading a page of a million characters.
 */
import type { Entity } from '../core/types';
import type { EditedText } from '../dom/page-edits';

/** A stretch of page text, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The whole lines of `text` around `spans` (sorted), merged where they touch: the engine reads
 * these, so a sentence around an edit is read whole.
 */
export function linesAround(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    // The line breaks around an inserted block are not part of its lines.
    let a = s.start;
    let b = s.end;
    while (a < b && text[a] === '\n') a++;
    while (b > a && text[b - 1] === '\n') b--;
    if (a === b) continue;
    const start = text.lastIndexOf('\n', a - 1) + 1;
    let end = text.indexOf('\n', b);
    if (end < 0) end = text.length;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** The text the engine reads for `windows`: them joined by line breaks, with their offsets. */
export function joinWindows(
  text: string,
  windows: readonly Span[],
): { text: string; at: number[] } {
  const at: number[] = [];
  let length = 0;
  const parts = windows.map((w) => {
    at.push(length);
    length += w.end - w.start + 1;
    return text.slice(w.start, w.end);
  });
  return { text: parts.join('\n'), at };
}

/**
 * What changed among the entities: old ones gone, old ones that stay at new offsets (old → new
 * object), and new ones. Old entities in neither `removed` nor `moved` stay as they were.
 */
export interface EntityChange {
  /**
   * Old entities starting before this offset are unchanged (neither removed nor moved) and keep
   * their places at the head of the list: work after an update need only look at the rest.
   */
  from: number;
  removed: Set<Entity>;
  moved: Map<Entity, Entity>;
  added: Entity[];
}

const moved = (e: Entity, d: number): Entity => {
  if (d === 0) return e;
  const m = { ...e, start: e.start + d, end: e.end + d };
  if (m.kind === 'official') {
    m.nameStart += d;
    m.nameEnd += d;
  }
  return m;
};

/** Longer than any entity the engine finds (a sentence-long meeting name at most). */
const LONGEST_ENTITY = 1000;

const byPosition = (a: Entity, b: Entity): number => a.start - b.start || a.end - b.end;

/** The index of the first of `entities` (sorted by start) starting at or after `at`. */
function firstStartingAt(entities: readonly Entity[], at: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many of `prev`'s first entities end before `touched` (the first offset an edit or a read
 * window reaches), where offsets are unchanged: those are kept as they are without looking at
 * them. The count stops between two different starts, so "starts before the next one's start"
 * tells the kept ones apart.
 */
function untouchedHead(prev: readonly Entity[], touched: number): number {
  let k = firstStartingAt(prev, touched);
  for (let j = k - 1; j >= 0 && prev[j]!.start > touched - LONGEST_ENTITY; j--)
    if (prev[j]!.end > touched) k = j;
  while (k > 0 && k < prev.length && prev[k - 1]!.start === prev[k]!.start) k--;
  return k;
}

/**
 * Person id by name, per entity list: built once from a whole read's list, then carried over to
 * each list an update makes from it (a name keeps its id even after its mentions left the page).
 */
const personIds = new WeakMap<readonly Entity[], Map<string, string>>();

function personIdsOf(entities: readonly Entity[]): Map<string, string> {
  let ids = personIds.get(entities);
  if (!ids) {
    ids = new Map();
    for (const e of entities) if (e.kind === 'official') ids.set(e.name, e.personId);
    personIds.set(entities, ids);
  }
  return ids;
}

/**
 * The page's entities after `edited`: old ones outside the read `windows` (moved to their new
 * offsets), and `found` (the engine's entities in the joined windows text, at `at`) moved to
 * page offsets. People named before keep their person id; new people get ids that cannot
 * collide with the old ones.
 */
export function mergeEditedEntities(
  prev: readonly Entity[],
  edited: Pick<EditedText, 'mapOffset' | 'spans'>,
  windows: readonly Span[],
  found: readonly Entity[],
  at: readonly number[],
): { entities: Entity[]; change: EntityChange } {
  const inWindow = (start: number, end: number): boolean =>
    windows.some((w) => start < w.end && end > w.start);
  const removed = new Set<Entity>();
  const movedTo = new Map<Entity, Entity>();
  const touched = Math.min(edited.spans[0]?.start ?? Infinity, windows[0]?.start ?? Infinity);
  const head = untouchedHead(prev, touched);
  const entities: Entity[] = [];
  for (let i = head; i < prev.length; i++) {
    const e = prev[i]!;
    const start = edited.mapOffset(e.start);
    const last = edited.mapOffset(e.end - 1);
    if (
      start === null ||
      last === null ||
      last + 1 - start !== e.end - e.start ||
      inWindow(start, last + 1)
    ) {
      removed.add(e);
      continue;
    }
    const next = moved(e, start - e.start);
    if (next !== e) movedTo.set(e, next);
    entities.push(next);
  }
  // Shared with `prev`'s: copying it would cost the page's people on every update. Names an
  // update adds stay in it even when the update is dropped (a later one then reuses their ids).
  const ids = personIdsOf(prev);
  const personIdOf = (name: string): string | undefined => ids.get(name);
  const added: Entity[] = [];
  let w = 0;
  for (const e of found) {
    while (w + 1 < at.length && e.start >= at[w + 1]!) w++;
    const base = windows[w]!.start - at[w]!;
    const next = moved(e, base);
    if (next.kind === 'official')
      next.personId = personIdOf(next.name) ?? `${next.personId}@${windows[w]!.start}`;
    added.push(next);
  }
  added.sort(byPosition);
  for (const e of added) if (e.kind === 'official' && !ids.has(e.name)) ids.set(e.name, e.personId);
  const all = prev.slice(0, head).concat(mergeSorted(entities, added));
  personIds.set(all, ids);
  return {
    entities: all,
    change: {
      from: head < prev.length ? prev[head]!.start : Infinity,
      removed,
      moved: movedTo,
      added,
    },
  };
}

/** Two lists sorted by position, merged into one. */
function mergeSorted(a: Entity[], b: Entity[]): Entity[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Entity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && byPosition(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

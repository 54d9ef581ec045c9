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

/**
 * The page's entities after `edited`: old ones outside the read `windows` (moved to their new
 * offsets), and `found` (the engine's entities in the joined windows text, at `at`) moved to
 * page offsets. People named before keep their person id; new people get ids that cannot
 * collide with the old ones.
 */
export function mergeEditedEntities(
  prev: readonly Entity[],
  edited: Pick<EditedText, 'mapOffset'>,
  windows: readonly Span[],
  found: readonly Entity[],
  at: readonly number[],
): { entities: Entity[]; change: EntityChange } {
  const inWindow = (start: number, end: number): boolean =>
    windows.some((w) => start < w.end && end > w.start);
  const removed = new Set<Entity>();
  const movedTo = new Map<Entity, Entity>();
  const entities: Entity[] = [];
  const idByName = new Map<string, string>();
  for (const e of prev) {
    if (e.kind === 'official') idByName.set(e.name, e.personId);
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
  const added: Entity[] = [];
  let w = 0;
  for (const e of found) {
    while (w + 1 < at.length && e.start >= at[w + 1]!) w++;
    const base = windows[w]!.start - at[w]!;
    const next = moved(e, base);
    if (next.kind === 'official')
      next.personId = idByName.get(next.name) ?? `${next.personId}@${windows[w]!.start}`;
    added.push(next);
  }
  const all = [...entities, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
  return { entities: all, change: { removed, moved: movedTo, added } };
}

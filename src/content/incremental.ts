/**
 * Incremental annotation of appended content (infinite scroll, "load more"): when the new page
 * text only extends the old one, the engine reads just the new tail and its entities are merged
 * into the old ones, whose ranges stay valid, instead of re-reading a page of a million characters.
 */
import type { Entity } from '../core/types';

/**
 * Offset from which `next` differs from `prev` when `next` only appends text to it (the start of
 * the new tail, at a line start), or null when the page changed in any other way.
 */
export function appendedTailStart(prev: string, next: string): number | null {
  if (next.length <= prev.length || !next.startsWith(prev)) return null;
  // Start at a line boundary so a tail never begins in the middle of a sentence.
  return prev.endsWith('\n') ? prev.length : prev.lastIndexOf('\n') + 1;
}

/**
 * Page entities after an append: the old ones before `tailStart`, then the tail's (found in
 * `text.slice(tailStart)`) moved to page offsets. People named in both keep the old person id;
 * new people get ids that cannot collide with the old ones.
 */
export function mergeTailEntities(
  prev: readonly Entity[],
  tail: readonly Entity[],
  tailStart: number,
): Entity[] {
  const kept = prev.filter((e) => e.end <= tailStart);
  const idByName = new Map<string, string>();
  for (const e of prev) if (e.kind === 'official') idByName.set(e.name, e.personId);
  const moved = tail.map((e): Entity => {
    const shifted = { ...e, start: e.start + tailStart, end: e.end + tailStart };
    if (shifted.kind !== 'official') return shifted;
    shifted.nameStart += tailStart;
    shifted.nameEnd += tailStart;
    shifted.personId = idByName.get(shifted.name) ?? `${shifted.personId}@${tailStart}`;
    return shifted;
  });
  return [...kept, ...moved];
}

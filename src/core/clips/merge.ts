/**
 * The merge rules of an import: how an imported clip combines with a stored one of the same id,
 * and which merged clips differ from what is stored (only those are written again).
 */
import { mergeCorrections } from './corrections';
import { normaliseTags, type Clip } from './model';

/**
 * Merges an imported clip into a stored one with the same id: the newer edit wins, tags are
 * united, the earliest creation time is kept, and corrections are united (the later correction
 * of an entity wins), so the engine's output of either side never drops a researcher's
 * correction. Identical clips merge to the stored one unchanged.
 */
export function mergeClips(stored: Clip, incoming: Clip): Clip {
  const [newer, older] =
    incoming.updatedAt > stored.updatedAt ? [incoming, stored] : [stored, incoming];
  const { corrections: _newer, ...rest } = newer;
  const corrections = mergeCorrections(older.corrections ?? [], newer.corrections ?? []);
  return {
    ...rest,
    createdAt: stored.createdAt < incoming.createdAt ? stored.createdAt : incoming.createdAt,
    note: newer.note || older.note,
    tags: normaliseTags([...newer.tags, ...older.tags]),
    ...(corrections.length > 0 && { corrections }),
  };
}

/**
 * Merges `incoming` clips, in order, into `current` (the known clips by id, changed in place) and
 * answers the ids whose merged clip differs from what was there: a file imported twice rewrites
 * nothing. Incoming clips with an id not in `current` are skipped (they are new, not merged).
 */
export function mergeIntoKnown(current: Map<string, Clip>, incoming: Iterable<Clip>): Set<string> {
  const changed = new Set<string>();
  for (const clip of incoming) {
    const before = current.get(clip.id);
    if (!before) continue;
    const next = mergeClips(before, clip);
    if (!sameClip(before, next)) {
      current.set(clip.id, next);
      changed.add(clip.id);
    }
  }
  return changed;
}

/** Whether two clips hold the same data (key order aside, as in their JSON). */
export function sameClip(a: Clip, b: Clip): boolean {
  return sameData(a, b);
}

/**
 * Deep equality of JSON-like data, ignoring object key order. Walks both values once without
 * building strings: a merge-import compares every clip of the file with the stored one.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys whose value is undefined are absent in JSON, so they do not count.
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined += 1;
    if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined -= 1;
  return defined === 0;
}

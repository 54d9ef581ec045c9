/**
 * The researcher's decisions about people across the library, kept apart from the clips: which
 * person keys are one person (the keys rather split than merge, see `export/keys.ts`), and a
 * person's external ids (CPED, China Vitae). Pure: the background stores the records, the library
 * and the exports apply them.
 */
import type { PersonIndexEntry, Sighting, TitleSpan } from './indexes';

/** One person the researcher changed: the keys merged into `key`, and external ids. */
export interface PersonRecord {
  /** The person key the merged keys resolve to. */
  key: string;
  /** Other person keys that are this same person, in the order merged. */
  mergedKeys: string[];
  /** Id in the China Political Elite Database (CPED). */
  cpedId?: string;
  /** The person's China Vitae page. */
  chinaVitaeUrl?: string;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** External ids as the researcher sets them; an empty string clears one. */
export interface ExternalIds {
  cpedId?: string;
  chinaVitaeUrl?: string;
}

/** A change the records refuse; the message says why. */
export class PersonMergeError extends Error {
  override name = 'PersonMergeError';
}

/** Resolves any person key to the key of the person it was merged into (itself when none). */
export function resolverOf(records: readonly PersonRecord[]): (key: string) => string {
  const canonical = new Map<string, string>();
  for (const r of records) for (const k of r.mergedKeys) canonical.set(k, r.key);
  return (key) => canonical.get(key) ?? key;
}

/** A record with nothing in it is not kept. */
function isEmpty(r: PersonRecord): boolean {
  return r.mergedKeys.length === 0 && !r.cpedId && !r.chinaVitaeUrl;
}

/** Sorted by key, empty records dropped: the stored order, so equal lists compare equal. */
function tidy(records: Iterable<PersonRecord>): PersonRecord[] {
  return [...records].filter((r) => !isEmpty(r)).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * Merges person `from` into person `into` (either may be a key already merged elsewhere: its
 * person is meant). The merged person keeps `into`'s external ids, else takes `from`'s.
 */
export function mergePeople(
  records: readonly PersonRecord[],
  from: string,
  into: string,
  now: string,
): PersonRecord[] {
  const resolve = resolverOf(records);
  const [source, target] = [resolve(from), resolve(into)];
  if (source === target) throw new PersonMergeError(`${from} and ${into} are already one person`);
  const byKey = new Map(records.map((r) => [r.key, r]));
  const a = byKey.get(source);
  const b = byKey.get(target);
  byKey.delete(source);
  const cpedId = b?.cpedId || a?.cpedId;
  const chinaVitaeUrl = b?.chinaVitaeUrl || a?.chinaVitaeUrl;
  byKey.set(target, {
    key: target,
    mergedKeys: [...new Set([...(b?.mergedKeys ?? []), source, ...(a?.mergedKeys ?? [])])],
    ...(cpedId && { cpedId }),
    ...(chinaVitaeUrl && { chinaVitaeUrl }),
    updatedAt: now,
  });
  return tidy(byKey.values());
}

/** Takes `mergedKey` out of person `key` again: it is a person of its own once more. */
export function splitPerson(
  records: readonly PersonRecord[],
  key: string,
  mergedKey: string,
  now: string,
): PersonRecord[] {
  const record = records.find((r) => r.key === key);
  if (!record?.mergedKeys.includes(mergedKey)) {
    throw new PersonMergeError(`${mergedKey} is not merged into ${key}`);
  }
  return tidy(
    records.map((r) =>
      r === record
        ? { ...r, mergedKeys: r.mergedKeys.filter((k) => k !== mergedKey), updatedAt: now }
        : r,
    ),
  );
}

/** Sets or clears (empty string) the external ids of the person `key` belongs to. */
export function setExternalIds(
  records: readonly PersonRecord[],
  key: string,
  ids: ExternalIds,
  now: string,
): PersonRecord[] {
  const target = resolverOf(records)(key);
  const known = records.find((r) => r.key === target) ?? {
    key: target,
    mergedKeys: [],
    updatedAt: now,
  };
  const next: PersonRecord = { ...known, updatedAt: now };
  for (const field of ['cpedId', 'chinaVitaeUrl'] as const) {
    const value = ids[field];
    if (value === undefined) continue;
    if (value.trim()) next[field] = value.trim();
    else delete next[field];
  }
  return tidy([...records.filter((r) => r.key !== target), next]);
}

/**
 * Unites imported records with stored ones: each imported merge and id is applied in turn, a
 * stored decision winning where the two disagree (a key already merged elsewhere stays there).
 */
export function mergePersonRecords(
  stored: readonly PersonRecord[],
  incoming: readonly PersonRecord[],
  now: string,
): PersonRecord[] {
  let records = [...stored];
  for (const r of incoming) {
    const resolve = resolverOf(records);
    for (const k of r.mergedKeys) {
      if (resolve(k) === k && resolve(r.key) !== k && !records.some((s) => s.key === k)) {
        records = mergePeople(records, k, r.key, now);
      }
    }
    const target = resolverOf(records)(r.key);
    const known = records.find((s) => s.key === target);
    const ids: ExternalIds = {
      ...(!known?.cpedId && r.cpedId && { cpedId: r.cpedId }),
      ...(!known?.chinaVitaeUrl && r.chinaVitaeUrl && { chinaVitaeUrl: r.chinaVitaeUrl }),
    };
    if (Object.keys(ids).length > 0) records = setExternalIds(records, target, ids, now);
  }
  return tidy(records);
}

/** Title spans of one person seen under several keys, united by title. */
function uniteTitles(spans: readonly TitleSpan[]): TitleSpan[] {
  const byTitle = new Map<string, TitleSpan>();
  for (const s of spans) {
    const known = byTitle.get(s.title);
    if (!known) byTitle.set(s.title, { ...s });
    else {
      if (s.firstDate < known.firstDate) known.firstDate = s.firstDate;
      if (s.lastDate > known.lastDate) known.lastDate = s.lastDate;
      known.clips += s.clips;
    }
  }
  return [...byTitle.values()].sort((a, b) => (a.firstDate < b.firstDate ? -1 : 1));
}

/** A person of the index with the researcher's decisions: merged keys and external ids. */
export interface MergedPersonEntry extends PersonIndexEntry {
  /** Keys merged into this person that the clips show. */
  mergedKeys: string[];
  record: PersonRecord | null;
}

/**
 * The people index with the researcher's merges applied: the entries of keys merged into one
 * person become one entry under the person's key (sightings united, one per clip), each carrying
 * its record. Order: by sightings, as the index.
 */
export function applyPersonMerges(
  index: readonly PersonIndexEntry[],
  records: readonly PersonRecord[],
): MergedPersonEntry[] {
  const resolve = resolverOf(records);
  const recordOf = new Map(records.map((r) => [r.key, r]));
  const groups = new Map<string, PersonIndexEntry[]>();
  for (const entry of index) {
    const key = resolve(entry.key);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const out: MergedPersonEntry[] = [];
  for (const [key, entries] of groups) {
    const main = entries.find((e) => e.key === key) ?? entries[0]!;
    const sightings = new Map<string, Sighting>();
    for (const e of entries) for (const s of e.sightings) sightings.set(s.clipId, s);
    const list = [...sightings.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    out.push({
      ...main,
      key,
      titles: uniteTitles(entries.flatMap((e) => e.titles)),
      sightings: list,
      firstDate: list[0]?.date ?? main.firstDate,
      lastDate: list.at(-1)?.date ?? main.lastDate,
      mergedKeys: entries.map((e) => e.key).filter((k) => k !== key),
      record: recordOf.get(key) ?? null,
    });
  }
  return out.sort((a, b) => b.sightings.length - a.sightings.length);
}

/**
 * Clip filters: free-text search plus kind, official, meeting body, site, tag and date range.
 * The same function serves the background (`clips/list`) and the library page.
 */
import type { EntityKind } from '../types';
import { clipDateOf, type Clip } from './model';
import { matchesTerms, queryTerms, type SearchNormaliser } from './search';

/** Filter for listing and searching clips. */
export interface ClipQuery {
  /** Free text; matches across scripts and ignores pinyin glosses. */
  text?: string;
  /** Only clips containing an entity of this kind. */
  kind?: EntityKind;
  /** Only clips mentioning this official (simplified name). */
  official?: string;
  /** Only clips mentioning a meeting of this body. */
  meetingBody?: string;
  /**
   * Only these clips: where one person key or one meeting series was seen (two 王伟 of different
   * places share a name but not their clips).
   */
  clipIds?: readonly string[];
  site?: string;
  tag?: string;
  /** ISO dates, inclusive, compared with the clip date (publication date, else save date). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Orders clips newest first (by save time, id as tie-break so the order is stable). */
export function compareNewestFirst(a: Clip, b: Clip): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Builds a predicate for every filter of `query` except paging. */
function createClipPredicate(
  query: ClipQuery,
  normaliser: SearchNormaliser,
): (clip: Clip) => boolean {
  const terms = query.text ? queryTerms(query.text, normaliser) : [];
  const official = query.official ? normaliser.normalise(query.official) : '';
  const body = query.meetingBody ? normaliser.normalise(query.meetingBody) : '';
  const ids = query.clipIds ? new Set(query.clipIds) : undefined;
  return (clip) => {
    if (ids && !ids.has(clip.id)) return false;
    if (query.site && clip.site !== query.site) return false;
    if (query.tag && !clip.tags.includes(query.tag)) return false;
    if (query.kind && !clip.entities.some((e) => e.kind === query.kind)) return false;
    if (
      official &&
      !clip.entities.some(
        (e) => e.kind === 'official' && normaliser.normaliseSimplified(e.name) === official,
      )
    )
      return false;
    if (
      body &&
      !clip.entities.some(
        (e) => e.kind === 'meeting' && normaliser.normaliseSimplified(e.body ?? '') === body,
      )
    )
      return false;
    if (query.from || query.to) {
      const date = clipDateOf(clip);
      if (query.from && date < query.from.slice(0, 10)) return false;
      if (query.to && date > query.to.slice(0, 10)) return false;
    }
    return matchesTerms(clip, terms, normaliser);
  };
}

/**
 * Filters clips (newest first) and applies paging; `total` counts all matches. Pass
 * `presorted` when `clips` are newest first already.
 */
export function filterClips(
  clips: readonly Clip[],
  query: ClipQuery,
  normaliser: SearchNormaliser,
  options: { presorted?: boolean } = {},
): { clips: Clip[]; total: number } {
  // Filtering keeps order, so clips already newest first need no sort on every keystroke.
  const matches = clips.filter(createClipPredicate(query, normaliser));
  if (!options.presorted) matches.sort(compareNewestFirst);
  const offset = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : offset + query.limit;
  return { clips: matches.slice(offset, end), total: matches.length };
}

/** Distinct values to offer in filter menus, sorted. */
export function filterChoicesOf(clips: readonly Clip[]): {
  sites: string[];
  tags: string[];
  officials: string[];
  meetingBodies: string[];
} {
  const sites = new Set<string>();
  const tags = new Set<string>();
  const officials = new Set<string>();
  const bodies = new Set<string>();
  for (const c of clips) {
    if (c.site) sites.add(c.site);
    for (const t of c.tags) tags.add(t);
    for (const e of c.entities) {
      if (e.kind === 'official') officials.add(e.name);
      else if (e.kind === 'meeting' && e.body) bodies.add(e.body);
    }
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    sites: sorted(sites),
    tags: sorted(tags),
    officials: sorted(officials),
    meetingBodies: sorted(bodies),
  };
}

/** Whether every clip matching all of `next` also matches all of `prev` (each old term lives on inside a new one). */
export function narrowsTerms(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((p) => next.some((n) => n.includes(p)));
}

/**
 * A filter for a page that re-filters the same clips on every keystroke: when only the text
 * changed and the new terms narrow the last ones (typing on), it searches the last matches
 * instead of every clip. Answers exactly what `filterClips(clips, query, …, presorted)` would.
 */
export function createIncrementalFilter(
  normaliser: SearchNormaliser,
): (clips: readonly Clip[], query: ClipQuery) => Clip[] {
  let last: { clips: readonly Clip[]; rest: string; terms: string[]; matches: Clip[] } | null =
    null;
  return (clips, query) => {
    const { text, limit: _limit, offset: _offset, ...filters } = query;
    const rest = JSON.stringify(filters);
    const terms = text ? queryTerms(text, normaliser) : [];
    const narrowing =
      last !== null &&
      last.clips === clips &&
      last.rest === rest &&
      narrowsTerms(last.terms, terms);
    const base = narrowing && last ? last.matches : clips;
    const matches = base.filter(createClipPredicate(query, normaliser));
    last = { clips, rest, terms, matches };
    return matches;
  };
}

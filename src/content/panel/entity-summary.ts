/**
 * Groups a page's entities for display: each official once (titles seen anywhere on the page,
 * number of mentions), each meeting and each directive phrase once with its mentions. Indices
 * point into the entity list the groups were built from, so the UI can scroll to any mention.
 */
import type { DirectiveEntity, Entity, EntityKind, MeetingEntity } from '../../core/types';

/** One person on the page. */
export interface OfficialGroup {
  key: string;
  name: string;
  titles: string[];
  mentions: number[];
}

/** One meeting on the page. */
export interface MeetingGroup {
  key: string;
  entity: MeetingEntity;
  mentions: number[];
}

/** One directive phrase on the page. */
export interface DirectiveGroup {
  key: string;
  entity: DirectiveEntity;
  mentions: number[];
}

/** Everything the panel lists. */
export interface EntitySummary {
  officials: OfficialGroup[];
  meetings: MeetingGroup[];
  directives: DirectiveGroup[];
}

/**
 * The panel's view of a painted entity list, kept up to date by truncating and appending: an
 * update costs the entities that changed, not the page's whole list (an infinite-scroll page
 * would otherwise re-summarise everything after every burst). The lists it holds are changed in
 * place: a view read before an update shows the update.
 */
export interface EntityDigest {
  /** The entities, in the painted list's order. */
  readonly entities: readonly Entity[];
  readonly summary: EntitySummary;
  readonly counts: Readonly<Record<EntityKind, number>>;
  /** Forgets every entity from index `length` on. */
  truncate(length: number): void;
  /** Adds `entities` after the ones it holds. */
  append(entities: readonly Entity[]): void;
}

/** What adding one entity did, so that it can be undone exactly (in reverse order). */
interface Added {
  groups: Array<{ key: string }>;
  byKey: Map<string, { key: string; mentions: number[] }>;
  group: { key: string; mentions: number[]; titles?: string[] };
  created: boolean;
  titlesAdded: number;
}

/** Creates an empty digest. */
export function createEntityDigest(): EntityDigest {
  const entities: Entity[] = [];
  const summary: EntitySummary = { officials: [], meetings: [], directives: [] };
  const counts: Record<EntityKind, number> = { official: 0, meeting: 0, directive: 0 };
  const officials = new Map<string, OfficialGroup>();
  const meetings = new Map<string, MeetingGroup>();
  const directives = new Map<string, DirectiveGroup>();
  const added: Added[] = [];

  function add(e: Entity): void {
    const i = entities.length;
    entities.push(e);
    counts[e.kind] += 1;
    if (e.kind === 'official') {
      let g = officials.get(e.personId);
      const created = !g;
      if (!g) {
        g = { key: e.personId, name: e.name, titles: [], mentions: [] };
        officials.set(g.key, g);
        summary.officials.push(g);
      }
      let titlesAdded = 0;
      for (const t of e.titles)
        if (!g.titles.includes(t)) {
          g.titles.push(t);
          titlesAdded++;
        }
      g.mentions.push(i);
      added.push({ groups: summary.officials, byKey: officials, group: g, created, titlesAdded });
      return;
    }
    if (e.kind === 'meeting') {
      const key = meetingKey(e);
      addTo(meetings, summary.meetings, key, i, () => ({ key, entity: e, mentions: [] }));
    } else {
      const key = `${e.subtype}:${e.normalized}`;
      addTo(directives, summary.directives, key, i, () => ({ key, entity: e, mentions: [] }));
    }
  }

  function addTo<G extends { key: string; mentions: number[] }>(
    byKey: Map<string, G>,
    groups: G[],
    key: string,
    i: number,
    make: () => G,
  ): void {
    let g = byKey.get(key);
    const created = !g;
    if (!g) {
      g = make();
      byKey.set(key, g);
      groups.push(g);
    }
    g.mentions.push(i);
    added.push({ groups, byKey, group: g, created, titlesAdded: 0 });
  }

  return {
    entities,
    summary,
    counts,
    truncate(length) {
      while (entities.length > length) {
        const e = entities.pop()!;
        const a = added.pop()!;
        counts[e.kind] -= 1;
        a.group.mentions.pop();
        if (a.titlesAdded) a.group.titles!.length -= a.titlesAdded;
        // Groups are listed in order of first mention: one made by this entity is the last.
        if (a.created) {
          a.groups.pop();
          a.byKey.delete(a.group.key);
        }
      }
    },
    append(list) {
      for (const e of list) add(e);
    },
  };
}

/** Groups `entities` (in page order) by person, meeting and directive phrase. */
export function summarizeEntities(entities: readonly Entity[]): EntitySummary {
  const digest = createEntityDigest();
  digest.append(entities);
  return digest.summary;
}

/** Identity of a meeting: body, term, ordinals and type (the wording may vary). */
export function meetingKey(e: MeetingEntity): string {
  return (
    [e.body ?? '', e.term ?? '', e.ordinals.join(','), e.meetingType ?? ''].join('|') ||
    e.simplified
  );
}

/**
 * Groups a page's entities for display: each official once (titles seen anywhere on the page,
 * number of mentions), each meeting and each directive phrase once with its mentions. Indices
 * point into the entity list the groups were built from, so the UI can scroll to any mention.
 */
import type { DirectiveEntity, Entity, MeetingEntity } from '../../core/types';

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

/** Groups `entities` (in page order) by person, meeting and directive phrase. */
export function summarizeEntities(entities: readonly Entity[]): EntitySummary {
  const officials = new Map<string, OfficialGroup>();
  const meetings = new Map<string, MeetingGroup>();
  const directives = new Map<string, DirectiveGroup>();
  entities.forEach((e, i) => {
    if (e.kind === 'official') {
      const g = officials.get(e.personId) ?? {
        key: e.personId,
        name: e.name,
        titles: [],
        mentions: [],
      };
      for (const t of e.titles) if (!g.titles.includes(t)) g.titles.push(t);
      g.mentions.push(i);
      officials.set(e.personId, g);
    } else if (e.kind === 'meeting') {
      const key = meetingKey(e);
      const g = meetings.get(key) ?? { key, entity: e, mentions: [] };
      g.mentions.push(i);
      meetings.set(key, g);
    } else {
      const key = `${e.subtype}:${e.normalized}`;
      const g = directives.get(key) ?? { key, entity: e, mentions: [] };
      g.mentions.push(i);
      directives.set(key, g);
    }
  });
  return {
    officials: [...officials.values()],
    meetings: [...meetings.values()],
    directives: [...directives.values()],
  };
}

/** Identity of a meeting: body, term, ordinals and type (the wording may vary). */
export function meetingKey(e: MeetingEntity): string {
  return (
    [e.body ?? '', e.term ?? '', e.ordinals.join(','), e.meetingType ?? ''].join('|') ||
    e.simplified
  );
}

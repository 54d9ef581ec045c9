/**
 * The tidy tables: documents (clips, or pages the CLI read) turned into one row per clip, person,
 * mention, title, meeting, meeting participant and tag, joined by keys (see `tidy-schemas.ts`).
 */
import type { ClipMeeting } from '../clips/model';
import { resolverOf, type PersonRecord } from '../clips/person-merges';
import type { OfficialEntity } from '../types';
import { siteOfDocument, type TidyDocument } from './document';
import { meetingKeyOf, peopleOfDocument, seriesKeyOf, type DocumentPerson } from './keys';
import { TABLE_NAMES, TABLE_SCHEMAS, type TableName, type TableSchema } from './tidy-schemas';

/** One cell; null is written empty. */
export type Cell = string | number | boolean | null;

/** One row, by column name. */
export type Row = Record<string, Cell>;

/** A table: its schema and rows. */
export interface TidyTable {
  schema: TableSchema;
  rows: Row[];
}

/** Every table of the export. */
export type TidyTables = Record<TableName, TidyTable>;

const ROLES = [
  ['chairs', 'chair'],
  ['speakers', 'speaker'],
  ['attendees', 'attendee'],
] as const;

/** The participants of a meeting, every role. */
function peopleIn(m: ClipMeeting): string[] {
  return [...m.chairs, ...m.speakers, ...m.attendees];
}

/** `YYYY-MM-DD` at the start of an ISO date or date-time, else null. */
function dayOf(iso: string | null): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

/**
 * Builds the rows of one document into `out`; `people` collects person rows across documents,
 * under the key `resolve` gives (the person a key was merged into).
 */
function addDocument(
  doc: TidyDocument,
  out: Record<TableName, Row[]>,
  people: Map<string, { row: Row; clips: Set<string> }>,
  resolve: (key: string) => string,
): void {
  const meetings = doc.meetings ?? [];
  const officials = doc.entities.filter((e): e is OfficialEntity => e.kind === 'official');
  const persons = peopleOfDocument(
    officials,
    meetings.map((m) => ({ place: m.place, people: peopleIn(m) })),
  );
  const personKey = (name: string): string => {
    const p = persons.get(name) as DocumentPerson;
    const key = resolve(p.key);
    const seen = people.get(key);
    // The row of a merged person is named by the mention of its own key, when there is one.
    if (seen && (key !== p.key || seen.row.keySeen)) seen.clips.add(doc.id);
    else {
      const row = { person_key: key, name: p.name, jurisdiction: p.jurisdiction, clips: 0 };
      const keySeen = key === p.key;
      people.set(key, {
        row: { ...row, keySeen },
        clips: new Set([...(seen?.clips ?? []), doc.id]),
      });
    }
    return key;
  };
  const publishedDate = dayOf(doc.publishedAt);

  out.clips.push({
    clip_id: doc.id,
    url: doc.url,
    site: siteOfDocument(doc),
    title: doc.title,
    source: doc.source,
    published_at: doc.publishedAt,
    published_date: publishedDate,
    saved_at: doc.savedAt,
    whole_article: doc.wholeArticle,
    gov_score: Math.round(doc.govScore * 1000) / 1000,
    is_gov_news: doc.isGovNews,
    meetings_recorded: doc.meetings !== null,
    quote: doc.quote,
    note: doc.note,
  });

  doc.entities.forEach((e, position) => {
    const entityId = `${doc.id}#e${position}`;
    const row: Row = {
      entity_id: entityId,
      clip_id: doc.id,
      position,
      kind: e.kind,
      text: e.text,
      simplified: e.simplified,
      start: e.start,
      end: e.end,
      corrected: 'corrected' in e && e.corrected === true,
    };
    if (e.kind === 'official') {
      const key = personKey(e.name);
      Object.assign(row, { person_key: key, name: e.name, role: e.role, level: e.level ?? null });
      e.titles.forEach((title, i) =>
        out.official_titles.push({
          entity_id: entityId,
          position: i,
          person_key: key,
          clip_id: doc.id,
          title,
          published_date: publishedDate,
        }),
      );
    } else if (e.kind === 'meeting') {
      Object.assign(row, {
        meeting_body: e.body ?? null,
        meeting_type: e.meetingType ?? null,
        meeting_category: e.category ?? null,
        term: e.term ?? null,
        ordinals: e.ordinals.join('+'),
        expanded: e.expanded ?? null,
      });
    } else {
      Object.assign(row, {
        directive_subtype: e.subtype,
        directive_text: e.normalized,
        directive_count: e.count ?? null,
      });
    }
    out.entities.push(row);
  });

  meetings.forEach((m, position) => {
    const meetingId = `${doc.id}#m${position}`;
    const type = m.meetingType ?? m.type;
    out.meetings.push({
      meeting_id: meetingId,
      clip_id: doc.id,
      position,
      meeting_key: meetingKeyOf({
        place: m.place,
        body: m.body,
        type,
        ordinals: m.ordinals,
        date: m.date,
      }),
      series_key: seriesKeyOf({ place: m.place, body: m.body, type }),
      name: m.name,
      body: m.body,
      category: m.type,
      meeting_type: m.meetingType,
      term: m.term,
      ordinal: m.ordinals[0] ?? null,
      ordinals: m.ordinals.join('+'),
      expanded: m.expanded,
      date: m.date,
      place: m.place,
      relayed: m.relayed.join('；'),
    });
    for (const [field, role] of ROLES) {
      m[field].forEach((name, i) =>
        out.meeting_people.push({
          meeting_id: meetingId,
          person_key: personKey(name),
          name,
          role,
          position: i,
        }),
      );
    }
  });

  for (const tag of new Set(doc.tags)) out.tags.push({ clip_id: doc.id, tag });
}

/**
 * The tidy tables of `documents`, with the researcher's people records applied: every person
 * column holds the key a person was merged into, and the people table lists the keys merged and
 * the external ids. Document ids must be unique (an export of a library is); a repeated id is an
 * error rather than rows that silently join the wrong clip.
 */
export function tidyTablesOf(
  documents: readonly TidyDocument[],
  records: readonly PersonRecord[] = [],
): TidyTables {
  const resolve = resolverOf(records);
  const recordOf = new Map(records.map((r) => [r.key, r]));
  const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, [] as Row[]])) as Record<
    TableName,
    Row[]
  >;
  const people = new Map<string, { row: Row; clips: Set<string> }>();
  const ids = new Set<string>();
  for (const doc of documents) {
    if (ids.has(doc.id)) throw new Error(`Tidy export: document id "${doc.id}" appears twice`);
    ids.add(doc.id);
    addDocument(doc, rows, people, resolve);
  }
  rows.people = [...people.values()].map(({ row: { keySeen: _seen, ...row }, clips }) => {
    const record = recordOf.get(row.person_key as string);
    return {
      ...row,
      clips: clips.size,
      merged_keys: record?.mergedKeys.join('; ') || null,
      cped_id: record?.cpedId ?? null,
      china_vitae_url: record?.chinaVitaeUrl ?? null,
    };
  });
  return Object.fromEntries(
    TABLE_NAMES.map((n) => [n, { schema: TABLE_SCHEMAS[n], rows: rows[n] }]),
  ) as TidyTables;
}

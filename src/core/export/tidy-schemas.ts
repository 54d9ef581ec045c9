/**
 * The tables of the tidy export and their Frictionless table schemas: one definition gives the
 * CSV columns, their order and the field types, keys and foreign keys of `datapackage.json`.
 */

/** Frictionless field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

/** One column. */
export interface TableField {
  name: string;
  type: FieldType;
  description: string;
  /** Frictionless `format` (datetimes: `any`, since times carry milliseconds or no seconds). */
  format?: string;
  /** Never empty. */
  required?: boolean;
}

/** A foreign key: `fields` of this table join `fields` of `resource`. */
export interface ForeignKey {
  fields: string[];
  reference: { resource: TableName; fields: string[] };
}

/** One table's schema. */
export interface TableSchema {
  name: TableName;
  description: string;
  fields: TableField[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** The tables, in the order they are written. */
export const TABLE_NAMES = [
  'clips',
  'people',
  'entities',
  'official_titles',
  'meetings',
  'meeting_people',
  'tags',
] as const;

/** A table's name (its file is `<name>.csv`). */
export type TableName = (typeof TABLE_NAMES)[number];

const f = (
  name: string,
  type: FieldType,
  description: string,
  extra: Partial<TableField> = {},
): TableField => ({ name, type, description, ...extra });
const id = (name: string, description: string) =>
  f(name, 'string', description, { required: true });
const fk = (field: string, resource: TableName, target = field): ForeignKey => ({
  fields: [field],
  reference: { resource, fields: [target] },
});

/** Every table's schema. */
export const TABLE_SCHEMAS: Record<TableName, TableSchema> = {
  clips: {
    name: 'clips',
    description: 'One row per clip (or per page, for the command line).',
    primaryKey: ['clip_id'],
    foreignKeys: [],
    fields: [
      id('clip_id', 'Clip id (or the page for the command line).'),
      f('url', 'string', 'Page URL.'),
      f('site', 'string', 'Host name of the URL, without www.'),
      f('title', 'string', 'Page title.'),
      f('source', 'string', 'Publishing outlet, when the page names it.'),
      f('published_at', 'string', 'Publication date or date-time as the page gives it (ISO).'),
      f('published_date', 'date', 'Publication day.'),
      f('saved_at', 'datetime', 'When the clip was saved (UTC).', { format: 'any' }),
      f('whole_article', 'boolean', 'The whole article was saved, not a selection.'),
      f('gov_score', 'number', 'Government-news score, 0 to 1.'),
      f('is_gov_news', 'boolean', 'Counted as government news at saving.'),
      f(
        'meetings_recorded',
        'boolean',
        'Meeting records were read (false: saved before they were).',
      ),
      f('quote', 'string', 'The passage, simplified script.'),
      f('note', 'string', "The researcher's note."),
    ],
  },
  people: {
    name: 'people',
    description:
      'One row per person: a person key (name plus jurisdiction, or the first title seen), with the keys the researcher merged into it.',
    primaryKey: ['person_key'],
    foreignKeys: [],
    fields: [
      id('person_key', 'Person key: jurisdiction/name, or ?/name/first title when unknown.'),
      f('name', 'string', 'Simplified name.', { required: true }),
      f('jurisdiction', 'string', 'Jurisdiction read from titles or meetings (临汾市).'),
      f('clips', 'integer', 'Clips the person appears in.'),
      f(
        'merged_keys',
        'string',
        'Person keys the researcher merged into this one, joined by "; ".',
      ),
      f('cped_id', 'string', 'Id in the China Political Elite Database (CPED), when set.'),
      f('china_vitae_url', 'string', 'The China Vitae page, when set.'),
    ],
  },
  entities: {
    name: 'entities',
    description: 'One row per marked mention: officials, numbered meetings, directive phrases.',
    primaryKey: ['entity_id'],
    foreignKeys: [fk('clip_id', 'clips'), fk('person_key', 'people')],
    fields: [
      id('entity_id', 'clip_id#e<position>.'),
      id('clip_id', 'The clip.'),
      f('position', 'integer', 'Order in the clip, from 0.', { required: true }),
      f('kind', 'string', 'official, meeting or directive.', { required: true }),
      f('text', 'string', 'As on the page.'),
      f('simplified', 'string', 'Simplified script.'),
      f('start', 'integer', 'Offset in the passage (UTF-16 units).'),
      f('end', 'integer', 'End offset in the passage.'),
      f(
        'corrected',
        'boolean',
        'The researcher fixed this mention (name, titles or ordinals); rejected ones are left out.',
      ),
      f('person_key', 'string', 'Officials: the person.'),
      f('name', 'string', 'Officials: the name.'),
      f('role', 'string', 'Officials: titled, list or mention.'),
      f('level', 'string', 'Officials: national … township, when the titles say.'),
      f('meeting_body', 'string', 'Meetings: who met.'),
      f('meeting_type', 'string', 'Meetings: 专题会议, 常委会 ….'),
      f('meeting_category', 'string', 'Meetings: plenum, congress, session or meeting.'),
      f('term', 'integer', 'Meetings: 届.'),
      f('ordinals', 'string', 'Meetings: ordinals joined by +.'),
      f('expanded', 'boolean', 'Meetings: enlarged (扩大).'),
      f('directive_subtype', 'string', 'Directives: slogan, formula, imperative, enumeration.'),
      f('directive_text', 'string', 'Directives: normalised, without quotes.'),
      f('directive_count', 'integer', 'Directives: the number (二十条 → 20).'),
    ],
  },
  official_titles: {
    name: 'official_titles',
    description: 'One row per title of an official mention, with the publication day.',
    primaryKey: ['entity_id', 'position'],
    foreignKeys: [fk('entity_id', 'entities'), fk('person_key', 'people'), fk('clip_id', 'clips')],
    fields: [
      id('entity_id', 'The official mention.'),
      f('position', 'integer', 'Order of the title in the chain, from 0.', { required: true }),
      id('person_key', 'The person.'),
      id('clip_id', 'The clip.'),
      f('title', 'string', 'The title, simplified, as written.', { required: true }),
      f('published_date', 'date', 'Publication day of the page.'),
    ],
  },
  meetings: {
    name: 'meetings',
    description: "One row per meeting a clip's page reports as held.",
    primaryKey: ['meeting_id'],
    foreignKeys: [fk('clip_id', 'clips')],
    fields: [
      id('meeting_id', 'clip_id#m<position>.'),
      id('clip_id', 'The clip.'),
      f('position', 'integer', 'Order on the page, from 0.', { required: true }),
      id('meeting_key', 'The meeting across clips: series/ordinals/date.'),
      id('series_key', 'The series: jurisdiction/body/type.'),
      f('name', 'string', 'As the page names it.'),
      f('body', 'string', 'Who met.'),
      f('category', 'string', 'plenum, congress, session or meeting.'),
      f('meeting_type', 'string', '专题会议, 常委会 ….'),
      f('term', 'integer', '届.'),
      f('ordinal', 'integer', 'The (first) ordinal.'),
      f('ordinals', 'string', 'All ordinals joined by +.'),
      f('expanded', 'boolean', 'Enlarged (扩大).'),
      f('date', 'date', 'The day it was held.'),
      f('place', 'string', 'Jurisdiction, or its level alone.'),
      f('relayed', 'string', 'What it relayed or studied, joined by ；.'),
    ],
  },
  meeting_people: {
    name: 'meeting_people',
    description: 'Who chaired, spoke at and attended each meeting.',
    primaryKey: ['meeting_id', 'role', 'position'],
    foreignKeys: [fk('meeting_id', 'meetings'), fk('person_key', 'people')],
    fields: [
      id('meeting_id', 'The meeting.'),
      id('person_key', 'The person.'),
      f('name', 'string', 'Simplified name.', { required: true }),
      f('role', 'string', 'chair, speaker or attendee.', { required: true }),
      f('position', 'integer', 'Order within the role, from 0.', { required: true }),
    ],
  },
  tags: {
    name: 'tags',
    description: "The researcher's tags.",
    primaryKey: ['clip_id', 'tag'],
    foreignKeys: [fk('clip_id', 'clips')],
    fields: [id('clip_id', 'The clip.'), f('tag', 'string', 'One tag.', { required: true })],
  },
};

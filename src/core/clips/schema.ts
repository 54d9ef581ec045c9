/**
 * Valibot schemas for clips and drafts, with size limits. Used by the background to validate
 * messages and by the importer to validate files, so both accept exactly the same data.
 */
import * as v from 'valibot';
import { CLIP_SCHEMA_VERSION, type Clip, type ClipDraft } from './model';
import type { PersonRecord } from './person-merges';

/** Size limits shared by messages and imports. */
export const LIMITS = {
  url: 4096,
  title: 1000,
  /** A whole article can be long; a passage is usually far shorter. */
  quote: 200_000,
  context: 2000,
  note: 20_000,
  tag: 100,
  tags: 50,
  entities: 5000,
  entityText: 2000,
  shortText: 500,
  /** Meeting records one clip keeps. */
  meetings: 200,
  /** Names in one field of a meeting record. */
  meetingNames: 500,
  id: 100,
  /** Clips in one message (bulk delete, restore). */
  batch: 20_000,
  /** Characters of an import file. */
  importChars: 60_000_000,
  /** Clips in one import file. */
  importClips: 100_000,
  /** Characters of page text the background's engine reads; a longer page is read in its tab. */
  engineText: 4_000_000,
  /** Words in one list of the user's lexicon sent with a page (titles, organisations, slogans). */
  lexiconWords: 100_000,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const shortText = text(LIMITS.shortText);
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const shortList = v.pipe(v.array(shortText), v.maxLength(100));

const entityBase = {
  text: text(LIMITS.entityText),
  simplified: text(LIMITS.entityText),
  start: offset,
  end: offset,
};

/** One engine entity (unknown extra fields are dropped, so newer engines stay importable). */
export const entitySchema = v.variant('kind', [
  v.object({
    ...entityBase,
    kind: v.literal('official'),
    name: shortText,
    titles: shortList,
    level: v.optional(v.picklist(['national', 'provincial', 'municipal', 'county', 'township'])),
    personId: shortText,
    role: v.picklist(['titled', 'list', 'mention']),
    nameStart: offset,
    nameEnd: offset,
  }),
  v.object({
    ...entityBase,
    kind: v.literal('meeting'),
    ordinals: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.maxLength(100)),
    term: v.optional(v.pipe(v.number(), v.integer())),
    body: v.optional(shortText),
    meetingType: v.optional(shortText),
    category: v.optional(v.picklist(['plenum', 'congress', 'session', 'meeting'])),
    expanded: v.optional(v.boolean()),
  }),
  v.object({
    ...entityBase,
    kind: v.literal('directive'),
    subtype: v.picklist(['slogan', 'formula', 'imperative', 'enumeration']),
    normalized: text(LIMITS.entityText),
    count: v.optional(v.pipe(v.number(), v.integer())),
  }),
]);

const nameList = v.pipe(v.array(shortText), v.maxLength(LIMITS.meetingNames));

/** One meeting record kept with a clip (unknown extra fields are dropped, as for entities). */
export const clipMeetingSchema = v.object({
  name: shortText,
  body: v.nullable(shortText),
  type: v.picklist(['plenum', 'congress', 'session', 'meeting']),
  meetingType: v.nullable(shortText),
  term: v.nullable(v.pipe(v.number(), v.integer())),
  ordinals: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.maxLength(100)),
  expanded: v.boolean(),
  date: v.nullable(v.pipe(shortText, v.isoDate('must be a YYYY-MM-DD date'))),
  place: v.nullable(shortText),
  chairs: nameList,
  speakers: nameList,
  attendees: nameList,
  relayed: v.pipe(v.array(text(LIMITS.entityText)), v.maxLength(100)),
});

/** An entity id (`official@12-15`, see `entityIdOf`). */
export const entityIdSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.id),
  v.regex(/^(official|meeting|directive)@\d+-\d+$/, 'must be kind@start-end'),
);

/** One correction as the researcher asks for it (the store stamps its time). */
export const correctionInputSchema = v.strictObject({
  entityId: entityIdSchema,
  action: v.picklist(['reject', 'fix']),
  name: v.optional(v.pipe(shortText, v.trim(), v.minLength(1, 'the name is empty'))),
  titles: v.optional(shortList),
  ordinals: v.optional(
    v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(100)),
  ),
});

/** One stored correction. */
export const correctionSchema = v.strictObject({
  ...correctionInputSchema.entries,
  correctedAt: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp('must be an ISO 8601 time')),
});

/** A clip's corrections, at most one per entity. */
export const correctionsSchema = v.pipe(
  v.array(correctionSchema),
  v.maxLength(LIMITS.entities),
  v.check(
    (list) => new Set(list.map((c) => c.entityId)).size === list.length,
    'at most one correction per entity',
  ),
);

/** Page facts kept with a clip. */
export const pageMetaSchema = v.strictObject({
  isGovNews: v.boolean(),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  script: v.picklist(['simplified', 'traditional', 'mixed', 'none']),
  source: v.optional(shortText),
  publishedAt: v.optional(
    v.pipe(shortText, v.regex(/^\d{4}-\d{2}-\d{2}/, 'must start YYYY-MM-DD')),
  ),
  byline: shortList,
});

/** A clip's W3C selectors: the quote with its context, and its position in the page text. */
export const selectorsSchema = v.strictObject({
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: text(LIMITS.quote),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
  }),
  position: v.strictObject({
    type: v.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  }),
});

const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.url('must be a URL'),
  v.regex(/^https?:/i, 'must be an http(s) URL'),
);

const tagsSchema = v.pipe(v.array(text(LIMITS.tag)), v.maxLength(LIMITS.tags));
const isoTime = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp('must be an ISO 8601 time'));

const draftEntries = {
  url: httpUrl,
  title: text(LIMITS.title),
  page: pageMetaSchema,
  quote: v.strictObject({ exact: text(LIMITS.quote), simplified: text(LIMITS.quote) }),
  selectors: selectorsSchema,
  entities: v.pipe(v.array(entitySchema), v.maxLength(LIMITS.entities)),
  wholeArticle: v.boolean(),
  meetings: v.optional(v.pipe(v.array(clipMeetingSchema), v.maxLength(LIMITS.meetings))),
};

/** What the content script may send as a new clip. */
export const clipDraftSchema = v.strictObject({
  ...draftEntries,
  note: v.optional(text(LIMITS.note)),
  tags: v.optional(tagsSchema),
});

/** A clip id. */
export const clipIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id));

/** A complete stored clip. */
export const clipSchema = v.strictObject({
  ...draftEntries,
  id: clipIdSchema,
  // A clip written by a newer version may carry fields this one would drop: refused, not merged.
  schemaVersion: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(
      CLIP_SCHEMA_VERSION,
      `must be at most ${CLIP_SCHEMA_VERSION}: written by a newer version`,
    ),
  ),
  createdAt: isoTime,
  updatedAt: isoTime,
  site: text(LIMITS.url),
  note: text(LIMITS.note),
  tags: tagsSchema,
  corrections: v.optional(correctionsSchema),
});

/** A clip as an export file holds it: corrected, with the engine's output beside (see export). */
export const exportedClipSchema = v.strictObject({
  ...clipSchema.entries,
  engine: v.optional(
    v.strictObject({
      entities: draftEntries.entities,
      meetings: draftEntries.meetings,
    }),
  ),
});

/** A person key (`临汾市/董一兵`, see `export/keys.ts`). */
export const personKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.shortText));

/** A CPED id as the researcher types it: letters, digits and `_.:-`; empty clears it. */
export const cpedIdSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(64),
  v.regex(/^[\w.:-]*$/, 'a CPED id is letters, digits and _ . : - only'),
);

/** A China Vitae page (https://www.chinavitae.com/…); empty clears it. */
export const chinaVitaeUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.url),
  v.regex(
    /^$|^https?:\/\/(www\.)?chinavitae\.(com|org)\//i,
    'must be a China Vitae page (www.chinavitae.com/…, with https)',
  ),
);

/** One people record (merged keys, external ids). */
export const personRecordSchema = v.strictObject({
  key: personKeySchema,
  mergedKeys: v.pipe(v.array(personKeySchema), v.maxLength(LIMITS.entities)),
  cpedId: v.optional(v.pipe(cpedIdSchema, v.minLength(1))),
  chinaVitaeUrl: v.optional(v.pipe(chinaVitaeUrlSchema, v.minLength(1))),
  updatedAt: isoTime,
});

// Compile-time proof that the schemas produce the model's types.
export type _DraftCheck = v.InferOutput<typeof clipDraftSchema> extends ClipDraft ? true : never;
export type _ClipCheck = v.InferOutput<typeof clipSchema> extends Clip ? true : never;
const _draftOk: _DraftCheck = true;
const _clipOk: _ClipCheck = true;
export type _PersonCheck =
  v.InferOutput<typeof personRecordSchema> extends PersonRecord ? true : never;
const _personOk: _PersonCheck = true;
void _personOk;
void _draftOk;
void _clipOk;

/**
 * Formats valibot issues as `path: reason` lines, at most `max` of them; `base` is the path of
 * the validated value inside a larger file.
 */
export function describeIssues(
  issues: readonly v.BaseIssue<unknown>[],
  max = 5,
  base = '',
): string {
  const lines = issues.slice(0, max).map((issue) => {
    const inner = v.getDotPath(issue);
    const path = base && inner ? `${base}.${inner}` : base || inner || '(root)';
    return `${path}: ${issue.message}`;
  });
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('; ');
}

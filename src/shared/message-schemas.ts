/**
 * Valibot schemas for every request payload in `MessageMap`. The background validates each
 * incoming message against these before any handler runs; unknown fields are rejected and every
 * string and array has a size limit.
 */
import * as v from 'valibot';
import { clipDraftSchema, clipIdSchema, clipSchema, LIMITS } from '../core/clips/schema';
import type { MessageName } from './messages';

const isoDay = v.pipe(
  v.string(),
  v.maxLength(40),
  v.regex(/^\d{4}-\d{2}-\d{2}/, 'must start YYYY-MM-DD'),
);
const filterText = v.pipe(v.string(), v.maxLength(LIMITS.shortText));

/** Schema of a clip query (`clips/list`). */
export const clipQuerySchema = v.strictObject({
  text: v.optional(filterText),
  kind: v.optional(v.picklist(['official', 'meeting', 'directive'])),
  official: v.optional(filterText),
  meetingBody: v.optional(filterText),
  site: v.optional(filterText),
  tag: v.optional(filterText),
  from: v.optional(isoDay),
  to: v.optional(isoDay),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.importClips))),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** Request schemas, keyed by message name. */
export const requestSchemas = {
  ping: v.strictObject({}),
  'clips/save': v.strictObject({ draft: clipDraftSchema }),
  'clips/list': clipQuerySchema,
  'clips/get': v.strictObject({ id: clipIdSchema }),
  'clips/update': v.strictObject({
    id: clipIdSchema,
    note: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.note))),
    tags: v.optional(
      v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.tag))), v.maxLength(LIMITS.tags)),
    ),
  }),
  'clips/delete': v.strictObject({
    ids: v.pipe(v.array(clipIdSchema), v.minLength(1), v.maxLength(LIMITS.batch)),
  }),
  'clips/restore': v.strictObject({
    clips: v.pipe(v.array(clipSchema), v.maxLength(LIMITS.batch)),
  }),
  'clips/import': v.union([
    v.strictObject({
      content: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.importChars)),
    }),
    v.strictObject({ url: v.pipe(v.string(), v.startsWith('blob:'), v.maxLength(LIMITS.url)) }),
  ]),
  'clips/open': v.strictObject({ id: clipIdSchema }),
  'clips/count-here': v.strictObject({}),
  'clips/pending-anchor': v.strictObject({
    url: v.pipe(v.string(), v.maxLength(LIMITS.url)),
  }),
} satisfies Partial<Record<MessageName, v.GenericSchema>>;

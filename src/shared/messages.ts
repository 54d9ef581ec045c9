/**
 * Every message the background answers, each declared once: its request schema (the request
 * type is inferred from it), its response type and who may send it. The background's handler
 * table is a total record over these names (src/background/handlers.ts), validated by
 * `answer` before any handler runs; senders use `send` from `send.ts`. Unknown fields are
 * rejected and every string and array has a size limit.
 */
import * as v from 'valibot';
import type { Clip } from '../core/clips/model';
import type { AnnotateResult } from '../core/types';
import type { PersonRecord } from '../core/clips/person-merges';
import {
  clipDraftSchema,
  clipIdSchema,
  clipSchema,
  correctionInputSchema,
  chinaVitaeUrlSchema,
  cpedIdSchema,
  entityIdSchema,
  LIMITS,
  personKeySchema,
} from '../core/clips/schema';
import type { Declarations, RequestOf, ResponseOf } from './message-kit';
import { message } from './message-kit';

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
  clipIds: v.optional(v.pipe(v.array(filterText), v.maxLength(LIMITS.importClips))),
  site: v.optional(filterText),
  tag: v.optional(filterText),
  from: v.optional(isoDay),
  to: v.optional(isoDay),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.importClips))),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const lexiconWords = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(200))),
  v.maxLength(LIMITS.lexiconWords),
);

/** The background's messages. */
export const MESSAGES = {
  ping: message<{ version: string }>()(v.strictObject({}), 'extension'),
  /**
   * Runs the engine on a page's text in the background, whose engine stays compiled from page to
   * page, away from the page's own main thread (`src/content/page-engine.ts`).
   */
  'engine/annotate': message<{ result: AnnotateResult }>()(
    v.strictObject({
      text: v.pipe(v.string(), v.maxLength(LIMITS.engineText)),
      url: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))),
      meta: v.optional(
        v.record(
          v.pipe(v.string(), v.maxLength(LIMITS.shortText)),
          v.pipe(v.string(), v.maxLength(LIMITS.title)),
        ),
      ),
      lexicon: v.optional(
        v.strictObject({
          titles: v.optional(lexiconWords),
          organisations: v.optional(lexiconWords),
          slogans: v.optional(lexiconWords),
        }),
      ),
      threshold: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    }),
    'extension',
  ),
  'clips/save': message<{ clip: Clip }>()(v.strictObject({ draft: clipDraftSchema }), 'extension'),
  /**
   * Clips newest first. `total` counts all matches (null for the plain newest page, which is read
   * without counting).
   */
  'clips/list': message<{ clips: Clip[]; total: number | null }>()(
    clipQuerySchema,
    'extension-pages',
  ),
  'clips/get': message<{ clip: Clip | null }>()(
    v.strictObject({ id: clipIdSchema }),
    'extension-pages',
  ),
  'clips/update': message<{ clip: Clip }>()(
    v.strictObject({
      id: clipIdSchema,
      note: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.note))),
      tags: v.optional(
        v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.tag))), v.maxLength(LIMITS.tags)),
      ),
    }),
    'extension-pages',
  ),
  /**
   * Sets and clears a clip's corrections (reject an entity, fix its name, titles or ordinals);
   * the engine's entities stay as they are.
   */
  'clips/correct': message<{ clip: Clip }>()(
    v.strictObject({
      id: clipIdSchema,
      set: v.optional(v.pipe(v.array(correctionInputSchema), v.maxLength(LIMITS.entities))),
      clear: v.optional(v.pipe(v.array(entityIdSchema), v.maxLength(LIMITS.entities))),
    }),
    'extension-pages',
  ),
  'clips/delete': message<{ deleted: Clip[] }>()(
    v.strictObject({
      ids: v.pipe(v.array(clipIdSchema), v.minLength(1), v.maxLength(LIMITS.batch)),
    }),
    'extension-pages',
  ),
  'clips/restore': message<{ restored: number }>()(
    v.strictObject({ clips: v.pipe(v.array(clipSchema), v.maxLength(LIMITS.batch)) }),
    'extension-pages',
  ),
  /**
   * Imports a file: its `content`, or the `url` of a blob: URL of this extension's origin that
   * the page made for the chosen file (the background reads it: no copy through the message).
   */
  'clips/import': message<{ added: number; merged: number }>()(
    v.union([
      v.strictObject({
        content: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.importChars)),
      }),
      v.strictObject({ url: v.pipe(v.string(), v.startsWith('blob:'), v.maxLength(LIMITS.url)) }),
    ]),
    'extension-pages',
  ),
  'clips/open': message<{ opened: boolean }>()(
    v.strictObject({ id: clipIdSchema }),
    'extension-pages',
  ),
  /**
   * How many clips were saved from the asking tab's own page (the URL the browser reports for the
   * sender, not one the page names): a content script learns nothing about other pages.
   */
  'clips/count-here': message<{ count: number }>()(v.strictObject({}), 'extension'),
  /** A tab asks whether it was opened to show a clip; answers the clip to re-anchor, if any. */
  'clips/pending-anchor': message<{ clip: Clip | null }>()(
    v.strictObject({ url: v.pipe(v.string(), v.maxLength(LIMITS.url)) }),
    'extension',
  ),
  /** Merges person `from` into person `into` (library-level); answers every people record. */
  'people/merge': message<{ people: PersonRecord[] }>()(
    v.strictObject({ from: personKeySchema, into: personKeySchema }),
    'extension-pages',
  ),
  /** Takes `mergedKey` out of person `key` again; answers every people record. */
  'people/split': message<{ people: PersonRecord[] }>()(
    v.strictObject({ key: personKeySchema, mergedKey: personKeySchema }),
    'extension-pages',
  ),
  /** Sets a person's external ids (an empty string clears one); answers every people record. */
  'people/set-ids': message<{ people: PersonRecord[] }>()(
    v.strictObject({
      key: personKeySchema,
      cpedId: v.optional(cpedIdSchema),
      chinaVitaeUrl: v.optional(chinaVitaeUrlSchema),
    }),
    'extension-pages',
  ),
} satisfies Declarations;

/** The background's messages, by name. */
export type Messages = typeof MESSAGES;
/** Message names. */
export type MessageName = keyof Messages;
/** Request payload of background message `K`. */
export type MessageRequest<K extends MessageName> = RequestOf<Messages, K>;
/** Response value of background message `K`. */
export type MessageResponse<K extends MessageName> = ResponseOf<Messages, K>;

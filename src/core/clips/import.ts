/**
 * Import: parses and validates a file in our JSON export format or as W3C Web Annotations.
 * Nothing is accepted unless the whole file is valid; errors name the path and the reason.
 */
import * as v from 'valibot';
import { CLIP_SCHEMA_VERSION, PRODUCT_NAME, siteOf, normaliseTags, type Clip } from './model';
import { engineClipOf, type EngineOutput } from './corrections';
import {
  clipMeetingSchema,
  correctionsSchema,
  describeIssues,
  entitySchema,
  exportedClipSchema,
  LIMITS,
  pageMetaSchema,
  personRecordSchema,
} from './schema';
import type { PersonRecord } from './person-merges';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './export';

/** A file that cannot be imported; `message` says what is wrong and where. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Result of parsing an import file. */
export interface ParsedImport {
  format: 'json' | 'w3c';
  clips: Clip[];
  /** The library's people records the file carries (JSON format 2; none otherwise). */
  people: PersonRecord[];
}

/**
 * An import file whose envelope is valid, with clips validated one by one as they are taken:
 * the store writes each clip as soon as it passed, in the one transaction that an invalid clip
 * (an `ImportError` thrown by the iterator) aborts. Repeated ids yield only their last clip.
 */
export interface ImportReader {
  format: 'json' | 'w3c';
  clips: Iterable<Clip>;
  /** People records, validated with the envelope. */
  people: PersonRecord[];
}

/** Start of the error a background answers when it could not read a file the page handed it. */
export const UNREADABLE_FILE_ERROR = 'Could not read the chosen file';

/** The export envelope; its clips are validated one by one (see `validateClipsLazily`). */
const envelopeSchema = v.strictObject({
  product: v.literal(PRODUCT_NAME),
  format: v.literal(EXPORT_FORMAT),
  formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(EXPORT_FORMAT_VERSION)),
  clipSchemaVersion: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(CLIP_SCHEMA_VERSION),
  ),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time')),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  clips: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.importClips, 'too many clips')),
  people: v.optional(v.pipe(v.array(personRecordSchema), v.maxLength(LIMITS.importClips))),
});

const textualBody = v.object({
  type: v.optional(v.literal('TextualBody')),
  value: v.pipe(v.string(), v.maxLength(LIMITS.note)),
  purpose: v.optional(v.string()),
});

const w3cSelector = v.variant('type', [
  v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.quote)),
    prefix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context)), ''),
    suffix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context)), ''),
  }),
  v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.looseObject({ type: v.string() }),
]);

const annotationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id + 40)),
  type: v.literal('Annotation'),
  created: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time'))),
  modified: v.optional(v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time'))),
  body: v.optional(
    v.union([textualBody, v.pipe(v.array(textualBody), v.maxLength(LIMITS.tags + 1))]),
  ),
  target: v.object({
    source: v.pipe(
      v.string(),
      v.maxLength(LIMITS.url),
      v.url('must be a URL'),
      v.regex(/^https?:/i, 'must be an http(s) URL'),
    ),
    selector: v.union([w3cSelector, v.pipe(v.array(w3cSelector), v.maxLength(10))]),
  }),
  zwl: v.optional(
    v.object({
      title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
      site: v.pipe(v.string(), v.maxLength(LIMITS.url)),
      page: pageMetaSchema,
      quote: v.strictObject({
        exact: v.pipe(v.string(), v.maxLength(LIMITS.quote)),
        simplified: v.pipe(v.string(), v.maxLength(LIMITS.quote)),
      }),
      entities: v.pipe(v.array(entitySchema), v.maxLength(LIMITS.entities)),
      wholeArticle: v.boolean(),
      meetings: v.optional(v.pipe(v.array(clipMeetingSchema), v.maxLength(LIMITS.meetings))),
      corrections: v.optional(correctionsSchema),
      engine: v.optional(exportedClipSchema.entries.engine.wrapped),
      schemaVersion: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1),
        v.maxValue(CLIP_SCHEMA_VERSION),
      ),
    }),
  ),
});

const w3cCollectionSchema = v.object({
  type: v.literal('AnnotationCollection'),
  first: v.object({
    items: v.pipe(
      v.array(annotationSchema),
      v.maxLength(LIMITS.importClips, 'too many annotations'),
    ),
  }),
});

/** Clip id back from a W3C annotation id. */
function clipIdFromAnnotationId(id: string): string {
  if (id.startsWith('urn:uuid:')) return id.slice('urn:uuid:'.length);
  if (id.startsWith('urn:zhengwen-lens:clip:')) {
    return decodeURIComponent(id.slice('urn:zhengwen-lens:clip:'.length));
  }
  // Foreign ids (often URLs) are kept whole, trimmed to the id limit, so re-imports merge.
  return id.slice(-LIMITS.id);
}

function clipFromAnnotation(
  a: v.InferOutput<typeof annotationSchema>,
  path: string,
): Clip & { engine?: EngineOutput } {
  const selectors = Array.isArray(a.target.selector) ? a.target.selector : [a.target.selector];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | undefined;
  if (!quote) throw new ImportError(`${path}.target.selector: needs a TextQuoteSelector`);
  const position = selectors.find((s) => s.type === 'TextPositionSelector') as
    { type: 'TextPositionSelector'; start: number; end: number } | undefined;
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
  const note = bodies
    .filter((b) => b.purpose !== 'tagging')
    .map((b) => b.value)
    .join('\n\n');
  const tags = normaliseTags(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value));
  const created = a.created ?? a.modified ?? new Date(0).toISOString();
  const ext = a.zwl;
  return {
    id: clipIdFromAnnotationId(a.id),
    schemaVersion: ext?.schemaVersion ?? CLIP_SCHEMA_VERSION,
    createdAt: created,
    updatedAt: a.modified ?? created,
    url: a.target.source,
    title: ext?.title ?? '',
    site: ext?.site ?? siteOf(a.target.source),
    page: ext?.page ?? { isGovNews: false, score: 0, script: 'none', byline: [] },
    quote: ext?.quote ?? { exact: quote.exact, simplified: quote.exact },
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      },
      position: position
        ? { type: 'TextPositionSelector', start: position.start, end: position.end }
        : { type: 'TextPositionSelector', start: 0, end: 0 },
    },
    entities: ext?.entities ?? [],
    wholeArticle: ext?.wholeArticle ?? false,
    ...(ext?.meetings && { meetings: ext.meetings }),
    note: note.slice(0, LIMITS.note),
    tags: tags.slice(0, LIMITS.tags),
    ...(ext?.corrections?.length && { corrections: ext.corrections }),
    ...(ext?.engine && { engine: ext.engine }),
  };
}

function parseWith<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data, { abortPipeEarly: true });
  if (!result.success)
    throw new ImportError(`Not a valid ${what}: ${describeIssues(result.issues)}`);
  return result.output;
}

/** Keeps the last clip of each id (a file may repeat one). */
function dedupe(clips: Clip[]): Clip[] {
  return [...new Map(clips.map((c) => [c.id, c])).values()];
}

/**
 * Validates the raw clips of an export as they are taken, naming the first bad one as
 * `clips.N.field: reason`; yields only the last clip of each id.
 */
function* validateClipsLazily(raw: readonly unknown[]): Generator<Clip, void, undefined> {
  // Ids are read unvalidated here only to find repeats; each clip is validated below.
  const lastIndex = new Map<unknown, number>();
  raw.forEach((item, i) => {
    if (typeof item === 'object' && item !== null) lastIndex.set((item as { id?: unknown }).id, i);
  });
  for (let i = 0; i < raw.length; i++) {
    const result = v.safeParse(exportedClipSchema, raw[i], { abortPipeEarly: true });
    if (!result.success) {
      throw new ImportError(
        `Not a valid Zhengwen Lens export: ${describeIssues(result.issues, 5, `clips.${i}`)}`,
      );
    }
    // The file shows corrected entities; the store keeps the engine's beside the corrections.
    if (lastIndex.get(result.output.id) === i) yield engineClipOf(result.output);
  }
}

/**
 * The one import-size guard: throws `ImportError` when a file is over `LIMITS.importChars`.
 * `size` counts UTF-16 units of the text (`chars`), or bytes of the file before it is read
 * (`bytes`): UTF-8 takes at most 3 bytes per unit, so a file refused on bytes is surely too
 * large, and one let through is checked again on its text.
 */
export function checkImportSize(size: number, unit: 'chars' | 'bytes'): void {
  const limit = unit === 'bytes' ? LIMITS.importChars * 3 : LIMITS.importChars;
  if (size <= limit) return;
  const mb = (n: number) => `${Math.round(n / 1e6)} ${unit === 'bytes' ? 'MB' : 'M characters'}`;
  throw new ImportError(`File too large: ${mb(size)}, the limit is ${mb(limit)}`);
}

/**
 * Parses an import file. Throws `ImportError` naming the problem: too large, not JSON
 * (truncated), unknown kind of file, newer format version, or `path: reason` for bad fields.
 */
export function parseImport(content: string): ParsedImport {
  const file = readImport(content);
  return { format: file.format, clips: [...file.clips], people: file.people };
}

/**
 * Reads an import file's envelope at once and its clips lazily (see `ImportReader`). Throws
 * `ImportError` for everything wrong outside the clips; taking the clips throws for a bad clip.
 */
export function readImport(content: string): ImportReader {
  checkImportSize(content.length, 'chars');
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ImportError(`Not a JSON file (truncated or damaged?): ${reason}`);
  }
  if (typeof data !== 'object' || data === null) {
    throw new ImportError('Not a clip file: expected a JSON object or array');
  }
  const record = data as Record<string, unknown>;
  if (!Array.isArray(data) && record.format === EXPORT_FORMAT) {
    if (typeof record.formatVersion === 'number' && record.formatVersion > EXPORT_FORMAT_VERSION) {
      throw new ImportError(
        `formatVersion: ${record.formatVersion} is newer than this version reads (${EXPORT_FORMAT_VERSION}); update the extension`,
      );
    }
    const parsed = parseWith(envelopeSchema, data, 'Zhengwen Lens export');
    if (parsed.count !== parsed.clips.length) {
      throw new ImportError(
        `count: says ${parsed.count} clips but the file holds ${parsed.clips.length} (truncated?)`,
      );
    }
    return {
      format: 'json',
      clips: validateClipsLazily(parsed.clips),
      people: parsed.people ?? [],
    };
  }
  if (
    Array.isArray(data) ||
    record.type === 'AnnotationCollection' ||
    record.type === 'Annotation'
  ) {
    let items: v.InferOutput<typeof annotationSchema>[];
    let base: string;
    if (Array.isArray(data)) {
      items = parseWith(
        v.pipe(v.array(annotationSchema), v.maxLength(LIMITS.importClips)),
        data,
        'W3C annotation list',
      );
      base = '';
    } else if (record.type === 'Annotation') {
      items = [parseWith(annotationSchema, data, 'W3C annotation')];
      base = '';
    } else {
      items = parseWith(w3cCollectionSchema, data, 'W3C annotation collection').first.items;
      base = 'first.items';
    }
    const clips = items.map((a, i) => clipFromAnnotation(a, base ? `${base}.${i}` : String(i)));
    // Rebuilt clips go through the clip schema too, so both formats store the same shape.
    return {
      format: 'w3c',
      people: [],
      clips: dedupe(
        parseWith(v.array(exportedClipSchema), clips, 'W3C annotation set').map(engineClipOf),
      ),
    };
  }
  throw new ImportError(
    `Unknown file: expected a Zhengwen Lens export ("format": "${EXPORT_FORMAT}") or W3C Web Annotations`,
  );
}

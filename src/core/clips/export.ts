/**
 * Export formats: the versioned JSON envelope (docs/export-format.md), W3C Web Annotation
 * JSON-LD, and CSV for spreadsheets. Pure functions from clips to text.
 */
import { applyCorrections, type EngineOutput } from './corrections';
import { PRODUCT_NAME, CLIP_SCHEMA_VERSION, type Clip } from './model';
import type { PersonRecord } from './person-merges';

/** Identifies our JSON export. */
export const EXPORT_FORMAT = 'zhengwen-lens-clips';
/**
 * Version of the JSON envelope; bump on incompatible changes and keep reading old ones. Version 2:
 * clips carry corrections, their entities and meetings are written corrected, with the engine's
 * output beside them (`engine`).
 */
export const EXPORT_FORMAT_VERSION = 2;
/** Namespace of our extension property inside W3C annotations. */
const W3C_EXTENSION_NS = 'https://zhengwen-lens.org/ns/clip#';

/** Export formats offered to the user. */
export type ExportFormat = 'json' | 'w3c' | 'csv';

/** The JSON export envelope. */
export interface ClipExport {
  product: typeof PRODUCT_NAME;
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  clipSchemaVersion: number;
  exportedAt: string;
  count: number;
  clips: ExportedClip[];
  /** The researcher's people records (merged person keys, external ids); format version 2. */
  people: PersonRecord[];
}

/** A clip as exported: corrections applied, the engine's output kept beside when corrected. */
export type ExportedClip = Clip & { engine?: EngineOutput };

/**
 * A clip as the exports write it: its corrections applied (rejected entities gone, fixed ones
 * marked `corrected`) and, when it has any, the engine's own output under `engine`, so that an
 * import stores the engine's output and the corrections apart again.
 */
export function exportedClipOf(clip: Clip): ExportedClip {
  if (!clip.corrections?.length) return clip;
  return {
    ...applyCorrections(clip),
    engine: { entities: clip.entities, ...(clip.meetings && { meetings: clip.meetings }) },
  };
}

/** A finished export: file name, MIME type and content. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** File name with product and date, e.g. `zhengwen-lens-clips-2026-11-22.json`. */
export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const ext = format === 'json' ? 'json' : format === 'w3c' ? 'jsonld' : 'csv';
  const kind = format === 'w3c' ? 'annotations' : 'clips';
  return `${PRODUCT_NAME}-${kind}-${day}.${ext}`;
}

/** Builds the JSON envelope object. */
function buildJsonExport(
  clips: readonly Clip[],
  now: Date = new Date(),
  people: readonly PersonRecord[] = [],
): ClipExport {
  return {
    product: PRODUCT_NAME,
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    clipSchemaVersion: CLIP_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    count: clips.length,
    clips: clips.map(exportedClipOf),
    people: [...people],
  };
}

/** W3C annotation id for a clip id (UUIDs become `urn:uuid:`). */
function annotationIdOf(clipId: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clipId)
    ? `urn:uuid:${clipId}`
    : `urn:zhengwen-lens:clip:${encodeURIComponent(clipId)}`;
}

/** Clip fields that W3C has no place for, kept under our namespaced property. */
export type ClipExtension = Pick<
  ExportedClip,
  | 'title'
  | 'site'
  | 'page'
  | 'quote'
  | 'entities'
  | 'wholeArticle'
  | 'schemaVersion'
  | 'meetings'
  | 'corrections'
  | 'engine'
>;

/** One clip as a W3C Web Annotation (corrections applied, as in the JSON export). */
function buildAnnotation(stored: Clip): Record<string, unknown> {
  const clip = exportedClipOf(stored);
  const body: Record<string, unknown>[] = [];
  if (clip.note) {
    body.push({
      type: 'TextualBody',
      value: clip.note,
      format: 'text/plain',
      purpose: 'commenting',
    });
  }
  for (const tag of clip.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const extension: ClipExtension = {
    title: clip.title,
    site: clip.site,
    page: clip.page,
    quote: clip.quote,
    entities: clip.entities,
    wholeArticle: clip.wholeArticle,
    schemaVersion: clip.schemaVersion,
    ...(clip.meetings && { meetings: clip.meetings }),
    ...(clip.corrections?.length && { corrections: clip.corrections }),
    ...(clip.engine && { engine: clip.engine }),
  };
  return {
    id: annotationIdOf(clip.id),
    type: 'Annotation',
    motivation: clip.note ? 'commenting' : 'highlighting',
    created: clip.createdAt,
    modified: clip.updatedAt,
    ...(body.length ? { body } : {}),
    target: {
      source: clip.url,
      selector: [clip.selectors.quote, clip.selectors.position],
    },
    zwl: extension,
  };
}

/** Builds the W3C AnnotationCollection (one embedded page with every annotation). */
function buildW3cExport(clips: readonly Clip[], now: Date = new Date()): Record<string, unknown> {
  return {
    '@context': [
      'http://www.w3.org/ns/anno.jsonld',
      { zwl: { '@id': W3C_EXTENSION_NS, '@type': '@json' } },
    ],
    type: 'AnnotationCollection',
    label: 'Zhengwen Lens clips',
    generator: { id: 'https://zhengwen-lens.org/', type: 'Software', name: 'Zhengwen Lens' },
    generated: now.toISOString(),
    total: clips.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: clips.map(buildAnnotation) },
  };
}

/** CSV columns, in order. */
const CSV_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'url',
  'site',
  'title',
  'published_at',
  'source',
  'quote',
  'quote_simplified',
  'note',
  'tags',
  'officials',
  'meetings',
  'directives',
  'whole_article',
  'gov_score',
  'corrections',
] as const;

/**
 * A formula start: `=`, `+`, `-` or `@` at the start of the field or of any line in it, after
 * nothing but horizontal white space (spaces, tabs, no-break and ideographic spaces, BOM), which
 * spreadsheets skip before they read a formula.
 */
const FORMULA_START = /(^|[\r\n])([ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*[=+\-@])/g;

/**
 * Quotes one CSV field (RFC 4180). Fields that a spreadsheet would run as a formula get a leading
 * apostrophe, on every line that could start one (a reader that splits lines badly must not find
 * a formula either), so an exported clip can never execute in Excel or LibreOffice.
 */
export function csvField(value: string): string {
  const guarded = value.replace(FORMULA_START, "$1'$2");
  const safe = /^[\t\r]/.test(guarded) ? `'${guarded}` : guarded;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One clip's CSV row, its corrections applied (`corrections` counts them). */
function csvRow(stored: Clip): string[] {
  const clip = applyCorrections(stored);
  const officials: string[] = [];
  const meetings: string[] = [];
  const directives: string[] = [];
  for (const e of clip.entities) {
    if (e.kind === 'official')
      officials.push(e.titles.length ? `${e.name} (${e.titles.join('、')})` : e.name);
    else if (e.kind === 'meeting') meetings.push(e.simplified);
    else directives.push(e.normalized);
  }
  const uniq = (xs: string[]) => [...new Set(xs)].join('; ');
  return [
    clip.id,
    clip.createdAt,
    clip.updatedAt,
    clip.url,
    clip.site,
    clip.title,
    clip.page.publishedAt ?? '',
    clip.page.source ?? '',
    clip.quote.exact,
    clip.quote.simplified,
    clip.note,
    clip.tags.join('; '),
    uniq(officials),
    uniq(meetings),
    uniq(directives),
    clip.wholeArticle ? 'true' : 'false',
    clip.page.score.toFixed(2),
    String(clip.corrections?.length ?? 0),
  ];
}

/** CSV text: UTF-8 byte-order mark (so spreadsheets read Chinese), header row, CRLF lines. */
export function buildCsvExport(clips: readonly Clip[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const clip of clips) lines.push(csvRow(clip).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Builds an export file in the chosen format (`people`: the library's people records, JSON only). */
export function exportClips(
  clips: readonly Clip[],
  format: ExportFormat,
  now: Date = new Date(),
  people: readonly PersonRecord[] = [],
): ExportFile {
  const fileName = exportFileName(format, now);
  if (format === 'csv') {
    return { fileName, mimeType: 'text/csv;charset=utf-8', content: buildCsvExport(clips) };
  }
  if (format === 'w3c') {
    return {
      fileName,
      mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
      content: JSON.stringify(buildW3cExport(clips, now)),
    };
  }
  return {
    fileName,
    mimeType: 'application/json',
    content: JSON.stringify(buildJsonExport(clips, now, people)),
  };
}

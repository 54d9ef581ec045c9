/**
 * The plain document the tidy export reads: one saved clip, or one page the CLI annotated. Both
 * map onto it, so the library and the CLI write the same tables.
 */
import { clipMeetingsOf } from '../clips/clip-meetings';
import { applyCorrections, type ShownEntity } from '../clips/corrections';
import type { Clip, ClipMeeting } from '../clips/model';
import { siteOf } from '../clips/model';
import type { AnnotateResult, Entity } from '../types';

/** One document of the tidy export. */
export interface TidyDocument {
  /** Unique within one export: the clip id, or for the CLI the input's path or URL. */
  id: string;
  url: string;
  title: string;
  /** The publishing outlet (太原日报), when known. */
  source: string | null;
  /** Publication date or date-time as the page gives it (ISO). */
  publishedAt: string | null;
  /** When the researcher saved it (ISO time); null for a page the CLI read. */
  savedAt: string | null;
  /** The passage (simplified), null when the document is a whole page the CLI read. */
  quote: string | null;
  wholeArticle: boolean;
  /** 0–1 government-news score, and the decision made with it. */
  govScore: number;
  isGovNews: boolean;
  note: string;
  tags: string[];
  /**
   * The entities (offsets as the source gives them: passage- or page-relative), the
   * researcher's corrections applied (`corrected` marks a fixed one).
   */
  entities: Array<Entity | ShownEntity>;
  /** The page's meeting records; null when not recorded (a clip saved before they existed). */
  meetings: ClipMeeting[] | null;
}

/** A saved clip as a tidy document, its corrections applied. */
export function documentOfClip(stored: Clip): TidyDocument {
  const clip = applyCorrections(stored);
  return {
    id: clip.id,
    url: clip.url,
    title: clip.title,
    source: clip.page.source ?? null,
    publishedAt: clip.page.publishedAt ?? null,
    savedAt: clip.createdAt,
    quote: clip.quote.simplified,
    wholeArticle: clip.wholeArticle,
    govScore: clip.page.score,
    isGovNews: clip.page.isGovNews,
    note: clip.note,
    tags: [...clip.tags],
    entities: clip.entities,
    meetings: clip.meetings ?? null,
  };
}

/** What the CLI knows of a page besides the engine's result. */
export interface PageOrigin {
  /** Unique within the export (the input file's path, or the URL). */
  id: string;
  url?: string;
  title?: string;
}

/** A page the engine annotated (the CLI's per-page result) as a tidy document. */
export function documentOfResult(result: AnnotateResult, origin: PageOrigin): TidyDocument {
  const { page } = result;
  return {
    id: origin.id,
    url: origin.url ?? '',
    title: origin.title ?? page.title ?? '',
    source: page.source ?? null,
    publishedAt: page.publishedAt ?? null,
    savedAt: null,
    quote: null,
    wholeArticle: true,
    govScore: page.score,
    isGovNews: page.isGovNews,
    note: '',
    tags: [],
    entities: result.entities,
    meetings: clipMeetingsOf(result) ?? null,
  };
}

/** Host name of a document's URL (empty when it has none). */
export function siteOfDocument(doc: Pick<TidyDocument, 'url'>): string {
  return siteOf(doc.url);
}

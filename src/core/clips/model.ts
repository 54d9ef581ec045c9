/**
 * The clip: an annotated passage a researcher saved. Plain data, shared by the content script
 * (which drafts it), the background (which stores it) and the export formats.
 */
import type { Entity, PageResult } from '../types';

/** Current clip schema version; bump it with a migration in the store. */
export const CLIP_SCHEMA_VERSION = 1;

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector (offsets into the page text). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Page facts a clip keeps (from the engine's page result). */
export interface ClipPageMeta {
  isGovNews: boolean;
  score: number;
  script: PageResult['script'];
  source?: string;
  publishedAt?: string;
  byline: string[];
}

/** What the content script sends when the user saves a passage. */
export interface ClipDraft {
  url: string;
  title: string;
  page: ClipPageMeta;
  /** The passage as on the page, and its simplified form. */
  quote: { exact: string; simplified: string };
  selectors: { quote: TextQuoteSelector; position: TextPositionSelector };
  /** Engine entities inside the passage; offsets relative to the passage start. */
  entities: Entity[];
  /** True for "save whole article". */
  wholeArticle: boolean;
  note?: string;
  tags?: string[];
}

/** A stored clip. */
export interface Clip extends Omit<ClipDraft, 'note' | 'tags'> {
  id: string;
  schemaVersion: number;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
  /** Host name of `url`. */
  site: string;
  note: string;
  tags: string[];
}

/**
 * The clip: an annotated passage a researcher saved. Plain data, shared by the content script
 * (which drafts it), the background (which stores it) and the export formats.
 */
import type { Entity, MeetingRecord, OfficialEntity, PageResult } from '../types';
import type { EntityCorrection } from './corrections';

/** Current clip schema version; bump it with a migration in the store. */
export const CLIP_SCHEMA_VERSION = 3;

/** Product name used in export envelopes and file names. */
export const PRODUCT_NAME = 'zhengwen-lens';

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

/**
 * A meeting the clip's page reports as held (the engine's `MeetingRecord` without its offsets and
 * entity indexes, which point into the page rather than the clip). Names are simplified.
 */
export interface ClipMeeting extends Omit<
  MeetingRecord,
  'start' | 'end' | 'dateStart' | 'dateEnd' | 'sources'
> {
  /** The meeting as the page names it (市委第二十六次专题会议), or its body when unnumbered. */
  name: string;
  /** 专题会议, 常委会, 常务会议 … when the numbered mention gives it. */
  meetingType: string | null;
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
  /**
   * The meetings the whole page reports (schema version 2). Absent: not recorded (a clip saved
   * before version 2); empty: the page reports none.
   */
  meetings?: ClipMeeting[];
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
  /**
   * The researcher's corrections of `entities` (schema version 3), by entity id; the engine's
   * output stays as it was. Absent or empty: none.
   */
  corrections?: EntityCorrection[];
}

/** Creates a fresh, globally unique clip id. */
function createClipId(): string {
  return crypto.randomUUID();
}

/** Host name of a URL, without a leading `www.`; empty when the URL does not parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Cleans user tags: trimmed, no empties, no duplicates, original order kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag)) {
      seen.add(tag);
      out.push(tag);
    }
  }
  return out;
}

/** Turns a draft into a stored clip: id, times, site and schema version are set here. */
export function createClipFromDraft(
  draft: ClipDraft,
  now: Date = new Date(),
  id: string = createClipId(),
): Clip {
  const { note, tags, ...rest } = draft;
  const time = now.toISOString();
  return {
    ...rest,
    id,
    schemaVersion: CLIP_SCHEMA_VERSION,
    createdAt: time,
    updatedAt: time,
    site: siteOf(draft.url),
    note: note ?? '',
    tags: normaliseTags(tags ?? []),
  };
}

/** The officials mentioned in a clip. */
function officialsOf(clip: Pick<Clip, 'entities'>): OfficialEntity[] {
  return clip.entities.filter((e): e is OfficialEntity => e.kind === 'official');
}

/** Distinct official names in a clip (what the store indexes). */
export function officialNamesOf(clip: Pick<Clip, 'entities'>): string[] {
  return [...new Set(officialsOf(clip).map((e) => e.name))];
}

/** The date a clip is about: the page's publication date, else the day it was saved. */
export function clipDateOf(clip: Pick<Clip, 'page' | 'createdAt'>): string {
  return (clip.page.publishedAt ?? clip.createdAt).slice(0, 10);
}

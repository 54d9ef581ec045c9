/**
 * Builds a `ClipDraft` for a passage of the page: the exact and simplified quote, W3C
 * TextQuote/TextPosition selectors in page-text offsets, and the engine's entities inside the
 * passage re-based to the passage start. Also finds the passage of "save whole article".
 */
import { clipMeetingsOf } from '../core/clips/clip-meetings';
import type { ClipDraft } from '../core/clips/model';
import type { AnnotateResult, Entity } from '../core/types';
import type { PageText } from '../dom/page-text';
import { offsetsFromRange } from '../dom/dom-ranges';

/** Characters of context kept before and after the quote. */
export const QUOTE_CONTEXT = 32;

/** Longest passage and most entities one clip keeps (the clip store's limits). */
export const MAX_QUOTE_CHARS = 200_000;
export const MAX_CLIP_ENTITIES = 5000;

/** Inputs of `buildClipDraft`. */
export interface ClipSource {
  text: string;
  result: AnnotateResult;
  url: string;
  title: string;
  toSimplified: (text: string) => string;
}

/** A draft for page-text span `[start, end)` (trimmed of surrounding white space). */
export function buildClipDraft(
  source: ClipSource,
  span: { start: number; end: number },
  wholeArticle: boolean,
): ClipDraft | null {
  const { text, result } = source;
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length, start + MAX_QUOTE_CHARS));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  const exact = text.slice(start, end);
  const { page } = result;
  const meetings = clipMeetingsOf(result);
  return {
    url: source.url,
    title: (source.title || page.title || '').slice(0, 1000),
    page: {
      isGovNews: page.isGovNews,
      score: page.score,
      script: page.script,
      ...(page.source !== undefined && { source: page.source }),
      ...(page.publishedAt !== undefined && { publishedAt: page.publishedAt }),
      byline: [...page.byline],
    },
    quote: { exact, simplified: source.toSimplified(exact) },
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
        suffix: text.slice(end, end + QUOTE_CONTEXT),
      },
      position: { type: 'TextPositionSelector', start, end },
    },
    entities: entitiesWithin(result.entities, start, end).slice(0, MAX_CLIP_ENTITIES),
    wholeArticle,
    // The page's meetings, whatever part of it is clipped: a passage of attendees still belongs
    // to the meeting the article reports.
    ...(meetings && { meetings }),
  };
}

/** Entities lying entirely inside `[start, end)`, with offsets relative to `start`. */
export function entitiesWithin(entities: readonly Entity[], start: number, end: number): Entity[] {
  const out: Entity[] = [];
  for (const e of entities) {
    if (e.start < start || e.end > end) continue;
    const moved = { ...e, start: e.start - start, end: e.end - start };
    if (moved.kind === 'official') {
      moved.nameStart -= start;
      moved.nameEnd -= start;
    }
    out.push(moved);
  }
  return out;
}

/** Page-text span of the user's current selection, or null when nothing is selected. */
export function selectionSpan(
  pageText: PageText,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const first = offsetsFromRange(pageText, selection.getRangeAt(0));
  const last =
    selection.rangeCount > 1
      ? offsetsFromRange(pageText, selection.getRangeAt(selection.rangeCount - 1))
      : first;
  if (!first || !last) return first ?? last;
  return { start: Math.min(first.start, last.start), end: Math.max(first.end, last.end) };
}

/** The line (paragraph) of page text around `[start, end)`, for "save as clip" on a highlight. */
export function paragraphSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const max = 2000;
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  return { start: Math.max(from, start - max), end: Math.min(to, end + max) };
}

/**
 * The span of the article body: an `<article>`/`<main>` element holding most highlights if
 * there is one, else the lines from the first to the last third of the page's entities widened to
 * their paragraphs, else the whole text.
 */
export function articleSpan(
  doc: Document,
  pageText: PageText,
  entities: readonly Entity[],
): { start: number; end: number } {
  const text = pageText.text;
  for (const el of Array.from(doc.querySelectorAll('article, main, [role="main"]'))) {
    const range = doc.createRange();
    range.selectNodeContents(el);
    const span = offsetsFromRange(pageText, range);
    if (!span) continue;
    const inside = entities.filter((e) => e.start >= span.start && e.end <= span.end).length;
    if (span.end - span.start > 50 && inside * 2 >= entities.length) return span;
  }
  if (entities.length === 0) return { start: 0, end: text.length };
  // Page chrome (menus, related links) sits at the edges: keep the densest middle of the entities.
  const cut = Math.floor(entities.length * 0.1);
  const first = entities[cut]!;
  const last = entities[entities.length - 1 - cut]!;
  const a = paragraphSpan(text, first.start, first.end);
  const b = paragraphSpan(text, last.start, last.end);
  return { start: a.start, end: b.end };
}

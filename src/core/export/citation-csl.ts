/**
 * Clips as CSL-JSON items (the citation data Zotero, Pandoc and citeproc-js read): each clip cites
 * its article as an `article-newspaper`, with the reporters of its byline as authors.
 */
import type { Clip } from '../clips/model';
import { minorityNameAt, NAME_DOTS, surnameLengthAt } from '../surnames';

/** A CSL name: family and given parts, or a literal for a name that has no such split. */
export type CslName = { family: string; given: string } | { literal: string };

/** A CSL date. */
export interface CslDate {
  'date-parts': [number, ...number[]][];
}

/** The CSL-JSON fields a clip fills. */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL: string;
  language?: string;
}

/**
 * Splits a Chinese name into family and given name by the surname lexicon (欧阳 of 欧阳明 is one
 * surname). A transliterated name (买买提·艾力), a Tibetan or Mongolian name without a Chinese
 * surname, or a name the lexicon cannot split stays whole, as a literal.
 */
export function splitChineseName(name: string): CslName {
  const whole = name.trim();
  if (!/^[\u3400-\u9fff]+$/.test(whole) || [...whole].some((ch) => NAME_DOTS.includes(ch)))
    return { literal: whole };
  const surname = minorityNameAt(whole, 0) ? 0 : surnameLengthAt(whole, 0);
  if (surname === 0 || surname >= whole.length) return { literal: whole };
  return { family: whole.slice(0, surname), given: whole.slice(surname) };
}

/** CSL date parts of an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD…`), or undefined. */
export function cslDateOf(iso: string | undefined): CslDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return undefined;
  const parts: [number, ...number[]] = [Number(m[1])];
  if (m[2] !== undefined) parts.push(Number(m[2]));
  if (m[3] !== undefined) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

/**
 * The article's headline from a clip title: browser titles append the site after an underscore
 * (标题_太原新闻网, 标题_频道_站点), which headlines themselves do not use.
 */
export function headlineOf(title: string): string {
  const cut = title.indexOf('_');
  return cut >= 4 ? title.slice(0, cut).trim() : title.trim();
}

/** Language tag of the page's script, when it has one. */
function languageOf(clip: Clip): string | undefined {
  if (clip.page.script === 'simplified') return 'zh-Hans';
  if (clip.page.script === 'traditional') return 'zh-Hant';
  return clip.page.script === 'mixed' ? 'zh' : undefined;
}

/**
 * The CSL-JSON item citing a clip's article. The container is the source the page names (人民日报,
 * 临汾日报), else its site; `issued` is the publication date, `accessed` the day the clip was saved.
 */
export function cslItemOf(clip: Clip): CslItem {
  const authors = clip.page.byline.filter((n) => n.trim() !== '').map(splitChineseName);
  const issued = cslDateOf(clip.page.publishedAt);
  const accessed = cslDateOf(clip.createdAt);
  const language = languageOf(clip);
  return {
    id: clip.id,
    type: 'article-newspaper',
    title: headlineOf(clip.title) || clip.url,
    'container-title': clip.page.source?.trim() || clip.site,
    ...(authors.length > 0 && { author: authors }),
    ...(issued && { issued }),
    ...(accessed && { accessed }),
    URL: clip.url,
    ...(language && { language }),
  };
}

/**
 * One clip per article: several clips of one page cite one article, so a reference manager gets
 * one record. The clip saved first stands for the page (its save day is the first access).
 */
export function firstClipPerArticle(clips: readonly Clip[]): Clip[] {
  const byUrl = new Map<string, Clip>();
  for (const clip of clips) {
    const seen = byUrl.get(clip.url);
    if (!seen || clip.createdAt < seen.createdAt) byUrl.set(clip.url, clip);
  }
  return [...byUrl.values()];
}

/** The CSL-JSON array citing the articles of a list of clips, one item per article. */
export function buildCslJson(clips: readonly Clip[]): CslItem[] {
  return firstClipPerArticle(clips).map(cslItemOf);
}

/**
 * Reads a saved HTML page in Node the way the content script reads a live one: linkedom builds the
 * DOM and `extractPageText` (shared with the content script) reduces it to the engine's text.
 */
import { parseHTML } from 'linkedom';
import { extractPageText } from '../dom/page-text';

/** What the engine gets from an HTML page besides its text. */
export interface HtmlPage {
  text: string;
  /** `<meta name|property>` → content, names lower-cased; the first of duplicates wins. */
  meta: Record<string, string>;
  title?: string;
  url?: string;
}

/** Parses markup into a document; bare fragments are wrapped so linkedom gives them a body. */
function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName.toUpperCase() === 'HTML') return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

/** An absolute http(s) URL, or undefined for anything else (relative, javascript:, garbage). */
function toHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Collects `<meta name|property content>` pairs under lower-cased names. */
function collectMeta(document: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of document.querySelectorAll('meta')) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property'))?.trim().toLowerCase();
    const content = el.getAttribute('content');
    if (!name || content === null || name in meta) continue;
    meta[name] = content.trim();
  }
  return meta;
}

/** The page's own address: canonical link, `og:url`, or the "saved from url=" comment browsers write. */
function findPageUrl(
  document: Document,
  html: string,
  meta: Record<string, string>,
): string | undefined {
  for (const link of document.querySelectorAll('link[rel]')) {
    const rel = link.getAttribute('rel')?.toLowerCase().split(/\s+/) ?? [];
    if (rel.includes('canonical')) {
      const url = toHttpUrl(link.getAttribute('href'));
      if (url) return url;
    }
  }
  const og = toHttpUrl(meta['og:url']);
  if (og) return og;
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2048));
  return toHttpUrl(saved?.[1]);
}

/** Reduces an HTML document to the engine's input: visible text, meta tags, title and URL. */
export function readHtmlPage(html: string): HtmlPage {
  const document = parseDocument(html);
  const root = document.body ?? document.documentElement;
  const { text } = extractPageText(root);
  const meta = collectMeta(document);
  const titleText = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  const page: HtmlPage = { text, meta };
  if (titleText) page.title = titleText;
  const url = findPageUrl(document, html, meta);
  if (url) page.url = url;
  return page;
}

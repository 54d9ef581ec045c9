/**
 * Reads a saved HTML page in Node as the content script reads a live one, without building a DOM:
 * htmlparser2's tokenizer events (the same parser linkedom builds its tree from) drive the rules
 * of `extractPageText` (skipped and block elements from `src/dom/page-text`), and collect the meta
 * tags, title and canonical URL on the way. A DOM per page (linkedom) cost the CLI as much time
 * as the engine itself; test/unit/cli/html-page.test.ts holds both readings equal.
 */
import { Parser } from 'htmlparser2';
import { isBlockElement, isSkippedElement } from '../dom/page-text';

/** What the engine gets from an HTML page besides its text. */
export interface HtmlPage {
  text: string;
  /** `<meta name|property>` → content, names lower-cased; the first of duplicates wins. */
  meta: Record<string, string>;
  title?: string;
  url?: string;
}

/** The element surface the page-text rules look at, over a tag's name and attributes. */
function asElement(name: string, attribs: Record<string, string>): Element {
  return {
    tagName: name,
    hasAttribute: (attr: string) => attr in attribs,
    getAttribute: (attr: string) => attribs[attr] ?? null,
  } as unknown as Element;
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

/** Page text built from open, text and close events, with line breaks around blocks. */
class TextBuilder {
  private readonly parts: string[] = [];
  private endsWithBreak = true;

  /** Appends a text node's data. */
  add(data: string): void {
    if (data.length === 0) return;
    this.parts.push(data);
    this.endsWithBreak = data.endsWith('\n');
  }

  /** Starts a new line unless the text already ends one. */
  lineBreak(): void {
    if (this.endsWithBreak) return;
    this.parts.push('\n');
    this.endsWithBreak = true;
  }

  get text(): string {
    return this.parts.join('');
  }
}

/** The page's own address: canonical link, `og:url`, or the "saved from url=" comment browsers write. */
function findPageUrl(
  canonical: string | undefined,
  html: string,
  meta: Record<string, string>,
): string | undefined {
  if (canonical) return canonical;
  const og = toHttpUrl(meta['og:url']);
  if (og) return og;
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2048));
  return toHttpUrl(saved?.[1]);
}

/** Reduces an HTML document to the engine's input: visible text, meta tags, title and URL. */
export function readHtmlPage(html: string): HtmlPage {
  const meta: Record<string, string> = {};
  // The engine reads the body; a page without one is read from its root, a fragment whole.
  const body = new TextBuilder();
  const whole = new TextBuilder();
  let bodyState: 'before' | 'in' | 'after' = 'before';
  let bodyDepth = 0;
  let sawRoot = false;
  let isFragment = false;
  let skipDepth = 0;
  let titleState: 'before' | 'in' | 'after' = 'before';
  let titleText = '';
  let canonical: string | undefined;
  const blocks: boolean[] = [];

  const lineBreak = (): void => {
    if (bodyState === 'in') body.lineBreak();
    whole.lineBreak();
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (!sawRoot) {
          sawRoot = true;
          isFragment = name !== 'html';
        }
        if (name === 'meta') {
          const key = (attribs.name ?? attribs.property)?.trim().toLowerCase();
          if (key && attribs.content !== undefined && !(key in meta))
            meta[key] = attribs.content.trim();
        } else if (name === 'title' && titleState === 'before') titleState = 'in';
        else if (name === 'link' && !canonical && attribs.rel !== undefined) {
          if (attribs.rel.toLowerCase().split(/\s+/).includes('canonical'))
            canonical = toHttpUrl(attribs.href);
        }
        if (bodyState === 'in') bodyDepth++;
        else if (name === 'body' && bodyState === 'before') {
          bodyState = 'in';
          bodyDepth = 1;
        }
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        const element = asElement(name, attribs);
        if (isSkippedElement(element)) {
          skipDepth = 1;
          return;
        }
        const block = isBlockElement(element);
        blocks.push(block);
        if (block) lineBreak();
      },
      ontext(data) {
        if (titleState === 'in') titleText += data;
        if (skipDepth > 0) return;
        if (bodyState === 'in') body.add(data);
        whole.add(data);
      },
      onclosetag(name) {
        if (name === 'title' && titleState === 'in') titleState = 'after';
        if (skipDepth > 0) skipDepth--;
        else if (blocks.pop()) lineBreak();
        if (bodyState === 'in' && --bodyDepth === 0) bodyState = 'after';
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (isFragment || !sawRoot) whole.lineBreak();
  const page: HtmlPage = { text: bodyState === 'before' ? whole.text : body.text, meta };
  const title = titleText.replace(/\s+/g, ' ').trim();
  if (title) page.title = title;
  const url = findPageUrl(canonical, html, meta);
  if (url) page.url = url;
  return page;
}

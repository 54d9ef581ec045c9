/**
 * Reduces a DOM tree to the plain text the engine reads, keeping a map from text offsets back to
 * text nodes. Works on any DOM implementation (the browser's, or linkedom in the CLI), so the
 * content script and the command-line tool see exactly the same text.
 */
import { runSteps } from '../core/steps';

/** Elements whose text is not page prose: code, form fields, ruby glosses, templates. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'SVG',
  'CANVAS',
  'RT',
  'RP',
  'HEAD',
  'TITLE',
]);

/** Elements that start a new line of text, so words in adjacent blocks never run together. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Attribute that marks the extension's own UI; its text is never annotated. */
export const UI_MARKER_ATTRIBUTE = 'data-zhengwen-lens-ui';

/** A run of page text that comes from one text node. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `PageText.text`. */
  start: number;
  end: number;
}

/** Page text plus the segments that map it back to the DOM. */
export interface PageText {
  text: string;
  /** Sorted by `start`; gaps between segments are synthetic line breaks. */
  segments: TextSegment[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Whether an element and its subtree are left out of the page text. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(UI_MARKER_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether an element starts a new line of page text. */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/**
 * Collects the visible prose under `root` in document order. Block boundaries become `\n`;
 * skipped elements (see `isSkippedElement`) contribute nothing.
 */
export function extractPageText(root: Node): PageText {
  return runSteps(extractPageTextSteps(root, Infinity));
}

/**
 * The same walk as `extractPageText`, pausing (yielding the number of nodes visited so far) every
 * `nodesPerStep` nodes, so a caller can spread a huge page over several short tasks. The DOM must
 * not change between steps (the caller restarts when it does).
 */
export function* extractPageTextSteps(
  root: Node,
  // Each visit makes a few DOM calls (slow through an extension's isolated world): 4,000 nodes
  // took 36 ms in one step on a loaded machine; small steps let the slice budget decide.
  nodesPerStep = 500,
): Generator<number, PageText, void> {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let endsWithBreak = true;
  let visited = 0;

  const pushBreak = (): void => {
    if (!endsWithBreak) {
      parts.push('\n');
      length += 1;
      endsWithBreak = true;
    }
  };

  const isBlock = (node: Node): boolean =>
    node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());

  // A walk along firstChild / nextSibling / parentNode links instead of recursion (government
  // pages nest tables hundreds deep) or a stack of every node's children (a list of 5,000
  // paragraphs made one step of 40 ms, and the stack's objects fed the garbage collector).
  let node: Node | null = root;
  while (node) {
    if (++visited % nodesPerStep === 0) yield visited;
    const type = node.nodeType;
    let container = false;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        segments.push({ node: node as Text, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
        endsWithBreak = data.endsWith('\n');
      }
    } else if (type === ELEMENT_NODE) {
      container = node === root || !isSkippedElement(node as Element);
      if (container && isBlock(node)) pushBreak();
    } else container = type === DOCUMENT_FRAGMENT_NODE || type === 9 || node === root;
    if (container && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (container && isBlock(node)) pushBreak();
    // Climb to the next sibling, closing the blocks left on the way up.
    while (node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (!node) break;
      if (isBlock(node)) pushBreak();
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return { text: parts.join(''), segments };
}

/** Index of the segment holding text offset `offset` (or the next one after a gap), by binary search. */
export function findSegmentIndex(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    if (offset < seg.start) hi = mid - 1;
    else if (offset >= seg.end) lo = mid + 1;
    else return mid;
  }
  return lo;
}

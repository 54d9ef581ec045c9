/**
 * Page text kept up to date from mutation records: only the blocks that changed are read again,
 * so an update costs what changed, not what the page holds (a long infinite-scroll session would
 * otherwise cost O(n²)). A change is turned into edits of the old page text (a stretch replaced
 * by a freshly extracted block); anything the records cannot describe safely (content moved
 * across blocks, a change directly in the root) asks for a whole read instead.
 */
import type { NodeIndex } from './dom-ranges';
import {
  extractPageText,
  findSegmentIndex,
  isBlockElement,
  isSkippedElement,
  type PageText,
} from './page-text';

/** One replacement in the old page text: `[start, end)` becomes `text` (with its segments). */
export interface TextEdit {
  start: number;
  end: number;
  /** The replacement, line breaks around it included; segments relative to `text`. */
  replacement: PageText;
}

/** Steps a backward search for the text before an inserted block may take before giving up. */
const MAX_BACKWARD_STEPS = 5000;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Calls `fn` on every text node under `node` (itself included), in document order. */
function forEachText(node: Node, fn: (text: Text) => void): void {
  if (node.nodeType === TEXT_NODE) {
    fn(node as Text);
    return;
  }
  let n: Node | null = node.firstChild;
  while (n && n !== node) {
    if (n.nodeType === TEXT_NODE) fn(n as Text);
    if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== node && !n.nextSibling) n = n.parentNode;
    if (n && n !== node) n = n.nextSibling;
  }
}

/**
 * The block that holds `node` (itself when it is a block element), or null when the change lies
 * outside the page text (inside a skipped element, outside `root`, detached) or needs a whole
 * read (the block is `root` itself).
 */
function blockOf(node: Node, root: Node): Element | null | 'root' {
  let block: Element | null = null;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n === root) return block ?? 'root';
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as Element;
    if (isSkippedElement(el)) return null;
    if (!block && isBlockElement(el)) block = el;
  }
  return null; // not under root: detached, or elsewhere in the document
}

/** The nearest text node before `node` in document order that is in the page text, if any. */
function indexedTextBefore(node: Node, root: Node, index: NodeIndex): Text | null | 'gave-up' {
  let n: Node = node;
  for (let steps = 0; steps < MAX_BACKWARD_STEPS; steps++) {
    if (n === root) return null;
    const prev: Node | null = n.previousSibling;
    if (prev) {
      n = prev;
      while (n.lastChild) n = n.lastChild;
    } else if (n.parentNode) n = n.parentNode;
    else return null;
    if (n.nodeType === TEXT_NODE && index.has(n)) return n as Text;
  }
  return 'gave-up';
}

/** What one update must re-read: blocks to extract again, and removed text to drop. */
interface Plan {
  /** Blocks whose text is read again (connected, under root, none inside another). */
  blocks: Set<Element>;
  /** Segment indices of removed text, with the block they were removed from when it stays. */
  removed: Array<{ indices: number[]; from: Element | null }>;
}

/** Reads the records into a plan, or null when only a whole read is safe. */
function planOf(records: readonly MutationRecord[], root: Node, index: NodeIndex): Plan | null {
  const blocks = new Set<Element>();
  const removed: Plan['removed'] = [];
  for (const m of records) {
    if (m.type === 'characterData') {
      const b = blockOf(m.target, root);
      if (b === 'root') return null;
      if (b) blocks.add(b);
      continue;
    }
    if (m.type !== 'childList') continue;
    const target = blockOf(m.target, root);
    for (const n of Array.from(m.removedNodes)) {
      const indices: number[] = [];
      forEachText(n, (t) => {
        const i = index.get(t);
        if (i !== undefined) indices.push(i);
      });
      if (indices.length === 0) continue;
      // Inline content leaves its block's line: the block is read again. A whole block goes.
      const inline = !(n.nodeType === ELEMENT_NODE && isBlockElement(n as Element));
      if (inline && target === 'root') return null;
      const from = inline && target !== 'root' ? target : null;
      if (from) blocks.add(from);
      removed.push({ indices, from });
    }
    for (const n of Array.from(m.addedNodes)) {
      if (!n.isConnected || (n.nodeType !== TEXT_NODE && n.nodeType !== ELEMENT_NODE)) continue;
      const b = blockOf(n, root);
      if (b === 'root') return null;
      if (b) blocks.add(b);
    }
  }
  // Keep only the outermost blocks; a block that left the page was handled by its removal.
  for (const b of blocks) {
    if (!b.isConnected) {
      blocks.delete(b);
      continue;
    }
    for (let p = b.parentNode; p && p !== root; p = p.parentNode)
      if (blocks.has(p as Element)) {
        blocks.delete(b);
        break;
      }
  }
  for (const r of removed) {
    if (!r.from) continue;
    let outer: Element | null = null;
    for (let p: Node | null = r.from; p && p !== root; p = p.parentNode)
      if (blocks.has(p as Element)) outer = p as Element;
    r.from = outer;
  }
  return { blocks, removed };
}

/** `text` trimmed of line breaks at both ends, its segments moved to match. */
function trimBreaks(page: PageText): PageText {
  let a = 0;
  let b = page.text.length;
  while (a < b && page.text[a] === '\n') a++;
  while (b > a && page.text[b - 1] === '\n') b--;
  if (a === 0 && b === page.text.length) return page;
  return {
    text: page.text.slice(a, b),
    segments: page.segments.map((s) => ({ node: s.node, start: s.start - a, end: s.end - a })),
  };
}

/** `inner` with a line break added on each side that does not already meet one in `text`. */
function asBlockAt(text: string, start: number, end: number, inner: PageText): PageText {
  const before = start > 0 && text[start - 1] !== '\n' ? '\n' : '';
  const after = end < text.length && text[end] !== '\n' ? '\n' : '';
  if (!before && !after) return inner;
  const shift = before.length;
  return {
    text: `${before}${inner.text}${after}`,
    segments: shift
      ? inner.segments.map((s) => ({ node: s.node, start: s.start + shift, end: s.end + shift }))
      : inner.segments,
  };
}

/** Whether `indices` (repeats allowed) form one unbroken run of segments. */
function isContiguous(indices: readonly number[]): boolean {
  const sorted = [...new Set(indices)].sort((x, y) => x - y);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]! + 1) return false;
  return true;
}

/**
 * The edits of `pageText` that bring it up to date with the DOM under `root` after `records`,
 * sorted and disjoint, or null when a whole read is needed. Reads only the blocks the records
 * touch (and, for a new block, walks back to the text before it).
 */
export function editsFromMutations(
  records: readonly MutationRecord[],
  root: Node,
  pageText: PageText,
  index: NodeIndex,
): TextEdit[] | null {
  const plan = planOf(records, root, index);
  if (!plan) return null;
  const { segments, text } = pageText;
  const edits: TextEdit[] = [];
  const removedInto = new Map<Element, number[]>();
  for (const r of plan.removed) {
    if (r.from) {
      const list = removedInto.get(r.from);
      if (list) list.push(...r.indices);
      else removedInto.set(r.from, [...r.indices]);
      continue;
    }
    if (!isContiguous(r.indices)) return null;
    const lo = Math.min(...r.indices);
    const hi = Math.max(...r.indices);
    const start = segments[lo]!.start;
    const end = segments[hi]!.end;
    edits.push({
      start,
      end,
      replacement: asBlockAt(text, start, end, { text: '', segments: [] }),
    });
  }
  for (const block of plan.blocks) {
    const indices = removedInto.get(block) ?? [];
    forEachText(block, (t) => {
      const i = index.get(t);
      if (i !== undefined) indices.push(i);
    });
    const fresh = trimBreaks(extractPageText(block));
    let start: number;
    let end: number;
    if (indices.length > 0) {
      if (!isContiguous(indices)) return null;
      start = segments[Math.min(...indices)]!.start;
      end = segments[Math.max(...indices)]!.end;
    } else {
      if (fresh.text === '') continue;
      const before = indexedTextBefore(block, root, index);
      if (before === 'gave-up') return null;
      start = end = before ? segments[index.get(before)!]!.end : 0;
    }
    edits.push({ start, end, replacement: asBlockAt(text, start, end, fresh) });
  }
  edits.sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 1; i < edits.length; i++) if (edits[i]!.start < edits[i - 1]!.end) return null;
  return edits;
}

/** The page text after `edits`, and a map of old offsets outside every edit to new ones. */
export interface EditedText {
  pageText: PageText;
  /** New offset of old offset `offset`, or null when it lay inside an edited stretch. */
  mapOffset(offset: number): number | null;
  /** Where each edit's replacement lies in the new text. */
  spans: Array<{ start: number; end: number }>;
}

/**
 * Applies sorted, disjoint `edits` to `pageText`, updating `index` in place (it then maps the
 * new segments). Untouched segments before the first edit are kept as they are.
 */
export function applyEdits(
  pageText: PageText,
  edits: readonly TextEdit[],
  index: NodeIndex,
): EditedText {
  const old = pageText.segments;
  const parts: string[] = [];
  // The segments before the first edit are copied at once, unlooked at: an edit at the end of a
  // long page (infinite scroll) costs what it adds.
  const head = edits.length ? findSegmentIndex(old, edits[0]!.start) : old.length;
  const segments: PageText['segments'] = old.slice(0, head);
  const spans: EditedText['spans'] = [];
  let delta = 0;
  let at = 0; // old text offset copied up to
  let si = head; // next old segment
  const deltas: Array<{ from: number; to: number; delta: number }> = [];
  for (const e of edits) {
    parts.push(pageText.text.slice(at, e.start));
    for (; si < old.length && old[si]!.end <= e.start; si++) {
      const s = old[si]!;
      segments.push(delta === 0 ? s : { node: s.node, start: s.start + delta, end: s.end + delta });
    }
    // Segments inside the edited stretch are replaced.
    for (; si < old.length && old[si]!.start < e.end; si++) index.delete(old[si]!.node);
    const newStart = e.start + delta;
    for (const s of e.replacement.segments)
      segments.push({ node: s.node, start: s.start + newStart, end: s.end + newStart });
    parts.push(e.replacement.text);
    spans.push({ start: newStart, end: newStart + e.replacement.text.length });
    deltas.push({ from: e.start, to: e.end, delta });
    delta += e.replacement.text.length - (e.end - e.start);
    at = e.end;
  }
  parts.push(pageText.text.slice(at));
  for (; si < old.length; si++) {
    const s = old[si]!;
    segments.push(delta === 0 ? s : { node: s.node, start: s.start + delta, end: s.end + delta });
  }
  // Re-index from the first segment whose position may have changed.
  if (edits.length) for (let i = head; i < segments.length; i++) index.set(segments[i]!.node, i);
  const finalDelta = delta;
  return {
    pageText: { text: parts.join(''), segments },
    spans,
    mapOffset(offset) {
      for (const x of deltas) {
        if (offset < x.from) return offset + x.delta;
        if (offset < x.to) return null;
      }
      return offset + finalDelta;
    },
  };
}

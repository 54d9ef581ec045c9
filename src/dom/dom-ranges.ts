/**
 * Maps between offsets in the page text (`extractPageText`) and DOM positions: engine offsets to
 * `Range`s that may cross text nodes and element boundaries, and DOM points or user selections
 * back to offsets. Offsets that fall in a synthetic line break move to the nearest real text.
 */
import { findSegmentIndex, type PageText, type TextSegment } from './page-text';
import { captureNatives } from './natives';

/** Text node → index of its segment, for reverse look-ups. */
export type NodeIndex = Map<Node, number>;

/** Builds the reverse index of `pageText.segments`. */
export function buildNodeIndex(pageText: PageText): NodeIndex {
  const index: NodeIndex = new Map();
  pageText.segments.forEach((seg, i) => index.set(seg.node, i));
  return index;
}

/**
 * A live `Range` covering page-text offsets `[start, end)`, or null when no text node lies inside
 * (the span is only synthetic line breaks, or the nodes have left the document).
 */
export function rangeFromOffsets(pageText: PageText, start: number, end: number): Range | null {
  const { segments } = pageText;
  if (end <= start || segments.length === 0) return null;
  const first = findSegmentIndex(segments, start);
  // The last character is `end - 1`; a gap there belongs to the segment before it.
  let last = findSegmentIndex(segments, end - 1);
  const lastSeg = segments[last];
  if (!lastSeg || lastSeg.start > end - 1) last -= 1;
  if (first >= segments.length || last < first) return null;
  const a = segments[first]!;
  const b = segments[last]!;
  const natives = captureNatives();
  const doc = a.node.ownerDocument;
  if (!doc) return null;
  const range = natives.createRange(doc);
  try {
    natives.setStart(range, a.node, clamp(start - a.start, 0, a.node.data.length));
    natives.setEnd(range, b.node, clamp(end - b.start, 0, b.node.data.length));
  } catch {
    return null; // A node shrank since extraction: the caller re-extracts on mutations.
  }
  return range;
}

/** Page-text offset of DOM point `(node, offset)` when `node` is an indexed text node. */
export function offsetOfPoint(
  pageText: PageText,
  index: NodeIndex,
  node: Node,
  offset: number,
): number | null {
  const i = index.get(node);
  if (i === undefined) return null;
  const seg = pageText.segments[i]!;
  return seg.start + clamp(offset, 0, seg.end - seg.start);
}

/**
 * Page-text offsets covered by `range` (e.g. the user's selection), or null when it covers no
 * page text. Works for boundaries inside elements as well as inside text nodes.
 */
export function offsetsFromRange(
  pageText: PageText,
  range: Range,
): { start: number; end: number } | null {
  const { segments } = pageText;
  // Segments are in document order: find the first one not entirely before the range.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    if (isBefore(range, seg)) lo = mid + 1;
    else hi = mid;
  }
  let start: number | null = null;
  let end: number | null = null;
  for (let i = lo; i < segments.length; i++) {
    const seg = segments[i]!;
    if (!seg.node.isConnected) continue;
    if (range.comparePoint(seg.node, 0) === 1) break; // starts after the range
    const from =
      seg.node === range.startContainer ? seg.start + range.startOffset : Math.max(seg.start, 0);
    const to = seg.node === range.endContainer ? seg.start + range.endOffset : seg.end;
    if (start === null) start = clamp(from, seg.start, seg.end);
    end = clamp(to, seg.start, seg.end);
  }
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function isBefore(range: Range, seg: TextSegment): boolean {
  if (!seg.node.isConnected) return false;
  try {
    return range.comparePoint(seg.node, seg.node.data.length) === -1;
  } catch {
    return false;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/**
 * Hover detection for highlights. The Custom Highlight API has no events, so a throttled
 * `pointermove` handler hit-tests the caret position under the pointer
 * (`caretPositionFromPoint`, or `caretRangeFromPoint` in older Chromium) against the registered
 * ranges, and checks the pointer is really over the range's boxes (the caret snaps to the
 * nearest text even over blank space).
 */
import type { EntityKind } from '../core/types';
import type { RegisteredEntity } from './highlight-registry';
import { offsetOfPoint, type NodeIndex } from '../dom/dom-ranges';
import type { PageText } from '../dom/page-text';

/** Minimum time between two hit tests. */
export const HOVER_THROTTLE_MS = 60;

/** Caret position under a viewport point, in whichever form the browser offers. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Index of the shortest visible registered entity containing page-text offset `offset`. */
export function entityAtOffset(
  items: readonly RegisteredEntity[],
  offset: number,
  isVisible: (kind: EntityKind) => boolean,
): number | null {
  // Items are sorted by start: find the last one starting at or before `offset`.
  let lo = 0;
  let hi = items.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.entity.start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let best: number | null = null;
  // Overlaps are short (a name inside a directive clause): a bounded look-back suffices.
  for (let i = last; i >= 0 && i > last - 16; i--) {
    const e = items[i]!.entity;
    if (e.start <= offset && offset < e.end && isVisible(e.kind)) {
      if (best === null || e.end - e.start < items[best]!.entity.end - items[best]!.entity.start)
        best = i;
    }
  }
  return best;
}

/** The client rect of `range` that contains the point (with a small tolerance), if any. */
export function rectUnderPoint(range: Range, x: number, y: number): DOMRect | null {
  const slack = 2;
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack)
      return r;
  }
  return null;
}

/** What `watchHover` needs from the annotator. */
export interface HoverSource {
  pageText(): PageText | null;
  nodeIndex(): NodeIndex | null;
  items(): readonly RegisteredEntity[];
  isVisible(kind: EntityKind): boolean;
  /** The extension's host element: pointer over it means over the card or panel. */
  host(): Element | null;
  show(index: number, anchor: DOMRect): void;
  /** Pointer left every highlight. */
  leave(): void;
}

/** Hit-tests pointer moves (throttled) until `signal` aborts. */
export function watchHover(doc: Document, source: HoverSource, signal: AbortSignal): void {
  let lastRun = 0;
  let pending: PointerEvent | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: number | null = null;

  const run = (e: PointerEvent): void => {
    lastRun = performance.now();
    if (e.target === source.host()) return; // over the card or panel: keep what is shown
    const pageText = source.pageText();
    const index = source.nodeIndex();
    const caret = pageText && index ? caretAt(doc, e.clientX, e.clientY) : null;
    let hit: number | null = null;
    let rect: DOMRect | null = null;
    if (caret && pageText && index) {
      const offset = offsetOfPoint(pageText, index, caret.node, caret.offset);
      if (offset !== null) {
        const items = source.items();
        // The caret lands between characters: try the character after it, then the one before.
        for (const o of [offset, offset - 1]) {
          const i = entityAtOffset(items, o, source.isVisible);
          if (i === null) continue;
          rect = rectUnderPoint(items[i]!.range, e.clientX, e.clientY);
          if (rect) {
            hit = i;
            break;
          }
        }
      }
    }
    if (hit !== null && rect) {
      if (hit !== current) source.show(hit, rect);
      current = hit;
    } else if (current !== null) {
      current = null;
      source.leave();
    }
  };

  const onMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    const wait = HOVER_THROTTLE_MS - (performance.now() - lastRun);
    if (wait <= 0) {
      run(e);
      return;
    }
    pending = e;
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        if (pending) run(pending);
        pending = null;
      }, wait);
    }
  };
  doc.addEventListener('pointermove', onMove, { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

/**
 * The hover card controller: shows the card of the highlight under the pointer (hit-tested by
 * `watchHover`) or under the text caret, places it next to the highlight within the viewport, and
 * hides it a moment after the pointer left, unless the pointer is on the card itself.
 */
import { offsetOfPoint } from '../dom/dom-ranges';
import type { HighlightPainter } from './highlight-painter';
import { entityAtOffset, watchHover } from './hover-card';
import type { PageState } from './page-state';

/** Delay before the card hides once the pointer left the highlight. */
const CARD_HIDE_MS = 300;

/** Width of the card, and its height as placed below or above a highlight. */
const CARD_WIDTH = 320;
const CARD_HEIGHT = 160;

/** The card collaborator. */
export interface CardController {
  /** Shows the card of painted entity `index` next to `anchor`. */
  place(index: number, anchor: DOMRect): void;
  hideSoon(): void;
  /** The pointer is on the card (hold) or left it. */
  hold(held: boolean): void;
  /** Shows the card when the collapsed caret sits in a highlight. */
  showAtCaret(selection: Selection): void;
  /** Hit-tests pointer moves over the page until `signal` aborts. */
  watch(signal: AbortSignal): void;
  /** Hides at once (switch-off). */
  reset(): void;
}

/** Creates the card controller; `render` redraws the panel after the card changed. */
export function createCardController(
  doc: Document,
  state: PageState,
  painter: HighlightPainter,
  hostElement: () => Element | null,
  render: () => void,
): CardController {
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let held = false;

  function place(index: number, anchor: DOMRect): void {
    const win = doc.defaultView;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const x = Math.max(4, Math.min(anchor.left, vw - CARD_WIDTH - 8));
    const below = anchor.bottom + 6;
    const y = below + CARD_HEIGHT > vh ? Math.max(4, anchor.top - CARD_HEIGHT - 6) : below;
    clearTimeout(hideTimer);
    state.card = { index, x, y };
    render();
  }

  function hideSoon(): void {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (held || !state.card) return;
      state.card = null;
      painter.focus(null);
      render();
    }, CARD_HIDE_MS);
  }

  const isVisible = (kind: keyof PageState['visible']): boolean => state.visible[kind];

  return {
    place,
    hideSoon,
    hold(on) {
      held = on;
      if (on) clearTimeout(hideTimer);
      else hideSoon();
    },
    showAtCaret(sel) {
      const { analysis, painted } = state;
      if (state.phase !== 'annotated' || !analysis || !sel.anchorNode) return;
      const { pageText, nodeIndex } = analysis;
      const offset = offsetOfPoint(pageText, nodeIndex, sel.anchorNode, sel.anchorOffset);
      if (offset === null) return;
      const index =
        entityAtOffset(painted, offset, isVisible) ??
        entityAtOffset(painted, offset - 1, isVisible);
      if (index === null) return;
      const rect = painted[index]!.range.getClientRects()[0];
      if (rect) place(index, rect);
    },
    watch(signal) {
      watchHover(
        doc,
        {
          pageText: () => state.analysis?.pageText ?? null,
          nodeIndex: () => state.analysis?.nodeIndex ?? null,
          items: () => state.painted,
          isVisible,
          host: hostElement,
          show: place,
          leave: hideSoon,
        },
        signal,
      );
    },
    reset() {
      clearTimeout(hideTimer);
      state.card = null;
    },
  };
}

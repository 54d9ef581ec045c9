/**
 * Watches a page for content added or changed after load (infinite scroll, single-page
 * navigation) and reports it, debounced. Changes inside the extension's own UI (marked with
 * `UI_MARKER_ATTRIBUTE`) are ignored, so showing the panel never triggers a re-annotation.
 */
import { UI_MARKER_ATTRIBUTE } from '../dom/page-text';
import { captureNatives } from '../dom/natives';

/** Default quiet time before a burst of mutations is reported. */
export const DEBOUNCE_MS = 400;

/** Whether a node is (inside) the extension's UI. */
function isOwnUi(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`[${UI_MARKER_ATTRIBUTE}]`);
}

/** Whether a mutation changes page text the engine reads. */
export function isPageTextMutation(m: MutationRecord): boolean {
  if (isOwnUi(m.target)) return false;
  if (m.type === 'characterData') return true;
  const changed = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
  return changed.some((n) => {
    if (n.nodeType === 1) return !(n as Element).hasAttribute(UI_MARKER_ATTRIBUTE);
    return n.nodeType === 3 && (n as Text).data.trim() !== '';
  });
}

/**
 * Calls `onChange` once the page's text has stopped changing for `debounceMs`, until `signal`
 * aborts. `pause()`/`resume()`-free on purpose: the caller decides what to redo.
 */
export function watchPageText(
  root: Node,
  onChange: () => void,
  signal: AbortSignal,
  debounceMs = DEBOUNCE_MS,
): void {
  const natives = captureNatives();
  let timer: number | undefined;
  const observer = new MutationObserver((records) => {
    if (!records.some(isPageTextMutation)) return;
    if (timer !== undefined) natives.clearTimeout(timer);
    timer = natives.setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onChange();
    }, debounceMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) natives.clearTimeout(timer);
    },
    { once: true },
  );
}

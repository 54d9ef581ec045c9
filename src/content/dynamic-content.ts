/**
 * Watches a page for content added or changed after load (infinite scroll, single-page
 * navigation) and reports it, debounced with a maximum wait, on timers the page cannot cancel.
 * Changes inside the extension's own UI (marked with
 * `UI_MARKER_ATTRIBUTE`) are ignored, so showing the panel never triggers a re-annotation.
 */
import { UI_MARKER_ATTRIBUTE } from '../dom/page-text';
import { startTimer } from '../dom/scheduling';

/** Default quiet time before a burst of mutations is reported. */
export const DEBOUNCE_MS = 400;

/** Longest wait before a change is reported, however long the page keeps changing. */
export const MAX_WAIT_MS = 1000;

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
 * Calls `onChange` with the page-text mutation records since the last call once the page's text
 * has stopped changing for `debounceMs`, or `maxWaitMs` after the first unreported change when it
 * never stops (infinite scroll, a ticking clock), until `signal` aborts.
 */
export function watchPageText(
  root: Node,
  onChange: (records: MutationRecord[]) => void,
  signal: AbortSignal,
  debounceMs = DEBOUNCE_MS,
  maxWaitMs = MAX_WAIT_MS,
): void {
  let cancel: (() => void) | null = null;
  /** When the first change not yet reported happened. */
  let firstChange: number | null = null;
  let unreported: MutationRecord[] = [];
  const report = (): void => {
    cancel = null;
    firstChange = null;
    const records = unreported;
    unreported = [];
    if (!signal.aborted) onChange(records);
  };
  const observer = new MutationObserver((records) => {
    const relevant = records.filter(isPageTextMutation);
    if (relevant.length === 0) return;
    for (const r of relevant) unreported.push(r);
    const now = performance.now();
    firstChange ??= now;
    cancel?.();
    cancel = startTimer(report, Math.min(debounceMs, firstChange + maxWaitMs - now));
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancel?.();
    },
    { once: true },
  );
}

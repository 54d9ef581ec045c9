/**
 * The content script's first, cheap question: does this page have Chinese text at all? It reads
 * the title and at most a bounded sample of text nodes (not `lang`, which sites often get wrong),
 * so a non-Chinese page costs well under 2 ms however large it is. A page that says no is then
 * watched cheaply in case Chinese text arrives or lies past the sample (`watchForChinese`).
 */
import { drainSliced, startTimer } from '../dom/scheduling';

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Characters of body text sampled at most. */
export const SAMPLE_CHARS = 20_000;
/** Text nodes visited at most. */
export const SAMPLE_NODES = 2_000;

/** Elements whose text is not page text. */
export const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);

/** Whether `doc` looks like it contains Chinese text worth analysing. */
export function pageHasChineseText(doc: Document): boolean {
  if (HAN.test(doc.title)) return true;
  const scan = scanForChinese(doc, SAMPLE_NODES, SAMPLE_CHARS);
  for (;;) {
    const step = scan.next();
    if (step.done) return step.value;
  }
}

/** How often, at most, added text is checked for Chinese on a page that had none. */
export const LATE_CHECK_MS = 500;

/** Characters of one added node's text that are checked. */
const ADDED_SAMPLE_CHARS = 20_000;

/** Added nodes kept per check (a page that adds more in 500 ms has them checked in part). */
const ADDED_NODES_KEPT = 1_000;

/** Delay before the complete scan, so that it does not compete with the page's own loading. */
const FULL_SCAN_DELAY_MS = 1_000;

/** Whether a text or element node added to the page carries Chinese text. */
function addedNodeHasChinese(node: Node): boolean {
  if (node.nodeType !== 1 && node.nodeType !== 3) return false;
  if (node.nodeType === 1 && NOT_TEXT.has((node as Element).tagName)) return false;
  return HAN.test((node.textContent ?? '').slice(0, ADDED_SAMPLE_CHARS));
}

/**
 * On a page without Chinese text at first: calls `onFound` once Chinese text appears (a
 * single-page site whose article arrives later), or once a complete scan in slices finds it past
 * the first check's sample (a page whose Chinese follows long English navigation). Added nodes
 * are kept and checked at most every `LATE_CHECK_MS`, so a busy page costs little.
 */
export function watchForChinese(doc: Document, onFound: () => void, signal: AbortSignal): void {
  const watching = new AbortController();
  const stop = AbortSignal.any([signal, watching.signal]);
  const found = (): void => {
    if (stop.aborted) return;
    watching.abort();
    onFound();
  };
  let added: Node[] = [];
  let cancelCheck: (() => void) | null = null;
  const check = (): void => {
    cancelCheck = null;
    const nodes = added;
    added = [];
    if (nodes.some(addedNodeHasChinese)) found();
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (added.length >= ADDED_NODES_KEPT) break;
      if (r.type === 'characterData') added.push(r.target);
      else added.push(...Array.from(r.addedNodes).slice(0, ADDED_NODES_KEPT));
    }
    cancelCheck ??= startTimer(check, LATE_CHECK_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  stop.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelCheck?.();
    },
    { once: true },
  );
  const cancelScan = startTimer(() => {
    void drainSliced(scanForChinese(doc), stop).then(
      (has) => has && found(),
      () => undefined,
    );
  }, FULL_SCAN_DELAY_MS);
  stop.addEventListener('abort', cancelScan, { once: true });
}

/**
 * Walks the body's text nodes, a step every 256 nodes, up to `maxNodes` nodes and `maxChars`
 * characters of non-blank text; answers whether any of it is Chinese.
 */
export function* scanForChinese(
  doc: Document,
  maxNodes = Infinity,
  maxChars = Infinity,
): Generator<void, boolean> {
  if (!doc.body) return false;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  let nodes = 0;
  let chars = 0;
  for (
    let n = walker.nextNode();
    n && nodes < maxNodes && chars < maxChars;
    n = walker.nextNode()
  ) {
    const data = (n as Text).data;
    if ((++nodes & 255) === 0) yield;
    if (data.trim() === '' || NOT_TEXT.has(n.parentElement?.tagName ?? '')) continue;
    chars += data.length;
    if (HAN.test(data)) return true;
  }
  return false;
}

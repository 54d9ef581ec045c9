/**
 * The content script's first, cheap question: does this page have Chinese text at all? It reads
 * the title and at most a bounded sample of text nodes (not `lang`, which sites often get wrong),
 * so a non-Chinese page costs well under 2 ms however large it is.
 */

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Characters of body text sampled at most. */
export const SAMPLE_CHARS = 20_000;
/** Text nodes visited at most. */
export const SAMPLE_NODES = 2_000;

/** Whether `doc` looks like it contains Chinese text worth analysing. */
export function pageHasChineseText(doc: Document): boolean {
  if (HAN.test(doc.title)) return true;
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  let nodes = 0;
  for (
    let n = walker.nextNode();
    n && nodes < SAMPLE_NODES && chars < SAMPLE_CHARS;
    n = walker.nextNode()
  ) {
    const data = (n as Text).data;
    nodes++;
    if (data.trim() === '') continue;
    const parent = n.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT') continue;
    chars += data.length;
    if (HAN.test(data)) return true;
  }
  return false;
}

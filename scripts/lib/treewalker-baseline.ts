/**
 * The simplest in-page highlighter built on the same engine, a yardstick for the extension in
 * `npm run bench:content`: one TreeWalker over the page's text nodes, `src/core`'s `annotate()` on
 * their text, and every entity's range registered in CSS Custom Highlights in one go (one task, no
 * yielding, no virtualisation, no panel). Bundled for the page by `bundleTreeWalkerBaseline`.
 */
import { annotate } from '../../src/core/index';
import type { EntityKind } from '../../src/core/types';

/** Elements whose text is not prose (the same idea as `src/dom/page-text.ts`, kept minimal). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD', 'TITLE']);

/** What one baseline run did. */
export interface BaselineRun {
  chars: number;
  entities: number;
  ranges: number;
}

/** Highlights every entity of `doc`'s text under `zwl-baseline-<kind>`, synchronously. */
export function highlightWithTreeWalker(doc: Document): BaselineRun {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement && SKIPPED.has(n.parentElement.tagName)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    nodes.push(n as Text);
    starts.push(offset);
    parts.push(data);
    // A line break between nodes, so text of adjacent blocks never runs together.
    offset += data.length + 1;
  }
  const text = parts.join('\n');
  const { entities } = annotate({ text, url: doc.location?.href });
  /** The index of the node holding text offset `at` (binary search over `starts`). */
  const nodeAt = (at: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const byKind = new Map<EntityKind, Range[]>();
  for (const e of entities) {
    const a = nodeAt(e.start);
    const b = nodeAt(e.end - 1);
    const range = doc.createRange();
    range.setStart(nodes[a]!, e.start - starts[a]!);
    range.setEnd(nodes[b]!, Math.min(nodes[b]!.length, e.end - starts[b]!));
    const list = byKind.get(e.kind) ?? [];
    list.push(range);
    byKind.set(e.kind, list);
  }
  let ranges = 0;
  for (const [kind, list] of byKind) {
    CSS.highlights.set(`zwl-baseline-${kind}`, new Highlight(...list));
    ranges += list.length;
  }
  return { chars: text.length, entities: entities.length, ranges };
}

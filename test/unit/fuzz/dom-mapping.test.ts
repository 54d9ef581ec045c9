// @vitest-environment happy-dom
/**
 * Fuzz of the DOM mapping: random trees of Han/ASCII/punctuation/surrogate text in nested inline,
 * block, ruby and skipped elements (plus very deep nesting and huge text nodes). `extractPageText`
 * must account for every visible character exactly once, and `rangeFromOffsets` must cover exactly
 * the characters of `text.slice(start, end)` (synthetic line breaks aside) and map back to the
 * same span through `offsetsFromRange`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPageText, type PageText } from '../../../src/dom/page-text';
import { offsetsFromRange, rangeFromOffsets } from '../../../src/dom/dom-ranges';

/** Fixed seed, printed, so a failure can be replayed. */
const SEED = 20261122;
const RUNS = 3_000;
const RANGES_PER_TREE = 8;

const tally = {
  trees: 0,
  textNodes: 0,
  chars: 0,
  ranges: 0,
  nullRanges: 0,
  roundTrips: 0,
  maxDepth: 0,
};

afterAll(() => {
  console.log(
    `[fuzz dom-mapping] seed=${SEED} trees=${tally.trees} textNodes=${tally.textNodes} ` +
      `chars=${tally.chars} ranges=${tally.ranges} (empty: ${tally.nullRanges}, ` +
      `round trips via offsetsFromRange: ${tally.roundTrips}) ` +
      `maxDepth=${tally.maxDepth}: all survived`,
  );
});

/** Tags whose text is never page prose (subset of page-text.ts's list, named independently). */
const HIDDEN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'RT', 'RP', 'NOSCRIPT', 'TEMPLATE']);

const HAN = [...'市委书记县长常委会议第十五次全体贯彻落实精神韋韜國務院办公厅习']
  .map((c) => c)
  .concat(['𠀀', '𪚥', '𫠝']);
const PUNCT = [...'，。、；：「」《》（）！？…—·'];
const PINYIN = ['(shì wěi)', 'Xí', 'zhōng', '（lǐ）'];
const chunk = fc.oneof(
  fc.constantFrom(...HAN),
  fc.constantFrom(...PUNCT),
  fc.constantFrom(...PINYIN),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.constantFrom('\uD800', '\uDC00', '\n', ' ', '\t', '<img src=x onerror=alert(1)>', '&amp;'),
);
const textArb = fc.array(chunk, { minLength: 0, maxLength: 8 }).map((a) => a.join(''));

type Tree = { text: string } | { tag: string; attrs: Record<string, string>; kids: Tree[] };

const TAGS = ['span', 'b', 'a', 'em', 'div', 'p', 'section', 'td', 'li', 'br', 'ruby', 'rt'];
const SKIP_TAGS = ['script', 'style', 'textarea', 'rp', 'noscript'];
const attrsArb = fc.constantFrom<Record<string, string>>(
  {},
  {},
  {},
  { contenteditable: 'true' },
  { contenteditable: 'false' },
  { hidden: '' },
  { 'data-zhengwen-lens-ui': '' },
);

const { tree: treeArb } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({
    tag: fc.constant('div'),
    attrs: fc.constant({}),
    kids: fc.array(tie('node'), { maxLength: 6 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text: textArb }),
    fc.record({
      tag: fc.constantFrom(...TAGS, ...SKIP_TAGS),
      attrs: attrsArb,
      kids: fc.array(tie('node'), { maxLength: 5 }),
    }),
  ),
}));

/** Builds `tree` under `parent`; returns the depth reached. */
function build(parent: Node, tree: Tree, depth = 0): number {
  const doc = parent.ownerDocument ?? (parent as Document);
  if ('text' in tree) {
    parent.appendChild(doc.createTextNode(tree.text));
    return depth;
  }
  const el = doc.createElement(tree.tag);
  for (const [k, v] of Object.entries(tree.attrs)) el.setAttribute(k, v);
  parent.appendChild(el);
  let max = depth;
  // Raw-text elements hold only text in real parsing; keep them that way here.
  const rawText = ['script', 'style', 'textarea'].includes(tree.tag);
  for (const kid of tree.kids) {
    if (rawText && !('text' in kid)) continue;
    max = Math.max(max, build(el, kid, depth + 1));
  }
  return max;
}

/** Whether `node` lies inside an element whose text is not page prose. */
function isHidden(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (HIDDEN_TAGS.has(el.tagName.toUpperCase())) return true;
    if (el.hasAttribute('hidden') || el.hasAttribute('data-zhengwen-lens-ui')) return true;
    const ce = el.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') return true;
  }
  return false;
}

/** All text nodes under `root`, in document order. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Checks the segment invariants of `pt` against the tree under `root`. */
function checkSegments(root: Element, pt: PageText): void {
  let prevEnd = 0;
  for (const seg of pt.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(prevEnd);
    expect(seg.end).toBeGreaterThan(seg.start);
    expect(pt.text.slice(seg.start, seg.end)).toBe(seg.node.data);
    // What lies between segments is only synthetic line breaks.
    expect(pt.text.slice(prevEnd, seg.start)).toMatch(/^\n*$/);
    prevEnd = seg.end;
  }
  expect(pt.text.slice(prevEnd)).toMatch(/^\n*$/);
  expect(prevEnd).toBeLessThanOrEqual(pt.text.length);
  const inSegments = new Set<Node>(pt.segments.map((s) => s.node));
  for (const node of textNodes(root)) {
    const visible = node.data.length > 0 && !isHidden(node, root);
    expect(inSegments.has(node), `text node ${JSON.stringify(node.data)} visible=${visible}`).toBe(
      visible,
    );
  }
  tally.textNodes += pt.segments.length;
  tally.chars += pt.text.length;
}

/** Characters of page text that `range` covers, computed from the segments the range touches. */
function coveredText(pt: PageText, range: Range): string {
  const nodes = pt.segments.map((s) => s.node as Node);
  const first = nodes.indexOf(range.startContainer);
  const last = nodes.indexOf(range.endContainer);
  // Boundaries inside indexed text nodes: the covered nodes are the segments between them (fast
  // path; intersectsNode is O(depth) in happy-dom). Otherwise ask the DOM for each segment.
  const inside =
    first >= 0 && last >= 0
      ? (i: number) => i >= first && i <= last
      : (i: number) => range.intersectsNode(nodes[i]!);
  let out = '';
  pt.segments.forEach(({ node }, i) => {
    if (!inside(i)) return;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    out += node.data.slice(from, to);
  });
  return out;
}

/** `text.slice(start, end)` without the synthetic line breaks between segments. */
function realChars(pt: PageText, start: number, end: number): string {
  let out = '';
  for (const seg of pt.segments) {
    const a = Math.max(seg.start, start);
    const b = Math.min(seg.end, end);
    if (a < b) out += pt.text.slice(a, b);
  }
  return out;
}

/** Checks `rangeFromOffsets` for the span `[start, end)`. */
function checkRange(pt: PageText, start: number, end: number, roundTrip = true): void {
  tally.ranges += 1;
  const expected = realChars(pt, start, end);
  const range = rangeFromOffsets(pt, start, end);
  if (range === null) {
    tally.nullRanges += 1;
    expect(expected, `null range for [${start},${end}) that holds text`).toBe('');
    return;
  }
  expect(coveredText(pt, range)).toBe(expected);
  if (!roundTrip) return;
  // And back: the range maps to the same span, tightened to real characters.
  const real = realSpan(pt, start, end);
  expect(offsetsFromRange(pt, range), `offsetsFromRange of [${start},${end})`).toEqual(real);
  tally.roundTrips += 1;
}

/** `[start, end)` shrunk to its first and last character that come from a text node. */
function realSpan(pt: PageText, start: number, end: number): { start: number; end: number } {
  let first = -1;
  let last = -1;
  for (const seg of pt.segments) {
    const a = Math.max(seg.start, start);
    const b = Math.min(seg.end, end);
    if (a >= b) continue;
    if (first < 0) first = a;
    last = b;
  }
  return { start: first, end: last };
}

describe(`DOM mapping fuzz (seed ${SEED})`, () => {
  it(`maps ${RUNS} random trees and ${RUNS * RANGES_PER_TREE} spans exactly`, () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.array(fc.tuple(fc.nat(), fc.nat()), {
          minLength: RANGES_PER_TREE,
          maxLength: RANGES_PER_TREE,
        }),
        (tree, spans) => {
          document.body.replaceChildren();
          const root = document.createElement('main');
          document.body.append(root);
          tally.maxDepth = Math.max(tally.maxDepth, build(root, tree));
          tally.trees += 1;
          const pt = extractPageText(root);
          checkSegments(root, pt);
          const n = pt.text.length;
          spans.forEach(([x, y], k) => {
            const a = n === 0 ? 0 : x % (n + 1);
            const b = n === 0 ? 0 : y % (n + 1);
            // Round trips (slow in happy-dom) for a quarter of the spans.
            checkRange(pt, Math.min(a, b), Math.max(a, b), k % 4 === 0);
          });
          // The whole text always maps too.
          checkRange(pt, 0, n);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('handles 2,000-deep nesting without recursion limits', () => {
    document.body.replaceChildren();
    const root = document.createElement('main');
    let cur: Element = root;
    for (let i = 0; i < 2_000; i++) {
      const el = document.createElement(i % 7 === 0 ? 'div' : 'span');
      if (i % 3 === 0) el.append(document.createTextNode(HAN[i % HAN.length]!));
      cur.append(el);
      cur = el;
    }
    document.body.append(root);
    tally.maxDepth = Math.max(tally.maxDepth, 2_000);
    const pt = extractPageText(root);
    checkSegments(root, pt);
    // offsetsFromRange compares DOM points, O(depth) each in happy-dom: no round trip here.
    checkRange(pt, 0, pt.text.length, false);
    checkRange(pt, 1, Math.max(1, pt.text.length - 1), false);
  }, 30_000);

  it('maps spans inside a 1,000,000-character text node', () => {
    document.body.replaceChildren();
    const root = document.createElement('main');
    const big = '市委书记。ab𠀀，'.repeat(100_000);
    root.append(document.createTextNode(big));
    document.body.append(root);
    const pt = extractPageText(root);
    checkSegments(root, pt);
    fc.assert(
      fc.property(fc.nat(big.length), fc.nat(big.length), (x, y) => {
        checkRange(pt, Math.min(x, y), Math.max(x, y));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

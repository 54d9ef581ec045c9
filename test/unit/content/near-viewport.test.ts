// @vitest-environment happy-dom
/**
 * The near-viewport watcher on a page laid out by hand: each element is given a box (happy-dom
 * lays nothing out), the viewport is 100 px high and the margin one viewport height, so the
 * window runs from -100 to 200 px.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchNearViewport, type NearViewportWatcher } from '../../../src/content/near-viewport';

type Box = { top: number; height: number } | null;

/** Appends a paragraph whose box is `box` (null: hidden, no box). */
function paragraph(id: string, box: Box): HTMLElement {
  const p = document.createElement('p');
  p.id = id;
  p.getBoundingClientRect = () =>
    box === null ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, box.top - scrolled, 300, box.height);
  document.body.append(p);
  return p;
}

let scrolled = 0;
let watcher: NearViewportWatcher | null = null;
let near = new Set<string>();

function watch(els: HTMLElement[]): NearViewportWatcher {
  near = new Set();
  Object.defineProperty(window, 'innerHeight', { value: 100, configurable: true });
  watcher = watchNearViewport(
    window as unknown as Window & typeof globalThis,
    (entered, left) => {
      for (const el of left) near.delete(el.id);
      for (const el of entered) near.add(el.id);
    },
    1,
  );
  for (const el of els) watcher.observe(el);
  watcher.update();
  return watcher;
}

afterEach(() => {
  watcher?.disconnect();
  watcher = null;
  scrolled = 0;
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  document.body.replaceChildren();
});

/** 200 paragraphs of 50 px, one under the other. */
const column = (): HTMLElement[] =>
  Array.from({ length: 200 }, (_, i) => paragraph(`p${i}`, { top: i * 50, height: 50 }));

describe('near-viewport watcher', () => {
  it('reports the elements within a margin of the viewport, and follows scrolling', () => {
    const w = watch(column());
    // 0–200 px: p0 … p4 (p4 starts at 200).
    expect([...near].sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    scrolled = 5000;
    w.update();
    // 4900–5200 px: p97 (4850–4900) touches the window's top, p104 starts at its bottom.
    expect([...near].sort()).toEqual(
      ['p97', 'p98', 'p99', 'p100', 'p101', 'p102', 'p103', 'p104'].sort(),
    );
    expect(w.isNear(document.getElementById('p100')!)).toBe(true);
    expect(w.isNear(document.getElementById('p0')!)).toBe(false);
  });

  it('finds boxes out of document order near the window, and steps over hidden elements', () => {
    const els = column();
    // A sidebar at the end of the document sits at the top of the page.
    const aside = paragraph('aside', { top: 20, height: 30 });
    // Hidden paragraphs in the middle of the window must not end the walk.
    for (let i = 0; i < 5; i++) els.splice(2, 0, paragraph(`hidden${i}`, null));
    const w = watch([...els, aside]);
    expect(near.has('aside')).toBe(true);
    expect(near.has('p3')).toBe(true);
    expect([...near].some((id) => id.startsWith('hidden'))).toBe(false);
    // Unwatching text before the sidebar keeps the sidebar's run; scrolling away leaves it.
    for (const el of els.slice(0, 10)) w.unobserve(el);
    w.update();
    expect(near.has('aside')).toBe(true);
    scrolled = 5000;
    w.update();
    expect(near.has('aside')).toBe(false);
    expect(near.has('p100')).toBe(true);
  });

  it('measures again only once scrolling has used up the margin beyond the reserve', async () => {
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    watch(Array.from({ length: 100 }, (_, i) => paragraph(`p${i}`, { top: i * 20, height: 20 })));
    const scrollTo = async (y: number): Promise<void> => {
      scrolled = y;
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      document.dispatchEvent(new Event('scroll'));
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0));
    };
    // Margin 1, reserve 0.5 (in watch): after 40 px of scrolling p11 (220–240) is within the
    // window (bottom at 200 px in the viewport), but nothing is measured before 50 px.
    await scrollTo(40);
    expect(near.has('p10')).toBe(true);
    expect(near.has('p11')).toBe(false);
    await scrollTo(50);
    expect(near.has('p11')).toBe(true);
    expect(near.has('p12')).toBe(true);
  });

  it('sorts elements observed out of document order, and forgets unobserved ones', () => {
    const els = column();
    const w = watch([...els].reverse());
    expect(near.has('p0')).toBe(true);
    w.unobserve(els[0]!);
    expect(w.isNear(els[0]!)).toBe(false);
    scrolled = 5000;
    w.update();
    // p0 left without being reported, since it is no longer watched.
    expect(near.has('p0')).toBe(true);
    expect(near.has('p100')).toBe(true);
  });
});

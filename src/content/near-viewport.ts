/**
 * Which of many elements lie near the viewport, for the highlight registry on huge pages.
 *
 * Not an IntersectionObserver: with one target per paragraph (5,000 on a 1,000,000-character
 * page) Chromium spends ~12 ms of every scroll frame computing intersections, and each report
 * changed a registered highlight, which restyles the whole document: scroll frames took ~13× the
 * plain page's work (`bench:content`). Here a measurement reads a few boxes, and only after
 * scrolling has used up most of the margin. The elements, in document order, fall into runs that
 * go down the page (the text, then a sidebar placed back at the top); in each run a binary search
 * finds the first box reaching the window, then a walk goes through the window, with some slack
 * for boxes a little out of order and for hidden ones. Runs are found as elements are watched, so
 * a later change of layout that reorders whole columns is not followed.
 */

/** Reports elements that came near the viewport and those that left it. */
export type NearViewportChange = (entered: Element[], left: Element[]) => void;

/** Tracks which observed elements are near the viewport. */
export interface NearViewportWatcher {
  /** Starts tracking `el`; it is reported on the next measurement if near. */
  observe(el: Element): void;
  /** Stops tracking `el` (not reported as leaving). */
  unobserve(el: Element): void;
  /** Measures now and reports the changes (reads layout). */
  update(): void;
  /** Whether `el` was near at the last measurement. */
  isNear(el: Element): boolean;
  /** Stops listening; nothing is reported afterwards. */
  disconnect(): void;
}

/** Out-of-window boxes the walk accepts in a row before it decides the window has ended. */
const SLACK = 12;
/** Hidden elements (no box) the walk steps over in a row before it stops. */
const HIDDEN_RUN = 64;

/** Whether `a` comes before `b` in the document. */
function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * Watches elements for nearness to `win`'s viewport: within `margin` viewport heights above or
 * below it. Measures when the document or one of its scrolling boxes has scrolled `margin −
 * reserve` viewport heights since the last measurement (so at least `reserve` heights of near
 * elements stay ahead of the viewport), on resizing and when the document's size changes; at
 * most once per animation frame.
 */
export function watchNearViewport(
  win: Window & typeof globalThis,
  onChange: NearViewportChange,
  margin = 2,
  reserve = 0.5,
): NearViewportWatcher {
  const doc = win.document;
  /** Watched elements in document order. */
  let els: Element[] = [];
  /** Where each run of boxes going down the page begins (a sidebar after the text is a second). */
  let runStarts: number[] = [];
  /** Top (page coordinates) of the last element with a box, while runs are kept up to date. */
  let lastTop = -Infinity;
  /** Set when elements came out of document order: sort and find the runs again. */
  let stale = false;
  let near = new Set<Element>();
  let frame = 0;
  const listening = new AbortController();
  /**
   * Scroll positions of the boxes that scrolled since the last measurement, as first seen. Every
   * change to a registered highlight makes the browser restyle the whole document, so the
   * measurement (and the change it brings) waits until scrolling has used up the margin.
   */
  let scrolledFrom = new Map<EventTarget, number>();

  /** The element's box, or null when it has none (hidden, detached). */
  const boxOf = (el: Element): DOMRect | null => {
    const r = el.getBoundingClientRect();
    return r.width === 0 && r.height === 0 ? null : r;
  };

  /** Extends the runs by the element at `i`: one wholly above the last box starts a new run. */
  const place = (i: number): void => {
    const box = boxOf(els[i]!);
    if (i === 0) runStarts = [0];
    if (box === null) return;
    const top = box.top + win.scrollY;
    if (i > 0 && box.bottom + win.scrollY < lastTop) runStarts.push(i);
    lastTop = top;
  };

  const rebuild = (): void => {
    els.sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
    runStarts = [];
    lastTop = -Infinity;
    for (let i = 0; i < els.length; i++) place(i);
    stale = false;
  };

  /** Index in [from, to) of the first element whose box reaches `top`. */
  const firstReaching = (top: number, from: number, to: number): number => {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const box = boxOf(els[mid]!);
      // A hidden element says nothing about where the window is: search on after it.
      if (box === null || box.bottom < top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const measure = (): Set<Element> => {
    if (stale) rebuild();
    const height = win.innerHeight;
    const top = -margin * height;
    const bottom = height + margin * height;
    const found = new Set<Element>();
    const inWindow = (box: DOMRect | null): boolean =>
      box !== null && box.bottom >= top && box.top <= bottom;
    for (let r = 0; r < runStarts.length; r++) {
      const from = runStarts[r]!;
      const to = runStarts[r + 1] ?? els.length;
      const start = firstReaching(top, from, to);
      for (let i = start - 1, seen = 0; i >= from && seen < SLACK; i--, seen++)
        if (inWindow(boxOf(els[i]!))) found.add(els[i]!);
      for (let i = start, misses = 0, hidden = 0; i < to; i++) {
        const box = boxOf(els[i]!);
        if (box === null) {
          if (++hidden > HIDDEN_RUN) break;
          continue;
        }
        hidden = 0;
        if (inWindow(box)) {
          found.add(els[i]!);
          misses = 0;
        } else if (++misses > SLACK) break;
      }
    }
    return found;
  };

  const update = (): void => {
    if (frame !== 0) win.cancelAnimationFrame(frame);
    frame = 0;
    scrolledFrom = new Map([[doc, win.scrollY]]);
    const next = measure();
    const entered = [...next].filter((el) => !near.has(el));
    const left = [...near].filter((el) => !next.has(el));
    near = next;
    if (entered.length || left.length) onChange(entered, left);
  };

  const schedule = (): void => {
    if (frame === 0) frame = win.requestAnimationFrame(update);
  };

  const onScroll = (event: Event): void => {
    const box = event.target;
    if (box === null) return;
    const at = box === doc ? win.scrollY : (box as Element).scrollTop;
    const from = scrolledFrom.get(box);
    if (from === undefined) scrolledFrom.set(box, at);
    else if (Math.abs(at - from) >= (margin - reserve) * win.innerHeight) schedule();
  };

  const options = { capture: true, passive: true, signal: listening.signal };
  doc.addEventListener('scroll', onScroll, options);
  win.addEventListener('resize', schedule, options);
  const resized = new win.ResizeObserver(schedule);
  resized.observe(doc.documentElement);

  return {
    observe(el) {
      const last = els[els.length - 1];
      els.push(el);
      if (last !== undefined && !precedes(last, el)) stale = true;
      else if (!stale) place(els.length - 1);
      schedule();
    },
    unobserve(el) {
      const i = els.indexOf(el);
      if (i < 0) return;
      els.splice(i, 1);
      near.delete(el);
      // Later runs begin one element earlier; a run left empty disappears.
      runStarts = runStarts
        .map((s) => (s > i ? s - 1 : s))
        .filter((s, k, all) => s < els.length && s !== all[k + 1]);
      if (els.length > 0 && runStarts[0] !== 0) runStarts.unshift(0);
    },
    update,
    isNear: (el) => near.has(el),
    disconnect() {
      listening.abort();
      resized.disconnect();
      if (frame !== 0) win.cancelAnimationFrame(frame);
      frame = 0;
      els = [];
      runStarts = [];
      near = new Set();
    },
  };
}

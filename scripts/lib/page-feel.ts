/**
 * What a page feels while something highlights it, measured from inside the page (for
 * `npm run bench:content`): its own 10 ms `setInterval` heartbeat (how late each beat fires), its
 * requestAnimationFrame gaps, long-animation-frame entries, and frame times while it scrolls
 * (with and without a restyle in every frame).
 */
import type { Page } from 'playwright-core';
import { median, percentile } from './spread';

/**
 * tsx compiles with esbuild's keep-names, which wraps functions passed to `page.evaluate` in a
 * `__name(fn, "name")` call; pages have no such helper, so each page gets one first.
 */
export const NAME_HELPER = 'window.__name = (fn) => fn;';

/** Installed before any page script: the heartbeat, the rAF loop and a LoAF observer. */
export const FEEL_PROBE = `(() => {
  const feel = { beats: [], frames: [], loafs: [] };
  window.__feel = feel;
  setInterval(() => feel.beats.push(performance.now()), 10);
  const frame = (t) => { feel.frames.push(performance.now()); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries())
      feel.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration || 0 }); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

/** How the page's own timers and frames fared in a window of its clock. */
export interface Feel {
  /** Heartbeat lateness (gap beyond 10 ms), max and 95th percentile, ms. */
  beatMax: number;
  beatP95: number;
  /** Longest gap between two animation frames, ms. */
  rafMaxGap: number;
  /** Longest long-animation-frame entry and its blocking duration, ms (0 when none). */
  loafMax: number;
  loafBlockingMax: number;
}

/** The page's heartbeat, frames and LoAF entries between `from` and `to` (page clock, ms). */
export async function feelBetween(page: Page, from: number, to: number): Promise<Feel> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as {
      __feel: {
        beats: number[];
        frames: number[];
        loafs: Array<{ start: number; duration: number; blocking: number }>;
      };
    };
    return w.__feel;
  });
  /** Gaps between consecutive stamps that overlap the window. */
  const gaps = (stamps: number[]): number[] => {
    const out: number[] = [];
    for (let i = 1; i < stamps.length; i++)
      if (stamps[i]! > from && stamps[i - 1]! < to) out.push(stamps[i]! - stamps[i - 1]!);
    return out;
  };
  const lateness = gaps(raw.beats).map((g) => Math.max(0, g - 10));
  const loafs = raw.loafs.filter((l) => l.start + l.duration > from && l.start < to);
  return {
    beatMax: Math.max(0, ...lateness),
    beatP95: lateness.length ? percentile(lateness, 95) : 0,
    rafMaxGap: Math.max(0, ...gaps(raw.frames)),
    loafMax: Math.max(0, ...loafs.map((l) => l.duration)),
    loafBlockingMax: Math.max(0, ...loafs.map((l) => l.blocking)),
  };
}

/** The page's clock now. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Frame figures while scrolling: rAF intervals and main-thread rendering work per frame, ms. */
export interface ScrollFrames {
  intervalMedian: number;
  intervalP95: number;
  /** From a frame's rAF callback to the next task: the style, layout and paint of that frame. */
  workMedian: number;
  workP95: number;
}

/**
 * Scrolls the page by 240 px in each of `frames` animation frames and times them; with
 * `restyle`, every frame also flips the body's text colour (a restyle of the whole document, the
 * case where the browser re-validates every registered highlight range).
 */
export async function measureScroll(
  page: Page,
  restyle: boolean,
  frames = 60,
): Promise<ScrollFrames> {
  const { intervals, work } = await page.evaluate(
    async ({ restyle, frames }) => {
      if (restyle && !document.getElementById('zwl-bench-restyle')) {
        const style = document.createElement('style');
        style.id = 'zwl-bench-restyle';
        style.textContent = 'html.zwl-bench-alt body { color: #202124; }';
        document.head.append(style);
      }
      window.scrollTo(0, 0);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const intervals: number[] = [];
      const work: number[] = [];
      const channel = new MessageChannel();
      let last = performance.now();
      await new Promise<void>((resolve) => {
        let n = 0;
        const step = (): void => {
          const t = performance.now();
          if (n > 0) intervals.push(t - last);
          last = t;
          window.scrollBy(0, 240);
          if (restyle) document.documentElement.classList.toggle('zwl-bench-alt');
          // The message task runs after this frame's rendering: its delay is the frame's work.
          channel.port1.onmessage = () => work.push(performance.now() - t);
          channel.port2.postMessage(0);
          if (++n <= frames) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      document.documentElement.classList.remove('zwl-bench-alt');
      window.scrollTo(0, 0);
      return { intervals, work };
    },
    { restyle, frames },
  );
  return {
    intervalMedian: median(intervals),
    intervalP95: percentile(intervals, 95),
    workMedian: median(work),
    workP95: percentile(work, 95),
  };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { drainSliced, SLICE_MS, yieldToEventLoop } from '../../../src/dom/scheduling';

const g = globalThis as { scheduler?: unknown };

/** Replaces `scheduler.yield` with a counting timer yield. */
function countYields(): { count: () => number } {
  const spy = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  g.scheduler = { yield: spy };
  return { count: () => spy.mock.calls.length };
}

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function* quickSteps(n: number): Generator<void, string> {
  for (let i = 0; i < n; i++) yield;
  return 'done';
}

afterEach(() => {
  delete g.scheduler;
});

describe('time slicing budget', () => {
  it('starts a step expected to be slow in a task of its own', async () => {
    await yieldToEventLoop();
    const yields = countYields();
    const signal = new AbortController().signal;
    function* slowSteps(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        busy(SLICE_MS * 0.6);
        yield;
      }
      return 'done';
    }
    // Two 0.6-slice steps would fit one slice only by overrunning it: each gets a task.
    expect(await drainSliced(slowSteps(), signal, SLICE_MS, SLICE_MS)).toBe('done');
    expect(yields.count()).toBe(4);
  });

  it('runs cheap steps in one slice, and a new loop shares the slice the last one used up', async () => {
    await yieldToEventLoop();
    const yields = countYields();
    const signal = new AbortController().signal;
    await drainSliced(quickSteps(50), signal);
    const cheap = yields.count();
    expect(cheap).toBeLessThan(3);
    busy(SLICE_MS + 2);
    await drainSliced(quickSteps(1), signal);
    expect(yields.count()).toBeGreaterThan(cheap);
  });
});

describe('aborting', () => {
  it('closes the steps so their cleanup runs, then rejects', async () => {
    const controller = new AbortController();
    let cleaned = false;
    function* endless(): Generator<void, string> {
      try {
        for (;;) {
          busy(SLICE_MS);
          yield;
        }
      } finally {
        cleaned = true;
      }
    }
    const run = drainSliced(endless(), controller.signal);
    controller.abort();
    await expect(run).rejects.toThrow();
    expect(cleaned).toBe(true);
  });
});

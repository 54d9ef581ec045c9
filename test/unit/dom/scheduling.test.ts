import { afterEach, describe, expect, it } from 'vitest';
import { drainSliced, SLICE_MS, yieldToEventLoop } from '../../../src/dom/scheduling';

const g = globalThis as { MessageChannel: typeof MessageChannel };
const NativeChannel = g.MessageChannel;

/** Counts the yields (each posts one message on a channel of its own). */
function countYields(): { count: () => number } {
  let made = 0;
  g.MessageChannel = class extends NativeChannel {
    constructor() {
      super();
      made++;
    }
  };
  return { count: () => made };
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
  g.MessageChannel = NativeChannel;
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

describe('the page between slices', () => {
  it('lets the page’s own timers run between slices', async () => {
    await yieldToEventLoop();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    function* slowSteps(): Generator<void, string> {
      for (let i = 0; i < 8; i++) {
        busy(SLICE_MS * 0.6);
        yield;
      }
      return 'done';
    }
    await drainSliced(slowSteps(), new AbortController().signal, SLICE_MS, SLICE_MS);
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(4);
  });
});

describe('a lost message', () => {
  it('goes on after a while when the yield’s message never arrives', async () => {
    g.MessageChannel = class extends NativeChannel {
      constructor() {
        super();
        this.port2.postMessage = () => {};
      }
    };
    const t0 = performance.now();
    await yieldToEventLoop();
    expect(performance.now() - t0).toBeLessThan(2000);
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

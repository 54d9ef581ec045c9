/**
 * Time slicing: long work runs as generators that are resumed in short tasks, handing the main
 * thread back between slices, so the page stays responsive on a 1,000,000-character page.
 *
 * The budget is shared by every sliced loop: one loop ending and the next starting in the same
 * task (text extraction → engine → ranges → highlights) still count against the same slice, so
 * the hand-over never merges two slices into one long task.
 */

/** Milliseconds of work per slice; well under the 50 ms long-task limit. */
export const SLICE_MS = 10;

/** Expected duration of work that may take more than a slice's remainder: a task of its own. */
export const WHOLE_SLICE_MS = 1000;

/** When the current slice must hand the main thread back (`performance.now()` time). */
let sliceDeadline = 0;

/**
 * A macrotask yield: a posted message is not clamped like nested timers, and it queues behind the
 * tasks already due, the page's timers among them.
 */
function yieldByMessage(): Promise<void> {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => startTimer(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const done = (): void => {
      cancel();
      channel.port1.close();
      resolve();
    };
    // A message that never arrives (a port closed under us) must not stall the run for good.
    const cancel = startTimer(done, LOST_MESSAGE_MS);
    channel.port1.onmessage = done;
    channel.port2.postMessage(null);
  });
}

/** How long a yield waits for its message before going on anyway. */
const LOST_MESSAGE_MS = 250;

/**
 * Lets the event loop run (input, paint, the page's own tasks) before continuing: the caller
 * resumes in a new task (never a microtask), with a fresh slice budget. Not `scheduler.yield`:
 * its continuation runs ahead of the tasks already waiting, so the page's own timers waited for
 * the whole run (a 10 ms heartbeat ~250–310 ms late on a 1,000,000-character page, against
 * ~70–90 ms with a posted message; `bench:content`).
 */
export async function yieldToEventLoop(): Promise<void> {
  await yieldByMessage();
  sliceDeadline = performance.now() + SLICE_MS;
}

/**
 * Whether the current slice has less than `expectedMs` left (then the caller should yield before
 * its next piece of work).
 */
export function sliceExhausted(expectedMs = 0): boolean {
  return performance.now() + expectedMs >= sliceDeadline;
}

/** Yields when the current slice has less than `expectedMs` left; rejects when `signal` aborts. */
export async function yieldIfDue(signal: AbortSignal, expectedMs = 0): Promise<void> {
  if (sliceExhausted(expectedMs)) await yieldToEventLoop();
  signal.throwIfAborted();
}

/**
 * Runs `steps` to completion in slices of about `sliceMs`; rejects when `signal` aborts (after
 * closing `steps`, so their `finally` blocks run). A step is
 * expected to take as long as the one before (the first one `expectedStepMs`), so a slow step (the
 * engine's, up to ~35 ms) starts in a task of its own instead of after other work.
 */
export async function drainSliced<R>(
  steps: Iterator<unknown, R>,
  signal: AbortSignal,
  sliceMs = SLICE_MS,
  expectedStepMs = 0,
): Promise<R> {
  let lastStep = expectedStepMs;
  const extend = (): void => {
    // A caller's shorter budget shortens the shared slice (tests, very cheap steps).
    sliceDeadline = Math.min(sliceDeadline, performance.now() + sliceMs);
  };
  extend();
  try {
    for (;;) {
      if (sliceExhausted(lastStep)) {
        await yieldToEventLoop();
        signal.throwIfAborted();
        extend();
      }
      const t0 = performance.now();
      const step = steps.next();
      lastStep = performance.now() - t0;
      if (step.done) return step.value;
    }
  } catch (error) {
    // An abandoned run must still run its cleanup (the engine gives shared buffers back).
    steps.return?.();
    throw error;
  }
}

/** Calls `work` for each item, yielding between slices; rejects when `signal` aborts. */
export async function forEachSliced<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  signal: AbortSignal,
  sliceMs = SLICE_MS,
): Promise<void> {
  function* steps(): Generator<void, void> {
    for (let i = 0; i < items.length; i++) {
      work(items[i]!, i);
      if ((i & 7) === 7) yield;
    }
  }
  await drainSliced(steps(), signal, sliceMs);
}

/**
 * Calls `fn` once after `ms`, unless the returned function cancels it first. The page shares the
 * window's timer ids with the content script (a page that calls `clearTimeout` on every id would
 * cancel ours); `AbortSignal.timeout` has no id to cancel.
 */
export function startTimer(fn: () => void, ms: number): () => void {
  const cancelled = new AbortController();
  AbortSignal.timeout(Math.max(0, ms)).addEventListener('abort', () => fn(), {
    once: true,
    signal: cancelled.signal,
  });
  return () => cancelled.abort();
}

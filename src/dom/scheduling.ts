/**
 * Time slicing: long work runs as generators that are resumed in short tasks, handing the main
 * thread back between slices, so the page stays responsive on a 1,000,000-character page.
 */
import { captureNatives } from './natives';

/** Milliseconds of work per slice; well under the 50 ms long-task limit. */
export const SLICE_MS = 12;

/** Lets the event loop run (input, paint, the page's own tasks) before continuing. */
export function yieldToEventLoop(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise((resolve) => captureNatives().setTimeout(resolve, 0));
}

/** Runs `steps` to completion in slices of about `sliceMs`; rejects when `signal` aborts. */
export async function drainSliced<R>(
  steps: Iterator<unknown, R>,
  signal: AbortSignal,
  sliceMs = SLICE_MS,
): Promise<R> {
  let deadline = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= deadline) {
      await yieldToEventLoop();
      signal.throwIfAborted();
      deadline = performance.now() + sliceMs;
    }
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

/**
 * Where a page's text is read. By default the background's engine reads it: there the engine's
 * compiled code and lazily built tables outlive one page, and the work stays off the page's own
 * main thread (the page's timers and frames go on while it runs). When the background cannot
 * answer (the extension was reloaded, an error) or the text is too long for one message, the
 * engine runs in the tab, in short slices; only then does the tab load the engine's module.
 */
import { LIMITS } from '../core/clips/schema';
import type { AnnotateInput, AnnotateResult } from '../core/types';
import { drainSliced, WHOLE_SLICE_MS, yieldIfDue } from '../dom/scheduling';
import type { Send } from '../shared/send';

/** Reads `input` with the engine; rejects with the signal's reason once it aborts. */
export type RunEngine = (input: AnnotateInput, signal: AbortSignal) => Promise<AnnotateResult>;

/**
 * Expected duration of one engine step in the tab (it yields about every 20,000 characters): the
 * first step starts in a task of its own rather than after text extraction.
 */
const ENGINE_STEP_MS = 20;

let engineWarm = false;

/**
 * Runs the engine in the tab, in slices that let the page's own tasks run between them. Its
 * lazily made tables are built first, once, in tasks of their own (the t2s conversion table, then
 * the normaliser's tables built on it): otherwise the first engine step builds them all and runs
 * past the 50 ms long-task limit.
 */
async function runEngineInTab(input: AnnotateInput, signal: AbortSignal): Promise<AnnotateResult> {
  const engine = await import('../core/index');
  if (!engineWarm) {
    const steps = engine.prepareEngine();
    do await yieldIfDue(signal, WHOLE_SLICE_MS);
    while (steps.next().done !== true);
    engineWarm = true;
  }
  return drainSliced(engine.annotateSteps(input), signal, undefined, ENGINE_STEP_MS);
}

/**
 * Creates the page's engine: the background's through `send`, falling back to the tab's for good
 * once the background has failed to answer.
 */
export function createPageEngine(send: Send): RunEngine {
  let backgroundFailed = false;
  return async (input, signal) => {
    if (!backgroundFailed && input.text.length <= LIMITS.engineText) {
      try {
        const { result } = await send('engine/annotate', input);
        signal.throwIfAborted();
        return result;
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        backgroundFailed = true;
        console.warn('Zhengwen Lens: the background engine failed; reading in the tab', e);
      }
    }
    return runEngineInTab(input, signal);
  };
}

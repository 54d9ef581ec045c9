/**
 * The engine's passes are step generators (they yield so a content script can spread a long page
 * over short tasks); callers that want the answer at once run them to the end with this.
 */

/** Runs `steps` to their end and answers what they return. */
export function runSteps<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The one interface of a recogniser (officials, meetings, directives): a pass over normalised
 * text that returns its findings and yields at checkpoints, never deciding itself when to pause;
 * the driver that runs it (`runSteps`, or the content script's time-sliced loop) owns the slicing.
 */
export type Recogniser<T, Options> = (text: string, options: Options) => Generator<undefined, T[]>;

/**
 * Page analysis: extracts the page's text and runs the engine over it, both in short slices, and
 * after a change reads either just the appended tail or the whole page again. Owns the current
 * run: a newer analysis aborts the older one.
 */
import { annotateSteps, prepareEngine } from '../core/index';
import type { AnnotateResult } from '../core/types';
import { buildNodeIndex } from '../dom/dom-ranges';
import { extractPageTextSteps, type PageText } from '../dom/page-text';
import { drainSliced, yieldIfDue } from '../dom/scheduling';
import { userLexicon } from '../shared/settings';
import { appendedTailStart, mergeTailEntities } from './incremental';
import type { Analysis, PageState } from './page-state';

/**
 * Expected duration of one engine step (it yields about every 20,000 characters): the first
 * step starts in a task of its own rather than after text extraction.
 */
const ENGINE_STEP_MS = 20;

/** Work that may take more than a slice's remainder: a task of its own. */
export const WHOLE_SLICE_MS = 1000;

let engineWarm = false;

/**
 * Builds the engine's lazily made tables once, in tasks of their own (the t2s conversion table,
 * then the normaliser's tables built on it): otherwise all of them are built inside the first
 * engine step, which then runs past the 50 ms long-task limit.
 */
async function warmUpEngine(signal: AbortSignal): Promise<void> {
  if (engineWarm) return;
  const steps = prepareEngine();
  do await yieldIfDue(signal, WHOLE_SLICE_MS);
  while (steps.next().done !== true);
  engineWarm = true;
}

/** Reads `<meta name|property>` into the engine's `meta` map. */
function readMeta(doc: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    const content = el.getAttribute('content');
    if (name && content !== null && !(name in meta)) meta[name] = content.slice(0, 1000);
  }
  return meta;
}

/** A refreshed analysis; `keptBefore` is set when only text from that offset on was new. */
export interface Refresh {
  analysis: Analysis;
  keptBefore: number | null;
}

/** The page analysis collaborator. */
export interface PageAnalysis {
  /** Extracts and analyses the whole page (a new run). */
  analyse(): Promise<Analysis>;
  /** The state's analysis while the page is unchanged, else a fresh one. */
  current(): Promise<Analysis>;
  /** After a change: reads only an appended tail when it can, else the whole page. */
  refresh(): Promise<Refresh>;
  /** The signal of the run in progress, or of a new run when none is live. */
  liveRun(): AbortSignal;
  /** Aborts the run in progress. */
  abort(): void;
}

/** Creates the analysis of `doc`, writing its results to `state`, until `signal` aborts. */
export function createPageAnalysis(
  doc: Document,
  state: PageState,
  signal: AbortSignal,
): PageAnalysis {
  /** Aborted when a newer run starts. */
  let runController: AbortController | null = null;

  function startRun(): AbortSignal {
    runController?.abort();
    runController = new AbortController();
    return AbortSignal.any([signal, runController.signal]);
  }

  function runEngine(text: string, runSignal: AbortSignal): Promise<AnnotateResult> {
    const { settings } = state;
    return drainSliced(
      annotateSteps({
        text,
        url: doc.location?.href,
        meta: readMeta(doc),
        lexicon: userLexicon(settings),
        threshold: settings.threshold,
      }),
      runSignal,
      undefined,
      ENGINE_STEP_MS,
    );
  }

  function keep(pageText: PageText, result: AnnotateResult): Analysis {
    const analysis: Analysis = { pageText, nodeIndex: buildNodeIndex(pageText), result };
    state.analysis = analysis;
    state.stale = false;
    return analysis;
  }

  const extract = (runSignal: AbortSignal): Promise<PageText> =>
    drainSliced(extractPageTextSteps(doc.body ?? doc.documentElement), runSignal);

  async function analyse(): Promise<Analysis> {
    const runSignal = startRun();
    const pageText = await extract(runSignal);
    await warmUpEngine(runSignal);
    return keep(pageText, await runEngine(pageText.text, runSignal));
  }

  return {
    analyse,
    current: () => (!state.stale && state.analysis ? Promise.resolve(state.analysis) : analyse()),
    async refresh() {
      const prev = state.analysis;
      const runSignal = startRun();
      const pageText = await extract(runSignal);
      const tailStart = prev ? appendedTailStart(prev.pageText.text, pageText.text) : null;
      if (!prev || tailStart === null) {
        return {
          analysis: keep(pageText, await runEngine(pageText.text, runSignal)),
          keptBefore: null,
        };
      }
      const tail = await runEngine(pageText.text.slice(tailStart), runSignal);
      const entities = mergeTailEntities(prev.result.entities, tail.entities, tailStart);
      return {
        // Meeting records are read from the whole page: the first analysis's stand until the
        // next full read.
        analysis: keep(pageText, { ...prev.result, entities }),
        keptBefore: tailStart,
      };
    },
    liveRun: () =>
      runController && !runController.signal.aborted
        ? AbortSignal.any([signal, runController.signal])
        : startRun(),
    abort: () => runController?.abort(),
  };
}

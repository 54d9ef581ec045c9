/**
 * Page analysis: extracts the page's text and runs the engine over it, both in short slices, and
 * after a change reads only what the mutation records say changed (the whole page when they
 * cannot say it safely). Owns the current run (a newer analysis aborts the older one) and the
 * records not yet read.
 */
import { LIMITS } from '../core/clips/schema';
import type { AnnotateResult } from '../core/types';
import { buildNodeIndex } from '../dom/dom-ranges';
import { applyEdits, editsFromMutations } from '../dom/page-edits';
import { extractPageTextSteps, type PageText } from '../dom/page-text';
import { drainSliced } from '../dom/scheduling';
import { userLexicon } from '../shared/settings';
import { joinWindows, linesAround, mergeEditedEntities, type EntityChange } from './incremental';
import type { RunEngine } from './page-engine';
import type { Analysis, PageState } from './page-state';

/**
 * Reads `<meta name|property>` into the engine's `meta` map, within the sizes the background's
 * `engine/annotate` accepts (an odd meta tag must not make the background refuse the page).
 */
function readMeta(doc: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    const content = el.getAttribute('content');
    if (name && name.length <= LIMITS.shortText && content !== null && !(name in meta))
      meta[name] = content.slice(0, LIMITS.title);
  }
  return meta;
}

/** A refreshed analysis; `change` says what changed when only part of the page was read. */
export interface Refresh {
  analysis: Analysis;
  change: EntityChange | null;
}

/** The page analysis collaborator. */
export interface PageAnalysis {
  /** Extracts and analyses the whole page (a new run). */
  analyse(): Promise<Analysis>;
  /** The state's analysis while the page is unchanged, else a fresh one. */
  current(): Promise<Analysis>;
  /** Notes mutation records (page text only) for the next `refresh`. */
  noteChanges(records: readonly MutationRecord[]): void;
  /** After changes: reads only the changed blocks when the records allow, else the whole page. */
  refresh(): Promise<Refresh>;
  /** The signal of the run in progress, or of a new run when none is live. */
  liveRun(): AbortSignal;
  /** Aborts the run in progress. */
  abort(): void;
}

/**
 * Creates the analysis of `doc`, read by `engine` and written to `state`, until `signal` aborts.
 */
export function createPageAnalysis(
  doc: Document,
  state: PageState,
  engine: RunEngine,
  signal: AbortSignal,
): PageAnalysis {
  /** Aborted when a newer run starts. */
  let runController: AbortController | null = null;
  /** Mutation records since the last read began. */
  let pending: MutationRecord[] = [];
  /** Set when an incremental update failed half-way: the next refresh reads the whole page. */
  let wholeReadNeeded = false;
  const root = (): Node => doc.body ?? doc.documentElement;

  function startRun(): AbortSignal {
    runController?.abort();
    runController = new AbortController();
    return AbortSignal.any([signal, runController.signal]);
  }

  function runEngine(text: string, runSignal: AbortSignal): Promise<AnnotateResult> {
    const { settings } = state;
    const input = {
      text,
      url: doc.location?.href,
      meta: readMeta(doc),
      lexicon: userLexicon(settings),
      threshold: settings.threshold,
    };
    return engine(input, runSignal);
  }

  function keep(pageText: PageText, result: AnnotateResult): Analysis {
    const analysis: Analysis = { pageText, nodeIndex: buildNodeIndex(pageText), result };
    state.analysis = analysis;
    state.stale = false;
    return analysis;
  }

  const extract = (runSignal: AbortSignal): Promise<PageText> => {
    // Changes noted before the read began are in what it reads; later ones are read again
    // (reading a block twice gives the same text).
    pending = [];
    wholeReadNeeded = false;
    return drainSliced(extractPageTextSteps(root()), runSignal);
  };

  async function analyse(): Promise<Analysis> {
    const runSignal = startRun();
    const pageText = await extract(runSignal);
    return keep(pageText, await runEngine(pageText.text, runSignal));
  }

  return {
    analyse,
    current: () => (!state.stale && state.analysis ? Promise.resolve(state.analysis) : analyse()),
    noteChanges(records) {
      pending.push(...records);
    },
    async refresh() {
      const prev = state.analysis;
      const runSignal = startRun();
      const records = pending;
      pending = [];
      const edits =
        prev && !wholeReadNeeded
          ? editsFromMutations(records, root(), prev.pageText, prev.nodeIndex)
          : null;
      if (!prev || !edits) {
        const pageText = await extract(runSignal);
        return {
          analysis: keep(pageText, await runEngine(pageText.text, runSignal)),
          change: null,
        };
      }
      if (edits.length === 0) {
        state.stale = false;
        return {
          analysis: prev,
          change: { from: Infinity, removed: new Set(), moved: new Map(), added: [] },
        };
      }
      // The node index is updated in place: until the new analysis is kept, a failure must
      // leave the next refresh a whole read.
      wholeReadNeeded = true;
      const edited = applyEdits(prev.pageText, edits, prev.nodeIndex);
      // A removed block leaves only a line break: nothing new to read there.
      const windows = linesAround(
        edited.pageText.text,
        edited.spans.filter((s, i) => edits[i]!.replacement.segments.length > 0),
      );
      const joined = joinWindows(edited.pageText.text, windows);
      const found = windows.length > 0 ? (await runEngine(joined.text, runSignal)).entities : [];
      const { entities, change } = mergeEditedEntities(
        prev.result.entities,
        edited,
        windows,
        found,
        joined.at,
      );
      wholeReadNeeded = false;
      // Meeting records and the page's detection are read from the whole page: the last whole
      // read's stand until the next one.
      const analysis: Analysis = {
        pageText: edited.pageText,
        nodeIndex: prev.nodeIndex,
        result: { ...prev.result, entities },
      };
      state.analysis = analysis;
      state.stale = false;
      return { analysis, change };
    },
    liveRun: () =>
      runController && !runController.signal.aborted
        ? AbortSignal.any([signal, runController.signal])
        : startRun(),
    abort: () => runController?.abort(),
  };
}

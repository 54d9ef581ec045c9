/**
 * The in-page annotator: composes one collaborator per concern over one state object
 * (`page-state.ts`): page analysis (text → engine, incremental updates), the highlight painter,
 * the panel presenter, the hover card and the clipper, plus the policy deciding when to annotate
 * unasked. Its own code is the lifecycle: annotate, switch off, follow page changes and settings.
 * Everything it adds is removed when `signal` aborts.
 */
import type { Clip } from '../core/clips/model';
import { WHOLE_SLICE_MS, yieldIfDue } from '../dom/scheduling';
import type { Send } from '../shared/send';
import type { Settings } from '../shared/settings';
import type { TabStatus } from '../shared/tab-messages';
import { shouldAutoAnnotate } from './annotate-policy';
import { createCardController } from './card-controller';
import { pageHasChineseText } from './chinese-check';
import { createClipper, type AnchorOutcome } from './clipper';
import { watchPageText } from './dynamic-content';
import { KINDS } from './highlight-palette';
import { createHighlightPainter } from './highlight-painter';
import { createPageAnalysis } from './page-analysis';
import { createPageEngine } from './page-engine';
import { createPageState, resetToOff, summaryOf, tabStatusOf } from './page-state';
import { createPanelPresenter } from './panel/panel-presenter';
import type { PanelActions, Translate } from './panel/page-panel';

/** What the annotator needs from the extension: the background channel and the UI strings. */
export interface ContentPorts {
  send: Send;
  t: Translate;
}

/** The annotator's public operations (used by the message listener and the commands). */
export interface Annotator {
  /** First analysis after load; annotates when the page qualifies. */
  start(): Promise<void>;
  status(): TabStatus;
  setAnnotations(on: boolean): Promise<TabStatus>;
  saveSelection(): Promise<string | null>;
  anchorClip(selectors: Clip['selectors']): Promise<AnchorOutcome>;
  /** Settings changed elsewhere (options page). */
  applySettings(settings: Settings): void;
}

/** Creates the annotator for `doc`; everything it adds is removed when `signal` aborts. */
export function createAnnotator(
  doc: Document,
  settings: Settings,
  ports: ContentPorts,
  signal: AbortSignal,
): Annotator {
  const state = createPageState(settings);
  /** Aborted when the page is switched off: UI listeners, observers, running work. */
  let shownController: AbortController | null = null;
  const hostname = (): string => doc.location?.hostname ?? '';

  const analysis = createPageAnalysis(doc, state, createPageEngine(ports.send), signal);
  const painter = createHighlightPainter(doc, state);
  const actions: PanelActions = {
    annotate: () => void annotate().catch(ignoreAbort),
    setExpanded(expanded) {
      state.expanded = expanded;
      panel.render();
    },
    setKindVisible(kind, visible) {
      state.visible[kind] = visible;
      painter.setKindVisible(kind, visible);
      if (!visible && state.card && state.painted[state.card.index]?.entity.kind === kind)
        state.card = null;
      panel.render();
    },
    saveSelection: () => void clipper.saveSelection(),
    saveArticle: () => void clipper.saveArticle(),
    switchOff() {
      state.switchedOffByUser = true;
      switchOff();
    },
    goTo(index) {
      const item = state.painted[index];
      if (!item) return;
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      painter.flash(item.range);
    },
    preview(index) {
      const item = index === null ? undefined : state.painted[index];
      if (!item || index === null) {
        card.hideSoon();
        return;
      }
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
      painter.focus(item.range);
      card.place(index, item.range.getClientRects()[0] ?? item.range.getBoundingClientRect());
    },
    saveEntity: (index) => void clipper.saveEntity(index),
    holdCard: (hold) => card.hold(hold),
  };
  const panel = createPanelPresenter(doc, state, actions, ports);
  const card = createCardController(doc, state, painter, panel.element, panel.render);
  const clipper = createClipper(doc, state, { analysis, painter, panel }, ports, signal);

  /** Shows the panel, with the listeners that live as long as it does. */
  function showPanel(): AbortSignal {
    if (panel.show() || !shownController) {
      shownController = new AbortController();
      const shown = AbortSignal.any([signal, shownController.signal]);
      clipper.trackSelection(card.showAtCaret, shown);
      return shown;
    }
    return AbortSignal.any([signal, shownController.signal]);
  }

  async function annotate(): Promise<void> {
    // Creating the host reads computed colours and renders the panel: start them in a fresh
    // slice rather than after the analysis's last one.
    if (!panel.isShown() || !painter.ready()) await yieldIfDue(signal, WHOLE_SLICE_MS);
    const shown = showPanel();
    const first = state.phase === 'off';
    if (first) {
      state.phase = 'painting';
      panel.render();
    }
    const a = await analysis.current();
    // A cached analysis may belong to a run that switching off aborted: painting it again is a
    // run of its own.
    const runSignal = AbortSignal.any([shown, analysis.liveRun()]);
    await painter.paint(a, runSignal);
    await renderPainted(runSignal);
    if (first) card.watch(shown);
    state.phase = 'annotated';
    panel.render();
  }

  /** Summarising and rendering the whole entity list cannot be split: a task each. */
  async function renderPainted(runSignal: AbortSignal): Promise<void> {
    await yieldIfDue(runSignal, WHOLE_SLICE_MS);
    summaryOf(state);
    await yieldIfDue(runSignal, WHOLE_SLICE_MS);
  }

  function switchOff(): void {
    analysis.abort();
    shownController?.abort();
    shownController = null;
    card.reset();
    clipper.reset();
    painter.clear();
    panel.remove();
    resetToOff(state);
  }

  /** The update in progress, and whether the page changed again meanwhile. */
  let updating: Promise<void> | null = null;
  let changedAgain = false;

  /**
   * Follows a page change. Changes that arrive during an update do not abort it (on a page that
   * never stops changing nothing would ever finish): they queue one more update after it.
   */
  function onPageChanged(): void {
    state.stale = true;
    if (updating) {
      changedAgain = true;
      return;
    }
    updating = (async () => {
      do {
        changedAgain = false;
        await updateOnce().catch(ignoreAbort);
      } while (changedAgain && !signal.aborted);
    })().finally(() => (updating = null));
  }

  /** Re-analyses the page, repainting when annotated. */
  async function updateOnce(): Promise<void> {
    state.stale = true;
    if (state.phase !== 'off') {
      const { analysis: a, change } = await analysis.refresh();
      if (!shownController) return; // switched off meanwhile
      if (change === null) return annotate();
      if (change.added.length === 0 && change.removed.size === 0 && change.moved.size === 0) return;
      const runSignal = AbortSignal.any([analysis.liveRun(), shownController.signal]);
      await painter.paint(a, runSignal, change);
      await renderPainted(runSignal);
      panel.render();
      return;
    }
    // Single-page sites load the article later: annotate once it qualifies, unless the user
    // switched this page off.
    const a = await analysis.analyse();
    if (
      !state.switchedOffByUser &&
      !panel.isShown() &&
      shouldAutoAnnotate(a.result, state.settings, hostname())
    )
      await annotate();
  }

  const status = (): TabStatus => tabStatusOf(state, pageHasChineseText(doc));

  signal.addEventListener('abort', switchOff, { once: true });

  let started = false;

  return {
    async start() {
      // Once: the late-Chinese watch may ask after the popup already loaded the annotator.
      if (started) return;
      started = true;
      watchPageText(
        doc.body ?? doc.documentElement,
        (records) => {
          analysis.noteChanges(records);
          onPageChanged();
        },
        signal,
      );
      try {
        const a = await analysis.analyse();
        if (shouldAutoAnnotate(a.result, state.settings, hostname())) await annotate();
        const pending = await ports
          .send('clips/pending-anchor', { url: doc.location?.href ?? '' })
          .catch(() => ({ clip: null }));
        if (pending.clip) await this.anchorClip(pending.clip.selectors);
        await clipper.countSavedHere();
      } catch (err) {
        ignoreAbort(err);
      }
    },
    status,
    async setAnnotations(on) {
      state.switchedOffByUser = !on;
      if (on) await annotate();
      else switchOff();
      return status();
    },
    saveSelection: () => clipper.saveSelection(),
    async anchorClip(selectors) {
      if (state.phase === 'off') await annotate();
      return clipper.anchor(selectors);
    },
    applySettings(next) {
      const lexiconChanged =
        JSON.stringify(next.lexicon) !== JSON.stringify(state.settings.lexicon);
      state.settings = next;
      for (const k of KINDS) actions.setKindVisible(k, next.kinds[k]);
      if (lexiconChanged) onPageChanged();
      else panel.render();
    },
  };
}

function ignoreAbort(err: unknown): void {
  if (!(err instanceof DOMException && err.name === 'AbortError')) throw err;
}

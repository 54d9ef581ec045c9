/**
 * The clipper: saves the selection, the article or one highlight's paragraph as a clip (through
 * the background), re-finds a saved passage on the page, and tells the panel how many clips this
 * page has. Remembers the last selection, since clicking the panel collapses the page's own.
 */
import type { Clip } from '../core/clips/model';
import { offsetsFromRange, rangeFromOffsets } from '../dom/dom-ranges';
import type { Send } from '../shared/send';
import { isGovUnderSettings } from './annotate-policy';
import { anchorQuote } from './clip-anchoring';
import type { HighlightPainter } from './highlight-painter';
import type { PageAnalysis } from './page-analysis';
import type { PageState } from './page-state';
import type { PanelPresenter } from './panel/panel-presenter';
import type { StatusView, Translate } from './panel/page-panel';
import { articleSpan, buildClipDraft, paragraphSpan, selectionSpan } from './selection-clip';

/** A span of page text. */
type Span = { start: number; end: number };

/** How a saved passage was found again. */
export type AnchorOutcome = 'exact' | 'fuzzy' | 'none';

/** The clipper collaborator. */
export interface Clipper {
  saveSelection(): Promise<string | null>;
  saveArticle(): Promise<string | null>;
  /** Saves the paragraph around painted entity `index`. */
  saveEntity(index: number): Promise<string | null>;
  /** Scrolls to and flashes a saved passage, telling the reader how well it matched. */
  anchor(selectors: Clip['selectors']): Promise<AnchorOutcome>;
  /** Asks the background how many clips were saved from this page (shown in the panel only). */
  countSavedHere(): Promise<void>;
  /**
   * Remembers non-empty selections outside the panel, and hands a collapsed caret to
   * `onCaret` (keyboard caret browsing into a highlight), until `signal` aborts.
   */
  trackSelection(onCaret: (selection: Selection) => void, signal: AbortSignal): void;
  /** Forgets the remembered selection (switch-off). */
  reset(): void;
}

/** Creates the clipper. */
export function createClipper(
  doc: Document,
  state: PageState,
  collaborators: { analysis: PageAnalysis; painter: HighlightPainter; panel: PanelPresenter },
  ports: { send: Send; t: Translate },
  signal: AbortSignal,
): Clipper {
  const { analysis, painter, panel } = collaborators;
  const { send, t } = ports;
  let lastSelection: Range | null = null;

  function setStatus(status: StatusView): void {
    state.status = status;
    panel.render();
  }

  async function countSavedHere(): Promise<void> {
    const { count } = await send('clips/count-here', {}).catch(() => ({ count: state.savedHere }));
    if (signal.aborted) return;
    state.savedHere = count;
    panel.render();
  }

  async function save(span: Span | null, whole: boolean): Promise<string | null> {
    panel.show();
    const a = await analysis.current();
    // The engine's module (its character table) loads on the first save: the background reads pages.
    const { toSimplified } = await import('../core/index');
    const draft = span
      ? buildClipDraft(
          {
            text: a.pageText.text,
            // The clip records the decision the panel shows, under the threshold in force now.
            result: {
              ...a.result,
              page: { ...a.result.page, isGovNews: isGovUnderSettings(a.result, state.settings) },
            },
            url: doc.location?.href ?? '',
            title: doc.title,
            toSimplified,
          },
          span,
          whole,
        )
      : null;
    if (!draft) {
      state.expanded = true;
      setStatus({ tone: 'error', text: t('pageNoSelection') });
      return null;
    }
    setStatus({ tone: 'info', text: t('pageSaving') });
    try {
      const { clip } = await send('clips/save', { draft });
      state.lastClipId = clip.id;
      setStatus({ tone: 'ok', text: t('pageSaved') });
      void countSavedHere();
      return clip.id;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setStatus({ tone: 'error', text: `${t('pageSaveFailed')} ${reason}` });
      return null;
    }
  }

  return {
    async saveSelection() {
      const a = await analysis.current();
      const span =
        selectionSpan(a.pageText, doc.getSelection()) ??
        (lastSelection ? offsetsFromRange(a.pageText, lastSelection) : null);
      return save(span, false);
    },
    async saveArticle() {
      const a = await analysis.current();
      return save(articleSpan(doc, a.pageText, a.result.entities), true);
    },
    async saveEntity(index) {
      const item = state.painted[index];
      if (!item || !state.analysis) return null;
      return save(
        paragraphSpan(state.analysis.pageText.text, item.entity.start, item.entity.end),
        false,
      );
    },
    async anchor(selectors) {
      const a = await analysis.current();
      const found = anchorQuote(a.pageText.text, selectors.quote, selectors.position);
      // The reader is told what happened: a passage that moved or changed, or is gone, must not
      // pass for the one that was saved.
      const range =
        found.found === 'none' ? null : rangeFromOffsets(a.pageText, found.start, found.end);
      const outcome = range ? found.found : 'none';
      state.anchor = outcome;
      panel.show();
      if (!range) {
        state.expanded = true;
        setStatus({ tone: 'error', text: t('pagePassageGone') });
        return 'none';
      }
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      painter.flash(range, 3000);
      // An exact match speaks for itself (it flashes); a changed one opens the panel to say so.
      if (outcome === 'fuzzy') state.expanded = true;
      setStatus(
        outcome === 'exact'
          ? { tone: 'ok', text: t('pagePassageFound') }
          : { tone: 'info', text: t('pagePassageChanged') },
      );
      return outcome;
    },
    countSavedHere,
    trackSelection(onCaret, trackSignal) {
      doc.addEventListener(
        'selectionchange',
        () => {
          const sel = doc.getSelection();
          if (!sel || sel.rangeCount === 0) return;
          if (sel.isCollapsed) {
            onCaret(sel);
            return;
          }
          const r = sel.getRangeAt(0);
          if (panel.element()?.contains(r.commonAncestorContainer)) return;
          lastSelection = r.cloneRange();
        },
        { signal: trackSignal },
      );
    },
    reset() {
      lastSelection = null;
    },
  };
}

/**
 * The in-page annotator: analyses the page (page text → engine, in short slices), decides whether
 * to annotate on its own (settings, detection), shows highlights and the panel, keeps them up to
 * date while the page changes, saves clips, and switches everything off again without a trace.
 */
import browser from 'webextension-polyfill';
import { annotateSteps, isGovNewsScore, prepareEngine, toSimplified } from '../core/index';
import type { AnnotateResult, EntityKind } from '../core/types';
import type { Clip } from '../core/clips/model';
import { send, type TabStatus } from '../shared/messages';
import { isSiteListed, userLexicon, type Settings } from '../shared/settings';
import { extractPageTextSteps, type PageText } from '../dom/page-text';
import { pageHasChineseText } from '../dom/chinese-check';
import { buildNodeIndex, offsetOfPoint, rangeFromOffsets, type NodeIndex } from '../dom/dom-ranges';
import {
  createHighlightRegistry,
  isDarkPage,
  KINDS,
  type HighlightRegistry,
  type RegisteredEntity,
} from '../dom/highlights';
import { summarizeEntities, type EntitySummary } from '../dom/entity-summary';
import { drainSliced, forEachSliced, yieldIfDue } from '../dom/scheduling';
import { watchPageText } from '../dom/dynamic-content';
import { appendedTailStart, mergeTailEntities } from '../dom/incremental';
import { entityAtOffset, watchHover } from '../dom/hover-card';
import { articleSpan, buildClipDraft, paragraphSpan, selectionSpan } from '../dom/selection-clip';
import { anchorQuote } from '../dom/clip-anchoring';
import type { PanelActions, PanelView, StatusView, Translate } from '../dom/page-panel';
import { createPageHost, type PageHost } from './page-host';

/** One analysis of the page: its text and what the engine found in it. */
interface Analysis {
  pageText: PageText;
  nodeIndex: NodeIndex;
  result: AnnotateResult;
}

/** Delay before the hover card hides once the pointer left the highlight. */
const CARD_HIDE_MS = 300;

/**
 * Expected duration of one engine step (it yields about every 20,000 characters): the first
 * step starts in a task of its own rather than after text extraction.
 */
const ENGINE_STEP_MS = 20;

/** Work that may take more than a slice's remainder (commit, summary, panel): a task of its own. */
const WHOLE_SLICE_MS = 1000;

let engineWarm = false;

/**
 * Builds the engine's lazily made tables once, in two tasks of their own (the t2s conversion
 * table, then the normaliser's tables built on it): otherwise all of them are built inside the
 * first engine step, which then runs past the 50 ms long-task limit.
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

/** Whether a detection result counts as government news under the user's threshold. */
export function isGovUnderSettings(result: AnnotateResult, settings: Settings): boolean {
  return isGovNewsScore(result.page.score, settings.threshold);
}

/** Whether the page should be annotated without being asked. */
export function shouldAutoAnnotate(
  result: AnnotateResult,
  settings: Settings,
  hostname: string,
): boolean {
  if (isSiteListed(hostname, settings.neverOn)) return false;
  if (isSiteListed(hostname, settings.alwaysOn)) return true;
  return settings.autoAnnotate && isGovUnderSettings(result, settings);
}

/** The annotator's public operations (used by the message listener and the commands). */
export interface Annotator {
  /** First analysis after load; annotates when the page qualifies. */
  start(): Promise<void>;
  status(): TabStatus;
  setAnnotations(on: boolean): Promise<TabStatus>;
  saveSelection(): Promise<string | null>;
  anchorClip(clip: Pick<Clip, 'selectors'>): Promise<'exact' | 'fuzzy' | 'none'>;
  /** Settings changed elsewhere (options page). */
  applySettings(settings: Settings): void;
}

/** Creates the annotator for `doc`; everything it adds is removed when `signal` aborts. */
export function createAnnotator(
  doc: Document,
  initialSettings: Settings,
  t: Translate,
  signal: AbortSignal,
): Annotator {
  let settings = initialSettings;
  let analysis: Analysis | null = null;
  let stale = true;
  let items: RegisteredEntity[] = [];
  let summary: EntitySummary = { officials: [], meetings: [], directives: [] };
  let host: PageHost | null = null;
  let registry: HighlightRegistry | null = null;
  let annotated = false;
  /** Aborted when the page is switched off: UI listeners, observers, running work. */
  let shown: AbortController | null = null;
  /** Aborted when a newer analysis starts. */
  let run: AbortController | null = null;
  let background: string | null = null;
  let lastSelection: Range | null = null;
  let cardTimer: ReturnType<typeof setTimeout> | undefined;
  let cardHeld = false;
  /** The user switched the page off: page changes must not switch it on again. */
  let switchedOffByUser = false;
  const hostname = (): string => doc.location?.hostname ?? '';

  const view: PanelView = {
    state: 'idle',
    expanded: false,
    detection: null,
    entities: [],
    summary,
    counts: { official: 0, meeting: 0, directive: 0 },
    visible: { ...settings.kinds },
    status: null,
    card: null,
    darkPage: false,
    busy: false,
    savedHere: 0,
  };

  const rerender = (): void => host?.render({ ...view });

  const countsText = (): string => KINDS.map((k) => `${k}:${view.counts[k]}`).join(' ');

  const syncHostData = (): void => {
    if (!host) return;
    host.setData('state', view.state);
    if (background !== null) host.setData('background', background);
    host.setData('counts', countsText());
    if (analysis) {
      host.setData('detection', isGovUnderSettings(analysis.result, settings) ? 'gov' : 'other');
      host.setData('score', analysis.result.page.score.toFixed(2));
    }
  };

  const setStatus = (status: StatusView | null): void => {
    view.status = status;
    rerender();
  };

  /** Starts a new run, aborting the previous one; returns its signal. */
  function startRun(): AbortSignal {
    run?.abort();
    const controller = new AbortController();
    run = controller;
    return AbortSignal.any([signal, controller.signal]);
  }

  /** Runs the engine over `text` in slices. */
  function runEngine(text: string, runSignal: AbortSignal): Promise<AnnotateResult> {
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

  function setAnalysis(pageText: PageText, result: AnnotateResult): Analysis {
    const fresh: Analysis = { pageText, nodeIndex: buildNodeIndex(pageText), result };
    analysis = fresh;
    stale = false;
    view.detection = {
      isGov: isGovUnderSettings(result, settings),
      score: result.page.score,
      signals: result.page.signals,
      script: result.page.script,
    };
    return fresh;
  }

  /** Extracts the page text and runs the engine, both in slices. */
  async function analyse(): Promise<Analysis> {
    const runSignal = startRun();
    const root = doc.body ?? doc.documentElement;
    const pageText = await drainSliced(extractPageTextSteps(root), runSignal);
    await warmUpEngine(runSignal);
    return setAnalysis(pageText, await runEngine(pageText.text, runSignal));
  }

  /**
   * After the page changed while annotated: when text was only appended, reads just the new tail
   * and highlights its entities, keeping the old ranges; otherwise re-annotates the whole page.
   */
  async function updateAfterChange(): Promise<void> {
    const prev = analysis;
    const runSignal = startRun();
    const root = doc.body ?? doc.documentElement;
    const pageText = await drainSliced(extractPageTextSteps(root), runSignal);
    const tailStart = prev ? appendedTailStart(prev.pageText.text, pageText.text) : null;
    if (!prev || tailStart === null) {
      setAnalysis(pageText, await runEngine(pageText.text, runSignal));
      await annotate();
      return;
    }
    const tail = await runEngine(pageText.text.slice(tailStart), runSignal);
    const entities = mergeTailEntities(prev.result.entities, tail.entities, tailStart);
    const a = setAnalysis(pageText, { page: prev.result.page, entities });
    const keep = items.filter((i) => i.entity.end <= tailStart);
    const from = prev.result.entities.filter((e) => e.end <= tailStart).length;
    await paint(a, AbortSignal.any([runSignal, shown!.signal]), keep, from);
    syncHostData();
    rerender();
  }

  async function currentAnalysis(): Promise<Analysis> {
    return !stale && analysis ? analysis : analyse();
  }

  /**
   * Maps the analysis's entities to ranges and (re)fills the highlights, in slices. `keep` are
   * registered entities that are still valid: the analysis's entities before index `from`.
   */
  async function paint(
    a: Analysis,
    runSignal: AbortSignal,
    keep: RegisteredEntity[] = [],
    from = 0,
  ): Promise<void> {
    const next: RegisteredEntity[] = [...keep];
    await forEachSliced(
      a.result.entities.slice(from),
      (entity) => {
        const range = rangeFromOffsets(a.pageText, entity.start, entity.end);
        if (!range) return;
        const nameRange =
          entity.kind === 'official' &&
          (entity.nameStart > entity.start || entity.nameEnd < entity.end)
            ? rangeFromOffsets(a.pageText, entity.nameStart, entity.nameEnd)
            : null;
        next.push({ entity, range, nameRange });
      },
      runSignal,
    );
    if (!registry) return;
    const reg = registry;
    reg.reset();
    await forEachSliced(next, (item) => reg.add(item), runSignal);
    await reg.commit(runSignal);
    items = next;
    // Summarising cannot be split: it starts a fresh slice.
    await yieldIfDue(runSignal, WHOLE_SLICE_MS);
    summary = summarizeEntities(items.map((i) => i.entity));
    view.entities = items.map((i) => i.entity);
    view.summary = summary;
    view.counts = reg.counts();
  }

  let pinged = false;
  /** Asks the background for its version once (shown as `data-background`). */
  function pingBackground(): void {
    if (pinged) return;
    pinged = true;
    void send('ping', {}).then(
      (r) => {
        background = r.version;
        syncHostData();
      },
      () => {
        background = 'unreachable';
        syncHostData();
      },
    );
  }

  function ensureHost(): PageHost {
    if (host) return host;
    pingBackground();
    shown = new AbortController();
    const shownSignal = AbortSignal.any([signal, shown.signal]);
    // Read once, before the host dirties the page's style: reading computed colours later would
    // force a synchronous style recalculation of the whole page.
    view.darkPage = isDarkPage(doc);
    host = createPageHost(doc, actions, t);
    syncHostData();
    rerender();
    trackSelection(shownSignal);
    return host;
  }

  /**
   * Remembers the last non-empty page selection (clicking the panel must not lose it), and shows
   * the card when the text caret (keyboard caret browsing, or a click) lands in a highlight.
   */
  function trackSelection(shownSignal: AbortSignal): void {
    doc.addEventListener(
      'selectionchange',
      () => {
        const sel = doc.getSelection();
        if (!sel || sel.rangeCount === 0) return;
        if (!sel.isCollapsed) {
          const r = sel.getRangeAt(0);
          if (host && host.element.contains(r.commonAncestorContainer)) return;
          lastSelection = r.cloneRange();
          return;
        }
        showCardAtCaret(sel);
      },
      { signal: shownSignal },
    );
  }

  function showCardAtCaret(sel: Selection): void {
    if (!annotated || !analysis || !sel.anchorNode) return;
    const offset = offsetOfPoint(
      analysis.pageText,
      analysis.nodeIndex,
      sel.anchorNode,
      sel.anchorOffset,
    );
    if (offset === null) return;
    const index =
      entityAtOffset(items, offset, (k) => view.visible[k]) ??
      entityAtOffset(items, offset - 1, (k) => view.visible[k]);
    if (index === null) return;
    const rect = items[index]!.range.getClientRects()[0];
    if (rect) placeCard(index, rect);
  }

  async function annotate(): Promise<void> {
    // Creating the host reads computed colours and renders the panel: start them in a fresh
    // slice rather than after the analysis's last one.
    if (!host || !registry) await yieldIfDue(signal, WHOLE_SLICE_MS);
    ensureHost();
    const shownSignal = shown!.signal;
    if (!registry) {
      // The `::highlight()` rules come with the content script (manifest `css`): creating the
      // registry adopts nothing, so the page's style is not recalculated.
      registry = createHighlightRegistry(doc, view.darkPage);
      for (const k of KINDS) registry.setKindVisible(k, view.visible[k]);
    }
    if (!annotated) {
      view.state = 'idle';
      view.busy = true;
      syncHostData();
      rerender();
    }
    const a = await currentAnalysis();
    // A cached analysis may belong to a run that switching off aborted: painting it again is a
    // run of its own.
    const live = run && !run.signal.aborted ? run.signal : startRun();
    const runSignal = AbortSignal.any([signal, shownSignal, live]);
    await paint(a, runSignal);
    // The panel renders the whole entity list: a task of its own.
    await yieldIfDue(runSignal, WHOLE_SLICE_MS);
    view.busy = false;
    if (!annotated) {
      annotated = true;
      watchHover(doc, hoverSource, AbortSignal.any([signal, shownSignal]));
    }
    view.state = 'annotated';
    syncHostData();
    rerender();
  }

  function switchOff(): void {
    run?.abort();
    shown?.abort();
    shown = null;
    clearTimeout(cardTimer);
    registry?.clear();
    registry = null;
    host?.remove();
    host = null;
    items = [];
    annotated = false;
    lastSelection = null;
    view.state = 'idle';
    view.busy = false;
    view.card = null;
    view.status = null;
    view.expanded = false;
    view.entities = [];
    view.counts = { official: 0, meeting: 0, directive: 0 };
  }

  /** Re-analyses after the page changed, repainting when annotated. */
  async function onPageChanged(): Promise<void> {
    stale = true;
    try {
      if (annotated) await updateAfterChange();
      else {
        // Single-page sites load the article later: annotate once it qualifies, unless the
        // user switched this page off.
        const a = await analyse();
        if (!switchedOffByUser && !host && shouldAutoAnnotate(a.result, settings, hostname()))
          await annotate();
      }
    } catch (err) {
      if (!isAbort(err)) throw err;
    }
  }

  /**
   * Asks how many clips were saved from this page and shows it in the panel, inside its closed
   * shadow root only: the page must not learn what the reader saved from it.
   */
  async function countSavedHere(): Promise<void> {
    const { count } = await send('clips/count-here', {}).catch(() => ({ count: view.savedHere }));
    if (signal.aborted) return;
    view.savedHere = count;
    rerender();
  }

  async function save(
    span: { start: number; end: number } | null,
    whole: boolean,
  ): Promise<string | null> {
    ensureHost();
    const a = await currentAnalysis();
    if (!span) {
      view.expanded = true;
      setStatus({ tone: 'error', text: t('pageNoSelection') });
      return null;
    }
    const draft = buildClipDraft(
      {
        text: a.pageText.text,
        // The clip records the decision the panel shows, under the threshold in force now.
        result: {
          ...a.result,
          page: { ...a.result.page, isGovNews: isGovUnderSettings(a.result, settings) },
        },
        url: doc.location?.href ?? '',
        title: doc.title,
        toSimplified,
      },
      span,
      whole,
    );
    if (!draft) {
      setStatus({ tone: 'error', text: t('pageNoSelection') });
      return null;
    }
    setStatus({ tone: 'info', text: t('pageSaving') });
    try {
      const { clip } = await send('clips/save', { draft });
      host?.setData('last-clip', clip.id);
      setStatus({ tone: 'ok', text: t('pageSaved') });
      void countSavedHere();
      return clip.id;
    } catch (err) {
      setStatus({ tone: 'error', text: `${t('pageSaveFailed')} ${errorText(err)}` });
      return null;
    }
  }

  async function saveSelection(): Promise<string | null> {
    const a = await currentAnalysis();
    const sel = doc.getSelection();
    let span = selectionSpan(a.pageText, sel);
    if (!span && lastSelection) {
      const r = lastSelection;
      span = selectionSpan(a.pageText, {
        rangeCount: 1,
        isCollapsed: r.collapsed,
        getRangeAt: () => r,
      } as unknown as Selection);
    }
    return save(span, false);
  }

  function placeCard(index: number, anchor: DOMRect): void {
    const win = doc.defaultView;
    const width = 320;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const x = Math.max(4, Math.min(anchor.left, vw - width - 8));
    const below = anchor.bottom + 6;
    const y = below + 160 > vh ? Math.max(4, anchor.top - 166) : below;
    clearTimeout(cardTimer);
    view.card = { index, x, y };
    rerender();
  }

  function hideCardSoon(): void {
    clearTimeout(cardTimer);
    cardTimer = setTimeout(() => {
      if (cardHeld || !view.card) return;
      view.card = null;
      registry?.focus(null);
      rerender();
    }, CARD_HIDE_MS);
  }

  const hoverSource = {
    pageText: () => analysis?.pageText ?? null,
    nodeIndex: () => analysis?.nodeIndex ?? null,
    items: () => items,
    isVisible: (kind: EntityKind) => view.visible[kind],
    host: () => host?.element ?? null,
    show: (index: number, anchor: DOMRect) => placeCard(index, anchor),
    leave: () => hideCardSoon(),
  };

  const actions: PanelActions = {
    annotate: () => void annotate().catch(ignoreAbort),
    setExpanded(expanded) {
      view.expanded = expanded;
      rerender();
    },
    setKindVisible(kind, visible) {
      view.visible[kind] = visible;
      registry?.setKindVisible(kind, visible);
      if (view.card && view.entities[view.card.index]?.kind === kind && !visible) view.card = null;
      rerender();
    },
    saveSelection: () => void saveSelection(),
    saveArticle() {
      void currentAnalysis().then((a) =>
        save(articleSpan(doc, a.pageText, a.result.entities), true),
      );
    },
    switchOff() {
      switchedOffByUser = true;
      switchOff();
    },
    goTo(index) {
      const item = items[index];
      if (!item) return;
      const el = item.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center' });
      registry?.flash(item.range);
    },
    preview(index) {
      const item = index === null ? undefined : items[index];
      if (!item || index === null) {
        hideCardSoon();
        return;
      }
      item.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
      registry?.focus(item.range);
      const rect = item.range.getClientRects()[0] ?? item.range.getBoundingClientRect();
      placeCard(index, rect);
    },
    saveEntity(index) {
      const item = items[index];
      if (!item || !analysis) return;
      void save(paragraphSpan(analysis.pageText.text, item.entity.start, item.entity.end), false);
    },
    holdCard(hold) {
      cardHeld = hold;
      if (hold) clearTimeout(cardTimer);
      else hideCardSoon();
    },
  };

  function status(): TabStatus {
    const page = analysis?.result.page;
    return {
      // The truth about the page, not about having been asked: an English page annotated on
      // demand has no Chinese text (the engine's script is 'none' when it found none).
      hasChinese: pageHasChineseText(doc) || (page?.script ?? 'none') !== 'none',
      annotated: view.state === 'annotated',
      isGovNews: analysis ? isGovUnderSettings(analysis.result, settings) : false,
      score: page?.score ?? 0,
      signals: page?.signals ?? [],
      ...(page?.title !== undefined && { title: page.title }),
      counts: { ...view.counts },
    };
  }

  signal.addEventListener('abort', switchOff, { once: true });

  return {
    async start() {
      pingBackground();
      const root = doc.body ?? doc.documentElement;
      watchPageText(root, () => void onPageChanged(), signal);
      try {
        const a = await analyse();
        if (shouldAutoAnnotate(a.result, settings, hostname())) await annotate();
        const pending = await send('clips/pending-anchor', { url: doc.location?.href ?? '' }).catch(
          () => ({ clip: null }),
        );
        if (pending.clip) await this.anchorClip(pending.clip);
        await countSavedHere();
      } catch (err) {
        if (!isAbort(err)) throw err;
      }
    },
    status,
    async setAnnotations(on) {
      switchedOffByUser = !on;
      if (on) await annotate();
      else switchOff();
      return status();
    },
    saveSelection,
    async anchorClip(clip) {
      if (!annotated) await annotate();
      const a = await currentAnalysis();
      const anchor = anchorQuote(a.pageText.text, clip.selectors.quote, clip.selectors.position);
      // The reader is told what happened: a passage that moved or changed, or is gone, must not
      // pass for the one that was saved.
      const range =
        anchor.found === 'none' ? null : rangeFromOffsets(a.pageText, anchor.start, anchor.end);
      const found = range ? anchor.found : 'none';
      ensureHost().setData('anchor', found);
      if (!range) {
        view.expanded = true;
        setStatus({ tone: 'error', text: t('pagePassageGone') });
        return 'none';
      }
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      registry?.flash(range, 3000);
      // An exact match speaks for itself (it flashes); a changed one opens the panel to say so.
      if (found === 'fuzzy') view.expanded = true;
      setStatus(
        found === 'exact'
          ? { tone: 'ok', text: t('pagePassageFound') }
          : { tone: 'info', text: t('pagePassageChanged') },
      );
      return found;
    },
    applySettings(next) {
      const lexiconChanged = JSON.stringify(next.lexicon) !== JSON.stringify(settings.lexicon);
      settings = next;
      for (const k of KINDS) actions.setKindVisible(k, next.kinds[k]);
      if (lexiconChanged) void onPageChanged();
      else syncHostData();
    },
  };
}

function ignoreAbort(err: unknown): void {
  if (!isAbort(err)) throw err;
}

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Messages already looked up: the UI language cannot change while the page is open. */
const messages = new Map<string, string>();

/**
 * `browser.i18n.getMessage`, falling back to the key so a missing string is visible. Cached: each
 * call crosses into the extension bindings, and the panel's lists ask for the same few strings
 * thousands of times on a huge page (22 ms of one render).
 */
export function translate(key: string): string {
  let message = messages.get(key);
  if (message === undefined) {
    try {
      message = browser.i18n.getMessage(key) || key;
    } catch {
      message = key;
    }
    messages.set(key, message);
  }
  return message;
}

/**
 * The content script's one state object, owned by the annotator and read by its collaborators,
 * and the views derived from it (the panel's, the popup's): nothing is kept twice. What is painted
 * (`painted`) is the only list of entities; the panel's entities, summary and counts are derived
 * from it.
 */
import { clipMeetingsOf } from '../core/clips/clip-meetings';
import type { ClipMeeting } from '../core/clips/model';
import type { AnnotateResult, EntityKind } from '../core/types';
import type { NodeIndex } from '../dom/dom-ranges';
import type { PageText } from '../dom/page-text';
import type { Settings } from '../shared/settings';
import type { TabStatus } from '../shared/tab-messages';
import { isGovUnderSettings } from './annotate-policy';
import type { RegisteredEntity } from './highlight-registry';
import { createEntityDigest, type EntityDigest, type EntitySummary } from './panel/entity-summary';
import type { CardView, PanelView, StatusView } from './panel/page-panel';

/** One analysis of the page: its text and what the engine found in it. */
export interface Analysis {
  pageText: PageText;
  nodeIndex: NodeIndex;
  result: AnnotateResult;
}

/**
 * Where the page stands: `off` (nothing painted; the panel, if shown, is idle), `painting` (the
 * first paint is running) or `annotated` (painted; later repaints keep this phase).
 */
export type Phase = 'off' | 'painting' | 'annotated';

/** Everything the content script knows about the page. */
export interface PageState {
  settings: Settings;
  analysis: Analysis | null;
  /** The page changed since `analysis` was made. */
  stale: boolean;
  phase: Phase;
  /** What is highlighted: the analysis's entities with their ranges (empty when off). */
  painted: RegisteredEntity[];
  /**
   * Set with `painted` by an incremental repaint: its first `count` items are those of `from`,
   * the list painted before (so views derived from `from` need only redo the rest).
   */
  paintedFrom: { from: readonly RegisteredEntity[]; count: number } | null;
  /** The user switched the page off: page changes must not switch it on again. */
  switchedOffByUser: boolean;
  /** The background's version once it answered (`unreachable` if it did not). */
  backgroundVersion: string | null;
  /** The last clip saved from the page, once the background stored it. */
  lastClipId: string | null;
  /** How the last saved passage asked for was found again. */
  anchor: TabStatus['anchor'];
  /** Panel-only state. */
  expanded: boolean;
  visible: Record<EntityKind, boolean>;
  status: StatusView | null;
  card: CardView | null;
  darkPage: boolean;
  savedHere: number;
}

/** The state of a page nothing has been done to yet. */
export function createPageState(settings: Settings): PageState {
  return {
    settings,
    analysis: null,
    stale: true,
    phase: 'off',
    painted: [],
    paintedFrom: null,
    switchedOffByUser: false,
    backgroundVersion: null,
    lastClipId: null,
    anchor: null,
    expanded: false,
    visible: { ...settings.kinds },
    status: null,
    card: null,
    darkPage: false,
    savedHere: 0,
  };
}

/** Returns the state to `off`: nothing painted, the panel's transient parts cleared. */
export function resetToOff(state: PageState): void {
  state.phase = 'off';
  state.painted = [];
  state.paintedFrom = null;
  state.card = null;
  state.status = null;
  state.expanded = false;
}

/** The digest of what is painted, and the painted list it was brought up to date with. */
const digests = new WeakMap<
  PageState,
  { painted: readonly RegisteredEntity[]; digest: EntityDigest }
>();

/**
 * The panel's digest of what is painted (entities, summary, counts). After an incremental
 * repaint only the painted items after the kept ones are redone, so an update costs what
 * changed, not the page's whole entity list.
 */
export function digestOf(state: PageState): EntityDigest {
  const { painted, paintedFrom } = state;
  let cached = digests.get(state);
  if (cached?.painted === painted) return cached.digest;
  let kept = 0;
  if (cached && paintedFrom?.from === cached.painted) kept = paintedFrom.count;
  else {
    cached = { painted, digest: createEntityDigest() };
    digests.set(state, cached);
  }
  cached.digest.truncate(kept);
  for (let i = kept; i < painted.length; i++) cached.digest.append([painted[i]!.entity]);
  cached.painted = painted;
  return cached.digest;
}

/** Counts of painted entities per kind. */
export function countPainted(state: PageState): Record<EntityKind, number> {
  return { ...digestOf(state).counts };
}

/** The summary of what is painted. */
export function summaryOf(state: PageState): EntitySummary {
  return digestOf(state).summary;
}

/**
 * Meeting lines are derived once per whole read: incremental updates keep its records (and make
 * a new result object each time).
 */
const meetingViews = new WeakMap<object, ClipMeeting[]>();

/** The page's meeting records as the panel shows them and a clip keeps them. */
function meetingsOf(result: AnnotateResult): ClipMeeting[] {
  const key = result.meetings ?? result;
  let meetings = meetingViews.get(key);
  if (!meetings) {
    meetings = clipMeetingsOf(result) ?? [];
    meetingViews.set(key, meetings);
  }
  return meetings;
}

/** What the panel shows, derived from the state. */
export function panelViewOf(state: PageState): PanelView {
  const result = state.analysis?.result;
  return {
    state: state.phase === 'annotated' ? 'annotated' : 'idle',
    busy: state.phase === 'painting',
    expanded: state.expanded,
    detection: result
      ? {
          isGov: isGovUnderSettings(result, state.settings),
          score: result.page.score,
          signals: result.page.signals,
          script: result.page.script,
        }
      : null,
    entities: digestOf(state).entities,
    // Shown only once painted: the idle panel of a switched-off page reports nothing.
    meetings: result && state.phase === 'annotated' ? meetingsOf(result) : [],
    summary: summaryOf(state),
    counts: countPainted(state),
    visible: { ...state.visible },
    status: state.status,
    card: state.card,
    darkPage: state.darkPage,
    savedHere: state.savedHere,
  };
}

/** What the popup is told about the page; `hasChinese` comes from the page's own check. */
export function tabStatusOf(state: PageState, hasChineseText: boolean): TabStatus {
  const page = state.analysis?.result.page;
  return {
    // The truth about the page, not about having been asked: an English page annotated on
    // demand has no Chinese text (the engine's script is 'none' when it found none).
    hasChinese: hasChineseText || (page?.script ?? 'none') !== 'none',
    annotated: state.phase === 'annotated',
    isGovNews: state.analysis ? isGovUnderSettings(state.analysis.result, state.settings) : false,
    score: page?.score ?? 0,
    signals: page?.signals ?? [],
    ...(page?.title !== undefined && { title: page.title }),
    counts: countPainted(state),
    background: state.backgroundVersion,
    lastClipId: state.lastClipId,
    anchor: state.anchor,
  };
}

/**
 * The registry of the page's highlights (CSS Custom Highlight API): entities' ranges are built
 * into fresh highlights in slices and swapped in at once; above `VIRTUALIZE_ABOVE` ranges only
 * those near the viewport are registered. Names and colours live in `highlight-palette.ts`.
 */
import type { Entity, EntityKind } from '../core/types';
import { forEachSliced, yieldIfDue } from '../dom/scheduling';
import {
  FLASH_HIGHLIGHT,
  FOCUS_HIGHLIGHT,
  inkHighlightName,
  isDarkPage,
  kindHighlightName,
  KINDS,
  shadeHighlightName,
} from './highlight-palette';
import { watchNearViewport, type NearViewportWatcher } from './near-viewport';

/** One entity's ranges as registered. */
export interface RegisteredEntity {
  entity: Entity;
  range: Range;
  nameRange: Range | null;
}

/** The document's highlights owned by the extension. */
export interface HighlightRegistry {
  /**
   * Starts a new set of ranges. Ranges `add`ed after it go into fresh, unregistered highlights
   * (cheap: the browser re-validates a registered highlight on every change), and `commit()`
   * swaps them in at once, so a repaint never shows half a set.
   */
  reset(): void;
  add(item: RegisteredEntity): void;
  /**
   * Changes the committed set in place: `removed` items' ranges leave it, `added` ones join it
   * (work proportional to the change). Answers false, changing nothing, when it cannot (nothing
   * committed yet, or the set would cross `VIRTUALIZE_ABOVE`): then reset, add and commit.
   */
  patch(removed: readonly RegisteredEntity[], added: readonly RegisteredEntity[]): boolean;
  /**
   * Builds the added set in short slices and swaps it in; rejects (leaving the previous set) when
   * `signal` aborts first.
   */
  commit(signal: AbortSignal): Promise<void>;
  /** Shows or hides one kind (its highlights leave `CSS.highlights` while hidden). */
  setKindVisible(kind: EntityKind, visible: boolean): void;
  isKindVisible(kind: EntityKind): boolean;
  /** Marks one range as focused (keyboard / hover), or clears the focus with null. */
  focus(range: Range | null): void;
  /** Briefly flashes one range. */
  flash(range: Range, ms?: number): void;
  /** Unregisters every highlight. */
  clear(): void;
}

/** Priority of a highlight name: shades above kinds, focus and flash above all. */
function priorityOf(name: string): number {
  if (name === FLASH_HIGHLIGHT) return 10;
  if (name === FOCUS_HIGHLIGHT) return 5;
  return name.split('-').length > 2 ? 2 : 1;
}

/**
 * Above this many ranges only those near the viewport are registered. Chrome re-validates every
 * registered range on each style change, so 10,000 registered ranges make every later frame of a
 * huge page a long task, while a few hundred cost nothing.
 */
export const VIRTUALIZE_ABOVE = 2500;

/** Creates the registry for `doc`, inking its highlights for a dark page when `dark`. */
export function createHighlightRegistry(doc: Document, dark = isDarkPage(doc)): HighlightRegistry {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  /** Registered entity highlights, by contract name. */
  let committed = new Map<string, Highlight>();
  /** Ranges of the set being built: per item, its (highlight name, range) pairs. */
  let pending: Array<Array<[string, Range]>> = [];
  /** Focus and flash, registered for the registry's whole life. */
  const pointers = new Map<string, Highlight>();
  const visible: Record<EntityKind, boolean> = { official: true, meeting: true, directive: true };
  let pendingTotal = 0;
  let pendingNames = new Set<string>();
  /** Ranges in the committed set (for the virtualization threshold). */
  let committedTotal = 0;
  let hasCommitted = false;
  let watcher: NearViewportWatcher | null = null;
  /** While virtualized: ranges by the element watched for them. */
  let observed = new Map<Element, Array<[string, Range]>>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const kindOfName = (name: string): EntityKind | null =>
    KINDS.find((k) => name === `zwl-${k}` || name.startsWith(`zwl-${k}-`)) ?? null;

  /** Registers `h` under its contract name and its ink name (one object, two rules). */
  const register = (name: string, h: Highlight): void => {
    registry.set(name, h);
    registry.set(inkHighlightName(name, dark), h);
  };
  const unregister = (name: string, h: Highlight): void => {
    for (const key of [name, inkHighlightName(name, dark)])
      if (registry.get(key) === h) registry.delete(key);
  };

  const fresh = (name: string): Highlight => {
    const h = new win.Highlight();
    h.priority = priorityOf(name);
    return h;
  };

  const pointer = (name: string): Highlight => {
    let h = pointers.get(name);
    if (!h) {
      h = fresh(name);
      pointers.set(name, h);
      register(name, h);
    }
    return h;
  };

  /**
   * Fills the (still unregistered) highlights `into` with only the ranges whose element is near
   * the viewport, following scrolling; elements are grouped and watched in slices.
   */
  async function virtualize(
    items: Array<Array<[string, Range]>>,
    into: Map<string, Highlight>,
    signal: AbortSignal,
  ): Promise<{ watcher: NearViewportWatcher; byElement: Map<Element, Array<[string, Range]>> }> {
    const byElement = new Map<Element, Array<[string, Range]>>();
    await forEachSliced(
      items,
      (pairs) => {
        const el = pairs[0]?.[1].startContainer.parentElement;
        if (!el) return;
        const list = byElement.get(el);
        if (list) list.push(...pairs);
        else byElement.set(el, [...pairs]);
      },
      signal,
    );
    const move = (els: Element[], add: boolean): void => {
      for (const el of els)
        for (const [name, range] of byElement.get(el) ?? []) {
          const h = into.get(name);
          if (!h) continue;
          if (add) h.add(range);
          else h.delete(range);
        }
    };
    const watcher = watchNearViewport(win, (entered, left) => {
      move(left, false);
      move(entered, true);
    });
    try {
      await forEachSliced([...byElement.keys()], (el) => watcher.observe(el), signal);
      watcher.update();
      await yieldIfDue(signal);
    } catch (err) {
      watcher.disconnect();
      throw err;
    }
    return { watcher, byElement };
  }

  /** An item's (highlight name, range) pairs. */
  function pairsOf({ entity, range, nameRange }: RegisteredEntity): Array<[string, Range]> {
    const pairs: Array<[string, Range]> = [[kindHighlightName(entity.kind), range]];
    const shade = shadeHighlightName(entity);
    if (shade && entity.kind !== 'official') pairs.push([shade, range]);
    else if (shade && nameRange) pairs.push([shade, nameRange]);
    return pairs;
  }

  /** The committed highlight called `name`, made (and registered when visible) if missing. */
  function committedHighlight(name: string): Highlight {
    let h = committed.get(name);
    if (!h) {
      h = fresh(name);
      committed.set(name, h);
      const kind = kindOfName(name);
      if (kind === null || visible[kind]) register(name, h);
    }
    return h;
  }

  return {
    reset() {
      pending = [];
      pendingTotal = 0;
      pendingNames = new Set();
    },
    add(item) {
      const pairs = pairsOf(item);
      pending.push(pairs);
      pendingTotal += pairs.length;
      for (const [name] of pairs) pendingNames.add(name);
    },
    async commit(signal) {
      const items = pending;
      const names = pendingNames;
      const total = pendingTotal;
      pending = [];
      pendingTotal = 0;
      pendingNames = new Set();
      const next = new Map([...names].map((name) => [name, fresh(name)]));
      let nextWatcher: NearViewportWatcher | null = null;
      let nextObserved = new Map<Element, Array<[string, Range]>>();
      // Filling unregistered highlights costs the browser nothing until they are registered.
      if (total <= VIRTUALIZE_ABOVE) {
        await forEachSliced(
          items,
          (pairs) => {
            for (const [name, range] of pairs) next.get(name)!.add(range);
          },
          signal,
        );
      } else {
        const v = await virtualize(items, next, signal);
        nextWatcher = v.watcher;
        nextObserved = v.byElement;
      }
      if (signal.aborted) {
        nextWatcher?.disconnect();
        signal.throwIfAborted();
      }
      watcher?.disconnect();
      watcher = nextWatcher;
      observed = nextObserved;
      committedTotal = total;
      hasCommitted = true;
      for (const [name, h] of committed) if (!next.has(name)) unregister(name, h);
      for (const [name, h] of next) {
        const kind = kindOfName(name);
        if (kind === null || visible[kind]) register(name, h);
      }
      committed = next;
    },
    patch(removed, added) {
      const out = removed.map(pairsOf);
      const into = added.map(pairsOf);
      const total =
        committedTotal +
        into.reduce((n, p) => n + p.length, 0) -
        out.reduce((n, p) => n + p.length, 0);
      if (!hasCommitted || (watcher === null) !== total <= VIRTUALIZE_ABOVE) return false;
      for (const pairs of out) {
        for (const [name, range] of pairs) committed.get(name)?.delete(range);
        const el = pairs[0]?.[1].startContainer.parentElement;
        const list = el && observed.get(el);
        if (list) {
          const kept = list.filter(([, r]) => !pairs.some(([, p]) => p === r));
          if (kept.length) observed.set(el, kept);
          else {
            observed.delete(el);
            watcher?.unobserve(el);
          }
        }
      }
      for (const pairs of into) {
        if (!watcher) {
          for (const [name, range] of pairs) committedHighlight(name).add(range);
          continue;
        }
        for (const [name] of pairs) committedHighlight(name);
        const el = pairs[0]?.[1].startContainer.parentElement;
        if (!el) continue;
        const list = observed.get(el);
        if (list) list.push(...pairs);
        else {
          observed.set(el, [...pairs]);
          watcher.observe(el);
        }
        if (watcher.isNear(el)) for (const [name, range] of pairs) committed.get(name)!.add(range);
      }
      committedTotal = total;
      return true;
    },
    setKindVisible(kind, on) {
      visible[kind] = on;
      for (const [name, h] of committed) {
        if (kindOfName(name) !== kind) continue;
        if (on) register(name, h);
        else unregister(name, h);
      }
    },
    isKindVisible: (kind) => visible[kind],
    focus(range) {
      const h = pointer(FOCUS_HIGHLIGHT);
      h.clear();
      if (range) h.add(range);
    },
    flash(range, ms = 1200) {
      const h = pointer(FLASH_HIGHLIGHT);
      h.clear();
      h.add(range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => h.clear(), ms);
    },
    clear() {
      clearTimeout(flashTimer);
      watcher?.disconnect();
      watcher = null;
      observed = new Map();
      committedTotal = 0;
      hasCommitted = false;
      for (const [name, h] of [...committed, ...pointers]) unregister(name, h);
      committed = new Map();
      pointers.clear();
      pending = [];
    },
  };
}

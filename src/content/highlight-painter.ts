/**
 * The highlight painter: maps an analysis's entity offsets to DOM ranges and fills the highlight
 * registry with them, in slices; what it painted becomes `state.painted`. Owns the registry.
 */
import { rangeFromOffsets } from '../dom/dom-ranges';
import { forEachSliced } from '../dom/scheduling';
import type { Entity, EntityKind } from '../core/types';
import type { EntityChange } from './incremental';
import { KINDS } from './highlight-palette';
import {
  createHighlightRegistry,
  type HighlightRegistry,
  type RegisteredEntity,
} from './highlight-registry';
import type { Analysis, PageState } from './page-state';

/** The painter collaborator. */
export interface HighlightPainter {
  /** Whether the registry exists (it is made on the first paint, removed by `clear`). */
  ready(): boolean;
  /**
   * (Re)paints `analysis`; with `change` (an incremental update), only removed and added
   * entities are touched, and the others keep their painted ranges.
   */
  paint(analysis: Analysis, signal: AbortSignal, change?: EntityChange | null): Promise<void>;
  setKindVisible(kind: EntityKind, visible: boolean): void;
  focus(range: Range | null): void;
  flash(range: Range, ms?: number): void;
  /** Unregisters every highlight and forgets the registry. */
  clear(): void;
}

/** Creates the painter for `doc`. */
export function createHighlightPainter(doc: Document, state: PageState): HighlightPainter {
  let registry: HighlightRegistry | null = null;

  function ensureRegistry(): HighlightRegistry {
    if (registry) return registry;
    // The `::highlight()` rules come with the content script (manifest `css`): creating the
    // registry adopts nothing, so the page's style is not recalculated.
    registry = createHighlightRegistry(doc, state.darkPage);
    for (const k of KINDS) registry.setKindVisible(k, state.visible[k]);
    return registry;
  }

  /** Replaces the registry's whole set with `next`. */
  async function commitAll(
    reg: HighlightRegistry,
    next: RegisteredEntity[],
    signal: AbortSignal,
  ): Promise<void> {
    reg.reset();
    await forEachSliced(next, (item) => reg.add(item), signal);
    await reg.commit(signal);
    state.painted = next;
    state.paintedFrom = null;
  }

  return {
    ready: () => registry !== null,
    async paint(analysis, signal, change = null) {
      const reg = ensureRegistry();
      const { pageText } = analysis;
      const rangesOf = async (entities: readonly Entity[]): Promise<RegisteredEntity[]> => {
        const items: RegisteredEntity[] = [];
        await forEachSliced(
          entities,
          (entity) => {
            const range = rangeFromOffsets(pageText, entity.start, entity.end);
            if (!range) return;
            const nameRange =
              entity.kind === 'official' &&
              (entity.nameStart > entity.start || entity.nameEnd < entity.end)
                ? rangeFromOffsets(pageText, entity.nameStart, entity.nameEnd)
                : null;
            items.push({ entity, range, nameRange });
          },
          signal,
        );
        return items;
      };
      if (change) {
        const added = await rangesOf(change.added);
        signal.throwIfAborted();
        const before = state.painted;
        // Items starting before `change.from` are kept as they are: only the rest is looked at.
        const count = firstStartingAt(before, change.from);
        const gone: RegisteredEntity[] = [];
        const kept: RegisteredEntity[] = [];
        for (let i = count; i < before.length; i++) {
          const item = before[i]!;
          if (change.removed.has(item.entity)) gone.push(item);
          else {
            const moved = change.moved.get(item.entity);
            kept.push(moved ? { ...item, entity: moved } : item);
          }
        }
        const next = before.slice(0, count).concat(mergeByStart(kept, added));
        if (reg.patch(gone, added)) {
          state.painted = next;
          state.paintedFrom = { from: before, count };
          return;
        }
        return commitAll(reg, next, signal);
      }
      await commitAll(reg, await rangesOf(analysis.result.entities), signal);
    },
    setKindVisible(kind, visible) {
      registry?.setKindVisible(kind, visible);
    },
    focus: (range) => registry?.focus(range),
    flash: (range, ms) => registry?.flash(range, ms),
    clear() {
      registry?.clear();
      registry = null;
    },
  };
}

/** The index of the first item of `items` (sorted by entity start) starting at or after `at`. */
function firstStartingAt(items: readonly RegisteredEntity[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.entity.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two lists sorted by entity start, merged into one. */
function mergeByStart(a: RegisteredEntity[], b: RegisteredEntity[]): RegisteredEntity[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: RegisteredEntity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.entity.start <= b[j]!.entity.start))
      out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

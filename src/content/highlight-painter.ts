/**
 * The highlight painter: maps an analysis's entity offsets to DOM ranges and fills the highlight
 * registry with them, in slices; what it painted becomes `state.painted`. Owns the registry.
 */
import { rangeFromOffsets } from '../dom/dom-ranges';
import { forEachSliced } from '../dom/scheduling';
import type { EntityKind } from '../core/types';
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
   * (Re)paints `analysis`; with `keptBefore`, entities ending before that offset keep their
   * painted ranges (text was only appended after them).
   */
  paint(analysis: Analysis, signal: AbortSignal, keptBefore?: number | null): Promise<void>;
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

  return {
    ready: () => registry !== null,
    async paint(analysis, signal, keptBefore = null) {
      const reg = ensureRegistry();
      const keep =
        keptBefore === null ? [] : state.painted.filter((i) => i.entity.end <= keptBefore);
      const entities =
        keptBefore === null
          ? analysis.result.entities
          : analysis.result.entities.filter((e) => e.end > keptBefore);
      const next: RegisteredEntity[] = [...keep];
      const { pageText } = analysis;
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
          next.push({ entity, range, nameRange });
        },
        signal,
      );
      reg.reset();
      await forEachSliced(next, (item) => reg.add(item), signal);
      await reg.commit(signal);
      state.painted = next;
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

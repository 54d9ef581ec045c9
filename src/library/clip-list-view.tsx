/**
 * The virtualised clip list: only rows in view are in the DOM. Keyboard: ↑/↓ (and Home/End) move
 * between clips, Enter opens, Space selects, Delete deletes; Tab reaches the row's buttons.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Clip } from '../core/clips/model';
import { ClipCard } from '../ui/clip-card';
import type { CorrectionChange } from '../ui/entity-corrections';
import { useVirtualList } from '../ui/use-virtual-list';
import { CopyCitation } from './copy-citation';

/** Actions on rows. */
export interface ClipListActions {
  onOpen: (clip: Clip) => void;
  onSave: (id: string, change: { note: string; tags: string[] }) => Promise<void>;
  onDelete: (id: string) => void;
  onToggleSelect: (id: string) => void;
  onCorrect: (id: string, change: CorrectionChange) => Promise<void>;
}

/** Row height before a row is measured. */
const estimateRowSize = () => 150;

/** A long list of clips, virtualised. */
export function ClipListView(
  props: { clips: readonly Clip[]; selected: ReadonlySet<string> } & ClipListActions,
) {
  const { clips } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusPending, setFocusPending] = useState(false);
  const virtual = useVirtualList({
    count: clips.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimateRowSize,
    overscan: 6,
    // Stable while the clips are: the virtualizer rebuilds every row position when it changes.
    getItemKey: useCallback((i: number) => clips[i]?.id ?? i, [clips]),
  });

  useEffect(() => {
    if (active >= clips.length) setActive(Math.max(0, clips.length - 1));
  }, [clips.length, active]);

  useEffect(() => {
    if (!focusPending) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      row.focus();
      setFocusPending(false);
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(clips.length - 1, index));
    setActive(next);
    setFocusPending(true);
    virtual.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const onRow = target.classList.contains('clip-row');
    const clip = clips[active];
    switch (event.key) {
      case 'ArrowDown':
        if (!onRow) return;
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        if (!onRow) return;
        moveTo(active - 1);
        break;
      case 'Home':
        if (!onRow) return;
        moveTo(0);
        break;
      case 'End':
        if (!onRow) return;
        moveTo(clips.length - 1);
        break;
      case 'Enter':
        if (!onRow || !clip) return;
        props.onOpen(clip);
        break;
      case ' ':
        if (!onRow || !clip) return;
        props.onToggleSelect(clip.id);
        break;
      case 'Delete':
        if (!onRow || !clip) return;
        props.onDelete(clip.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const items = virtual.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      class="clip-list"
      role="list"
      aria-label={`${clips.length}`}
      data-count={clips.length}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: `${virtual.getTotalSize()}px`, position: 'relative' }}>
        {items.map((item) => {
          const clip = clips[item.index];
          if (!clip) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              class="clip-row"
              data-index={item.index}
              ref={(el) => virtual.measureElement(el)}
              tabIndex={item.index === active ? 0 : -1}
              onFocus={(e) => {
                if (e.target === e.currentTarget) setActive(item.index);
              }}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
              }}
            >
              <ClipCard
                clip={clip}
                selected={props.selected.has(clip.id)}
                onToggleSelect={props.onToggleSelect}
                onOpen={props.onOpen}
                onSave={props.onSave}
                onDelete={props.onDelete}
                onCorrect={props.onCorrect}
                actions={<CopyCitation clip={clip} />}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The library's view of the clips: read from the clip database through the shared repository,
 * and kept current by the change feed. The page holds every clip in memory because search runs
 * per keystroke; the database stays the one source of truth. Every change, whether announced by
 * the background or made by this page, is handled the same way: the changed clips are read again
 * from the database, one refresh after another, so the view never goes back to an older state.
 */
import { compareNewestFirst } from '../core/clips/filters';
import type { Clip } from '../core/clips/model';
import type { PersonRecord } from '../core/clips/person-merges';
import { watchClipChanges, type ClipChange } from '../shared/clip-changes';
import { CLIP_DB_NAME } from '../shared/clip-db';
import type { ClipRepository } from '../shared/clip-repository';

/** Changed ids beyond which one read of every clip beats one read per id. */
const READ_ALL_ABOVE = 2000;

/** What the page shows: the clips newest first (null before the first read), and whether all. */
export interface LiveClipsState {
  clips: Clip[] | null;
  /** False while only the first screen of clips is known. */
  complete: boolean;
}

/** The library's live clips. */
export interface LiveClips {
  /** Reads the clips of `change` again (after this page's own write); resolves once shown. */
  refresh(change: ClipChange): Promise<void>;
  /** Every clip as the database holds them, once the load and queued refreshes are done. */
  settled(): Promise<Clip[]>;
}

/** How to build the live clips. */
export interface LiveClipsOptions {
  repository: ClipRepository;
  /** Newest clips shown first, read from the time index before the rest. */
  firstScreen: number;
  onState(state: LiveClipsState): void;
  onError(error: unknown): void;
  signal: AbortSignal;
  /** Database whose change feed to follow (tests use their own). */
  dbName?: string;
}

/**
 * Applies a refresh to a newest-first list: each id of `ids` is replaced by its clip in `found`,
 * or removed when it is not there; clips of `found` the list lacked are added in order.
 */
export function applyClipChanges(
  clips: readonly Clip[],
  ids: ReadonlySet<string>,
  found: ReadonlyMap<string, Clip>,
): Clip[] {
  const next: Clip[] = [];
  const seen = new Set<string>();
  let resort = false;
  for (const clip of clips) {
    if (!ids.has(clip.id)) {
      next.push(clip);
      continue;
    }
    seen.add(clip.id);
    const now = found.get(clip.id);
    if (!now) continue;
    next.push(now);
    if (now.createdAt !== clip.createdAt) resort = true;
  }
  for (const [id, clip] of found) {
    if (seen.has(id) || !ids.has(id)) continue;
    next.push(clip);
    resort = true;
  }
  return resort ? next.sort(compareNewestFirst) : next;
}

/**
 * Starts following the clips: listens to the feed first (so no change is missed), then shows the
 * newest clips, then all of them, then each change as it comes. Stops when `signal` aborts.
 */
export function followClips({
  repository,
  firstScreen,
  onState,
  onError,
  signal,
  dbName = CLIP_DB_NAME,
}: LiveClipsOptions): LiveClips {
  let state: LiveClipsState = { clips: null, complete: false };
  let pendingIds = new Set<string>();
  let pendingAll = false;
  const show = (next: LiveClipsState) => {
    state = next;
    if (!signal.aborted) onState(state);
  };

  const load = async () => {
    // The first screen before the full read, not beside it: a read of every clip holds up the
    // small one until it is done.
    try {
      show({ clips: await repository.newest(firstScreen), complete: false });
    } catch {
      // The full read below says what is wrong.
    }
    try {
      show({ clips: await repository.all(), complete: true });
    } catch (err) {
      show({ clips: state.clips ?? [], complete: true });
      onError(err);
    }
  };

  const drain = async () => {
    if (signal.aborted || (!pendingAll && pendingIds.size === 0)) return;
    const ids = pendingIds;
    const everything = pendingAll || ids.size > READ_ALL_ABOVE;
    pendingIds = new Set();
    pendingAll = false;
    try {
      if (everything) {
        show({ clips: await repository.all(), complete: true });
      } else {
        const found = await repository.getMany(ids);
        show({ clips: applyClipChanges(state.clips ?? [], ids, found), complete: state.complete });
      }
    } catch (err) {
      onError(err);
    }
  };

  // One refresh after another: a later read never lands before an earlier one.
  let queue: Promise<void> = Promise.resolve();
  const refresh = (change: ClipChange): Promise<void> => {
    if ('all' in change) pendingAll = true;
    else if ('ids' in change) for (const id of change.ids) pendingIds.add(id);
    queue = queue.then(drain);
    return queue;
  };

  watchClipChanges((change) => void refresh(change), signal, dbName);
  queue = load();
  return {
    refresh,
    settled: () => queue.then(() => state.clips ?? []),
  };
}

/**
 * Follows the people records (merges, external ids): reads them, then again whenever the
 * background announces a change of them (or of everything, after an import), until `signal`
 * aborts. Reads run one after another, so an older read never lands last.
 */
export function followPeople(options: {
  repository: ClipRepository;
  onPeople(people: PersonRecord[]): void;
  onError(error: unknown): void;
  signal: AbortSignal;
  dbName?: string;
}): void {
  const { repository, onPeople, onError, signal, dbName = CLIP_DB_NAME } = options;
  let queue: Promise<void> = Promise.resolve();
  const load = () => {
    queue = queue.then(async () => {
      try {
        const people = await repository.people();
        if (!signal.aborted) onPeople(people);
      } catch (err) {
        if (!signal.aborted) onError(err);
      }
    });
  };
  watchClipChanges(
    (change) => {
      if ('people' in change || 'all' in change) load();
    },
    signal,
    dbName,
  );
  load();
}

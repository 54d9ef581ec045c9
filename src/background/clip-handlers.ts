/**
 * Handlers of the `clips/*` messages, built over a clip store. Kept free of `browser.*` (the few
 * browser calls come in as `deps`) so they run under unit tests with fake-indexeddb.
 */
import { exportClips } from '../core/clips/export';
import { parseImport } from '../core/clips/import';
import type { MessageMap, MessageName, RevisionChange } from '../shared/messages';
import type { ClipStore } from './clip-store';
import type { PendingAnchors } from './pending-anchors';

type ClipMessage = Extract<MessageName, `clips/${string}`>;

/** What a handler knows about the sender. */
export interface SenderInfo {
  tab?: { id?: number };
}

/** Browser calls the clip handlers need. */
export interface ClipHandlerDeps {
  store: ClipStore;
  pending: PendingAnchors;
  /** Opens `url` in a new tab and answers its id. */
  openTab(url: string): Promise<number | undefined>;
}

/** The clip handler table. */
export type ClipHandlers = {
  [K in ClipMessage]: (
    payload: MessageMap[K]['request'],
    sender: SenderInfo,
  ) => Promise<MessageMap[K]['response']>;
};

const NO_CHANGE: RevisionChange = { before: '', after: '' };

/** Builds the `clips/*` handlers. */
export function createClipHandlers({ store, pending, openTab }: ClipHandlerDeps): ClipHandlers {
  return {
    'clips/save': async ({ draft }) => ({ clip: await store.save(draft) }),
    'clips/list': (query) => store.list(query),
    'clips/get': async ({ id }) => ({ clip: await store.get(id) }),
    'clips/update': async ({ id, note, tags }) => {
      let revision = NO_CHANGE;
      const change = { ...(note !== undefined ? { note } : {}), ...(tags ? { tags } : {}) };
      const clip = await store.update(id, change, new Date(), (r) => (revision = r));
      return { clip, revision };
    },
    'clips/delete': async ({ ids }) => {
      let revision = NO_CHANGE;
      const deleted = await store.delete(ids, (r) => (revision = r));
      return { deleted, revision };
    },
    'clips/restore': async ({ clips }) => {
      let revision = NO_CHANGE;
      const restored = await store.restore(clips, (r) => (revision = r));
      return { restored, revision };
    },
    'clips/export': async ({ format, query }) => {
      const { clips } = await store.list({ ...query, limit: undefined, offset: undefined });
      return exportClips(clips, format);
    },
    'clips/import': async ({ content }) => {
      // Parsing and validation finish before the one write transaction starts.
      const parsed = parseImport(content);
      return store.import(parsed.clips);
    },
    'clips/open': async ({ id }) => {
      const clip = await store.get(id);
      if (!clip) throw new Error(`No clip with id ${id}`);
      const tabId = await openTab(clip.url);
      if (tabId === undefined) return { opened: false };
      pending.remember(tabId, clip.id, clip.url);
      return { opened: true };
    },
    'clips/pending-anchor': async ({ url }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { clip: null };
      const clipId = pending.take(tabId, url);
      return { clip: clipId ? await store.get(clipId) : null };
    },
  };
}

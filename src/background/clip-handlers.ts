/**
 * Handlers of the `clips/*` messages, built over a clip store. Kept free of `browser.*` (the few
 * browser calls come in as `deps`) so they run under unit tests with fake-indexeddb.
 */
import {
  checkImportSize,
  ImportError,
  readImport,
  UNREADABLE_FILE_ERROR,
} from '../core/clips/import';
import type { Handlers } from '../shared/message-kit';
import type { Messages } from '../shared/messages';
import type { ClipStore } from './clip-store';
import type { PendingAnchors } from './pending-anchors';
import { withPhraseSimplifiedQuote } from './phrase-simplify';

/** What a handler knows about the sender. */
export interface SenderInfo {
  tab?: { id?: number };
  /** URL of the sending frame, as the browser reports it. */
  url?: string;
}

/** Browser calls the clip handlers need. */
export interface ClipHandlerDeps {
  store: ClipStore;
  pending: PendingAnchors;
  /** Opens `url` in a new tab and answers its id. */
  openTab(url: string): Promise<number | undefined>;
  /** Reads an import file from a page's blob: URL (default: `readBlobUrl`). */
  readImportUrl?(url: string): Promise<string>;
}

/**
 * Reads the text of a blob: URL that one of this extension's pages made for a chosen file. Only
 * blob: URLs of the extension's own origin are read; a file over the size limit is refused
 * before it is read.
 */
export async function readBlobUrl(
  url: string,
  origin = globalThis.location?.origin,
): Promise<string> {
  if (!origin || !url.startsWith(`blob:${origin}/`)) {
    throw new ImportError(`${UNREADABLE_FILE_ERROR}: not a file of this extension`);
  }
  let blob: Blob;
  try {
    blob = await (await fetch(url)).blob();
  } catch (err) {
    throw new ImportError(
      `${UNREADABLE_FILE_ERROR}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  checkImportSize(blob.size, 'bytes');
  return blob.text();
}

/** The clip handler table: one handler per `clips/*` message. */
export type ClipHandlers = Handlers<
  Pick<Messages, Extract<keyof Messages, `clips/${string}`>>,
  SenderInfo
>;

/** The people handler table: one handler per `people/*` message. */
export type PeopleHandlers = Handlers<
  Pick<Messages, Extract<keyof Messages, `people/${string}`>>,
  SenderInfo
>;

/** Builds the `people/*` handlers over the clip store's people records. */
export function createPeopleHandlers({ store }: Pick<ClipHandlerDeps, 'store'>): PeopleHandlers {
  return {
    'people/merge': async ({ from, into }) => ({ people: await store.people.merge(from, into) }),
    'people/split': async ({ key, mergedKey }) => ({
      people: await store.people.split(key, mergedKey),
    }),
    'people/set-ids': async ({ key, cpedId, chinaVitaeUrl }) => ({
      people: await store.people.setExternalIds(key, {
        ...(cpedId !== undefined && { cpedId }),
        ...(chinaVitaeUrl !== undefined && { chinaVitaeUrl }),
      }),
    }),
  };
}

/** Builds the `clips/*` handlers. */
export function createClipHandlers({
  store,
  pending,
  openTab,
  readImportUrl = readBlobUrl,
}: ClipHandlerDeps): ClipHandlers {
  return {
    'clips/save': async ({ draft }) => ({
      clip: await store.save(withPhraseSimplifiedQuote(draft)),
    }),
    'clips/list': (query) => store.list(query),
    'clips/get': async ({ id }) => ({ clip: await store.get(id) }),
    'clips/update': async ({ id, note, tags }) => {
      const change = { ...(note !== undefined ? { note } : {}), ...(tags ? { tags } : {}) };
      return { clip: await store.update(id, change) };
    },
    'clips/correct': async ({ id, set, clear }) => ({
      clip: await store.correct(id, { ...(set && { set }), ...(clear && { clear }) }),
    }),
    'clips/delete': async ({ ids }) => ({ deleted: await store.delete(ids) }),
    'clips/restore': async ({ clips }) => ({ restored: await store.restore(clips) }),
    'clips/import': async (request) => {
      const content = 'url' in request ? await readImportUrl(request.url) : request.content;
      // The envelope is checked here; each clip is validated as the one transaction writes it.
      const file = readImport(content);
      const counts = await store.import(file.clips);
      // The people records go after the clips, in a transaction of their own: a refused clip
      // file changes neither.
      if (file.people.length > 0) await store.people.import(file.people);
      return counts;
    },
    'clips/open': async ({ id }) => {
      const clip = await store.get(id);
      if (!clip) throw new Error(`No clip with id ${id}`);
      const tabId = await openTab(clip.url);
      if (tabId === undefined) return { opened: false };
      pending.remember(tabId, clip.id, clip.url);
      return { opened: true };
    },
    'clips/count-here': async (_request, sender) => {
      // Only a tab's own page, by the URL the browser gives: never a URL the page chose.
      if (sender.tab?.id === undefined || !sender.url) return { count: 0 };
      return { count: await store.countByUrl(sender.url) };
    },
    'clips/pending-anchor': async ({ url }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { clip: null };
      const clipId = pending.take(tabId, url);
      return { clip: clipId ? await store.get(clipId) : null };
    },
  };
}

/**
 * The clip database: IndexedDB in the extension's origin, owned by the background. Every write is
 * one transaction and resolves only after it committed (`tx.done`); failures become
 * `ClipStoreError`s with a message fit to show the user, and nothing is half-written.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { compareNewestFirst, filterClips, type ClipQuery } from '../core/clips/filters';
import {
  CLIP_SCHEMA_VERSION,
  createClipFromDraft,
  mergeClips,
  normaliseTags,
  officialNamesOf,
  siteOf,
  type Clip,
  type ClipDraft,
} from '../core/clips/model';
import type { SearchNormaliser } from '../core/clips/search';
import type { RevisionChange } from '../shared/messages';

/** Database name in the extension origin. */
export const CLIP_DB_NAME = 'zhengwen-lens-clips';

/** A clip as stored: the clip plus derived index keys. */
export type StoredClip = Clip & { officials: string[] };

/** IndexedDB schema (latest version). */
export interface ClipDbSchema extends DBSchema {
  clips: {
    key: string;
    value: StoredClip;
    indexes: { createdAt: string; url: string; site: string; tags: string; officials: string };
  };
}

type UpgradeTx = IDBPTransaction<ClipDbSchema, ArrayLike<'clips'>, 'versionchange'>;
type Migration = (db: IDBPDatabase<ClipDbSchema>, tx: UpgradeTx) => Promise<void> | void;

/**
 * Versioned migrations; entry `i` upgrades the database to version `i + 1`. Never edit a shipped
 * migration: add a new one, and a test that an older database keeps every clip.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1: the clip store with time and URL indexes.
  (db) => {
    const store = db.createObjectStore('clips', { keyPath: 'id' });
    store.createIndex('createdAt', 'createdAt');
    store.createIndex('url', 'url');
  },
  // v2: site, tag and official indexes; backfills the derived keys of existing clips. The record
  // is spelt out here rather than built by `toStored`, so fields added to stored clips later do
  // not change this step (the key helpers it calls are shared).
  async (_db, tx) => {
    const store = tx.objectStore('clips');
    store.createIndex('site', 'site');
    store.createIndex('tags', 'tags', { multiEntry: true });
    store.createIndex('officials', 'officials', { multiEntry: true });
    let cursor = await store.openCursor();
    while (cursor) {
      const clip = cursor.value;
      await cursor.update({
        ...clip,
        site: clip.site || siteOf(clip.url),
        tags: normaliseTags(clip.tags ?? []),
        schemaVersion: clip.schemaVersion ?? 1,
        officials: officialNamesOf(clip),
      });
      cursor = await cursor.continue();
    }
  },
];

/** Latest database version. */
export const CLIP_DB_VERSION = MIGRATIONS.length;

/** A failure the user should read: says what did not happen and why. */
export class ClipStoreError extends Error {
  override name = 'ClipStoreError';
}

/** Adds the derived index keys (and fills fields older records may lack). */
export function toStored(clip: Clip): StoredClip {
  return {
    ...clip,
    site: clip.site || siteOf(clip.url),
    tags: normaliseTags(clip.tags ?? []),
    schemaVersion: clip.schemaVersion ?? CLIP_SCHEMA_VERSION,
    officials: officialNamesOf(clip),
  };
}

/** Strips the derived index keys. */
export function fromStored(record: StoredClip): Clip {
  const { officials: _officials, ...clip } = record;
  return clip;
}

/** Opens (and upgrades) the clip database; `version` lets tests build older databases. */
export function openClipDb(
  name = CLIP_DB_NAME,
  version = CLIP_DB_VERSION,
  onTerminated?: () => void,
): Promise<IDBPDatabase<ClipDbSchema>> {
  return openDB<ClipDbSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const steps = MIGRATIONS.slice(oldVersion, newVersion ?? version);
      // Migrations run in order inside the one upgrade transaction; a failure aborts it whole.
      void steps
        .reduce<Promise<void>>((prev, step) => prev.then(() => step(db, tx)), Promise.resolve())
        .catch(() => tx.abort());
    },
    terminated: onTerminated,
  });
}

/** Turns an IndexedDB failure into a message that says what happened. */
export function describeStoreFailure(action: string, err: unknown): ClipStoreError {
  if (err instanceof ClipStoreError) return err;
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'QuotaExceededError') {
    return new ClipStoreError(
      `${action} failed: the browser's storage for Zhengwen Lens is full. Export and delete old clips, then try again.`,
    );
  }
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError') {
    return new ClipStoreError(
      `${action} failed: the clip database was closed (the browser may be shutting down). Try again.`,
    );
  }
  if (name === 'AbortError') {
    return new ClipStoreError(
      `${action} failed: the database transaction was aborted; nothing was changed.`,
    );
  }
  return new ClipStoreError(`${action} failed: ${detail || name || 'unknown database error'}`);
}

type WriteTx = IDBPTransaction<ClipDbSchema, ['clips'], 'readwrite'>;

/**
 * Runs `body` in one readwrite transaction and waits for the commit. Any error, even one thrown
 * synchronously by a request, aborts the transaction, so nothing is half-written.
 */
/** Collects request promises, marking each handled so an abort never surfaces as unhandled. */
function createRequestList(): { add(p: Promise<unknown>): void; all(): Promise<unknown[]> } {
  const list: Promise<unknown>[] = [];
  return {
    add(p) {
      p.catch(() => undefined);
      list.push(p);
    },
    all: () => Promise.all(list),
  };
}

async function writeTransaction<T>(
  db: IDBPDatabase<ClipDbSchema>,
  body: (tx: WriteTx) => Promise<T>,
  options?: IDBTransactionOptions,
): Promise<T> {
  const tx = db.transaction('clips', 'readwrite', options);
  try {
    const [result] = await Promise.all([body(tx), tx.done]);
    return result;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await tx.done.catch(() => undefined);
    throw err;
  }
}

/** A short random prefix that tells background sessions apart. */
function createClipIdPrefix(): string {
  return Math.random().toString(36).slice(2, 10);
}

/**
 * Durability of the import transaction. "relaxed" commits once the data is with the operating
 * system, without waiting for the disk flush; an import's source is a file the user still has,
 * and the commit is still reported only after it happened.
 */
const IMPORT_DURABILITY: IDBTransactionDurability = 'relaxed';

/** Largest first page read straight from the time index instead of from all clips. */
const NEWEST_PAGE_MAX = 100;

/** A page of clips: `total` counts every match (null when not counted, for the newest page). */
export interface ClipPage {
  clips: Clip[];
  total: number | null;
  /** Revision the clips were read at. */
  revision: string;
}

/** Result of an import. */
export interface ImportCounts {
  added: number;
  merged: number;
}

/** The clip store: typed operations over the database, each one transaction. */
export class ClipStore {
  private dbPromise: Promise<IDBPDatabase<ClipDbSchema>> | null = null;
  /** All clips, newest first, while no write happened since they were read. */
  private cache: Clip[] | null = null;
  /** Changes with every committed write; a new session prefix after each background start. */
  private revisionSession = createClipIdPrefix();
  private revisionCount = 0;
  private writesInFlight = 0;

  constructor(
    private readonly normaliser: SearchNormaliser,
    private readonly dbName = CLIP_DB_NAME,
  ) {}

  /** The open database; reopened after the browser closed it. */
  private db(): Promise<IDBPDatabase<ClipDbSchema>> {
    if (!this.dbPromise) {
      const opening = openClipDb(this.dbName, CLIP_DB_VERSION, () => this.forget());
      this.dbPromise = opening;
      opening.catch(() => this.forget());
    }
    return this.dbPromise;
  }

  private forget(): void {
    this.dbPromise = null;
    this.cache = null;
  }

  /** Runs one operation, mapping failures to `ClipStoreError` and dropping a closed connection. */
  private async run<T>(
    action: string,
    op: (db: IDBPDatabase<ClipDbSchema>) => Promise<T>,
  ): Promise<T> {
    try {
      return await op(await this.db());
    } catch (err) {
      const name = err instanceof Error || err instanceof DOMException ? err.name : '';
      if (name === 'InvalidStateError') this.forget();
      throw describeStoreFailure(action, err);
    }
  }

  /** Closes the connection (tests; the browser closes it on shutdown). */
  async close(): Promise<void> {
    const db = await this.dbPromise;
    db?.close();
    this.forget();
  }

  /** Stores a new clip; resolves once the transaction committed. */
  async save(draft: ClipDraft, now = new Date()): Promise<Clip> {
    const clip = createClipFromDraft(draft, now);
    return this.write('Saving the clip', async (tx) => {
      await tx.store.add(toStored(clip));
      return clip;
    });
  }

  /** The database revision as this background knows it (see `RevisionChange`). */
  get revision(): string {
    return `${this.revisionSession}.${this.revisionCount}`;
  }

  /**
   * Runs a write transaction, invalidating the cache first; after the commit the revision moves
   * on and `onCommitted` hears both values in the same turn, so callers can tell whether any
   * other write happened in between. `nextCache` may answer every clip as the commit left them
   * (newest first), computed from the `snapshot`; it becomes the cache when no other write ran
   * beside this one, which saves the next full read.
   */
  private write<T>(
    action: string,
    body: (tx: WriteTx, snapshot: readonly Clip[] | null) => Promise<T>,
    options: {
      onCommitted?: ((change: RevisionChange) => void) | undefined;
      transaction?: IDBTransactionOptions;
      nextCache?: (result: T) => Clip[] | null;
    } = {},
  ): Promise<T> {
    return this.run(action, async (db) => {
      // With no other write in flight, the cache is exactly what this transaction will see:
      // later transactions on the store queue behind it.
      const snapshot = this.writesInFlight === 0 ? this.cache : null;
      this.cache = null;
      this.writesInFlight += 1;
      let next: Clip[] | null = null;
      try {
        const result = await writeTransaction(db, (tx) => body(tx, snapshot), options.transaction);
        const before = this.revision;
        this.revisionCount += 1;
        // Alone since it began (a later write would still be in flight: transactions on the
        // store commit in order), so the snapshot plus this write is the whole store.
        if (snapshot && this.writesInFlight === 1) {
          try {
            next = options.nextCache?.(result) ?? null;
          } catch {
            // Only a saved read is lost: the next list reads the database.
            next = null;
          }
        }
        options.onCommitted?.({ before, after: this.revision });
        return result;
      } finally {
        this.writesInFlight -= 1;
        this.cache = next;
      }
    });
  }

  /** One clip, or null. */
  async get(id: string): Promise<Clip | null> {
    return this.run('Reading the clip', async (db) => {
      const record = await db.get('clips', id);
      return record ? fromStored(record) : null;
    });
  }

  /**
   * Clips saved from `url`, from the URL index; a clip saved at the same address with a
   * different #fragment counts too (the fragment names a place on the page, not another page).
   */
  async countByUrl(url: string): Promise<number> {
    const page = url.split('#')[0]!;
    return this.run('Counting clips', async (db) => {
      const index = db.transaction('clips').store.index('url');
      const [plain, withFragment] = await Promise.all([
        index.count(page),
        index.count(IDBKeyRange.bound(`${page}#`, `${page}#\uffff`)),
      ]);
      return plain + withFragment;
    });
  }

  /** Every clip, newest first (cached until the next write). */
  async all(): Promise<Clip[]> {
    if (this.cache) return this.cache;
    return this.run('Reading clips', async (db) => {
      const revision = this.revision;
      const quiet = this.writesInFlight === 0;
      const records = await db.getAllFromIndex('clips', 'createdAt');
      const clips = records.reverse().map(fromStored);
      // Cache only a read no write overlapped, or the cache could miss that write.
      if (quiet && this.writesInFlight === 0 && revision === this.revision) this.cache = clips;
      return clips;
    });
  }

  /** Clips matching a query, newest first, with the total count of matches. */
  async list(query: ClipQuery): Promise<ClipPage> {
    const { limit, offset = 0, ...filters } = query;
    const unfiltered = Object.values(filters).every((x) => x === undefined || x === '');
    if (
      unfiltered &&
      limit !== undefined &&
      limit <= NEWEST_PAGE_MAX &&
      offset === 0 &&
      !this.cache
    ) {
      // The popup's "newest clips": read only the page it shows, straight from the time index.
      // No count here: counting a large store costs more than reading the page.
      return this.run('Reading clips', async (db) => {
        const revision = this.revision;
        const tx = db.transaction('clips');
        const clips: Clip[] = [];
        let cursor = limit > 0 ? await tx.store.index('createdAt').openCursor(null, 'prev') : null;
        while (cursor && clips.length < limit) {
          clips.push(fromStored(cursor.value));
          cursor = await cursor.continue();
        }
        await tx.done;
        return { clips, total: null, revision };
      });
    }
    const revision = this.revision;
    return {
      ...filterClips(await this.all(), query, this.normaliser, { presorted: true }),
      revision,
    };
  }

  /** Changes a clip's note and/or tags. */
  async update(
    id: string,
    change: { note?: string; tags?: string[] },
    now = new Date(),
    onCommitted?: (change: RevisionChange) => void,
  ): Promise<Clip> {
    return this.write(
      'Saving the change',
      async (tx) => {
        const record = await tx.store.get(id);
        if (!record) throw new ClipStoreError(`Saving the change failed: no clip with id ${id}`);
        const clip: Clip = {
          ...fromStored(record),
          ...(change.note !== undefined ? { note: change.note } : {}),
          ...(change.tags !== undefined ? { tags: normaliseTags(change.tags) } : {}),
          updatedAt: now.toISOString(),
        };
        await tx.store.put(toStored(clip));
        return clip;
      },
      { onCommitted },
    );
  }

  /** Deletes clips; answers the deleted ones so the caller can undo. */
  async delete(
    ids: readonly string[],
    onCommitted?: (change: RevisionChange) => void,
  ): Promise<Clip[]> {
    return this.write(
      'Deleting clips',
      async (tx) => {
        // Every read is issued at once (one round trip, not one per id), then every delete.
        const unique = [...new Set(ids)];
        const reads = createRequestList();
        const records = unique.map((id) => {
          const read = tx.store.get(id);
          reads.add(read);
          return read;
        });
        const found = (await Promise.all(records)).filter((r): r is StoredClip => !!r);
        const deletes = createRequestList();
        for (const record of found) deletes.add(tx.store.delete(record.id));
        await Promise.all([reads.all(), deletes.all()]);
        return found.map(fromStored);
      },
      { onCommitted },
    );
  }

  /** Puts clips back exactly as they were (undo of a delete). */
  async restore(
    clips: readonly Clip[],
    onCommitted?: (change: RevisionChange) => void,
  ): Promise<number> {
    return this.write(
      'Restoring clips',
      async (tx) => {
        const writes = createRequestList();
        for (const c of clips) writes.add(tx.store.put(toStored(c)));
        await writes.all();
        return clips.length;
      },
      { onCommitted },
    );
  }

  /**
   * Imports clips in ONE transaction; known ids are merged, not duplicated, and a clip that
   * merges to exactly what is stored is not rewritten. `clips` may validate lazily (see
   * `readImport`): each new clip is written as soon as it is taken, so the database works while
   * the rest is validated, and an error the iterator throws aborts the transaction and is
   * rethrown as it is (nothing written).
   */
  async import(clips: Iterable<Clip>): Promise<ImportCounts> {
    let invalid: { error: unknown } | null = null;
    /**
     * The clips as they stood before, and every record this import wrote: kept only when the
     * clips before are known, the one case the cache can be rebuilt from them.
     */
    let before: readonly Clip[] | null = null;
    let records: Map<string, StoredClip> | null = null;
    try {
      return await this.write(
        'Importing clips',
        async (tx, snapshot) => {
          before = snapshot;
          records = snapshot ? new Map() : null;
          // Only the keys: with an empty library (the slow case) there is nothing else to read.
          const known: ReadonlySet<string> = new Set(
            snapshot ? snapshot.map((c) => c.id) : await tx.store.getAllKeys(),
          );
          // Raw requests, none awaited: a failed one aborts the transaction and `tx.done` says so.
          const store = unwrap(tx.store);
          const written = new Map<string, Clip>();
          const later: Clip[] = [];
          const iterator = clips[Symbol.iterator]();
          for (;;) {
            let step: IteratorResult<Clip>;
            try {
              step = iterator.next();
            } catch (error) {
              invalid = { error };
              throw error;
            }
            if (step.done) break;
            const clip = step.value;
            if (known.has(clip.id) || written.has(clip.id)) {
              later.push(clip);
            } else {
              written.set(clip.id, clip);
              const record = toStored(clip);
              store.put(record);
              records?.set(clip.id, record);
            }
          }
          if (later.length > 0) {
            for (const record of await this.mergeInto(tx, later, snapshot, written)) {
              records?.set(record.id, record);
            }
          }
          return { added: written.size, merged: later.length };
        },
        {
          transaction: { durability: IMPORT_DURABILITY },
          // The list pages read right after an import: answer it without reading it all again.
          nextCache: () => {
            if (!before || !records) return null;
            const written = records;
            const next = before.filter((c) => !written.has(c.id));
            for (const record of written.values()) next.push(fromStored(record));
            return next.sort(compareNewestFirst);
          },
        },
      );
    } catch (err) {
      if (invalid) throw (invalid as { error: unknown }).error;
      throw err;
    }
  }

  /**
   * Merges clips, in order, into the stored ones or into those this import has `written`
   * already, then rewrites each clip whose merged data differs; answers the rewritten records.
   */
  private async mergeInto(
    tx: WriteTx,
    incoming: readonly Clip[],
    snapshot: readonly Clip[] | null,
    written: ReadonlyMap<string, Clip>,
  ): Promise<StoredClip[]> {
    const current = new Map<string, Clip>();
    if (snapshot) {
      for (const clip of snapshot) current.set(clip.id, clip);
    } else {
      // Every read is issued at once: one round trip, not one per clip.
      const ids = [...new Set(incoming.map((c) => c.id))].filter((id) => !written.has(id));
      const reads = createRequestList();
      const records = ids.map((id) => {
        const read = tx.store.get(id);
        reads.add(read);
        return read;
      });
      for (const record of await Promise.all(records)) {
        if (record) current.set(record.id, fromStored(record));
      }
      await reads.all();
    }
    for (const [id, clip] of written) current.set(id, clip);
    const changed = new Set<string>();
    for (const clip of incoming) {
      const before = current.get(clip.id);
      if (!before) continue;
      const next = mergeClips(before, clip);
      if (!sameClip(before, next)) {
        current.set(clip.id, next);
        changed.add(clip.id);
      }
    }
    const store = unwrap(tx.store);
    const records: StoredClip[] = [];
    for (const [id, clip] of current) {
      if (!changed.has(id)) continue;
      const record = toStored(clip);
      store.put(record);
      records.push(record);
    }
    return records;
  }
}

/** Whether two clips hold the same data (key order aside). */
function sameClip(a: Clip, b: Clip): boolean {
  return sameData(a, b);
}

/**
 * Deep equality of JSON-like data, ignoring object key order. Walks both values once without
 * building strings: a merge-import compares every clip of the file with the stored one.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys whose value is undefined are absent in JSON, so they do not count.
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined += 1;
    if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined -= 1;
  return defined === 0;
}

/**
 * The clip database: IndexedDB in the extension's origin. Schema, migrations, opening, one
 * connection that reopens after the browser closed it, write transactions and readable errors.
 * The background writes through `src/background/clip-store.ts`; extension pages read through
 * `clip-repository.ts` (they share the background's origin, so they open the same database).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { PersonRecord } from '../core/clips/person-merges';
import {
  CLIP_SCHEMA_VERSION,
  normaliseTags,
  officialNamesOf,
  siteOf,
  type Clip,
} from '../core/clips/model';

/** Database name in the extension origin. */
export const CLIP_DB_NAME = 'zhengwen-lens-clips';

/**
 * IndexedDB schema (latest version): clips by id, with time and URL indexes; the researcher's
 * people decisions (merged keys, external ids) by person key.
 */
export interface ClipDbSchema extends DBSchema {
  clips: {
    key: string;
    value: Clip;
    indexes: { createdAt: string; url: string };
  };
  people: {
    key: string;
    value: PersonRecord;
  };
}

/** Migrations see the database as it was at their version, so they go untyped. */
type UpgradeTx = IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>;
type Migration = (db: IDBPDatabase<unknown>, tx: UpgradeTx) => Promise<void> | void;

/**
 * A migration that keeps every clip and stamps those below `version` with it: for a clip schema
 * whose new fields a clip saved earlier may simply lack. The version is written out by each step,
 * not read from CLIP_SCHEMA_VERSION, so a later bump does not change a shipped step.
 */
function stampSchemaVersion(version: number): Migration {
  return async (_db, tx) => {
    const store = tx.objectStore('clips');
    let cursor = await store.openCursor();
    while (cursor) {
      const clip = cursor.value as Clip;
      if ((clip.schemaVersion ?? 1) < version)
        await cursor.update({ ...clip, schemaVersion: version });
      cursor = await cursor.continue();
    }
  };
}

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
  // is spelt out here rather than built by a shared helper, so fields added to stored clips later
  // do not change this step (the key helpers it calls are shared).
  async (_db, tx) => {
    const store = tx.objectStore('clips');
    store.createIndex('site', 'site');
    store.createIndex('tags', 'tags', { multiEntry: true });
    store.createIndex('officials', 'officials', { multiEntry: true });
    let cursor = await store.openCursor();
    while (cursor) {
      const clip = cursor.value as Clip;
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
  // v3: drops the site, tag and official indexes, which nothing queried (the library filters
  // every clip in memory, per keystroke) while every write kept them, and the derived
  // `officials` key they needed. Every clip is kept.
  async (_db, tx) => {
    const store = tx.objectStore('clips');
    for (const name of ['site', 'tags', 'officials']) {
      if (store.indexNames.contains(name)) store.deleteIndex(name);
    }
    let cursor = await store.openCursor();
    while (cursor) {
      const { officials: _officials, ...clip } = cursor.value as Clip & { officials?: unknown };
      await cursor.update(clip);
      cursor = await cursor.continue();
    }
  },
  // v4: clip schema 2 adds the page's meeting records (`meetings`), which a clip saved earlier
  // never read: it is left out (not recorded), not set to an empty list (none reported). Every
  // clip is kept and stamped with schema version 2, which it already satisfies. The version is
  // written out, not read from CLIP_SCHEMA_VERSION, so a later bump does not change this step.
  stampSchemaVersion(2),
  // v5: clip schema 3 adds the researcher's corrections (`corrections`), kept beside the engine's
  // entities; a clip saved earlier has none, so the field stays absent. Every clip is kept and
  // stamped with schema version 3 (written out, as in v4).
  stampSchemaVersion(3),
  // v6: the people store (library-level: merged person keys, external ids), by person key. The
  // clips are not touched.
  (db) => {
    db.createObjectStore('people', { keyPath: 'key' });
  },
];

/** Latest database version. */
export const CLIP_DB_VERSION = MIGRATIONS.length;

/** A failure the user should read: says what did not happen and why. */
export class ClipStoreError extends Error {
  override name = 'ClipStoreError';
}

/** A clip as it is stored: fields older records or imports may lack are filled in. */
export function toStored(clip: Clip): Clip {
  return {
    ...clip,
    site: clip.site || siteOf(clip.url),
    tags: normaliseTags(clip.tags ?? []),
    schemaVersion: clip.schemaVersion ?? CLIP_SCHEMA_VERSION,
  };
}

/**
 * Opens (and upgrades) the clip database; `version` lets tests build older databases.
 * `onClosed` hears that this connection is gone: closed by the browser, or closed here because
 * a newer version of the extension wants to upgrade the database.
 */
export async function openClipDb(
  name = CLIP_DB_NAME,
  version = CLIP_DB_VERSION,
  onClosed?: () => void,
): Promise<IDBPDatabase<ClipDbSchema>> {
  let opened: IDBPDatabase<ClipDbSchema> | null = null;
  opened = await openDB<ClipDbSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const steps = MIGRATIONS.slice(oldVersion, newVersion ?? version);
      const untypedDb = db as unknown as IDBPDatabase<unknown>;
      const untypedTx = tx as unknown as UpgradeTx;
      // Migrations run in order inside the one upgrade transaction; a failure aborts it whole.
      void steps
        .reduce<Promise<void>>(
          (prev, step) => prev.then(() => step(untypedDb, untypedTx)),
          Promise.resolve(),
        )
        .catch(() => tx.abort());
    },
    blocking() {
      // Another page opens a newer version: let it upgrade rather than block it.
      opened?.close();
      onClosed?.();
    },
    terminated: onClosed,
  });
  return opened;
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

/** One lazily opened connection to the clip database, opened again after it was closed. */
export class ClipConnection {
  private opening: Promise<IDBPDatabase<ClipDbSchema>> | null = null;

  constructor(readonly name = CLIP_DB_NAME) {}

  /** The open database. */
  db(): Promise<IDBPDatabase<ClipDbSchema>> {
    if (!this.opening) {
      const opening = openClipDb(this.name, CLIP_DB_VERSION, () => this.forget(opening));
      this.opening = opening;
      opening.catch(() => this.forget(opening));
    }
    return this.opening;
  }

  /** Drops `opening` if it is still the current connection (a later one stays). */
  private forget(opening: Promise<unknown>): void {
    if (this.opening === opening) this.opening = null;
  }

  /** Runs one operation, mapping failures to `ClipStoreError` and dropping a closed connection. */
  async run<T>(action: string, op: (db: IDBPDatabase<ClipDbSchema>) => Promise<T>): Promise<T> {
    const opening = this.db();
    try {
      return await op(await opening);
    } catch (err) {
      const name = err instanceof Error || err instanceof DOMException ? err.name : '';
      if (name === 'InvalidStateError') this.forget(opening);
      throw describeStoreFailure(action, err);
    }
  }

  /** Closes the connection (tests; the browser closes it on shutdown). */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    (await opening?.catch(() => null))?.close();
  }
}

/** A readwrite transaction on one store of the clip database. */
export type StoreWriteTx<S extends 'clips' | 'people'> = IDBPTransaction<
  ClipDbSchema,
  [S],
  'readwrite'
>;

/** A readwrite transaction on the clip store. */
export type WriteTx = StoreWriteTx<'clips'>;

/**
 * Runs `body` in one readwrite transaction on `store` and waits for the commit. Any error, even
 * one thrown synchronously by a request, aborts the transaction, so nothing is half-written.
 */
export async function storeTransaction<S extends 'clips' | 'people', T>(
  db: IDBPDatabase<ClipDbSchema>,
  store: S,
  body: (tx: StoreWriteTx<S>) => Promise<T>,
  options?: IDBTransactionOptions,
): Promise<T> {
  const tx = db.transaction(store, 'readwrite', options);
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

/** {@link storeTransaction} on the clip store. */
export function writeTransaction<T>(
  db: IDBPDatabase<ClipDbSchema>,
  body: (tx: WriteTx) => Promise<T>,
  options?: IDBTransactionOptions,
): Promise<T> {
  return storeTransaction(db, 'clips', body, options);
}

export function createRequestList(): { add(p: Promise<unknown>): void; all(): Promise<unknown[]> } {
  const list: Promise<unknown>[] = [];
  return {
    add(p) {
      p.catch(() => undefined);
      list.push(p);
    },
    all: () => Promise.all(list),
  };
}

/**
 * The clip store: the background's operations on the clip database (`src/shared/clip-db.ts`).
 * The background is the only writer. Every write is one transaction and resolves only after it
 * committed; then the store announces what changed on the change feed, and pages that show clips
 * read them again. Failures become `ClipStoreError`s with a message fit to show the user, and
 * nothing is half-written. Reads go through the shared `ClipRepository`, uncached: the library
 * and popup read the database themselves, so a copy here would serve no one.
 */
import { unwrap } from 'idb';
import { filterClips, type ClipQuery } from '../core/clips/filters';
import {
  correctionProblemOf,
  entityIdOf,
  withCorrections,
  type CorrectionInput,
} from '../core/clips/corrections';
import { mergeIntoKnown } from '../core/clips/merge';
import { createClipFromDraft, normaliseTags, type Clip, type ClipDraft } from '../core/clips/model';
import type { SearchNormaliser } from '../core/clips/search';
import { ClipChangeAnnouncer, type ClipChange } from '../shared/clip-changes';
import {
  CLIP_DB_NAME,
  ClipConnection,
  ClipStoreError,
  createRequestList,
  toStored,
  writeTransaction,
  type WriteTx,
} from '../shared/clip-db';
import { ClipRepository } from '../shared/clip-repository';
import { PersonStore } from './person-store';

/**
 * Durability of the import transaction. "relaxed" commits once the data is with the operating
 * system, without waiting for the disk flush; an import's source is a file the user still has,
 * and the commit is still reported only after it happened.
 */
const IMPORT_DURABILITY: IDBTransactionDurability = 'relaxed';

/** Largest first page read straight from the time index instead of from all clips. */
const NEWEST_PAGE_MAX = 100;

/** Known clips an import merges into beyond which one read of the store beats one per id. */
const READ_ALL_ABOVE = 1000;

/** A page of clips: `total` counts every match (null when not counted, for the newest page). */
export interface ClipPage {
  clips: Clip[];
  total: number | null;
}

/** Result of an import. */
export interface ImportCounts {
  added: number;
  merged: number;
}

/** The clip store: typed operations over the database, each one transaction. */
export class ClipStore {
  private readonly connection: ClipConnection;
  private readonly repository: ClipRepository;
  private readonly changes: ClipChangeAnnouncer;
  /** The people records, in the same database (one connection, one change feed). */
  readonly people: PersonStore;

  constructor(
    private readonly normaliser: SearchNormaliser,
    dbName = CLIP_DB_NAME,
  ) {
    this.connection = new ClipConnection(dbName);
    this.repository = new ClipRepository(this.connection);
    this.changes = new ClipChangeAnnouncer(dbName);
    this.people = new PersonStore(this.connection, this.changes);
  }

  /** Closes the connection and the change feed (tests; the browser closes them on shutdown). */
  async close(): Promise<void> {
    this.changes.close();
    await this.connection.close();
  }

  /**
   * Runs a write transaction; once it committed, announces `changeOf(result)` on the feed.
   * Only committed writes are announced, and each before its caller hears the result.
   */
  private write<T>(
    action: string,
    body: (tx: WriteTx) => Promise<T>,
    changeOf: (result: T) => ClipChange,
    transaction?: IDBTransactionOptions,
  ): Promise<T> {
    return this.connection.run(action, async (db) => {
      const result = await writeTransaction(db, body, transaction);
      try {
        this.changes.announce(changeOf(result));
      } catch {
        // The write stands; pages read again when they next load.
      }
      return result;
    });
  }

  /** Stores a new clip; resolves once the transaction committed. */
  async save(draft: ClipDraft, now = new Date()): Promise<Clip> {
    const clip = createClipFromDraft(draft, now);
    return this.write(
      'Saving the clip',
      async (tx) => {
        await tx.store.add(toStored(clip));
        return clip;
      },
      (saved) => ({ ids: [saved.id] }),
    );
  }

  /** One clip, or null. */
  get(id: string): Promise<Clip | null> {
    return this.repository.get(id);
  }

  /** Clips saved from `url` (a #fragment aside). */
  countByUrl(url: string): Promise<number> {
    return this.repository.countByUrl(url);
  }

  /** Every clip, newest first. */
  all(): Promise<Clip[]> {
    return this.repository.all();
  }

  /** Clips matching a query, newest first, with the total count of matches. */
  async list(query: ClipQuery): Promise<ClipPage> {
    const { limit, offset = 0, ...filters } = query;
    const unfiltered = Object.values(filters).every((x) => x === undefined || x === '');
    if (unfiltered && limit !== undefined && limit <= NEWEST_PAGE_MAX && offset === 0) {
      // The popup's "newest clips": read only the page it shows, straight from the time index.
      // No count here: counting a large store costs more than reading the page.
      return { clips: await this.repository.newest(limit), total: null };
    }
    return filterClips(await this.all(), query, this.normaliser, { presorted: true });
  }

  /** Changes a clip's note and/or tags. */
  async update(
    id: string,
    change: { note?: string; tags?: string[] },
    now = new Date(),
  ): Promise<Clip> {
    return this.write(
      'Saving the change',
      async (tx) => {
        const record = await tx.store.get(id);
        if (!record) throw new ClipStoreError(`Saving the change failed: no clip with id ${id}`);
        const clip: Clip = {
          ...record,
          ...(change.note !== undefined ? { note: change.note } : {}),
          ...(change.tags !== undefined ? { tags: normaliseTags(change.tags) } : {}),
          updatedAt: now.toISOString(),
        };
        await tx.store.put(toStored(clip));
        return clip;
      },
      () => ({ ids: [id] }),
    );
  }

  /**
   * Sets (`set`) and clears (`clear`, entity ids) a clip's corrections. Each correction must name
   * an entity of the clip and fit its kind; the engine's entities are not touched.
   */
  async correct(
    id: string,
    change: { set?: readonly CorrectionInput[]; clear?: readonly string[] },
    now = new Date(),
  ): Promise<Clip> {
    return this.write(
      'Saving the correction',
      async (tx) => {
        const record = await tx.store.get(id);
        if (!record)
          throw new ClipStoreError(`Saving the correction failed: no clip with id ${id}`);
        const entities = new Map(record.entities.map((e) => [entityIdOf(e), e]));
        const time = now.toISOString();
        const set = (change.set ?? []).map((c) => {
          const entity = entities.get(c.entityId);
          const problem = entity
            ? correctionProblemOf(entity, c)
            : `the clip has no entity ${c.entityId}`;
          if (problem) throw new ClipStoreError(`Saving the correction failed: ${problem}`);
          return { ...c, correctedAt: time };
        });
        const { corrections: _old, ...rest } = record;
        const corrections = withCorrections(record.corrections ?? [], set, change.clear ?? []);
        const clip: Clip = {
          ...rest,
          ...(corrections.length > 0 && { corrections }),
          updatedAt: time,
        };
        await tx.store.put(toStored(clip));
        return clip;
      },
      () => ({ ids: [id] }),
    );
  }

  /** Deletes clips; answers the deleted ones so the caller can undo. */
  async delete(ids: readonly string[]): Promise<Clip[]> {
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
        const found = (await Promise.all(records)).filter((r): r is Clip => !!r);
        const deletes = createRequestList();
        for (const record of found) deletes.add(tx.store.delete(record.id));
        await Promise.all([reads.all(), deletes.all()]);
        return found;
      },
      (deleted) => ({ ids: deleted.map((c) => c.id) }),
    );
  }

  /** Puts clips back exactly as they were (undo of a delete). */
  async restore(clips: readonly Clip[]): Promise<number> {
    return this.write(
      'Restoring clips',
      async (tx) => {
        const writes = createRequestList();
        for (const c of clips) writes.add(tx.store.put(toStored(c)));
        await writes.all();
        return clips.length;
      },
      () => ({ ids: clips.map((c) => c.id) }),
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
    try {
      return await this.write(
        'Importing clips',
        async (tx) => {
          // Only the keys: with an empty library (the slow case) there is nothing else to read.
          const known: ReadonlySet<string> = new Set(await tx.store.getAllKeys());
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
              store.put(toStored(clip));
            }
          }
          if (later.length > 0) await this.mergeInto(tx, later, written);
          return { added: written.size, merged: later.length };
        },
        () => ({ all: true }),
        { durability: IMPORT_DURABILITY },
      );
    } catch (err) {
      if (invalid) throw (invalid as { error: unknown }).error;
      throw err;
    }
  }

  /**
   * Merges clips, in order, into the stored ones or into those this import has `written`
   * already (`mergeIntoKnown`), then rewrites each clip whose merged data differs.
   */
  private async mergeInto(
    tx: WriteTx,
    incoming: readonly Clip[],
    written: ReadonlyMap<string, Clip>,
  ): Promise<void> {
    const current = new Map<string, Clip>();
    const ids = [...new Set(incoming.map((c) => c.id))].filter((id) => !written.has(id));
    if (ids.length > READ_ALL_ABOVE) {
      const wanted = new Set(ids);
      for (const record of await tx.store.getAll()) {
        if (wanted.has(record.id)) current.set(record.id, record);
      }
    } else {
      // Every read is issued at once: one round trip, not one per clip.
      const reads = createRequestList();
      const records = ids.map((id) => {
        const read = tx.store.get(id);
        reads.add(read);
        return read;
      });
      for (const record of await Promise.all(records)) {
        if (record) current.set(record.id, record);
      }
      await reads.all();
    }
    for (const [id, clip] of written) current.set(id, clip);
    const changed = mergeIntoKnown(current, incoming);
    const store = unwrap(tx.store);
    for (const id of changed) store.put(toStored(current.get(id)!));
  }
}

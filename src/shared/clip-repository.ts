/**
 * Reads of the clip database, for every extension context: the library and popup read here
 * directly, and the background's store reads through it too. Nothing here writes; writes go
 * through the background (`clips/*` messages), which announces each commit (`clip-changes.ts`).
 */
import type { Clip } from '../core/clips/model';
import type { PersonRecord } from '../core/clips/person-merges';
import { ClipConnection, createRequestList } from './clip-db';

/** Read-only access to the clips. */
export class ClipRepository {
  constructor(private readonly connection = new ClipConnection()) {}

  /** Every clip, newest first (the time index read backwards; ties newest id first). */
  all(): Promise<Clip[]> {
    return this.connection.run('Reading clips', async (db) =>
      (await db.getAllFromIndex('clips', 'createdAt')).reverse(),
    );
  }

  /** The `limit` newest clips, read from the time index without touching the rest. */
  newest(limit: number): Promise<Clip[]> {
    return this.connection.run('Reading clips', async (db) => {
      const tx = db.transaction('clips');
      const clips: Clip[] = [];
      let cursor = limit > 0 ? await tx.store.index('createdAt').openCursor(null, 'prev') : null;
      while (cursor && clips.length < limit) {
        clips.push(cursor.value);
        cursor = await cursor.continue();
      }
      await tx.done;
      return clips;
    });
  }

  /** One clip, or null. */
  get(id: string): Promise<Clip | null> {
    return this.connection.run(
      'Reading the clip',
      async (db) => (await db.get('clips', id)) ?? null,
    );
  }

  /** The clips of `ids` that exist, by id, read in one transaction. */
  getMany(ids: Iterable<string>): Promise<Map<string, Clip>> {
    return this.connection.run('Reading clips', async (db) => {
      const tx = db.transaction('clips');
      // Every read is issued at once: one round trip, not one per id.
      const reads = createRequestList();
      const records = [...new Set(ids)].map((id) => {
        const read = tx.store.get(id);
        reads.add(read);
        return read;
      });
      const found = new Map<string, Clip>();
      for (const record of await Promise.all(records)) if (record) found.set(record.id, record);
      await Promise.all([reads.all(), tx.done]);
      return found;
    });
  }

  /**
   * Clips saved from `url`, from the URL index; a clip saved at the same address with a
   * different #fragment counts too (the fragment names a place on the page, not another page).
   */
  countByUrl(url: string): Promise<number> {
    const page = url.split('#')[0]!;
    return this.connection.run('Counting clips', async (db) => {
      const index = db.transaction('clips').store.index('url');
      const [plain, withFragment] = await Promise.all([
        index.count(page),
        index.count(IDBKeyRange.bound(`${page}#`, `${page}#\uffff`)),
      ]);
      return plain + withFragment;
    });
  }

  /** The researcher's people records (merged keys, external ids), by key. */
  people(): Promise<PersonRecord[]> {
    return this.connection.run('Reading people', (db) => db.getAll('people'));
  }

  /** Closes the connection (tests; pages close it when they unload). */
  close(): Promise<void> {
    return this.connection.close();
  }
}

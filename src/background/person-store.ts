/**
 * The people store: the background's writes of the researcher's people records (merged person
 * keys, external ids) in the clip database's `people` store. The background is its only writer;
 * each change is one transaction over the whole (small) set of records, computed by the pure
 * functions of `core/clips/person-merges.ts`, then announced on the change feed.
 */
import type { IDBPDatabase } from 'idb';
import {
  mergePeople,
  mergePersonRecords,
  PersonMergeError,
  setExternalIds,
  splitPerson,
  type ExternalIds,
  type PersonRecord,
} from '../core/clips/person-merges';
import { sameData } from '../core/clips/merge';
import type { ClipChangeAnnouncer } from '../shared/clip-changes';
import {
  ClipStoreError,
  storeTransaction,
  type ClipConnection,
  type ClipDbSchema,
} from '../shared/clip-db';

/** The people records' operations, each one transaction. */
export class PersonStore {
  constructor(
    private readonly connection: ClipConnection,
    private readonly changes: ClipChangeAnnouncer,
  ) {}

  /** Every record, by key. */
  all(): Promise<PersonRecord[]> {
    return this.connection.run('Reading people', (db) => db.getAll('people'));
  }

  /** Merges person `from` into person `into`; answers every record. */
  merge(from: string, into: string, now = new Date()): Promise<PersonRecord[]> {
    return this.change('Merging people', (records) =>
      mergePeople(records, from, into, now.toISOString()),
    );
  }

  /** Takes `mergedKey` out of person `key`; answers every record. */
  split(key: string, mergedKey: string, now = new Date()): Promise<PersonRecord[]> {
    return this.change('Splitting the person', (records) =>
      splitPerson(records, key, mergedKey, now.toISOString()),
    );
  }

  /** Sets or clears (empty string) a person's external ids; answers every record. */
  setExternalIds(key: string, ids: ExternalIds, now = new Date()): Promise<PersonRecord[]> {
    return this.change('Saving the external id', (records) =>
      setExternalIds(records, key, ids, now.toISOString()),
    );
  }

  /** Unites imported records with the stored ones (a stored decision wins a disagreement). */
  import(incoming: readonly PersonRecord[], now = new Date()): Promise<PersonRecord[]> {
    return this.change('Importing people', (records) =>
      mergePersonRecords(records, incoming, now.toISOString()),
    );
  }

  /**
   * Reads every record, computes the next set and writes only the difference, in one
   * transaction; announces the change once it committed. A refused change writes nothing.
   */
  private change(
    action: string,
    next: (records: PersonRecord[]) => PersonRecord[],
  ): Promise<PersonRecord[]> {
    return this.connection.run(action, async (db: IDBPDatabase<ClipDbSchema>) => {
      const after = await storeTransaction(db, 'people', async (tx) => {
        const before = await tx.store.getAll();
        let records: PersonRecord[];
        try {
          records = next(before);
        } catch (err) {
          if (err instanceof PersonMergeError) {
            throw new ClipStoreError(`${action} failed: ${err.message}`);
          }
          throw err;
        }
        const kept = new Map(records.map((r) => [r.key, r]));
        const writes: Promise<unknown>[] = [];
        for (const r of before) if (!kept.has(r.key)) writes.push(tx.store.delete(r.key));
        const old = new Map(before.map((r) => [r.key, r]));
        for (const r of records) {
          const was = old.get(r.key);
          if (!was || !sameData(was, r)) writes.push(tx.store.put(r));
        }
        await Promise.all(writes);
        return records;
      });
      try {
        this.changes.announce({ people: true });
      } catch {
        // The write stands; pages read again when they next load.
      }
      return after;
    });
  }
}

/**
 * Clip-store faults with fake-indexeddb: the background stopped in the middle of saves (the
 * connection force-closed while transactions are in flight), quota exceeded at commit, a database
 * from every older schema version, and an import file cut at every 1% of its length. Each case
 * checks: no committed clip lost, no half-written clip or import, a clear error for each failure.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipStore } from '../../../src/background/clip-store';
import { createClipFromDraft, officialNamesOf, type Clip } from '../../../src/core/clips/model';
import {
  CLIP_DB_VERSION,
  ClipStoreError,
  MIGRATIONS,
  openClipDb,
  toStored,
} from '../../../src/shared/clip-db';
import { exportClips } from '../../../src/core/clips/export';
import { ImportError, parseImport } from '../../../src/core/clips/import';
import { makeDraft, official, testNormaliser } from '../../support/clip-fixtures';

const tally: Record<string, { tried: number; survived: number }> = {};

/** Counts one attempt of `suite`, and whether it survived. */
function record(suite: string, survived: boolean): void {
  const t = (tally[suite] ??= { tried: 0, survived: 0 });
  t.tried += 1;
  if (survived) t.survived += 1;
}

afterAll(() => {
  for (const [suite, { tried, survived }] of Object.entries(tally)) {
    console.log(`[faults clip-store] ${suite}: tried ${tried}, survived ${survived}`);
  }
});

let dbCount = 0;
let dbName = '';

beforeEach(() => {
  // A fresh IndexedDB per test: nothing leaks between fault scenarios.
  vi.stubGlobal('indexedDB', new IDBFactory());
  dbName = `faults-${++dbCount}`;
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Every record in the database, read through a fresh connection (as after a restart). */
async function readAllRecords(): Promise<Clip[]> {
  const fresh = new ClipStore(testNormaliser, dbName);
  try {
    return await fresh.all();
  } finally {
    await fresh.close();
  }
}

/** A clip with `n` in its note, an official and a tag, as a researcher would save it. */
function draftNo(n: number) {
  return makeDraft({
    note: `note ${n}`,
    tags: [`t${n % 3}`],
    entities: [official(n % 2 ? '韦韬' : '张三', ['市委书记'], 0)],
  });
}

type AddFn = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;

/**
 * Calls `onWrite(store, request, index)` after each `add`/`put` the code under test issues; the
 * hook can force-close the connection or abort the transaction at exactly that point.
 */
function hookWrites(onWrite: (store: IDBObjectStore, req: IDBRequest, index: number) => void) {
  let index = 0;
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method] as unknown as AddFn;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      const req = original.call(this, value, key);
      onWrite(this, req, index++);
      return req;
    } as never);
  }
}

type FakeTx = IDBTransaction & { _state: string; _abort(name: string | null): void };
type FakeDb = IDBDatabase & { _rawDatabase: { transactions: FakeTx[] } };

/**
 * What the browser does when it stops the background mid-work: closes the connection with the
 * forced flag, which aborts its unfinished transactions (fake-indexeddb's `forceCloseDatabase`
 * only fires `close`, so the abort step of the spec is done here first).
 */
function stopBackground(db: IDBDatabase): void {
  for (const tx of (db as FakeDb)._rawDatabase.transactions) {
    if (tx.db === db && tx._state !== 'finished') tx._abort('AbortError');
  }
  forceCloseDatabase(db as never);
}

describe('background stopped in the middle of saves', () => {
  it('keeps every confirmed clip and none of the refused ones, for every stop point', async () => {
    const BATCH = 12;
    for (let stopAt = 0; stopAt < BATCH; stopAt++) {
      vi.stubGlobal('indexedDB', new IDBFactory());
      dbName = `faults-stop-${stopAt}`;
      const store = new ClipStore(testNormaliser, dbName);
      const before = [await store.save(draftNo(-1)), await store.save(draftNo(-2))];
      hookWrites((objectStore, _req, i) => {
        // The browser stops the service worker: the connection closes with transactions in flight.
        if (i === stopAt) stopBackground(objectStore.transaction.db);
      });
      const results = await Promise.allSettled(
        Array.from({ length: BATCH }, (_, i) => store.save(draftNo(i))),
      );
      vi.restoreAllMocks();
      const confirmed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      const stored = await readAllRecords();
      const storedById = new Map(stored.map((c) => [c.id, c]));
      let ok = refused.length > 0;
      for (const clip of [...before, ...confirmed]) {
        // Confirmed means committed: it is there, whole.
        ok &&= JSON.stringify(storedById.get(clip.id)) === JSON.stringify(clip);
      }
      ok &&= stored.length === before.length + confirmed.length;
      for (const reason of refused) {
        ok &&= reason instanceof ClipStoreError && /Saving the clip failed: /.test(reason.message);
        ok &&= /aborted|closed/.test((reason as Error).message);
      }
      record('stop mid-save', ok);
      expect(ok, `stop at write ${stopAt}: ${refused.map(String).join('; ')}`).toBe(true);
      // After the stop the store reopens by itself and saves again.
      const after = await store.save(draftNo(99));
      expect(await store.get(after.id)).toEqual(after);
      await store.close();
    }
  });

  it('an import interrupted by the stop writes nothing', async () => {
    const store = new ClipStore(testNormaliser, dbName);
    const kept = await store.save(draftNo(0));
    const incoming = Array.from({ length: 300 }, (_, i) =>
      createClipFromDraft(draftNo(i), new Date(Date.UTC(2026, 0, 1, 0, 0, i))),
    );
    for (const stopAt of [0, 1, 150, 299]) {
      hookWrites((objectStore, _req, i) => {
        if (i === stopAt) stopBackground(objectStore.transaction.db);
      });
      const error = await store.import(incoming).then(
        () => null,
        (e: unknown) => e,
      );
      vi.restoreAllMocks();
      const stored = await readAllRecords();
      const ok =
        error instanceof ClipStoreError &&
        /^Importing clips failed: /.test(error.message) &&
        stored.length === 1 &&
        stored[0]!.id === kept.id;
      record('stop mid-import', ok);
      expect(ok, `stop at write ${stopAt}: ${String(error)}, ${stored.length} stored`).toBe(true);
    }
  });
});

describe('quota exceeded', () => {
  /** Makes the transaction of write number `at` abort with QuotaExceededError, as browsers do. */
  function exceedQuotaAt(at: number): void {
    hookWrites((objectStore, req, i) => {
      if (i !== at) return;
      req.addEventListener('success', () => {
        // Browsers report quota at commit: the request succeeded, the transaction aborts.
        const tx = objectStore.transaction as FakeTx;
        tx._abort('QuotaExceededError');
      });
    });
  }

  /** Whether a write failed with the "storage is full" error and only clip `keptId` is stored. */
  const refusedAsFullKeeping = (
    error: unknown,
    stored: ReadonlyArray<{ id: string }>,
    keptId: string,
  ): boolean =>
    error instanceof ClipStoreError &&
    /storage .* is full/.test(error.message) &&
    stored.length === 1 &&
    stored[0]!.id === keptId;

  it('a save is refused with a "storage is full" error and nothing is written', async () => {
    const store = new ClipStore(testNormaliser, dbName);
    const kept = await store.save(draftNo(0));
    exceedQuotaAt(0);
    const error = await store.save(draftNo(1)).then(
      () => null,
      (e: unknown) => e,
    );
    vi.restoreAllMocks();
    const stored = await readAllRecords();
    const ok = refusedAsFullKeeping(error, stored, kept.id);
    record('quota on save', ok);
    expect(String(error)).toMatch(/storage .* is full/);
    expect(stored.map((c) => c.id)).toEqual([kept.id]);
    // Once space is free again, saving works.
    expect((await store.save(draftNo(2))).note).toBe('note 2');
    await store.close();
  });

  it('an import that hits the quota part-way writes none of its clips', async () => {
    const store = new ClipStore(testNormaliser, dbName);
    const kept = await store.save(draftNo(0));
    const incoming = Array.from({ length: 200 }, (_, i) =>
      createClipFromDraft(draftNo(i), new Date(Date.UTC(2026, 0, 1, 0, 0, i))),
    );
    for (const at of [0, 99, 199]) {
      exceedQuotaAt(at);
      const error = await store.import(incoming).then(
        () => null,
        (e: unknown) => e,
      );
      vi.restoreAllMocks();
      const stored = await readAllRecords();
      const ok = refusedAsFullKeeping(error, stored, kept.id);
      record('quota on import', ok);
      expect(ok, `quota at write ${at}: ${String(error)}, ${stored.length} stored`).toBe(true);
    }
    await store.close();
  });
});

describe('databases from every older schema version', () => {
  const olderVersions = Array.from({ length: CLIP_DB_VERSION - 1 }, (_, i) => i + 1);

  it('has older versions to test', () => {
    expect(MIGRATIONS.length).toBe(CLIP_DB_VERSION);
    expect(olderVersions.length).toBeGreaterThan(0);
  });

  it.each(olderVersions)('upgrades a version %i database and keeps every clip', async (v) => {
    const clips = Array.from({ length: 25 }, (_, i) =>
      createClipFromDraft(draftNo(i), new Date(Date.UTC(2026, 0, 1, 0, i))),
    );
    const old = await openClipDb(dbName, v);
    const tx = old.transaction('clips', 'readwrite');
    // Version 1 stored plain clips; version 2 the clip plus its derived `officials` key.
    await Promise.all([
      ...clips.map((c) =>
        tx.store.put(v === 2 ? ({ ...toStored(c), officials: officialNamesOf(c) } as never) : c),
      ),
      tx.done,
    ]);
    old.close();

    const store = new ClipStore(testNormaliser, dbName);
    const all = await store.all();
    const byId = new Map(all.map((c) => [c.id, c]));
    const ok = all.length === clips.length && clips.every((c) => isDeepEqual(byId.get(c.id), c));
    record('older schema', ok);
    expect(all.length).toBe(clips.length);
    for (const c of clips) expect(byId.get(c.id)).toEqual(c);
    // The filters find the old clips.
    const bySite = await store.list({ site: clips[0]!.site });
    expect(bySite.total).toBe(clips.length);
    const byOfficial = await store.list({ official: '韦韬' });
    expect(byOfficial.total).toBe(clips.filter((_, i) => i % 2 === 1).length);
    await store.close();
  });
});

describe('import file cut at every 1% of its length', () => {
  for (const format of ['json', 'w3c'] as const) {
    it(`${format}: each cut file is refused with a clear error and nothing is written`, async () => {
      const store = new ClipStore(testNormaliser, dbName);
      const existing = [await store.save(draftNo(1000)), await store.save(draftNo(1001))];
      const source = Array.from({ length: 40 }, (_, i) =>
        createClipFromDraft(draftNo(i), new Date(Date.UTC(2026, 1, 1, 0, i))),
      );
      const { content } = exportClips(source, format);
      const snapshot = JSON.stringify(await readAllRecords());
      const messages = new Set<string>();
      for (let pct = 1; pct < 100; pct++) {
        const cut = content.slice(0, Math.floor((content.length * pct) / 100));
        let error: unknown = null;
        try {
          await store.import(parseImport(cut).clips);
        } catch (e) {
          error = e;
        }
        const unchanged = JSON.stringify(await readAllRecords()) === snapshot;
        const clear =
          error instanceof ImportError &&
          error.message.length > 10 &&
          !/undefined/.test(error.message);
        if (error instanceof Error) messages.add(error.message.replace(/\d+/g, 'N').slice(0, 80));
        record(`cut ${format} import`, unchanged && clear);
        expect(clear, `cut at ${pct}%: ${String(error)}`).toBe(true);
        expect(unchanged, `cut at ${pct}% changed the store`).toBe(true);
      }
      console.log(`[faults clip-store] cut ${format} errors seen: ${[...messages].join(' | ')}`);
      // The whole file imports, and importing it again merges instead of duplicating.
      expect(await store.import(parseImport(content).clips)).toEqual({ added: 40, merged: 0 });
      expect(await store.import(parseImport(content).clips)).toEqual({ added: 0, merged: 40 });
      const all = await readAllRecords();
      expect(all.length).toBe(existing.length + source.length);
      await store.close();
    });
  }
});

/** Structural equality without Vitest's matcher (for the survival tally). */
function isDeepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  }
  return x;
}

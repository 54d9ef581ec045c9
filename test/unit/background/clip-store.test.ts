import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { ClipStore } from '../../../src/background/clip-store';
import { createClipFromDraft, officialNamesOf, type Clip } from '../../../src/core/clips/model';
import { watchClipChanges, type ClipChange } from '../../../src/shared/clip-changes';
import {
  CLIP_DB_VERSION,
  ClipStoreError,
  describeStoreFailure,
  openClipDb,
} from '../../../src/shared/clip-db';
import { entityIdOf } from '../../../src/core/clips/corrections';
import {
  makeClip,
  makeDraft,
  official,
  sampleMeeting,
  testNormaliser,
} from '../../support/clip-fixtures';

let dbCount = 0;
const newStore = () => new ClipStore(testNormaliser, `test-clips-${++dbCount}`);

describe('ClipStore', () => {
  it('saves a draft and reads it back after reopening', async () => {
    const store = newStore();
    const clip = await store.save(makeDraft({ note: '备注' }));
    await store.close();
    expect(await store.get(clip.id)).toEqual(clip);
    expect(await store.get('missing')).toBeNull();
  });

  it('stores both of two concurrent saves', async () => {
    const store = newStore();
    const [a, b] = await Promise.all([store.save(makeDraft()), store.save(makeDraft())]);
    const { clips, total } = await store.list({});
    expect(total).toBe(2);
    expect(new Set(clips.map((c) => c.id))).toEqual(new Set([a.id, b.id]));
  });

  it('lists newest first from the time index, with paging and a total', async () => {
    const store = newStore();
    const t = Date.parse('2026-11-01T00:00:00Z');
    const saved: Clip[] = [];
    for (let i = 0; i < 5; i++) saved.push(await store.save(makeDraft(), new Date(t + i * 1000)));
    const page = await store.list({ limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.clips.map((c) => c.id)).toEqual([saved[3]!.id, saved[2]!.id]);
  });

  it('reads the newest page without counting', async () => {
    const store = newStore();
    const a = await store.save(makeDraft());
    const page = await store.list({ limit: 8 });
    expect(page).toEqual({ clips: [a], total: null });
  });

  it('announces every committed write on the change feed, and no failed one', async () => {
    const name = `test-clips-${++dbCount}`;
    const store = new ClipStore(testNormaliser, name);
    const heard: ClipChange[] = [];
    const run = new AbortController();
    watchClipChanges((change) => heard.push(change), run.signal, name);
    try {
      const a = await store.save(makeDraft());
      const b = await store.save(makeDraft());
      await store.update(a.id, { note: '1' });
      await expect(store.update('nope', { note: 'x' })).rejects.toThrow();
      const deleted = await store.delete([b.id, 'unknown']);
      await store.restore(deleted);
      await store.import([makeClip()]);
      await vi.waitFor(() => expect(heard).toHaveLength(6));
      expect(heard).toEqual([
        { ids: [a.id] },
        { ids: [b.id] },
        { ids: [a.id] },
        { ids: [b.id] },
        { ids: [b.id] },
        { all: true },
      ]);
    } finally {
      run.abort();
      await store.close();
    }
  });

  it('reads what a write committed at once, with no copy to go stale', async () => {
    const store = newStore();
    await store.save(makeDraft());
    const [listed] = await Promise.all([store.list({}), store.save(makeDraft())]);
    expect(listed.total).toBeGreaterThanOrEqual(1);
    expect((await store.list({})).total).toBe(2);
  });

  it('counts the clips saved from a page, a #fragment aside, and no other page', async () => {
    const store = newStore();
    const page = 'https://www.example.gov.cn/news/1.htm';
    await store.save(makeDraft({ url: page }));
    await store.save(makeDraft({ url: `${page}#para-3` }));
    await store.save(makeDraft({ url: `${page}!x` }));
    await store.save(makeDraft({ url: `${page}l` }));
    expect(await store.countByUrl(page)).toBe(2);
    expect(await store.countByUrl(`${page}#top`)).toBe(2);
    expect(await store.countByUrl('https://www.example.gov.cn/news/2.htm')).toBe(0);
  });

  it('searches across scripts and filters by official', async () => {
    const store = newStore();
    const a = await store.save(makeDraft({ note: '韋韜講話' }));
    await store.save(
      makeDraft({
        title: '其他',
        quote: { exact: '张新伟', simplified: '张新伟' },
        entities: [official('张新伟', ['市长'])],
      }),
    );
    expect((await store.list({ text: '韦韬讲话' })).clips.map((c) => c.id)).toEqual([a.id]);
    expect((await store.list({ official: '张新伟' })).total).toBe(1);
  });

  it('updates note and tags and refuses an unknown id clearly', async () => {
    const store = newStore();
    const clip = await store.save(makeDraft());
    const updated = await store.update(clip.id, { note: '新备注', tags: ['a', 'a', ' b '] });
    expect(updated.note).toBe('新备注');
    expect(updated.tags).toEqual(['a', 'b']);
    expect((await store.get(clip.id))?.tags).toEqual(['a', 'b']);
    await expect(store.update('nope', { note: 'x' })).rejects.toThrow(/no clip with id nope/);
  });

  it('deletes and restores (undo) exactly', async () => {
    const store = newStore();
    const a = await store.save(makeDraft({ tags: ['x'] }));
    const b = await store.save(makeDraft());
    const deleted = await store.delete([a.id, 'unknown']);
    expect(deleted).toEqual([a]);
    expect((await store.list({})).clips.map((c) => c.id)).toEqual([b.id]);
    await store.restore(deleted);
    expect(await store.get(a.id)).toEqual(a);
  });

  it('imports in one transaction, merging known ids', async () => {
    const store = newStore();
    const known = await store.save(makeDraft({ tags: ['old'] }));
    const edited: Clip = {
      ...known,
      note: '导入的备注',
      tags: ['new'],
      updatedAt: new Date(Date.parse(known.updatedAt) + 1000).toISOString(),
    };
    const fresh = makeClip();
    expect(await store.import([edited, fresh])).toEqual({ added: 1, merged: 1 });
    expect((await store.list({})).total).toBe(2);
    const merged = await store.get(known.id);
    expect(merged?.note).toBe('导入的备注');
    expect(merged?.tags).toEqual(['new', 'old']);
  });

  it('merges the same way when the clips were just read (cached)', async () => {
    const store = newStore();
    const known = await store.save(makeDraft({ tags: ['old'] }));
    await store.list({});
    const edited: Clip = {
      ...known,
      tags: ['new'],
      updatedAt: new Date(Date.parse(known.updatedAt) + 1000).toISOString(),
    };
    expect(await store.import([edited, known])).toEqual({ added: 0, merged: 2 });
    expect((await store.get(known.id))?.tags).toEqual(['new', 'old']);
    await store.list({});
    expect(await store.import([known])).toEqual({ added: 0, merged: 1 });
    expect((await store.list({})).total).toBe(1);
  });

  it('after an import into a library it had read, lists what a fresh connection reads', async () => {
    const name = `test-clips-${++dbCount}`;
    const store = new ClipStore(testNormaliser, name);
    const at = '2026-11-02T08:00:00.000Z';
    const known = await store.save(makeDraft({ tags: ['old'] }), new Date(at));
    await store.list({});
    const edited: Clip = {
      ...known,
      note: '导入的备注',
      updatedAt: new Date(Date.parse(known.updatedAt) + 1000).toISOString(),
    };
    // Same save time as `known` (the id decides the order), tags to normalise, a site to derive,
    // and one id twice in the file.
    const twin = { ...makeClip({ tags: [' b ', 'a', 'a'] }), createdAt: at, site: '' };
    const older = makeClip({}, '2025-01-01T00:00:00.000Z');
    const again = { ...older, note: '第二次', updatedAt: '2027-01-01T00:00:00.000Z' };
    expect(await store.import([older, edited, twin, again])).toEqual({ added: 2, merged: 2 });

    const listed = (await store.list({})).clips;
    const fresh = new ClipStore(testNormaliser, name);
    const read = (await fresh.list({})).clips;
    expect(listed).toStrictEqual(read);
    // Key order too (what an export writes).
    expect(JSON.stringify(listed)).toBe(JSON.stringify(read));
    expect(listed.map((c) => c.note)).toContain('第二次');
    expect(listed.map((c) => c.id)).toContain(twin.id);
    expect(listed.find((c) => c.id === twin.id)?.tags).toEqual(['b', 'a']);
    await fresh.close();
  });

  it('rewrites on import only clips whose merged data differs (key order aside)', async () => {
    const store = newStore();
    const a = await store.save(
      makeDraft({ tags: ['x'], entities: [official('张新伟', ['市长'])] }),
    );
    const b = await store.save(makeDraft({ tags: ['y'] }));
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Clip;
    const changed: Clip = {
      ...b,
      page: { ...b.page, byline: [...b.page.byline, '记者'] },
      updatedAt: new Date(Date.parse(b.updatedAt) + 1000).toISOString(),
    };
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      expect(await store.import([reordered, changed])).toEqual({ added: 0, merged: 2 });
      expect(put.mock.calls.map(([record]) => (record as Clip).id)).toEqual([b.id]);
    } finally {
      put.mockRestore();
    }
    expect(await store.get(a.id)).toEqual(a);
    expect((await store.get(b.id))?.page.byline).toContain('记者');
  });

  it('writes nothing when one clip of an import fails', async () => {
    const store = newStore();
    await store.save(makeDraft());
    const bad = { ...makeClip(), note: (() => 1) as unknown as string };
    await expect(store.import([makeClip(), bad])).rejects.toBeInstanceOf(ClipStoreError);
    expect((await store.list({})).total).toBe(1);
  });

  it('writes nothing, and passes the error on as it is, when a lazily validated clip fails', async () => {
    const store = newStore();
    const kept = await store.save(makeDraft());
    const invalid = new Error('clips.2.url: must be a URL');
    function* lazily(): Generator<Clip> {
      yield makeClip();
      yield { ...kept, note: 'merged note' };
      throw invalid;
    }
    await expect(store.import(lazily())).rejects.toBe(invalid);
    expect(await store.all()).toEqual([kept]);
    // The same clips without the bad one import, the known id merged.
    function* valid(): Generator<Clip> {
      yield makeClip();
      yield { ...kept, note: 'merged note', updatedAt: '2030-01-01T00:00:00.000Z' };
    }
    expect(await store.import(valid())).toEqual({ added: 1, merged: 1 });
    expect((await store.get(kept.id))?.note).toBe('merged note');
  });

  it('reports a full disk clearly and writes nothing', async () => {
    const store = newStore();
    const proto = IDBObjectStore.prototype;
    const original = proto.add;
    proto.add = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      await expect(store.save(makeDraft())).rejects.toThrow(/storage for Zhengwen Lens is full/);
    } finally {
      proto.add = original;
    }
    expect((await store.list({})).total).toBe(0);
  });

  it('reports a closed database clearly, then reopens it', async () => {
    const store = newStore();
    await store.save(makeDraft());
    const { connection } = store as unknown as { connection: { db(): Promise<IDBDatabase> } };
    const db = await connection.db();
    db.close();
    await expect(store.save(makeDraft())).rejects.toThrow(/clip database was closed/);
    await store.save(makeDraft());
    expect((await store.list({})).total).toBe(2);
  });

  it('maps other failures to readable errors', () => {
    expect(describeStoreFailure('Saving', new DOMException('x', 'AbortError')).message).toMatch(
      /aborted; nothing was changed/,
    );
  });
});

describe('corrections', () => {
  it('keeps corrections beside the engine entities, and clears them', async () => {
    const store = newStore();
    const clip = await store.save(makeDraft(), new Date('2026-11-01T00:00:00Z'));
    const [韦韬, meetingEntity] = clip.entities.map(entityIdOf);
    const later = new Date('2026-11-02T00:00:00Z');
    const corrected = await store.correct(
      clip.id,
      {
        set: [
          { entityId: 韦韬!, action: 'fix', name: '韦涛', titles: ['市委书记'] },
          { entityId: meetingEntity!, action: 'reject' },
        ],
      },
      later,
    );
    expect(corrected.entities).toEqual(clip.entities);
    expect(corrected.corrections).toEqual([
      { entityId: meetingEntity, action: 'reject', correctedAt: later.toISOString() },
      {
        entityId: 韦韬,
        action: 'fix',
        name: '韦涛',
        titles: ['市委书记'],
        correctedAt: later.toISOString(),
      },
    ]);
    expect(corrected.updatedAt).toBe(later.toISOString());
    expect(await store.get(clip.id)).toEqual(corrected);
    // A note edit keeps them.
    await store.update(clip.id, { note: '改' });
    expect((await store.get(clip.id))!.corrections).toHaveLength(2);
    const cleared = await store.correct(clip.id, { clear: [韦韬!, meetingEntity!] });
    expect(cleared).not.toHaveProperty('corrections');
    await store.close();
  });

  it('refuses a correction of no entity or one that does not fit, writing nothing', async () => {
    const store = newStore();
    const clip = await store.save(makeDraft());
    await expect(
      store.correct(clip.id, { set: [{ entityId: 'official@900-905', action: 'reject' }] }),
    ).rejects.toThrow(/no entity official@900-905/);
    await expect(
      store.correct(clip.id, {
        set: [{ entityId: entityIdOf(clip.entities[1]!), action: 'fix', name: '张三' }],
      }),
    ).rejects.toThrow(/only ordinals/);
    await expect(store.correct('nope', { clear: [] })).rejects.toThrow(/no clip with id nope/);
    expect(await store.get(clip.id)).toEqual(clip);
    await store.close();
  });

  it('keeps stored corrections when an import merges a newer copy of the clip', async () => {
    const store = newStore();
    const clip = await store.save(makeDraft(), new Date('2026-11-01T00:00:00Z'));
    const id = entityIdOf(clip.entities[0]!);
    await store.correct(clip.id, { set: [{ entityId: id, action: 'reject' }] });
    const newer = { ...clip, note: '新', updatedAt: '2030-01-01T00:00:00.000Z' };
    expect(await store.import([newer])).toEqual({ added: 0, merged: 1 });
    const stored = (await store.get(clip.id))!;
    expect(stored.note).toBe('新');
    expect(stored.corrections?.map((c) => c.entityId)).toEqual([id]);
    await store.close();
  });
});

describe('migrations', () => {
  it('keeps every clip of a version-1 database through every version', async () => {
    const name = `test-migrate-${++dbCount}`;
    const v1 = await openClipDb(name, 1);
    expect(v1.objectStoreNames.contains('clips')).toBe(true);
    // Version-1 records had no derived `officials` key.
    const old = Array.from({ length: 30 }, (_, i) =>
      createClipFromDraft(
        makeDraft({
          url: `https://site${i % 3}.gov.cn/a${i}.htm`,
          tags: i % 2 ? ['偶'] : [],
          entities: [official(i % 2 ? '韦韬' : '张新伟', ['市长'])],
        }),
        new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      ),
    );
    const tx = v1.transaction('clips', 'readwrite');
    await Promise.all([...old.map((c) => tx.objectStore('clips').put(c as never)), tx.done]);
    v1.close();

    // v2 filled the site, tag and official indexes (kept as shipped).
    const v2 = await openClipDb(name, 2);
    const raw = v2 as unknown as import('idb').IDBPDatabase;
    expect(await raw.countFromIndex('clips', 'officials', '韦韬')).toBe(15);
    expect(await raw.countFromIndex('clips', 'tags', '偶')).toBe(15);
    expect(await raw.countFromIndex('clips', 'site', 'site0.gov.cn')).toBe(10);
    v2.close();

    const store = new ClipStore(testNormaliser, name);
    const { clips, total } = await store.list({});
    expect(total).toBe(30);
    expect([...clips].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...old].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect((await store.list({ official: '韦韬' })).total).toBe(15);
    expect((await store.list({ tag: '偶' })).total).toBe(15);
    expect((await store.list({ site: 'site0.gov.cn' })).total).toBe(10);
    await store.close();

    // v3 dropped those indexes, which nothing queried, and the derived key they needed.
    const latest = await openDB(name, CLIP_DB_VERSION);
    expect([...latest.transaction('clips').store.indexNames].sort()).toEqual(['createdAt', 'url']);
    const records = (await latest.getAll('clips')) as Array<Clip & { officials?: string[] }>;
    expect(records).toHaveLength(30);
    expect(records.every((r) => !('officials' in r))).toBe(true);
    latest.close();
  });

  it('keeps every clip of a version-3 database, stamped with clip schema 2 and no meetings', async () => {
    const name = `test-migrate-${++dbCount}`;
    const v3 = await openClipDb(name, 3);
    const saved = Array.from({ length: 12 }, (_, i) => {
      const { meetings: _none, ...clip } = createClipFromDraft(
        makeDraft({ note: `n${i}`, tags: [`t${i % 3}`] }),
        new Date(Date.UTC(2026, 1, 1, 0, i)),
      );
      return { ...clip, schemaVersion: 1 };
    });
    const tx = v3.transaction('clips', 'readwrite');
    await Promise.all([...saved.map((c) => tx.store.put(c)), tx.done]);
    v3.close();
    const store = new ClipStore(testNormaliser, name);
    const all = await store.all();
    // v4 stamped them with schema 2, v5 with schema 3 (they satisfy both unchanged).
    expect(all).toEqual([...saved].reverse().map((c) => ({ ...c, schemaVersion: 3 })));
    // Not recorded is not "none found": the field stays absent.
    expect(all.every((c) => !('meetings' in c))).toBe(true);
    await store.close();
  });

  it('keeps every clip of a version-4 database (clip schema 2), stamped 3 without corrections', async () => {
    const name = `test-migrate-${++dbCount}`;
    const v4 = await openClipDb(name, 4);
    const saved = Array.from({ length: 12 }, (_, i) => ({
      ...createClipFromDraft(
        makeDraft({ note: `n${i}`, meetings: i % 2 ? [sampleMeeting()] : [] }),
        new Date(Date.UTC(2026, 1, 1, 0, i)),
      ),
      schemaVersion: 2,
    }));
    const tx = v4.transaction('clips', 'readwrite');
    await Promise.all([...saved.map((c) => tx.store.put(c)), tx.done]);
    v4.close();
    const store = new ClipStore(testNormaliser, name);
    const all = await store.all();
    expect(all).toEqual([...saved].reverse().map((c) => ({ ...c, schemaVersion: 3 })));
    expect(all.every((c) => !('corrections' in c))).toBe(true);
    await store.close();
  });

  it('keeps every clip of a version-2 database, derived keys aside', async () => {
    const name = `test-migrate-${++dbCount}`;
    const v2 = await openClipDb(name, 2);
    const saved = Array.from({ length: 12 }, (_, i) =>
      createClipFromDraft(makeDraft({ note: `n${i}` }), new Date(Date.UTC(2026, 1, 1, 0, i))),
    );
    const tx = v2.transaction('clips', 'readwrite');
    await Promise.all([
      ...saved.map((c) => tx.store.put({ ...c, officials: officialNamesOf(c) } as never)),
      tx.done,
    ]);
    v2.close();
    const store = new ClipStore(testNormaliser, name);
    expect(await store.all()).toEqual([...saved].reverse());
    await store.close();
  });
});

describe('people records', () => {
  it('merges, splits and sets ids in the people store, announcing each change', async () => {
    const name = `test-clips-${++dbCount}`;
    const store = new ClipStore(testNormaliser, name);
    const heard: ClipChange[] = [];
    const run = new AbortController();
    watchClipChanges((change) => heard.push(change), run.signal, name);
    try {
      const now = new Date('2026-11-02T00:00:00Z');
      await store.people.merge('?/王伟/副市长', '临汾市/王伟', now);
      await store.people.setExternalIds('?/王伟/副市长', { cpedId: '4711' }, now);
      expect(await store.people.all()).toEqual([
        {
          key: '临汾市/王伟',
          mergedKeys: ['?/王伟/副市长'],
          cpedId: '4711',
          updatedAt: now.toISOString(),
        },
      ]);
      await expect(store.people.merge('临汾市/王伟', '?/王伟/副市长')).rejects.toThrow(
        /Merging people failed: .* already one person/,
      );
      await store.people.split('临汾市/王伟', '?/王伟/副市长', now);
      expect((await store.people.all())[0]!.mergedKeys).toEqual([]);
      await store.people.setExternalIds('临汾市/王伟', { cpedId: '' }, now);
      expect(await store.people.all()).toEqual([]);
      await vi.waitFor(() => expect(heard).toHaveLength(4));
      expect(heard.every((c) => 'people' in c)).toBe(true);
    } finally {
      run.abort();
      await store.close();
    }
  });

  it('upgrades a version-5 database to the people store, keeping every clip', async () => {
    const name = `test-migrate-${++dbCount}`;
    const v5 = await openClipDb(name, 5);
    const saved = Array.from({ length: 5 }, (_, i) =>
      createClipFromDraft(makeDraft({ note: `n${i}` }), new Date(Date.UTC(2026, 1, 1, 0, i))),
    );
    const tx = v5.transaction('clips', 'readwrite');
    await Promise.all([...saved.map((c) => tx.store.put(c)), tx.done]);
    expect(v5.objectStoreNames.contains('people')).toBe(false);
    v5.close();
    const store = new ClipStore(testNormaliser, name);
    expect(await store.all()).toEqual([...saved].reverse());
    expect(await store.people.all()).toEqual([]);
    await store.close();
  });
});

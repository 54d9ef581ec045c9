import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ClipStore } from '../../../src/background/clip-store';
import { ClipConnection } from '../../../src/shared/clip-db';
import { ClipRepository } from '../../../src/shared/clip-repository';
import { makeDraft, testNormaliser } from '../../support/clip-fixtures';

let dbCount = 0;

/** A store (the background's writer) and a repository on its own connection (a page's reader). */
function writerAndReader() {
  const name = `repo-${++dbCount}`;
  return {
    store: new ClipStore(testNormaliser, name),
    repository: new ClipRepository(new ClipConnection(name)),
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 0, minute));

describe('ClipRepository (the pages read the database directly)', () => {
  it('reads on its own connection what the background wrote, newest first', async () => {
    const { store, repository } = writerAndReader();
    expect(await repository.all()).toEqual([]);
    const a = await store.save(makeDraft({ note: 'a' }), at(1));
    const b = await store.save(makeDraft({ note: 'b' }), at(3));
    const c = await store.save(makeDraft({ note: 'c' }), at(2));
    expect(await repository.all()).toEqual([b, c, a]);
    expect(await repository.newest(2)).toEqual([b, c]);
    expect(await repository.newest(0)).toEqual([]);
    // A write after the reader opened is read at once: there is no copy to go stale.
    const updated = await store.update(a.id, { note: 'a2' });
    expect(await repository.get(a.id)).toEqual(updated);
    await Promise.all([store.close(), repository.close()]);
  });

  it('orders clips saved at the same time as the filters do (newest id first)', async () => {
    const { store, repository } = writerAndReader();
    const same = [
      await store.save(makeDraft(), at(5)),
      await store.save(makeDraft(), at(5)),
      await store.save(makeDraft(), at(5)),
    ];
    const ids = same.map((c) => c.id).sort((x, y) => (x < y ? 1 : -1));
    expect((await repository.all()).map((c) => c.id)).toEqual(ids);
    expect((await store.list({ text: '' })).clips.map((c) => c.id)).toEqual(ids);
    await Promise.all([store.close(), repository.close()]);
  });

  it('reads many ids at once, leaving out the missing ones', async () => {
    const { store, repository } = writerAndReader();
    const a = await store.save(makeDraft());
    const b = await store.save(makeDraft());
    const found = await repository.getMany([a.id, 'missing', b.id, a.id]);
    expect([...found.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(found.get(b.id)).toEqual(b);
    expect(await repository.get('missing')).toBeNull();
    await Promise.all([store.close(), repository.close()]);
  });

  it('counts the clips of a page, and opens the database again after it was closed', async () => {
    const { store, repository } = writerAndReader();
    const url = 'https://www.example.gov.cn/a.htm';
    await store.save(makeDraft({ url }));
    await store.save(makeDraft({ url: `${url}#p2` }));
    expect(await repository.countByUrl(url)).toBe(2);
    await repository.close();
    expect(await repository.countByUrl(`${url}#top`)).toBe(2);
    await Promise.all([store.close(), repository.close()]);
  });

  it('lets a newer version upgrade the database instead of blocking it', async () => {
    const { store, repository } = writerAndReader();
    await store.save(makeDraft());
    await repository.all();
    // What an extension update does while a library page is open: open at a higher version.
    const name = `repo-${dbCount}`;
    await store.close();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 99);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the open page'));
    });
    expect(upgraded.version).toBe(99);
    upgraded.close();
  });
});

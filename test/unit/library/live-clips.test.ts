import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ClipStore } from '../../../src/background/clip-store';
import type { Clip } from '../../../src/core/clips/model';
import { exportClips } from '../../../src/core/clips/export';
import { ClipChangeAnnouncer } from '../../../src/shared/clip-changes';
import { ClipConnection } from '../../../src/shared/clip-db';
import { ClipRepository } from '../../../src/shared/clip-repository';
import {
  applyClipChanges,
  followClips,
  type LiveClipsState,
} from '../../../src/library/live-clips';
import { makeClip, makeDraft, testNormaliser } from '../../support/clip-fixtures';

let dbCount = 0;

/**
 * A background store and a library view of the same database, each on its own connection, as
 * in the browser: the view hears the store's writes only through the change feed.
 */
function libraryBeside(firstScreen = 2) {
  const name = `live-${++dbCount}`;
  const store = new ClipStore(testNormaliser, name);
  const repository = new ClipRepository(new ClipConnection(name));
  const states: LiveClipsState[] = [];
  const errors: unknown[] = [];
  const run = new AbortController();
  const open = () =>
    followClips({
      repository,
      firstScreen,
      onState: (s) => states.push(s),
      onError: (e) => errors.push(e),
      signal: run.signal,
      dbName: name,
    });
  const last = () => states.at(-1);
  const ids = () => last()?.clips?.map((c) => c.id);
  const close = async () => {
    run.abort();
    await Promise.all([store.close(), repository.close()]);
  };
  return { name, store, repository, states, errors, run, open, last, ids, close };
}

const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 0, minute));

describe('the library follows the clips through the change feed', () => {
  it('shows the newest clips first, then every clip', async () => {
    const lib = libraryBeside(2);
    const saved: Clip[] = [];
    for (let i = 0; i < 5; i++) saved.push(await lib.store.save(makeDraft(), at(i)));
    const live = lib.open();
    expect(await live.settled()).toEqual([...saved].reverse());
    expect(lib.states[0]).toEqual({ clips: [saved[4], saved[3]], complete: false });
    expect(lib.last()).toEqual({ clips: [...saved].reverse(), complete: true });
    await lib.close();
  });

  it('shows a write made elsewhere (another page, a content script) without being asked', async () => {
    const lib = libraryBeside();
    const a = await lib.store.save(makeDraft(), at(1));
    const live = lib.open();
    await live.settled();
    // A clip saved from a web page: the background writes it and announces it.
    const b = await lib.store.save(makeDraft({ note: 'from a tab' }), at(2));
    await vi.waitFor(() => expect(lib.ids()).toEqual([b.id, a.id]));
    // Edited in another library tab.
    await lib.store.update(a.id, { note: 'edited elsewhere' });
    await vi.waitFor(() => expect(lib.last()?.clips?.[1]?.note).toBe('edited elsewhere'));
    // Deleted in another tab, then an import.
    await lib.store.delete([b.id]);
    await vi.waitFor(() => expect(lib.ids()).toEqual([a.id]));
    const imported = makeClip({}, '2030-01-01T00:00:00.000Z');
    await lib.store.import([imported]);
    await vi.waitFor(() => expect(lib.ids()).toEqual([imported.id, a.id]));
    expect(lib.errors).toEqual([]);
    await lib.close();
  });

  it('misses no change announced while it was still loading', async () => {
    const lib = libraryBeside();
    for (let i = 0; i < 20; i++) await lib.store.save(makeDraft(), at(i));
    const live = lib.open();
    // Committed and announced before the view finished its first read.
    const late = await lib.store.save(makeDraft({ note: 'late' }), at(99));
    await vi.waitFor(async () => expect((await live.settled())[0]?.id).toBe(late.id));
    expect((await live.settled()).length).toBe(21);
    await lib.close();
  });

  it("shows the page's own write once `refresh` resolves, whatever the feed is doing", async () => {
    const lib = libraryBeside();
    const a = await lib.store.save(makeDraft(), at(1));
    const live = lib.open();
    await live.settled();
    // The write goes to the background through a message in the browser; here, straight.
    await lib.store.update(a.id, { note: 'mine' });
    await live.refresh({ ids: [a.id] });
    expect(lib.last()?.clips?.[0]?.note).toBe('mine');
    await lib.store.delete([a.id]);
    await live.refresh({ ids: [a.id] });
    expect(lib.last()?.clips).toEqual([]);
    await lib.close();
  });

  it('exports what the database holds once every announced change is read', async () => {
    const lib = libraryBeside();
    const live = lib.open();
    await live.settled();
    const clips = [makeClip(), makeClip()];
    await lib.store.restore(clips);
    await vi.waitFor(async () => expect(await live.settled()).toHaveLength(2));
    const file = exportClips(await live.settled(), 'json');
    expect(JSON.parse(file.content).count).toBe(2);
    await lib.close();
  });

  it('ignores malformed notices and stops following when its signal aborts', async () => {
    const lib = libraryBeside();
    const live = lib.open();
    await live.settled();
    const count = lib.states.length;
    const stranger = new BroadcastChannel(`${lib.name}/changes`);
    stranger.postMessage({ ids: [1, 2] });
    stranger.postMessage('everything');
    stranger.close();
    // A well-formed notice after them is handled, so the malformed ones had their turn.
    new ClipChangeAnnouncer(lib.name).announce({ ids: ['nothing-there'] });
    await vi.waitFor(() => expect(lib.states.length).toBe(count + 1));
    expect(lib.errors).toEqual([]);
    lib.run.abort();
    await lib.store.save(makeDraft());
    await new Promise((r) => setTimeout(r, 50));
    expect(lib.states.length).toBe(count + 1);
    await lib.close();
  });

  it('reports a failed read and keeps the clips it shows', async () => {
    const lib = libraryBeside();
    const a = await lib.store.save(makeDraft());
    const live = lib.open();
    await live.settled();
    const getMany = vi
      .spyOn(lib.repository, 'getMany')
      .mockRejectedValueOnce(new Error('Reading clips failed: closed'));
    await live.refresh({ ids: [a.id] });
    expect(lib.errors.map(String)).toEqual(['Error: Reading clips failed: closed']);
    expect(lib.ids()).toEqual([a.id]);
    getMany.mockRestore();
    await lib.close();
  });
});

describe('applyClipChanges', () => {
  const c = (id: string, createdAt: string, note = '') => ({ ...makeClip(), id, createdAt, note });
  const list = [c('c', '2026-03'), c('b', '2026-02'), c('a', '2026-01')];

  it('replaces in place, removes what is gone, and leaves the rest as it was', () => {
    const edited = { ...list[1]!, note: 'x' };
    const next = applyClipChanges(list, new Set(['b', 'a']), new Map([['b', edited]]));
    expect(next.map((x) => x.id)).toEqual(['c', 'b']);
    expect(next[1]).toBe(edited);
    expect(next[0]).toBe(list[0]);
  });

  it('adds new clips and a clip whose time moved in newest-first order', () => {
    const added = c('d', '2026-02-15');
    const moved = { ...list[0]!, createdAt: '2025-12' };
    const next = applyClipChanges(
      list,
      new Set(['d', 'c', 'z']),
      new Map([
        ['d', added],
        ['c', moved],
      ]),
    );
    expect(next.map((x) => x.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('adds nothing that was not asked for', () => {
    const next = applyClipChanges(list, new Set(), new Map([['d', c('d', '2027')]]));
    expect(next).toEqual(list);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { Clip } from '../../../src/core/clips/model';
import { LIMITS } from '../../../src/core/clips/schema';
import { makeClip } from '../../support/clip-fixtures';

/** The mocked background's store, and the batch sizes it was sent. */
const stored = new Map<string, Clip>();
const sizes: Array<{ type: string; size: number }> = [];
let failOnCall = 0;
let calls = 0;

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async ({
        type,
        payload,
      }: {
        type: string;
        payload: Record<string, unknown>;
      }) => {
        calls += 1;
        if (calls === failOnCall) return { ok: false, error: 'Deleting clips failed: closed' };
        if (type === 'clips/delete') {
          const ids = payload.ids as string[];
          sizes.push({ type, size: ids.length });
          const deleted = ids.flatMap((id) => (stored.has(id) ? [stored.get(id)!] : []));
          for (const c of deleted) stored.delete(c.id);
          return { ok: true, value: { deleted } };
        }
        const clips = payload.clips as Clip[];
        sizes.push({ type, size: clips.length });
        for (const c of clips) stored.set(c.id, c);
        return { ok: true, value: { restored: clips.length } };
      },
    },
  },
}));

const { deleteClipsInBatches, restoreClipsInBatches } =
  await import('../../../src/library/clip-writes');

/** A library larger than one message may carry. */
function fillLibrary(count: number): Clip[] {
  stored.clear();
  const base = makeClip();
  const clips = Array.from({ length: count }, (_, i) => ({ ...base, id: `c${i}` }));
  for (const c of clips) stored.set(c.id, c);
  return clips;
}

describe('deleting and restoring more clips than one message carries', () => {
  it('deletes every clip in batches and undo puts every one back', async () => {
    const clips = fillLibrary(LIMITS.batch * 2 + 5);
    sizes.length = 0;
    calls = 0;
    failOnCall = 0;
    const result = await deleteClipsInBatches(
      clips.map((c) => c.id),
      () => 100,
    );
    expect(result.error).toBeNull();
    expect(result.deleted).toHaveLength(clips.length);
    expect(stored.size).toBe(0);
    expect(sizes).toEqual([
      { type: 'clips/delete', size: LIMITS.batch },
      { type: 'clips/delete', size: LIMITS.batch },
      { type: 'clips/delete', size: 5 },
    ]);
    // In the order asked for, batch after batch.
    expect(result.deleted.map((c) => c.id)).toEqual(clips.map((c) => c.id));

    sizes.length = 0;
    await restoreClipsInBatches(result.deleted);
    expect(stored.size).toBe(clips.length);
    expect(sizes.every((s) => s.type === 'clips/restore' && s.size <= LIMITS.batch)).toBe(true);
  });

  it('keeps each message under the size bound however few clips it holds', async () => {
    const clips = fillLibrary(10);
    sizes.length = 0;
    calls = 0;
    const heavy = new Set(['c2', 'c3']);
    // Two clips of 5 M characters (whole articles, say) cannot share an 8 M message.
    const result = await deleteClipsInBatches(
      clips.map((c) => c.id),
      (id) => (heavy.has(id) ? 5_000_000 : 1000),
    );
    expect(result.deleted).toHaveLength(10);
    expect(sizes.map((s) => s.size)).toEqual([3, 7]);
  });

  it('stops at a failed batch and answers what the batches before it deleted', async () => {
    const clips = fillLibrary(LIMITS.batch + 10);
    calls = 0;
    failOnCall = 2;
    const result = await deleteClipsInBatches(
      clips.map((c) => c.id),
      () => 100,
    );
    expect(result.error).toBeInstanceOf(Error);
    expect(String(result.error)).toMatch(/closed/);
    expect(result.deleted).toHaveLength(LIMITS.batch);
    expect(stored.size).toBe(10);
    failOnCall = 0;
  });
});

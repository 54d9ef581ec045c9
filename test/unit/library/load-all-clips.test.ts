import { describe, expect, it, vi } from 'vitest';
import type { Clip } from '../../../src/core/clips/model';
import { makeClip } from '../../support/clip-fixtures';

const library: Clip[] = Array.from({ length: 6000 }, () => makeClip());
const asked: Array<{ limit?: number; offset?: number }> = [];
/** Revision the mocked background answers each list request with, by request number. */
let revisionOf: (request: number) => string = () => 'r.1';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async ({ payload }: { payload: { limit?: number; offset?: number } }) => {
        asked.push(payload);
        const offset = payload.offset ?? 0;
        const clips = library.slice(offset, offset + (payload.limit ?? library.length));
        return {
          ok: true,
          value: { clips, total: library.length, revision: revisionOf(asked.length) },
        };
      },
    },
  },
}));

const { loadAllClips } = await import('../../../src/library/library-app');

describe('loading every clip into the library page', () => {
  it('reads all clips in chunks, in order, with the revision they were read at', async () => {
    asked.length = 0;
    const loaded = await loadAllClips();
    expect(loaded.clips).toEqual(library);
    expect(loaded.revision).toBe('r.1');
    expect(asked.map((a) => a.offset)).toEqual([0, 2500, 5000]);
  });

  it('knows no revision when a write moved it between two chunks', async () => {
    asked.length = 0;
    revisionOf = (n) => (n === 3 ? 'r.2' : 'r.1');
    const loaded = await loadAllClips();
    expect(loaded.clips).toHaveLength(library.length);
    expect(loaded.revision).toBeNull();
    revisionOf = () => 'r.1';
  });
});

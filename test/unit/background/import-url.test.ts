import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClipHandlers, readBlobUrl } from '../../../src/background/clip-handlers';
import { ClipStore } from '../../../src/background/clip-store';
import { PendingAnchors } from '../../../src/background/pending-anchors';
import { exportClips } from '../../../src/core/clips/export';
import { UNREADABLE_FILE_ERROR } from '../../../src/core/clips/import';
import { LIMITS } from '../../../src/core/clips/schema';
import { MESSAGES } from '../../../src/shared/messages';
import * as v from 'valibot';
import { makeClip, testNormaliser } from '../../support/clip-fixtures';

const ORIGIN = 'chrome-extension://ext-id';
let dbCount = 0;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Handlers over a fresh store whose import URLs are read by `readImportUrl`. */
function handlersReading(readImportUrl: (url: string) => Promise<string>) {
  const store = new ClipStore(testNormaliser, `import-url-${++dbCount}`);
  const handlers = createClipHandlers({
    store,
    pending: new PendingAnchors(),
    openTab: async () => undefined,
    readImportUrl,
  });
  return { store, handlers };
}

describe('import from a blob: URL', () => {
  it('imports the file the URL names, as it would the same content', async () => {
    const clips = [makeClip(), makeClip()];
    const { content } = exportClips(clips, 'json');
    const read = vi.fn(async () => content);
    const { store, handlers } = handlersReading(read);
    const url = `blob:${ORIGIN}/0b8a-file`;
    expect(await handlers['clips/import']({ url }, {})).toEqual({ added: 2, merged: 0 });
    expect(read).toHaveBeenCalledWith(url);
    expect((await store.all()).map((c) => c.id).sort()).toEqual(clips.map((c) => c.id).sort());
    expect(await handlers['clips/import']({ content }, {})).toEqual({ added: 0, merged: 2 });
  });

  it('accepts only blob: URLs in the message, and a file or its text, not both', () => {
    const schema = MESSAGES['clips/import'].request;
    expect(v.is(schema, { url: `blob:${ORIGIN}/x` })).toBe(true);
    expect(v.is(schema, { content: '{}' })).toBe(true);
    expect(v.is(schema, { url: 'https://evil.example/file.json' })).toBe(false);
    expect(v.is(schema, { url: `blob:${ORIGIN}/x`, content: '{}' })).toBe(false);
    expect(v.is(schema, {})).toBe(false);
  });

  it('reads only blob: URLs of its own origin, refusing others before fetching', async () => {
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    await expect(readBlobUrl('blob:https://evil.example/x', ORIGIN)).rejects.toThrow(
      new RegExp(`^${UNREADABLE_FILE_ERROR}: not a file of this extension`),
    );
    await expect(readBlobUrl(`blob:${ORIGIN}/x`, undefined)).rejects.toThrow(UNREADABLE_FILE_ERROR);
    expect(fetched).not.toHaveBeenCalled();
  });

  it('reads the text of its own blob: URL, refusing an oversized file unread', async () => {
    vi.stubGlobal('fetch', async () => new Response(new Blob(['{"a":"政闻"}'])));
    expect(await readBlobUrl(`blob:${ORIGIN}/x`, ORIGIN)).toBe('{"a":"政闻"}');
    const huge = { size: LIMITS.importChars * 3 + 1, text: vi.fn() };
    vi.stubGlobal('fetch', async () => ({ blob: async () => huge }));
    await expect(readBlobUrl(`blob:${ORIGIN}/x`, ORIGIN)).rejects.toThrow(/^File too large/);
    expect(huge.text).not.toHaveBeenCalled();
  });

  it('says the file could not be read when fetching the URL fails (revoked, other browser)', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(readBlobUrl(`blob:${ORIGIN}/x`, ORIGIN)).rejects.toThrow(
      `${UNREADABLE_FILE_ERROR}: Failed to fetch`,
    );
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeDraft } from '../../support/clip-fixtures';
import { productNormaliser } from '../../../src/core/clips/product-normaliser';
import { ClipStore } from '../../../src/background/clip-store';
import { PendingAnchors } from '../../../src/background/pending-anchors';
import { createBackgroundHandlers, dispatch as dispatchTo } from '../../../src/background/handlers';
import { exportClips } from '../../../src/core/clips/export';
import type { Clip } from '../../../src/core/clips/model';
import { LIMITS } from '../../../src/core/clips/schema';
import type { AnnotateResult } from '../../../src/core/types';

const created: string[] = [];
const handlers = createBackgroundHandlers({
  store: new ClipStore(productNormaliser),
  pending: new PendingAnchors(),
  version: '9.9.9',
  openTab: async (url) => {
    created.push(url);
    return 42;
  },
});
const self = { id: 'ext-id', base: 'chrome-extension://ext-id/' };
const dispatch = (message: unknown, sender: Parameters<typeof dispatchTo>[1]) =>
  dispatchTo(message, sender, handlers, self);

const libraryPage = { id: 'ext-id', url: 'chrome-extension://ext-id/src/library/index.html' };
const contentScript = (
  tabId: number,
  url = 'https://www.example.gov.cn/news/2022-04/30/c_1.htm',
) => ({
  id: 'ext-id',
  url,
  tab: { id: tabId } as never,
});

describe('dispatch', () => {
  it('refuses other extensions, non-messages, unknown names and bad payloads', async () => {
    expect(await dispatch({ type: 'ping', payload: {} }, { id: 'other' })).toEqual({
      ok: false,
      error: 'Refused: unknown sender',
    });
    expect((await dispatch('x', libraryPage)).ok).toBe(false);
    expect(await dispatch({ type: 'clips/nuke', payload: {} }, libraryPage)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown message/),
    });
    const bad = await dispatch(
      { type: 'clips/update', payload: { id: 'a', note: 'x'.repeat(30_000) } },
      libraryPage,
    );
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/invalid clips\/update/) });
    const extra = await dispatch({ type: 'clips/get', payload: { id: 'a', x: 1 } }, libraryPage);
    expect(extra.ok).toBe(false);
  });

  it("reads a tab's page text with the engine, and refuses a text over the limit", async () => {
    const text = '3月5日,市委书记王建国主持召开市委常委会第115次会议。';
    const reply = await dispatch(
      { type: 'engine/annotate', payload: { text, threshold: 0.5 } },
      contentScript(3),
    );
    expect(reply.ok).toBe(true);
    const { result } = (reply as { value: { result: AnnotateResult } }).value;
    expect(result.entities.filter((e) => e.kind === 'official').map((e) => e.name)).toEqual([
      '王建国',
    ]);
    expect(result.entities.filter((e) => e.kind === 'meeting').map((e) => e.text)).toEqual([
      '市委常委会第115次会议',
    ]);
    const long = await dispatch(
      { type: 'engine/annotate', payload: { text: '会'.repeat(LIMITS.engineText + 1) } },
      contentScript(3),
    );
    expect(long).toMatchObject({ ok: false, error: expect.stringMatching(/invalid engine/) });
  });

  it('lets content scripts save but not read the library', async () => {
    const saved = await dispatch(
      { type: 'clips/save', payload: { draft: makeDraft() } },
      contentScript(1),
    );
    expect(saved.ok).toBe(true);
    expect(await dispatch({ type: 'clips/list', payload: {} }, contentScript(1))).toEqual({
      ok: false,
      error: 'Refused: clips/list is only for extension pages',
    });
    // Export is built by the library page from what it reads: no message builds it.
    expect(
      await dispatch({ type: 'clips/export', payload: { format: 'json' } }, libraryPage),
    ).toEqual({ ok: false, error: 'Refused: unknown message clips/export' });
    const listed = await dispatch({ type: 'clips/list', payload: { limit: 500 } }, libraryPage);
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('refuses a draft with a script URL', async () => {
    const reply = await dispatch(
      { type: 'clips/save', payload: { draft: makeDraft({ url: 'javascript:alert(1)' }) } },
      contentScript(1),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/http\(s\) URL/) });
  });

  it('opens a clip in a new tab and hands it to that tab once', async () => {
    const saved = await dispatch(
      { type: 'clips/save', payload: { draft: makeDraft() } },
      contentScript(1),
    );
    const id = (saved as { value: { clip: { id: string; url: string } } }).value.clip.id;
    expect(await dispatch({ type: 'clips/open', payload: { id } }, libraryPage)).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(created.at(-1)).toBe(makeDraft().url);
    const other = await dispatch(
      { type: 'clips/pending-anchor', payload: { url: makeDraft().url } },
      contentScript(7),
    );
    expect(other).toEqual({ ok: true, value: { clip: null } });
    const mine = await dispatch(
      { type: 'clips/pending-anchor', payload: { url: makeDraft().url } },
      contentScript(42),
    );
    expect(mine).toMatchObject({ ok: true, value: { clip: { id } } });
    const again = await dispatch(
      { type: 'clips/pending-anchor', payload: { url: makeDraft().url } },
      contentScript(42),
    );
    expect(again).toEqual({ ok: true, value: { clip: null } });
  });

  it("counts a tab's own page only, by the URL the browser reports", async () => {
    const url = 'https://www.example.gov.cn/news/count-here.htm';
    await dispatch(
      { type: 'clips/save', payload: { draft: makeDraft({ url }) } },
      contentScript(3, url),
    );
    expect(
      await dispatch({ type: 'clips/count-here', payload: {} }, contentScript(3, url)),
    ).toEqual({ ok: true, value: { count: 1 } });
    expect(
      await dispatch({ type: 'clips/count-here', payload: {} }, contentScript(3, `${url}?other`)),
    ).toEqual({ ok: true, value: { count: 0 } });
    // A page cannot name another page to ask about.
    const named = await dispatch(
      { type: 'clips/count-here', payload: { url } },
      contentScript(3, 'https://evil.example/'),
    );
    expect(named.ok).toBe(false);
  });

  it('rejects a bad import with a clear error and writes nothing', async () => {
    const before = (await dispatch({ type: 'clips/list', payload: {} }, libraryPage)) as {
      value: { total: number };
    };
    const reply = await dispatch(
      { type: 'clips/import', payload: { content: '{"format":"zhengwen-lens-clips"' } },
      libraryPage,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a JSON file/) });
    const after = (await dispatch({ type: 'clips/list', payload: {} }, libraryPage)) as {
      value: { total: number };
    };
    expect(after.value.total).toBe(before.value.total);
  });

  it('re-imports an export of the listed clips, merging known ids', async () => {
    const listed = (await dispatch({ type: 'clips/list', payload: {} }, libraryPage)) as {
      value: { clips: Clip[]; total: number };
    };
    const exported = exportClips(listed.value.clips, 'json');
    const total = listed.value.total;
    expect(total).toBeGreaterThan(0);
    const reply = await dispatch(
      { type: 'clips/import', payload: { content: exported.content } },
      libraryPage,
    );
    expect(reply).toEqual({ ok: true, value: { added: 0, merged: total } });
  });
});

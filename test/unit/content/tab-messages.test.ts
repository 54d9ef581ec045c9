import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { id: 'ext', onMessage: { addListener() {}, removeListener() {} } } },
}));

const { handleTabMessage, isTabMessage } = await import('../../../src/content/tab-messages');

const status = {
  hasChinese: true,
  annotated: true,
  isGovNews: true,
  score: 0.8,
  signals: [],
  counts: { official: 1, meeting: 0, directive: 0 },
  background: '9.9.9',
  lastClipId: null,
  anchor: null,
};
const handlers = {
  'tab/status': vi.fn(async () => status),
  'tab/set-annotations': vi.fn(async ({ on }: { on: boolean }) => ({ ...status, annotated: on })),
  'tab/save-selection': vi.fn(async () => ({ clipId: 'c1' })),
  'tab/anchor-clip': vi.fn(async () => ({ found: 'exact' as const })),
};

describe('tab messages', () => {
  it('answers known messages with a Reply', async () => {
    expect(await handleTabMessage({ type: 'tab/status', payload: {} }, handlers)).toEqual({
      ok: true,
      value: status,
    });
    expect(
      await handleTabMessage({ type: 'tab/set-annotations', payload: { on: false } }, handlers),
    ).toMatchObject({ ok: true, value: { annotated: false } });
  });

  it('refuses invalid payloads without running a handler, and ignores other messages', async () => {
    handlers['tab/set-annotations'].mockClear();
    expect(
      await handleTabMessage({ type: 'tab/set-annotations', payload: { on: 'yes' } }, handlers),
    ).toMatchObject({ ok: false });
    expect(handlers['tab/set-annotations']).not.toHaveBeenCalled();
    expect(
      await handleTabMessage({ type: 'tab/anchor-clip', payload: { selectors: {} } }, handlers),
    ).toMatchObject({ ok: false });
    expect(isTabMessage({ type: 'ping' })).toBe(false);
    expect(isTabMessage('tab/status')).toBe(false);
    expect(await handleTabMessage({ type: 'clips/save' }, handlers)).toBeUndefined();
  });

  it('turns handler errors into error replies', async () => {
    const failing = {
      ...handlers,
      'tab/save-selection': async () => Promise.reject(new Error('boom')),
    };
    expect(await handleTabMessage({ type: 'tab/save-selection', payload: {} }, failing)).toEqual({
      ok: false,
      error: 'boom',
    });
  });
});

// @vitest-environment happy-dom
/**
 * The popup's newest clips come from the database itself, so a stopped service worker need not
 * start before they show; it asks the background only when the database cannot be read.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipStore } from '../../../src/background/clip-store';
import { makeDraft, testNormaliser } from '../../support/clip-fixtures';

const sent = vi.hoisted((): string[] => []);
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getMessage: () => '' },
    tabs: { query: async () => [] },
    runtime: { getURL: (p: string) => p },
  },
}));
vi.mock('../../../src/shared/send', () => ({
  send: async (type: string) => {
    sent.push(type);
    return { clips: [], total: 0 };
  },
  sendToTab: async () => {
    throw new Error('no content script');
  },
}));

const until = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  expect(ok()).toBe(true);
};

afterEach(() => {
  sent.length = 0;
  vi.resetModules();
});

describe('popup newest clips', () => {
  it('shows the newest clips read from the database, without asking the background', async () => {
    const store = new ClipStore(testNormaliser); // the default database, as the popup opens it
    for (const note of ['一', '二', '三']) await store.save(makeDraft({ note }));
    await store.close();
    const { Popup, prefetchNewestClips } = await import('../../../src/popup/popup');
    prefetchNewestClips();
    const root = document.createElement('div');
    await act(() => render(<Popup />, root));
    await until(() => root.querySelectorAll('.popup-clips .clip-card').length === 3);
    expect(sent).not.toContain('clips/list');
  });

  it('asks the background when the database cannot be opened here', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const { Popup, prefetchNewestClips } = await import('../../../src/popup/popup');
    prefetchNewestClips();
    const root = document.createElement('div');
    await act(() => render(<Popup />, root));
    await until(() => sent.includes('clips/list'));
    open.mockRestore();
  });
});

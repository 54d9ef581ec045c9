/**
 * Message security of the background: `dispatch` must refuse forged and malformed messages (wrong
 * types, huge strings, extra fields, unknown names, senders that are not this extension, library
 * messages from a content script) without running a handler, never throw, and leave the clip store
 * (fake-indexeddb) empty.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDraft } from '../../support/clip-fixtures';
import { productNormaliser } from '../../../src/core/clips/product-normaliser';
import { ClipStore } from '../../../src/background/clip-store';
import { PendingAnchors } from '../../../src/background/pending-anchors';
import {
  createBackgroundHandlers,
  dispatch as dispatchTo,
  isTrustedSender,
} from '../../../src/background/handlers';

const EXTENSION_ID = 'zhengwen-lens-test-id';

const clipStore = new ClipStore(productNormaliser);
const handlers = createBackgroundHandlers({
  store: clipStore,
  pending: new PendingAnchors(),
  version: '0.1.0',
  openTab: async () => undefined,
});
const self = { id: EXTENSION_ID, base: `chrome-extension://${EXTENSION_ID}/` };
const dispatch = (message: unknown, sender: Parameters<typeof dispatchTo>[1]) =>
  dispatchTo(message, sender, handlers, self);

/** A sender as the browser reports one of our content scripts. */
const contentScript = {
  id: EXTENSION_ID,
  url: 'https://www.example.gov.cn/news/1.html',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};

/** A sender as the browser reports our library page. */
const libraryPage = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/src/library/index.html`,
};

/** Senders that are not this extension. */
const FORGED_SENDERS = [
  { label: 'a web page (no id)', sender: { url: 'https://evil.example/' } },
  {
    label: 'another extension',
    sender: { id: 'some-other-extension', url: 'chrome-extension://x/' },
  },
  { label: 'an empty sender', sender: {} },
  { label: 'an id that only starts like ours', sender: { id: `${EXTENSION_ID}-evil` } },
  { label: 'an id with different case', sender: { id: EXTENSION_ID.toUpperCase() } },
];

const calls: string[] = [];
const originals = { ...handlers };

beforeEach(() => {
  calls.length = 0;
  // Wrap every implemented handler so a test can assert none ran.
  for (const name of Object.keys(originals) as Array<keyof typeof handlers>) {
    const original = originals[name] as (...a: unknown[]) => unknown;
    (handlers as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(name);
      return original(...args);
    };
  }
});

describe('dispatch: senders', () => {
  it('answers a well-formed ping from our own content script', async () => {
    const reply = await dispatch({ type: 'ping', payload: {} }, contentScript);
    expect(reply).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(calls).toEqual(['ping']);
  });

  it.each(FORGED_SENDERS)('refuses $label and runs nothing', async ({ sender }) => {
    expect(isTrustedSender(sender, self)).toBe(false);
    const reply = await dispatch({ type: 'ping', payload: {} }, sender);
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('dispatch: malformed messages', () => {
  const huge = 'x'.repeat(5_000_000);
  const cases: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ping'],
    ['a number', 42],
    ['an array', ['ping', {}]],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 1, payload: {} }],
    ['an object type', { type: { toString: () => 'ping' }, payload: {} }],
    ['an unknown name', { type: 'clips/drop-database', payload: {} }],
    ['a prototype name', { type: '__proto__', payload: {} }],
    ['constructor', { type: 'constructor', payload: {} }],
    ['toString', { type: 'toString', payload: {} }],
    ['hasOwnProperty', { type: 'hasOwnProperty', payload: {} }],
    ['a huge name', { type: huge, payload: {} }],
    ['a missing payload', { type: 'ping' }],
    ['a null payload', { type: 'ping', payload: null }],
    ['a string payload', { type: 'ping', payload: 'hello' }],
    ['extra payload fields', { type: 'ping', payload: { admin: true } }],
    ['a huge payload field', { type: 'ping', payload: { x: huge } }],
    ['a polluting payload', { type: 'ping', payload: JSON.parse('{"__proto__":{"polluted":1}}') }],
  ];

  it.each(cases)('refuses %s with an error and runs no handler', async (_label, message) => {
    const reply = await dispatch(message, contentScript);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error).toMatch(/^Refused: /);
      // Errors echo at most a short prefix of what was sent.
      expect(reply.error.length).toBeLessThan(400);
    }
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on structured-clonable input of any shape', async () => {
    // Messages cross the boundary structured-cloned, so getters and proxies cannot arrive.
    const odd: unknown[] = [
      Object.create(null),
      { type: 'ping', payload: [] },
      { type: 'ping', payload: { toString: 1, valueOf: 2 } },
      { type: ['ping'], payload: {} },
      { type: 'ping', payload: new Map([['a', 1]]) },
      { type: 'ping', payload: new Date(0) },
      { type: 'ping', payload: new Uint8Array(10) },
      { type: 'ping', payload: {}, extra: 'x'.repeat(100_000) },
    ];
    for (const message of odd) {
      const reply = await dispatch(message, contentScript).catch((e: unknown) => ({
        ok: 'threw' as const,
        e,
      }));
      expect(reply.ok).not.toBe('threw');
    }
  });

  it('refuses a message whose fields throw when read, instead of throwing', async () => {
    const hostile = {
      get type(): string {
        throw new Error('boom');
      },
    };
    const reply = await dispatch(hostile, contentScript);
    expect(reply).toEqual({ ok: false, error: 'Refused: boom' });
    expect(calls).toEqual([]);
  });
});

describe('dispatch: the clip store stays empty under forged clip messages', () => {
  const huge = '市'.repeat(250_000);
  const draft = makeDraft();
  const bad: Array<[string, unknown]> = [
    ['no draft', {}],
    ['a draft that is a string', { draft: 'clip' }],
    ['a draft with an extra field', { draft: { ...draft, isAdmin: true } }],
    ['an extra payload field', { draft, also: 1 }],
    ['a missing url', { draft: { ...draft, url: undefined } }],
    ['a javascript: url', { draft: { ...draft, url: 'javascript:alert(1)' } }],
    ['a data: url', { draft: { ...draft, url: 'data:text/html,<script>alert(1)</script>' } }],
    ['a numeric title', { draft: { ...draft, title: 42 } }],
    ['a huge quote', { draft: { ...draft, quote: { exact: huge, simplified: huge } } }],
    ['a huge note', { draft: { ...draft, note: 'n'.repeat(1_000_000) } }],
    [
      'too many tags',
      { draft: { ...draft, tags: Array.from({ length: 500 }, (_, i) => `t${i}`) } },
    ],
    ['a score above 1', { draft: { ...draft, page: { ...draft.page, score: 7 } } }],
    [
      'a negative offset',
      {
        draft: {
          ...draft,
          selectors: {
            ...draft.selectors,
            position: { type: 'TextPositionSelector', start: -1, end: 3 },
          },
        },
      },
    ],
    [
      'an unknown entity kind',
      { draft: { ...draft, entities: [{ kind: 'virus', start: 0, end: 1 }] } },
    ],
    ['too many entities', { draft: { ...draft, entities: Array(6000).fill(draft.entities[0]) } }],
  ];

  it.each(bad)('refuses clips/save with %s', async (_label, payload) => {
    const reply = await dispatch({ type: 'clips/save', payload }, contentScript);
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
    expect((await clipStore.list({})).total).toBe(0);
  });

  it.each([
    ['clips/list', {}],
    ['clips/get', { id: 'x' }],
    ['clips/import', { content: '{}' }],
    ['clips/delete', { ids: ['x'] }],
    ['clips/restore', { clips: [] }],
    ['clips/update', { id: 'x', note: 'pwned' }],
    ['clips/open', { id: 'x' }],
  ])(
    'refuses %s from a content script (a page must not read or change the library)',
    async (type, payload) => {
      const reply = await dispatch({ type, payload }, contentScript);
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/only for extension pages/),
      });
      expect(calls).toEqual([]);
    },
  );

  it('refuses library messages from a look-alike extension URL', async () => {
    const lookalike = {
      id: EXTENSION_ID,
      url: `chrome-extension://${EXTENSION_ID}.evil.example/x`,
    };
    const reply = await dispatch({ type: 'clips/list', payload: {} }, lookalike);
    expect(reply.ok).toBe(false);
  });

  it('stores nothing from a forged sender, then a real save is stored (the store works)', async () => {
    for (const { sender } of FORGED_SENDERS) {
      expect((await dispatch({ type: 'clips/save', payload: { draft } }, sender)).ok).toBe(false);
    }
    expect((await clipStore.list({})).total).toBe(0);
    const saved = await dispatch({ type: 'clips/save', payload: { draft } }, contentScript);
    expect(saved).toMatchObject({ ok: true });
    const listed = await dispatch({ type: 'clips/list', payload: {} }, libraryPage);
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
  });
});

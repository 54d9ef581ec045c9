import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import {
  answer,
  message,
  messageNameOf,
  unwrapReply,
  type Handlers,
} from '../../../src/shared/message-kit';
import { MESSAGES } from '../../../src/shared/messages';
import { TAB_MESSAGES } from '../../../src/shared/tab-messages';

const DECLARED = {
  'notes/add': message<{ id: number }>()(v.strictObject({ text: v.string() }), 'extension'),
  'notes/wipe': message<{ wiped: number }>()(v.strictObject({}), 'extension-pages'),
};

const handlers: Handlers<typeof DECLARED, string> = {
  'notes/add': vi.fn(async ({ text }, who) => ({ id: text.length + who.length })),
  'notes/wipe': vi.fn(async () => ({ wiped: 3 })),
};

describe('message kit', () => {
  it('runs the handler with the validated request and the sender context', async () => {
    expect(
      await answer(DECLARED, handlers, 'notes/add', { text: 'abc' }, 'me', () => true),
    ).toEqual({ ok: true, value: { id: 5 } });
  });

  it('refuses a sender the declaration does not allow, and bad payloads, without running', async () => {
    const pagesOnly = (from: string) => from === 'extension';
    expect(await answer(DECLARED, handlers, 'notes/wipe', {}, 'me', pagesOnly)).toEqual({
      ok: false,
      error: 'Refused: notes/wipe is only for extension pages',
    });
    const bad = await answer(DECLARED, handlers, 'notes/add', { text: 1, x: 2 }, 'me', () => true);
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused: invalid notes\/add/),
    });
    expect(handlers['notes/wipe']).not.toHaveBeenCalled();
  });

  it('turns a thrown handler into an error reply, and unwraps replies', async () => {
    const failing = { ...handlers, 'notes/wipe': async () => Promise.reject(new Error('disk')) };
    const reply = await answer(DECLARED, failing, 'notes/wipe', {}, 'me', () => true);
    expect(reply).toEqual({ ok: false, error: 'disk' });
    expect(() => unwrapReply('notes/wipe', reply)).toThrow('disk');
    expect(() => unwrapReply('notes/wipe', undefined)).toThrow('No reply to notes/wipe');
    expect(unwrapReply('notes/add', { ok: true, value: { id: 1 } })).toEqual({ id: 1 });
  });

  it('names only declared messages, never inherited properties', () => {
    expect(messageNameOf(DECLARED, { type: 'notes/add' })).toBe('notes/add');
    for (const m of [{ type: 'constructor' }, { type: '__proto__' }, 'notes/add', null, {}])
      expect(messageNameOf(DECLARED, m)).toBeNull();
  });

  it('has a schema and a sender rule for every message of both channels', () => {
    for (const d of [...Object.values(MESSAGES), ...Object.values(TAB_MESSAGES)]) {
      expect(['extension', 'extension-pages']).toContain(d.from);
      expect(typeof d.request['~standard']).toBe('object');
    }
    // Content scripts may save, ask about their own page and have it read by the engine, nothing
    // that reads the library.
    const forContent = Object.entries(MESSAGES)
      .filter(([, d]) => d.from === 'extension')
      .map(([name]) => name);
    expect(forContent.sort()).toEqual([
      'clips/count-here',
      'clips/pending-anchor',
      'clips/save',
      'engine/annotate',
      'ping',
    ]);
  });

  it('lets the compiler reject a missing or mistyped handler', () => {
    // @ts-expect-error: 'notes/wipe' has no handler.
    const missing: Handlers<typeof DECLARED, string> = { 'notes/add': handlers['notes/add'] };
    const mistyped: Handlers<typeof DECLARED, string> = {
      ...handlers,
      // @ts-expect-error: the response must be { wiped: number }.
      'notes/wipe': async () => ({ wiped: 'all' }),
    };
    expect(Object.keys(missing)).toEqual(['notes/add']);
    expect(Object.keys(mistyped)).toHaveLength(2);
  });
});

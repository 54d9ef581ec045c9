import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNREADABLE_FILE_ERROR } from '../../../src/core/clips/import';

/** Messages the library page sent, and how the mocked background answers them. */
const sent: Array<{ type: string; payload: Record<string, unknown> }> = [];
let answer: (message: { type: string; payload: Record<string, unknown> }) => unknown = () => null;

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async (message: { type: string; payload: Record<string, unknown> }) => {
        sent.push(message);
        return answer(message);
      },
    },
  },
}));

const { sendImportFile } = await import('../../../src/library/clip-writes');

afterEach(() => {
  sent.length = 0;
});

const file = new File(['{"format":"zhengwen-lens-clips"}'], 'clips.json', {
  type: 'application/json',
});

describe('handing a chosen file to the background', () => {
  it('sends a blob: URL of the file, not its text, and revokes the URL after', async () => {
    answer = () => ({ ok: true, value: { added: 3, merged: 1 } });
    expect(await sendImportFile(file)).toEqual({ added: 3, merged: 1 });
    expect(sent).toHaveLength(1);
    const url = sent[0]!.payload.url as string;
    expect(sent[0]!.type).toBe('clips/import');
    expect(url).toMatch(/^blob:/);
    expect(sent[0]!.payload).not.toHaveProperty('content');
    // Revoked: the blob behind the URL is gone.
    await expect(fetch(url)).rejects.toThrow();
  });

  it('sends the text instead when the background cannot read the URL', async () => {
    answer = (m) =>
      'url' in m.payload
        ? { ok: false, error: `${UNREADABLE_FILE_ERROR}: Failed to fetch` }
        : { ok: true, value: { added: 1, merged: 0 } };
    expect(await sendImportFile(file)).toEqual({ added: 1, merged: 0 });
    expect(sent.map((m) => Object.keys(m.payload))).toEqual([['url'], ['content']]);
    expect(sent[1]!.payload.content).toBe('{"format":"zhengwen-lens-clips"}');
  });

  it('passes any other error on without sending the text', async () => {
    answer = () => ({ ok: false, error: 'Not a valid Zhengwen Lens export: clips.0.url: x' });
    await expect(sendImportFile(file)).rejects.toThrow(/clips\.0\.url/);
    expect(sent).toHaveLength(1);
  });
});

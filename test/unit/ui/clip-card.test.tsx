// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { makeClip } from '../../support/clip-fixtures';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));
const { ClipCard } = await import('../../../src/ui/clip-card');

const MARKUP = '<img src=x onerror="globalThis.__pwned=1">';

describe('ClipCard', () => {
  it('shows quote, note and tags containing markup as text', () => {
    const root = document.createElement('div');
    const clip = makeClip({
      quote: { exact: `${MARKUP}正文`, simplified: `${MARKUP}正文` },
      note: MARKUP,
      tags: ['<b>x</b>'],
    });
    render(<ClipCard clip={clip} />, root);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.clip-note')?.textContent).toBe(MARKUP);
    expect(root.querySelector('.clip-quote')?.textContent).toBe(`${MARKUP}正文`);
    expect(root.querySelector('.chip-tag')?.textContent).toBe('<b>x</b>');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('edits note and tags and hands the cleaned change to onSave', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const clip = makeClip({ note: 'old', tags: ['a'] });
    const onSave = vi.fn(async () => undefined);
    await act(() => render(<ClipCard clip={clip} onSave={onSave} />, root));
    await act(() => root.querySelector<HTMLButtonElement>('.clip-edit-button')!.click());
    const note = root.querySelector<HTMLTextAreaElement>('.clip-note-input')!;
    const tags = root.querySelector<HTMLInputElement>('.clip-tags-input')!;
    expect(note.value).toBe('old');
    await act(() => {
      note.value = '新备注';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      tags.value = ' 防疫，太原, 防疫 ,';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root
        .querySelector('form')!
        .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSave).toHaveBeenCalledWith(clip.id, { note: '新备注', tags: ['防疫', '太原'] });
    expect(root.querySelector('.clip-edit')).toBeNull();
    root.remove();
  });
});

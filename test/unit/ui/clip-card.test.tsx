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

describe('ClipCard corrections', () => {
  /** Runs `fn` and lets the async handlers it started finish. */
  const settle = (fn: () => void) =>
    act(async () => {
      fn();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  const click = (root: HTMLElement, selector: string) =>
    settle(() => root.querySelector<HTMLButtonElement>(selector)!.click());

  it('shows corrections applied: a rejected name gone, a fixed one marked', () => {
    const root = document.createElement('div');
    const clip = makeClip();
    const [person, mention] = clip.entities;
    const correctedAt = '2026-11-02T00:00:00.000Z';
    render(
      <ClipCard
        clip={{
          ...clip,
          corrections: [
            {
              entityId: `official@${person!.start}-${person!.end}`,
              action: 'fix',
              name: '韦涛',
              correctedAt,
            },
            {
              entityId: `meeting@${mention!.start}-${mention!.end}`,
              action: 'reject',
              correctedAt,
            },
          ],
        }}
      />,
      root,
    );
    expect([...root.querySelectorAll('.clip-entities li')].map((li) => li.textContent)).toEqual([
      '韦涛',
    ]);
    expect(root.querySelector('.chip-official')!.classList.contains('chip-corrected')).toBe(true);
  });

  it('rejects, fixes and undoes through onCorrect, for every mention of a label', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const clip = makeClip();
    const onCorrect = vi.fn(async () => undefined);
    await act(() => render(<ClipCard clip={clip} onCorrect={onCorrect} />, root));
    expect(root.querySelector('.entity-corrections')).toBeNull();
    await click(root, '.clip-correct-button');
    expect(root.querySelector('.clip-correct-button')!.getAttribute('aria-expanded')).toBe('true');
    const rows = [...root.querySelectorAll<HTMLElement>('.entity-row')];
    expect(rows.map((r) => r.dataset.entityLabel)).toEqual(['韦韬', clip.entities[1]!.simplified]);

    await settle(() => rows[1]!.querySelector<HTMLButtonElement>('.entity-reject')!.click());
    const meetingId = `meeting@${clip.entities[1]!.start}-${clip.entities[1]!.end}`;
    expect(onCorrect).toHaveBeenLastCalledWith(clip.id, {
      set: [{ entityId: meetingId, action: 'reject' }],
    });

    await act(() => rows[0]!.querySelector<HTMLButtonElement>('.entity-fix-button')!.click());
    const name = root.querySelector<HTMLInputElement>('.entity-fix-name')!;
    const titles = root.querySelector<HTMLInputElement>('.entity-fix-titles')!;
    expect(titles.value).toBe('省委常委, 市委书记');
    // Unchanged: said so, nothing sent.
    await settle(() => name.form!.requestSubmit());
    expect(root.querySelector('.entity-fix [role="alert"]')?.textContent).toBe('Nothing changed.');
    expect(onCorrect).toHaveBeenCalledTimes(1);
    await act(() => {
      titles.value = '市委书记，市长';
      titles.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(() => name.form!.requestSubmit());
    const personId = `official@${clip.entities[0]!.start}-${clip.entities[0]!.end}`;
    expect(onCorrect).toHaveBeenLastCalledWith(clip.id, {
      set: [{ entityId: personId, action: 'fix', titles: ['市委书记', '市长'] }],
    });
    expect(root.querySelector('.entity-fix')).toBeNull();

    // A corrected clip offers undo.
    const corrected = {
      ...clip,
      corrections: [
        { entityId: meetingId, action: 'reject' as const, correctedAt: '2026-11-02T00:00:00.000Z' },
      ],
    };
    await act(() => render(<ClipCard clip={corrected} onCorrect={onCorrect} />, root));
    const meetingRow = root.querySelectorAll<HTMLElement>('.entity-row')[1]!;
    expect(meetingRow.querySelector('.entity-reject')).toBeNull();
    expect(meetingRow.textContent).toContain('rejected');
    await settle(() => meetingRow.querySelector<HTMLButtonElement>('.entity-undo')!.click());
    expect(onCorrect).toHaveBeenLastCalledWith(clip.id, { clear: [meetingId] });
    root.remove();
  });

  it('shows what onCorrect refused', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const onCorrect = vi.fn(async () => {
      throw new Error('Saving the correction failed: x');
    });
    await act(() => render(<ClipCard clip={makeClip()} onCorrect={onCorrect} />, root));
    await click(root, '.clip-correct-button');
    await click(root, '.entity-reject');
    expect(root.querySelector('.entity-corrections [role="alert"]')?.textContent).toMatch(
      /Saving the correction failed/,
    );
    root.remove();
  });
});

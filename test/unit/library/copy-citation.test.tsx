// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { makeClip } from '../../support/clip-fixtures';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));
const { CopyCitation } = await import('../../../src/library/copy-citation');

/** Clicks a button and waits for the lazy formatter and the clipboard write. */
async function click(root: HTMLElement, selector: string): Promise<void> {
  const before = root.querySelector('.copy-citation-status')?.textContent;
  act(() => root.querySelector<HTMLButtonElement>(selector)!.click());
  await vi.waitFor(
    () => expect(root.querySelector('.copy-citation-status')?.textContent).not.toBe(before),
    { timeout: 10_000 },
  );
}

describe('CopyCitation', () => {
  it('copies the Chicago and the APA citation of the clip and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const root = document.createElement('div');
    await act(() => render(<CopyCitation clip={makeClip()} />, root));

    await click(root, '.copy-citation-chicago');
    expect(writeText).toHaveBeenLastCalledWith(
      '殷雪鸢. “韋韜主持召開市疫情防控工作領導小組第115次會議.” 太原日报, April 30, 2022. ' +
        'https://www.example.gov.cn/news/2022-04/30/c_1.htm.',
    );
    expect(root.querySelector('.copy-citation-status')?.textContent).toBe(
      'Citation copied (Chicago)',
    );

    await act(() => render(<CopyCitation clip={makeClip()} key="again" />, root));
    await click(root, '.copy-citation-apa');
    expect(writeText).toHaveBeenLastCalledWith(
      '殷雪鸢. (2022, April 30). 韋韜主持召開市疫情防控工作領導小組第115次會議. 太原日报. ' +
        'https://www.example.gov.cn/news/2022-04/30/c_1.htm',
    );
  });

  it('reports a clipboard that refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('Document is not focused.')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const root = document.createElement('div');
    await act(() => render(<CopyCitation clip={makeClip()} />, root));
    await click(root, '.copy-citation-apa');
    expect(root.querySelector('.copy-citation-status')?.textContent).toBe(
      'Error: Document is not focused.',
    );
  });
});

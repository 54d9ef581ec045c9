// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' } } }));
const { FilterBar } = await import('../../../src/library/filter-bar');

const CHOICES = {
  officials: ['韦韬', '林武'],
  meetingBodies: ['市委', '省委'],
  sites: ['www.example.gov.cn'],
  tags: ['疫情'],
};

/** Picks `value` in the select named `name`, as a user would. */
function choose(root: HTMLElement, name: string, value: string): void {
  const select = root.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('FilterBar', () => {
  it('offers the values seen in the clips for official, meeting body, site and tag', async () => {
    const root = document.createElement('div');
    await act(() =>
      render(<FilterBar filters={{}} choices={CHOICES} onChange={() => undefined} />, root),
    );
    const optionsOf = (name: string) =>
      [...root.querySelectorAll(`select[name="${name}"] option`)].map(
        (o) => (o as HTMLOptionElement).value,
      );
    expect(optionsOf('official')).toEqual(['', '韦韬', '林武']);
    expect(optionsOf('meetingBody')).toEqual(['', '市委', '省委']);
    expect(optionsOf('site')).toEqual(['', 'www.example.gov.cn']);
    expect(optionsOf('tag')).toEqual(['', '疫情']);
    expect(optionsOf('kind')).toEqual(['', 'official', 'meeting', 'directive']);
  });

  it('sets a filter when a value is chosen and drops it when "any" is chosen again', async () => {
    const root = document.createElement('div');
    const onChange = vi.fn();
    await act(() =>
      render(
        <FilterBar
          filters={{ site: 'www.example.gov.cn' }}
          choices={CHOICES}
          onChange={onChange}
        />,
        root,
      ),
    );
    await act(() => choose(root, 'meetingBody', '省委'));
    expect(onChange).toHaveBeenLastCalledWith({ site: 'www.example.gov.cn', meetingBody: '省委' });
    await act(() => choose(root, 'site', ''));
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('sets the date range from the date inputs', async () => {
    const root = document.createElement('div');
    const onChange = vi.fn();
    await act(() => render(<FilterBar filters={{}} choices={CHOICES} onChange={onChange} />, root));
    const from = root.querySelector<HTMLInputElement>('input[name="from"]')!;
    await act(() => {
      from.value = '2022-04-01';
      from.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2022-04-01' });
  });
});

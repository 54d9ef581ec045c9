// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { SettingsStore } from '../../../src/options/options-page';
import type { Settings } from '../../../src/shared/settings';

// The page gets its store injected; the settings module only needs the polyfill to load.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { OptionsPage, linesOf } = await import('../../../src/options/options-page');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings');

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('options page', () => {
  it('splits lists by line', () => {
    expect(linesOf(' a \n\n b\r\nc ')).toEqual(['a', 'b', 'c']);
  });

  it('loads, edits and saves kinds, automation, sites and the lexicon', async () => {
    let saved: Settings | null = null;
    const store: SettingsStore = {
      load: async () => ({ ...DEFAULT_SETTINGS, neverOn: ['example.com'] }),
      save: async (s) => {
        saved = s;
      },
    };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    await act(async () => render(<OptionsPage store={store} t={(k) => k} />, root));
    await flush();
    const q = <T extends Element>(sel: string) => root.querySelector<T & Element>(sel)!;
    expect(q<HTMLTextAreaElement>('#neverOn').value).toBe('example.com');

    const change = async (el: HTMLInputElement | HTMLTextAreaElement, apply: () => void) => {
      apply();
      await act(async () => {
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    const meeting = q<HTMLInputElement>('input[name="kind-meeting"]');
    await change(meeting, () => (meeting.checked = false));
    const auto = q<HTMLInputElement>('input[name="autoAnnotate"]');
    await change(auto, () => (auto.checked = false));
    const threshold = q<HTMLInputElement>('#threshold');
    await change(threshold, () => (threshold.value = '0.7'));
    const titles = q<HTMLTextAreaElement>('#titles');
    await change(titles, () => (titles.value = '督导组组长\n\n巡视组组长'));
    const always = q<HTMLTextAreaElement>('#alwaysOn');
    await change(always, () => (always.value = 'gov.cn'));

    await act(async () => {
      q<HTMLFormElement>('form').dispatchEvent(
        new Event('submit', { bubbles: true, cancelable: true }),
      );
    });
    await flush();
    expect(saved).toMatchObject({
      kinds: { official: true, meeting: false, directive: true },
      autoAnnotate: false,
      threshold: 0.7,
      alwaysOn: ['gov.cn'],
      neverOn: ['example.com'],
      lexicon: { titles: ['督导组组长', '巡视组组长'], organisations: [], slogans: [] },
    });
    expect(root.textContent).toContain('optSaved');
  });
});

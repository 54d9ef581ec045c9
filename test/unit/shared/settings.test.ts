import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => {
  const store: Record<string, unknown> = {};
  const listeners = new Set<(c: Record<string, { newValue?: unknown }>, area: string) => void>();
  return {
    default: {
      storage: {
        local: {
          get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
          set: async (items: Record<string, unknown>) => {
            Object.assign(store, items);
            for (const l of listeners)
              l(
                Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])),
                'local',
              );
          },
        },
        onChanged: {
          addListener: (l: never) => listeners.add(l),
          removeListener: (l: never) => listeners.delete(l),
        },
      },
    },
  };
});

const {
  DEFAULT_SETTINGS,
  isSiteListed,
  loadSettings,
  parseSettings,
  saveSettings,
  userLexicon,
  watchSettings,
} = await import('../../../src/shared/settings');

describe('settings', () => {
  it('defaults every field, and keeps valid fields of a damaged value', () => {
    expect(DEFAULT_SETTINGS.kinds).toEqual({ official: true, meeting: true, directive: true });
    expect(DEFAULT_SETTINGS.autoAnnotate).toBe(true);
    const s = parseSettings({
      threshold: 7,
      autoAnnotate: false,
      kinds: { meeting: 'no' },
      neverOn: 3,
    });
    expect(s.threshold).toBe(DEFAULT_SETTINGS.threshold);
    expect(s.autoAnnotate).toBe(false);
    expect(s.kinds.meeting).toBe(true);
    expect(s.neverOn).toEqual([]);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('matches sites with their subdomains, ignoring schemes and paths', () => {
    expect(isSiteListed('www.taiyuan.gov.cn', ['taiyuan.gov.cn'])).toBe(true);
    expect(isSiteListed('taiyuan.gov.cn', ['https://taiyuan.gov.cn/news/'])).toBe(true);
    expect(isSiteListed('nottaiyuan.gov.cn', ['taiyuan.gov.cn'])).toBe(false);
    expect(isSiteListed('a.example.org', ['*.example.org'])).toBe(true);
    expect(isSiteListed('example.org', ['', '  '])).toBe(false);
  });

  it('hands the engine a clean lexicon', () => {
    const s = parseSettings({ lexicon: { titles: [' 督导组组长 ', ''], slogans: ['三个务必'] } });
    expect(userLexicon(s)).toEqual({
      titles: ['督导组组长'],
      organisations: [],
      slogans: ['三个务必'],
    });
  });

  it('round-trips through storage and notifies watchers', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const seen: boolean[] = [];
    const controller = new AbortController();
    watchSettings((s) => seen.push(s.autoAnnotate), controller.signal);
    await saveSettings({ ...DEFAULT_SETTINGS, autoAnnotate: false, alwaysOn: ['gov.cn'] });
    expect((await loadSettings()).alwaysOn).toEqual(['gov.cn']);
    controller.abort();
    await saveSettings(DEFAULT_SETTINGS);
    expect(seen).toEqual([false]);
  });
});

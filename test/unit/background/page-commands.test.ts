import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener> = {};
const menus: Array<{ id: string; contexts: string[] }> = [];
const sent: Array<{ tabId: number; message: { type: string; payload: unknown } }> = [];
let annotated = false;

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { onInstalled: { addListener: (l: Listener) => (listeners.installed = l) } },
    i18n: { getMessage: (key: string) => key },
    contextMenus: {
      removeAll: async () => void (menus.length = 0),
      create: (m: { id: string; contexts: string[] }) => void menus.push(m),
      onClicked: { addListener: (l: Listener) => (listeners.menu = l) },
    },
    commands: { onCommand: { addListener: (l: Listener) => (listeners.command = l) } },
    tabs: {
      query: async () => [{ id: 7 }],
      sendMessage: async (tabId: number, message: { type: string; payload: { on?: boolean } }) => {
        sent.push({ tabId, message });
        if (message.type === 'tab/set-annotations') annotated = !!message.payload.on;
        if (message.type === 'tab/save-selection') return { ok: true, value: { clipId: 'c1' } };
        return { ok: true, value: { annotated } };
      },
    },
  },
}));

const { registerPageCommands, MENU_ANNOTATE, MENU_SAVE_SELECTION } =
  await import('../../../src/background/page-commands');
registerPageCommands();
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  sent.length = 0;
});

describe('page commands', () => {
  it('creates the two context-menu items on install', async () => {
    await listeners.installed!();
    await settle();
    expect(menus.map((m) => [m.id, m.contexts])).toEqual([
      [MENU_ANNOTATE, ['page']],
      [MENU_SAVE_SELECTION, ['selection']],
    ]);
  });

  it('forwards menu clicks to the tab', async () => {
    listeners.menu!({ menuItemId: MENU_ANNOTATE }, { id: 3 });
    listeners.menu!({ menuItemId: MENU_SAVE_SELECTION }, { id: 3 });
    await settle();
    expect(sent.map((s) => [s.tabId, s.message.type, s.message.payload])).toEqual([
      [3, 'tab/set-annotations', { on: true }],
      [3, 'tab/save-selection', {}],
    ]);
  });

  it('toggles annotations with the keyboard command, on the active tab when none is given', async () => {
    annotated = true;
    listeners.command!('toggle-annotations', undefined);
    await settle();
    await settle();
    expect(sent.map((s) => [s.tabId, s.message.type, s.message.payload])).toEqual([
      [7, 'tab/status', {}],
      [7, 'tab/set-annotations', { on: false }],
    ]);
    sent.length = 0;
    listeners.command!('save-selection', { id: 9 });
    await settle();
    expect(sent.map((s) => [s.tabId, s.message.type])).toEqual([[9, 'tab/save-selection']]);
  });
});

/**
 * Page commands from outside the page: the context-menu items "Annotate this page" and "Save
 * selection as clip", and the keyboard commands of manifest.json (`toggle-annotations`,
 * `save-selection`). Each is forwarded to the tab's content script with `sendToTab`.
 */
import browser from 'webextension-polyfill';
import { sendToTab } from '../shared/send';

/** Context-menu item ids. */
export const MENU_ANNOTATE = 'zwl-annotate-page';
export const MENU_SAVE_SELECTION = 'zwl-save-selection';

const PAGE_PATTERNS = ['http://*/*', 'https://*/*'];

/** (Re)creates the context-menu items; menus persist, so this runs on install and update. */
export async function createPageMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ANNOTATE,
    title: browser.i18n.getMessage('menuAnnotate'),
    contexts: ['page'],
    documentUrlPatterns: PAGE_PATTERNS,
  });
  browser.contextMenus.create({
    id: MENU_SAVE_SELECTION,
    title: browser.i18n.getMessage('menuSaveSelection'),
    contexts: ['selection'],
    documentUrlPatterns: PAGE_PATTERNS,
  });
}

/** Switches the tab's annotations on, or off when they are on. */
export async function toggleAnnotations(tabId: number): Promise<void> {
  const status = await sendToTab(tabId, 'tab/status', {});
  await sendToTab(tabId, 'tab/set-annotations', { on: !status.annotated });
}

/** Runs a menu item or keyboard command for a tab; failures (no content script) are ignored. */
export async function runPageCommand(command: string, tabId: number | undefined): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    if (command === MENU_ANNOTATE) await sendToTab(tabId, 'tab/set-annotations', { on: true });
    else if (command === 'toggle-annotations') await toggleAnnotations(tabId);
    else if (command === MENU_SAVE_SELECTION || command === 'save-selection')
      await sendToTab(tabId, 'tab/save-selection', {});
  } catch {
    // Pages without the content script (browser pages, the web store) cannot be annotated.
  }
}

/** Wires the context menu and the keyboard commands. */
export function registerPageCommands(): void {
  browser.runtime.onInstalled.addListener(() => void createPageMenus());
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void runPageCommand(String(info.menuItemId), tab?.id),
  );
  browser.commands.onCommand.addListener((command, tab) => {
    void (async () => {
      const id =
        tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      await runPageCommand(command, id);
    })();
  });
}

// Background entry and composition root: builds the store and the handler table, wires browser
// events to them, nothing else.
import browser from 'webextension-polyfill';
import { productNormaliser } from '../core/clips/product-normaliser';
import { ClipStore } from './clip-store';
import { createBackgroundHandlers, dispatch, type ExtensionIdentity } from './handlers';
import { registerPageCommands } from './page-commands';
import { PendingAnchors } from './pending-anchors';

const store = new ClipStore(productNormaliser);
const pending = new PendingAnchors();
const self: ExtensionIdentity = { id: browser.runtime.id, base: browser.runtime.getURL('') };
const handlers = createBackgroundHandlers({
  store,
  pending,
  version: browser.runtime.getManifest().version,
  openTab: async (url) => (await browser.tabs.create({ url, active: true })).id,
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  dispatch(message, sender, handlers, self),
);
registerPageCommands();
browser.tabs.onRemoved.addListener((tabId) => pending.forget(tabId));

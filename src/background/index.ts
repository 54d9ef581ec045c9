// Background entry: wires browser events to modules, nothing else.
import browser from 'webextension-polyfill';
import { dispatch, pendingAnchors } from './handlers';
import { registerPageCommands } from './page-commands';

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  dispatch(message, sender),
);
registerPageCommands();
browser.tabs.onRemoved.addListener((tabId) => pendingAnchors.forget(tabId));

/**
 * The senders' side of both channels: `send` to the background and `sendToTab` to one tab's
 * content script, typed by the declarations (imported as types only, so a sender does not bundle
 * the schemas) and unwrapping the `Reply`.
 */
import browser from 'webextension-polyfill';
import { unwrapReply, type Envelope, type Reply } from './message-kit';
import type { MessageName, MessageRequest, MessageResponse, Messages } from './messages';
import type { TabMessageName, TabMessages, TabRequest, TabResponse } from './tab-messages';

/** Sends a message to the background; the type of `send` is what content features take as a port. */
export type Send = <K extends MessageName>(
  type: K,
  payload: MessageRequest<K>,
) => Promise<MessageResponse<K>>;

/** Sends a typed message to the background and unwraps the reply; throws with its error text. */
export const send: Send = async (type, payload) => {
  const envelope: Envelope<Messages, typeof type> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as
    Reply<MessageResponse<typeof type>> | undefined;
  return unwrapReply(type, reply);
};

/** Sends a typed message to the content script of tab `tabId` and unwraps the reply. */
export async function sendToTab<K extends TabMessageName>(
  tabId: number,
  type: K,
  payload: TabRequest<K>,
): Promise<TabResponse<K>> {
  const envelope: Envelope<TabMessages, K> = { type, payload };
  const reply = (await browser.tabs.sendMessage(tabId, envelope)) as
    Reply<TabResponse<K>> | undefined;
  return unwrapReply(type, reply);
}

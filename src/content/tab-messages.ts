/**
 * Answers the messages the popup and the background send to this tab (declared once in
 * `src/shared/tab-messages.ts`). Only the extension itself may send them; payloads are validated
 * before anything runs, and every answer is a `Reply`, never a thrown error.
 */
import browser from 'webextension-polyfill';
import { answer, messageNameOf, type Handlers, type Reply } from '../shared/message-kit';
import { TAB_MESSAGES, type TabMessages } from '../shared/tab-messages';

/** One handler per tab message: the compiler rejects a missing one. */
export type TabHandlers = Handlers<TabMessages, null>;

/** Whether `message` names a tab message (checked before answering, so others pass by). */
export function isTabMessage(message: unknown): boolean {
  return messageNameOf(TAB_MESSAGES, message) !== null;
}

/** Validates and runs one tab message; never throws; undefined for other messages. */
export async function handleTabMessage(
  message: unknown,
  handlers: TabHandlers,
): Promise<Reply<unknown> | undefined> {
  const name = messageNameOf(TAB_MESSAGES, message);
  if (name === null) return undefined;
  const { payload } = message as { payload?: unknown };
  return answer(TAB_MESSAGES, handlers, name, payload ?? {}, null, () => true);
}

/** Listens for tab messages from this extension until `signal` aborts. */
export function listenForTabMessages(handlers: TabHandlers, signal: AbortSignal): void {
  const listener = (
    message: unknown,
    sender: browser.Runtime.MessageSender,
  ): Promise<Reply<unknown> | undefined> | undefined => {
    if (sender.id !== browser.runtime.id || !isTabMessage(message)) return undefined;
    return handleTabMessage(message, handlers);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}

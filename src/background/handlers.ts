/**
 * The background's answer to a message: checks the sender, then validates the payload against
 * the message's declaration (src/shared/messages.ts) and runs its handler; always answers with a
 * `Reply`. The store and the table are made in `index.ts`, the composition root.
 */
import type browser from 'webextension-polyfill';
import { answer, messageNameOf, type Handlers, type Reply } from '../shared/message-kit';
import { MESSAGES, type Messages } from '../shared/messages';
import { createClipHandlers, createPeopleHandlers, type ClipHandlerDeps } from './clip-handlers';
import { createEngineHandlers } from './engine-handlers';

/** One handler per background message: the compiler rejects a missing one. */
export type BackgroundHandlers = Handlers<Messages, browser.Runtime.MessageSender>;

/**
 * Builds the handler table: `ping` answers `version`, `engine/annotate` runs the engine, the
 * `clips/*` and `people/*` messages go to the store.
 */
export function createBackgroundHandlers(
  deps: ClipHandlerDeps & { version: string },
): BackgroundHandlers {
  return {
    ping: async () => ({ version: deps.version }),
    ...createEngineHandlers(),
    ...createClipHandlers(deps),
    ...createPeopleHandlers(deps),
  };
}

/** Where this extension's pages live, and its id (from `browser.runtime`). */
export interface ExtensionIdentity {
  id: string;
  /** URL prefix of the extension's own pages (`browser.runtime.getURL('')`). */
  base: string;
}

/** Whether the sender is one of this extension's own pages (not a content script in a web page). */
export function isExtensionPage(
  sender: browser.Runtime.MessageSender,
  self: ExtensionIdentity,
): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(self.base);
}

/** Whether a message comes from this extension's own pages or its content scripts. */
export function isTrustedSender(
  sender: browser.Runtime.MessageSender,
  self: ExtensionIdentity,
): boolean {
  return sender.id === self.id;
}

/** Validates and runs one message; never throws. */
export async function dispatch(
  message: unknown,
  sender: browser.Runtime.MessageSender,
  handlers: BackgroundHandlers,
  self: ExtensionIdentity,
): Promise<Reply<unknown>> {
  try {
    if (!isTrustedSender(sender, self)) return { ok: false, error: 'Refused: unknown sender' };
    if (typeof message !== 'object' || message === null)
      return { ok: false, error: 'Refused: not a message' };
    const name = messageNameOf(MESSAGES, message);
    if (name === null) {
      const { type } = message as { type?: unknown };
      return { ok: false, error: `Refused: unknown message ${String(type).slice(0, 40)}` };
    }
    const { payload } = message as { payload?: unknown };
    return await answer(MESSAGES, handlers, name, payload, sender, (from) =>
      from === 'extension' ? true : isExtensionPage(sender, self),
    );
  } catch (err) {
    // Reached only by hostile input (e.g. a throwing getter): refuse rather than crash the listener.
    return { ok: false, error: `Refused: ${err instanceof Error ? err.message : String(err)}` };
  }
}

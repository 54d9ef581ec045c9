/**
 * The background's handler table: one async function per message name. `dispatch` validates the
 * sender and the payload before calling a handler, and always answers with a `Reply`.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import type { MessageMap, MessageName, Reply, RequestOf, ResponseOf } from '../shared/messages';
import { requestSchemas } from '../shared/message-schemas';
import { productNormaliser } from '../core/clips/product-normaliser';
import { createClipHandlers } from './clip-handlers';
import { ClipStore } from './clip-store';
import { PendingAnchors } from './pending-anchors';

type Handler<K extends MessageName> = (
  payload: RequestOf<K>,
  sender: browser.Runtime.MessageSender,
) => Promise<ResponseOf<K>>;

/** The clip database, opened on first use. */
export const clipStore = new ClipStore(productNormaliser);

/** Tabs opened to show a clip, waiting for their content script to ask. */
export const pendingAnchors = new PendingAnchors();

/** Handlers implemented so far; a message without one is refused. */
export const handlers: { [K in MessageName]?: Handler<K> } = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),
  ...createClipHandlers({
    store: clipStore,
    pending: pendingAnchors,
    openTab: async (url) => (await browser.tabs.create({ url, active: true })).id,
  }),
};

/**
 * Messages only the extension's own pages (popup, library) may send: they read, change or export
 * the whole library. Content scripts, which run inside web pages, may only save and ask for
 * a pending clip.
 */
export const EXTENSION_PAGE_MESSAGES: ReadonlySet<MessageName> = new Set<MessageName>([
  'clips/list',
  'clips/get',
  'clips/update',
  'clips/delete',
  'clips/restore',
  'clips/import',
  'clips/open',
]);

/** Whether the sender is one of this extension's own pages (not a content script in a web page). */
export function isExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  const base = browser.runtime.getURL('');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** Whether a message comes from this extension's own pages or its content scripts. */
export function isTrustedSender(sender: browser.Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Validates and runs one message; never throws. */
export async function dispatch(
  message: unknown,
  sender: browser.Runtime.MessageSender,
): Promise<Reply<unknown>> {
  try {
    return await validateAndRun(message, sender);
  } catch (err) {
    // Reached only by hostile input (e.g. a throwing getter): refuse rather than crash the listener.
    return { ok: false, error: `Refused: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function validateAndRun(
  message: unknown,
  sender: browser.Runtime.MessageSender,
): Promise<Reply<unknown>> {
  if (!isTrustedSender(sender)) return { ok: false, error: 'Refused: unknown sender' };
  if (typeof message !== 'object' || message === null)
    return { ok: false, error: 'Refused: not a message' };
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
    return { ok: false, error: `Refused: unknown message ${String(type).slice(0, 40)}` };
  }
  const name = type as keyof typeof requestSchemas & MessageName;
  if (EXTENSION_PAGE_MESSAGES.has(name) && !isExtensionPage(sender)) {
    return { ok: false, error: `Refused: ${name} is only for extension pages` };
  }
  const parsed = v.safeParse(requestSchemas[name], payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Refused: invalid ${name}: ${v.summarize(parsed.issues).slice(0, 300)}`,
    };
  }
  const handler = handlers[name] as Handler<typeof name> | undefined;
  if (!handler) return { ok: false, error: `Refused: no handler for ${name}` };
  try {
    const value = await handler(parsed.output as MessageMap[typeof name]['request'], sender);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

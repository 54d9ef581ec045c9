/**
 * Answers the messages the popup and the background send to this tab (`TabMessageMap`). Only the
 * extension itself may send them; payloads are validated before anything runs, and every answer
 * is a `Reply`, never a thrown error.
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import type { Reply, TabMessageMap, TabMessageName } from '../shared/messages';

/** One handler per tab message. */
export type TabHandlers = {
  [K in TabMessageName]: (
    payload: TabMessageMap[K]['request'],
  ) => Promise<TabMessageMap[K]['response']>;
};

const selector = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.maxLength(1_000_000)),
    prefix: v.string(),
    suffix: v.string(),
  }),
  position: v.object({
    type: v.literal('TextPositionSelector'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
});

/** Payload schemas (clips carry more fields; only the selectors are used here). */
const schemas: { [K in TabMessageName]: v.GenericSchema } = {
  'tab/status': v.object({}),
  'tab/set-annotations': v.object({ on: v.boolean() }),
  'tab/save-selection': v.object({}),
  'tab/anchor-clip': v.object({ clip: v.looseObject({ selectors: selector }) }),
};

/** Whether `message` names a tab message (checked before answering, so others pass by). */
export function isTabMessage(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && Object.hasOwn(schemas, type);
}

/** Validates and runs one tab message; never throws. */
export async function handleTabMessage(
  message: unknown,
  handlers: TabHandlers,
): Promise<Reply<unknown> | undefined> {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(schemas, type)) return undefined;
  const name = type as TabMessageName;
  const parsed = v.safeParse(schemas[name], payload ?? {});
  if (!parsed.success) return { ok: false, error: `Refused: invalid ${name}` };
  try {
    const handler = handlers[name] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.output) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
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

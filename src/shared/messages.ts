/**
 * The one map of extension messages: name → request and response types, and the typed `send`.
 * The background's handler table (src/background/handlers.ts) is keyed by the same names and
 * validates every request against `src/shared/message-schemas.ts` before running a handler.
 */
import browser from 'webextension-polyfill';
import type { Clip, ClipDraft } from '../core/clips/model';
import type { ClipQuery } from '../core/clips/filters';

/** Filter for listing and searching clips (defined with the filters in src/core/clips). */
export type { ClipQuery };

/** Every message: request payload and response value. */
export interface MessageMap {
  ping: { request: Record<string, never>; response: { version: string } };
  'clips/save': { request: { draft: ClipDraft }; response: { clip: Clip } };
  /**
   * Clips newest first. `total` counts all matches (null for the plain newest page, which is read
   * without counting).
   */
  'clips/list': { request: ClipQuery; response: { clips: Clip[]; total: number | null } };
  'clips/get': { request: { id: string }; response: { clip: Clip | null } };
  'clips/update': {
    request: { id: string; note?: string; tags?: string[] };
    response: { clip: Clip };
  };
  'clips/delete': { request: { ids: string[] }; response: { deleted: Clip[] } };
  'clips/restore': { request: { clips: Clip[] }; response: { restored: number } };
  /**
   * Imports a file: its `content`, or the `url` of a blob: URL of this extension's origin that
   * the page made for the chosen file (the background reads it: no copy through the message).
   */
  'clips/import': {
    request: { content: string } | { url: string };
    response: { added: number; merged: number };
  };
  'clips/open': { request: { id: string }; response: { opened: boolean } };
  /**
   * How many clips were saved from the asking tab's own page (the URL the browser reports for the
   * sender, not one the page names): a content script learns nothing about other pages.
   */
  'clips/count-here': { request: Record<string, never>; response: { count: number } };
  /** A tab asks whether it was opened to show a clip; answers the clip to re-anchor, if any. */
  'clips/pending-anchor': { request: { url: string }; response: { clip: Clip | null } };
}

/** Message names. */
export type MessageName = keyof MessageMap;
/** Request payload of message `K`. */
export type RequestOf<K extends MessageName> = MessageMap[K]['request'];
/** Response value of message `K`. */
export type ResponseOf<K extends MessageName> = MessageMap[K]['response'];

/** Wire envelope of a request. */
export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  payload: RequestOf<K>;
}

/** Wire envelope of a reply: handlers never throw across the boundary. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a typed message to the background and unwraps the reply; throws with its error text. */
export async function send<K extends MessageName>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Detection and counts a tab reports to the popup. */
export interface TabStatus {
  /** False when the page has no Chinese text (the content script stopped early). */
  hasChinese: boolean;
  annotated: boolean;
  isGovNews: boolean;
  score: number;
  signals: Array<{ name: string; weight: number; evidence?: string }>;
  title?: string;
  counts: { official: number; meeting: number; directive: number };
}

/** Messages sent from the background or the popup to the content script of one tab. */
export interface TabMessageMap {
  'tab/status': { request: Record<string, never>; response: TabStatus };
  'tab/set-annotations': { request: { on: boolean }; response: TabStatus };
  'tab/save-selection': { request: Record<string, never>; response: { clipId: string | null } };
  /** Re-find a saved passage on the page: exact quote first, then a fuzzy match. */
  'tab/anchor-clip': {
    request: { clip: Clip };
    response: { found: 'exact' | 'fuzzy' | 'none' };
  };
}

/** Tab message names. */
export type TabMessageName = keyof TabMessageMap;

/** Sends a typed message to the content script of tab `tabId` and unwraps the reply. */
export async function sendToTab<K extends TabMessageName>(
  tabId: number,
  type: K,
  payload: TabMessageMap[K]['request'],
): Promise<TabMessageMap[K]['response']> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, payload })) as
    Reply<TabMessageMap[K]['response']> | undefined;
  if (!reply) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

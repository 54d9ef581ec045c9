/**
 * Every message the popup and the background send to one tab's content script, each declared
 * once (request schema, response type, senders). The content script's handler table is a total
 * record over these names (src/content/startup.ts); only the extension itself may send them.
 */
import * as v from 'valibot';
import { selectorsSchema } from '../core/clips/schema';
import type { Declarations, RequestOf, ResponseOf } from './message-kit';
import { message } from './message-kit';

/**
 * What a tab's content script tells the extension about the page: detection and counts (the
 * popup shows them), and the rest of the panel's summary. Only the extension can ask: the page
 * sees none of it (the panel host carries no summary attributes).
 */
export interface TabStatus {
  /** False when the page has no Chinese text (the content script stopped early). */
  hasChinese: boolean;
  annotated: boolean;
  isGovNews: boolean;
  score: number;
  signals: Array<{ name: string; weight: number; evidence?: string }>;
  title?: string;
  counts: { official: number; meeting: number; directive: number };
  /** The background's version once it answered the panel's first ping (`unreachable` if not). */
  background: string | null;
  /** Id of the last clip saved from this page, once the background stored it. */
  lastClipId: string | null;
  /** How the last saved passage asked for was found again on the page. */
  anchor: 'exact' | 'fuzzy' | 'none' | null;
}

/** The content script's messages. */
export const TAB_MESSAGES = {
  'tab/status': message<TabStatus>()(v.strictObject({}), 'extension'),
  'tab/set-annotations': message<TabStatus>()(v.strictObject({ on: v.boolean() }), 'extension'),
  'tab/save-selection': message<{ clipId: string | null }>()(v.strictObject({}), 'extension'),
  /** Re-find a saved passage on the page: exact quote first, then a fuzzy match. */
  'tab/anchor-clip': message<{ found: 'exact' | 'fuzzy' | 'none' }>()(
    v.strictObject({ selectors: selectorsSchema }),
    'extension',
  ),
} satisfies Declarations;

/** The content script's messages, by name. */
export type TabMessages = typeof TAB_MESSAGES;
/** Tab message names. */
export type TabMessageName = keyof TabMessages;
/** Request payload of tab message `K`. */
export type TabRequest<K extends TabMessageName> = RequestOf<TabMessages, K>;
/** Response value of tab message `K`. */
export type TabResponse<K extends TabMessageName> = ResponseOf<TabMessages, K>;

/**
 * The clip change feed. The background, the one writer of the clip database, announces every
 * committed write on a `BroadcastChannel`; extension pages (same origin: the library, the popup)
 * hear it and read the changed clips again from the database. Web pages and content scripts run
 * in other origins and can neither send nor hear it. A `BroadcastChannel` works in Chromium's
 * service worker and in Firefox's event page alike, and needs no message in the background's
 * message table.
 */
import { CLIP_DB_NAME } from './clip-db';

/**
 * What a committed write changed: these ids (each now stored or gone), possibly any clip (and
 * people record), or the people records only.
 */
export type ClipChange = { ids: string[] } | { all: true } | { people: true };

/** Channel of the changes of database `dbName` (tests use their own databases). */
export const clipChangeChannelName = (dbName: string) => `${dbName}/changes`;

/** Whether `data` is a well-formed change notice. */
function isClipChange(data: unknown): data is ClipChange {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { ids?: unknown; all?: unknown; people?: unknown };
  if (d.all === true || d.people === true) return true;
  return Array.isArray(d.ids) && d.ids.every((id) => typeof id === 'string');
}

/** The writer's side of the feed: announces committed changes of one database. */
export class ClipChangeAnnouncer {
  private channel: BroadcastChannel | null = null;

  constructor(private readonly dbName = CLIP_DB_NAME) {}

  /** Tells every listening page what a write that has committed changed. */
  announce(change: ClipChange): void {
    this.channel ??= new BroadcastChannel(clipChangeChannelName(this.dbName));
    this.channel.postMessage(change);
  }

  /** Closes the channel (tests; a new announcement opens it again). */
  close(): void {
    this.channel?.close();
    this.channel = null;
  }
}

/** Calls `onChange` for every change announced for database `dbName` until `signal` aborts. */
export function watchClipChanges(
  onChange: (change: ClipChange) => void,
  signal: AbortSignal,
  dbName = CLIP_DB_NAME,
): void {
  if (signal.aborted) return;
  const channel = new BroadcastChannel(clipChangeChannelName(dbName));
  channel.onmessage = (event: MessageEvent) => {
    if (isClipChange(event.data)) onChange(event.data);
  };
  signal.addEventListener('abort', () => channel.close(), { once: true });
}

/**
 * Clips waiting to be shown: `clips/open` opens a clip's page in a new tab and remembers the clip
 * for that tab, until the tab's content script asks (`clips/pending-anchor`) once it has loaded.
 */

/** How long an opened tab may take to load and ask. */
const PENDING_TTL_MS = 5 * 60_000;

interface Pending {
  clipId: string;
  url: string;
  at: number;
}

/** Remembers which tab should highlight which clip. */
export class PendingAnchors {
  private readonly byTab = new Map<number, Pending>();

  /** Remembers that tab `tabId` was opened to show clip `clipId` at `url`. */
  remember(tabId: number, clipId: string, url: string, now = Date.now()): void {
    this.byTab.set(tabId, { clipId, url, at: now });
  }

  /**
   * The clip tab `tabId` should highlight, answered once. The page URL may differ from the
   * clip's after redirects, so only the document (no fragment) of the same site must match.
   */
  take(tabId: number, pageUrl: string, now = Date.now()): string | null {
    const pending = this.byTab.get(tabId);
    if (!pending) return null;
    if (now - pending.at > PENDING_TTL_MS) {
      this.byTab.delete(tabId);
      return null;
    }
    if (!sameSite(pending.url, pageUrl)) return null;
    this.byTab.delete(tabId);
    return pending.clipId;
  }

  /** Forgets a closed tab. */
  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

function sameSite(a: string, b: string): boolean {
  try {
    const host = (u: string) => new URL(u).hostname.replace(/^www\./, '');
    return host(a) === host(b);
  } catch {
    return false;
  }
}

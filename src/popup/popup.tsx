/**
 * The toolbar popup: the current tab's detection status with annotate on/off, the newest clips,
 * a search over all clips, and a link to the library.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Clip } from '../core/clips/model';
import { ClipRepository } from '../shared/clip-repository';
import type { MessageResponse } from '../shared/messages';
import { send, sendToTab } from '../shared/send';
import type { TabStatus } from '../shared/tab-messages';
import { ClipCard } from '../ui/clip-card';
import { t } from '../ui/i18n';
import { useDebounced } from '../ui/use-debounced';

/** Clips the popup lists. */
const POPUP_CLIPS = 8;

type NewestPage = MessageResponse<'clips/list'>;

/** The newest clips, requested before the first render so the reply is on its way early. */
let newestRequest: Promise<NewestPage> | null = null;

/**
 * The newest clips read from the database itself (read-only, as the library does): a stopped
 * service worker need not start before the popup can show them. Asks the background only when
 * the database cannot be read here.
 */
async function readNewestClips(): Promise<NewestPage> {
  const repository = new ClipRepository();
  try {
    return { clips: await repository.newest(POPUP_CLIPS), total: null };
  } catch {
    return send('clips/list', { limit: POPUP_CLIPS });
  } finally {
    void repository.close();
  }
}

/** Starts reading the newest clips (a small read from the time index); call before rendering. */
export function prefetchNewestClips(): void {
  newestRequest ??= readNewestClips();
}

/** The newest clips: the prefetched reply the first time, a fresh request after that. */
function takeNewestClips(): Promise<NewestPage> {
  const early = newestRequest;
  newestRequest = null;
  return early ?? readNewestClips();
}

type TabState =
  { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; tabId: number; status: TabStatus };

/** The active tab's status, or `none` when no content script answers there. */
async function readTabState(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'none' };
  try {
    return { kind: 'ready', tabId: tab.id, status: await sendToTab(tab.id, 'tab/status', {}) };
  } catch {
    return { kind: 'none' };
  }
}

/** Detection status and the on/off switch of the current tab. */
function TabPanel() {
  const [state, setState] = useState<TabState>({ kind: 'loading' });
  const [error, setError] = useState('');
  useEffect(() => {
    void readTabState().then(setState);
  }, []);
  if (state.kind === 'loading') return <p class="tab-status">{t('uiLoading')}</p>;
  if (state.kind === 'none' || !state.status.hasChinese) {
    return (
      <p class="tab-status" data-detection="none">
        {t('uiPageUnavailable')}
      </p>
    );
  }
  const { status, tabId } = state;
  const toggle = async () => {
    try {
      const next = await sendToTab(tabId, 'tab/set-annotations', { on: !status.annotated });
      setState({ kind: 'ready', tabId, status: next });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section class="tab-status" data-detection={status.isGovNews ? 'gov' : 'other'}>
      <p>
        <strong>{status.isGovNews ? t('uiPageGov') : t('uiPageOther')}</strong>{' '}
        <span class="muted">
          {t('uiScore')} {status.score.toFixed(2)}
        </span>
      </p>
      <p class="counts">
        {t('uiKindOfficial')} {status.counts.official} · {t('uiKindMeeting')}{' '}
        {status.counts.meeting} · {t('uiKindDirective')} {status.counts.directive}
      </p>
      <button
        type="button"
        class="toggle-annotations"
        aria-pressed={status.annotated}
        onClick={toggle}
      >
        {status.annotated ? t('uiAnnotateOff') : t('uiAnnotateOn')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** The popup page. */
export function Popup() {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const [clips, setClips] = useState<Clip[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    (query ? send('clips/list', { text: query, limit: POPUP_CLIPS }) : takeNewestClips()).then(
      (r) => {
        if (!live) return;
        setClips(r.clips);
        setTotal(r.total);
        setError('');
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const openLibrary = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('src/library/index.html') });
    window.close();
  };
  const openClip = async (clip: Clip) => {
    await send('clips/open', { id: clip.id });
    window.close();
  };

  return (
    <main class="popup">
      <TabPanel />
      <section aria-labelledby="popup-clips-heading">
        <h2 id="popup-clips-heading">
          {t('uiNewestClips')} {total !== null && <span class="muted clip-total">({total})</span>}
        </h2>
        <label class="visually-hidden" for="popup-search">
          {t('uiSearchClips')}
        </label>
        <input
          id="popup-search"
          type="search"
          class="search"
          placeholder={t('uiSearchPlaceholder')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {clips === null ? (
          <p>{t('uiLoading')}</p>
        ) : clips.length === 0 ? (
          <p class="empty">{query ? t('uiNoMatches') : t('uiNoClips')}</p>
        ) : (
          <div class="popup-clips" aria-live="polite">
            {clips.map((clip) => (
              <ClipCard key={clip.id} clip={clip} compact onOpen={openClip} />
            ))}
          </div>
        )}
      </section>
      <button type="button" class="open-library" onClick={openLibrary}>
        {t('uiOpenLibrary')}
      </button>
    </main>
  );
}

/**
 * Start-up of the content script: the cheap Chinese-text check first (a page without Chinese
 * stops there, keeping only the message listener so the popup can still ask), then settings and
 * the annotator.
 *
 * The annotator and Preact are loaded with `import()`, only when the page has Chinese text or a
 * tab message asks for them: every other page loads just this module, the Chinese check and the
 * message listener. The engine's module loads in a tab only on demand (the background reads the
 * page's text: see `page-engine.ts`).
 * Vite wraps `import()` in its preload helper, which would add `<link rel=modulepreload>` elements
 * to the page; `build.modulePreload: false` in `vite.config.ts` leaves the helper with nothing to
 * preload, so the page's DOM stays untouched.
 */
import { captureNatives } from '../dom/natives';
import { pageHasChineseText, watchForChinese } from './chinese-check';
import type { TabStatus } from '../shared/tab-messages';
import type { Annotator } from './annotator';
import { listenForTabMessages } from './tab-messages';

/** What the popup is told about a page without Chinese text. */
const NO_CHINESE: TabStatus = {
  hasChinese: false,
  annotated: false,
  isGovNews: false,
  score: 0,
  signals: [],
  counts: { official: 0, meeting: 0, directive: 0 },
  background: null,
  lastClipId: null,
  anchor: null,
};

/** Runs the content script on `doc` until `signal` aborts. */
export async function startContent(doc: Document, signal: AbortSignal): Promise<void> {
  captureNatives();
  const hasChinese = pageHasChineseText(doc);
  let annotator: Annotator | null = null;
  let loading: Promise<Annotator> | null = null;
  // One load however many messages arrive meanwhile; a failed load may be retried by the next.
  const getAnnotator = (): Promise<Annotator> => {
    loading ??= import('./annotator-setup')
      .then(({ setUpAnnotator }) => {
        if (signal.aborted) throw new Error('Content script stopped');
        return setUpAnnotator(doc, signal);
      })
      .then((created) => (annotator = created))
      .catch((err: unknown) => {
        loading = null;
        throw err;
      });
    return loading;
  };
  listenForTabMessages(
    {
      // Checked again on each question: a single-page site may have added Chinese text since.
      'tab/status': async () =>
        annotator ? annotator.status() : { ...NO_CHINESE, hasChinese: pageHasChineseText(doc) },
      'tab/set-annotations': async ({ on }) => {
        // Nothing loaded or loading: nothing to switch off, and no reason to load the engine.
        if (!on && !loading) return { ...NO_CHINESE, hasChinese: pageHasChineseText(doc) };
        return (await getAnnotator()).setAnnotations(on);
      },
      'tab/save-selection': async () => ({
        clipId: await (await getAnnotator()).saveSelection(),
      }),
      'tab/anchor-clip': async ({ selectors }) => ({
        found: await (await getAnnotator()).anchorClip(selectors),
      }),
    },
    signal,
  );
  const start = async (): Promise<void> => (await getAnnotator()).start();
  if (hasChinese) await start();
  else watchForChinese(doc, () => void start().catch(() => undefined), signal);
}

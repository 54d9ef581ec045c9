/**
 * Start-up of the content script: the cheap Chinese-text check first (a page without Chinese
 * stops there, keeping only the message listener so the popup can still ask), then settings and
 * the annotator.
 */
import { captureNatives } from '../dom/natives';
import { pageHasChineseText } from '../dom/chinese-check';
import { loadSettings, watchSettings, DEFAULT_SETTINGS } from '../shared/settings';
import type { TabStatus } from '../shared/messages';
import { createAnnotator, translate, type Annotator } from './annotator';
import { listenForTabMessages } from './tab-messages';

/** What the popup is told about a page without Chinese text. */
const NO_CHINESE: TabStatus = {
  hasChinese: false,
  annotated: false,
  isGovNews: false,
  score: 0,
  signals: [],
  counts: { official: 0, meeting: 0, directive: 0 },
};

/** Runs the content script on `doc` until `signal` aborts. */
export async function startContent(doc: Document, signal: AbortSignal): Promise<void> {
  captureNatives();
  const hasChinese = pageHasChineseText(doc);
  let annotator: Annotator | null = null;
  const getAnnotator = async (): Promise<Annotator> => {
    if (!annotator) {
      // No dynamic import() here: Vite's preload helper would add <link> elements to the page.
      const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
      annotator ??= createAnnotator(doc, settings, translate, signal);
      watchSettings((s) => annotator?.applySettings(s), signal);
    }
    return annotator;
  };
  listenForTabMessages(
    {
      'tab/status': async () => (annotator ? annotator.status() : { ...NO_CHINESE, hasChinese }),
      'tab/set-annotations': async ({ on }) => {
        if (!on && !annotator) return { ...NO_CHINESE, hasChinese };
        return (await getAnnotator()).setAnnotations(on);
      },
      'tab/save-selection': async () => ({
        clipId: await (await getAnnotator()).saveSelection(),
      }),
      'tab/anchor-clip': async ({ clip }) => ({
        found: await (await getAnnotator()).anchorClip(clip),
      }),
    },
    signal,
  );
  if (!hasChinese) return;
  await (await getAnnotator()).start();
}

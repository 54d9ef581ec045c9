/**
 * The lazily loaded half of the content script: settings plus the annotator (and with it the
 * engine and Preact). `startup.ts` imports this module with `import()` only once the page has
 * Chinese text or the user asks for annotations, so other pages never load it.
 */
import { loadSettings, watchSettings, DEFAULT_SETTINGS } from '../shared/settings';
import { createAnnotator, translate, type Annotator } from './annotator';

/** Creates the annotator for `doc` with the stored settings and keeps it in step with them. */
export async function setUpAnnotator(doc: Document, signal: AbortSignal): Promise<Annotator> {
  // Storage can fail (extension reloaded, quota); the defaults still give a working page.
  const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  const annotator = createAnnotator(doc, settings, translate, signal);
  watchSettings((s) => annotator.applySettings(s), signal);
  return annotator;
}

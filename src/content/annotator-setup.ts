/**
 * The lazily loaded half of the content script: settings plus the annotator (and with it the
 * engine and Preact). `startup.ts` imports this module with `import()` only once the page has
 * Chinese text or the user asks for annotations, so other pages never load it.
 */
import { loadSettings, watchSettings, DEFAULT_SETTINGS } from '../shared/settings';
import browser from 'webextension-polyfill';
import { send } from '../shared/send';
import { createAnnotator, type Annotator } from './annotator';

/** Creates the annotator for `doc` with the stored settings and keeps it in step with them. */
export async function setUpAnnotator(doc: Document, signal: AbortSignal): Promise<Annotator> {
  // Storage can fail (extension reloaded, quota); the defaults still give a working page.
  const settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  const annotator = createAnnotator(doc, settings, { send, t: translate }, signal);
  watchSettings((s) => annotator.applySettings(s), signal);
  return annotator;
}

/** Messages already looked up: the UI language cannot change while the page is open. */
const messages = new Map<string, string>();

/**
 * `browser.i18n.getMessage`, falling back to the key so a missing string is visible. Cached: each
 * call crosses into the extension bindings, and the panel's lists ask for the same few strings
 * thousands of times on a huge page (22 ms of one render).
 */
export function translate(key: string): string {
  let message = messages.get(key);
  if (message === undefined) {
    try {
      message = browser.i18n.getMessage(key) || key;
    } catch {
      message = key;
    }
    messages.set(key, message);
  }
  return message;
}

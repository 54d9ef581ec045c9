/**
 * The panel's "Why" list in words: each detection signal (`content.chaired-meeting`) has a
 * sentence in the locale files under a key made from its name (`whyContentChairedMeeting`), so
 * the reasons read in the UI's language while core keeps its stable machine names.
 */
import type { PageSignal } from '../../core/types';
import type { Translate } from './page-panel';

/** The message key of a signal's sentence: `url.gov-cn` → `whyUrlGovCn`. */
export function signalMessageKey(name: string): string {
  return `why${name
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;
}

/** The signal as a sentence; its machine name only when the locale has no sentence for it. */
export function signalSentenceOf(signal: PageSignal, t: Translate): string {
  return t(signalMessageKey(signal.name)) || signal.name;
}

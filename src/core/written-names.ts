/**
 * Names as the page writes them. The normaliser's character table reads traditional pages; it
 * also changes characters that names use (乾 → 干), which a name keeps.
 */
import { mapOf } from './lexicons/index';
import type { RawOfficial } from './officials';
import { scriptOf, type NormalizedText } from './text/normalize';
import { toOriginalStart } from './text/offset-mapping';

/** What the conversion table gives → the character a simplified page wrote in a name. */
const KEPT_IN_SIMPLIFIED_NAMES = mapOf('characters', 'keptInSimplifiedNames');
/** What the conversion table gives → the character a traditional page wrote in a name. */
const KEPT_IN_TRADITIONAL_NAMES = mapOf('characters', 'keptInTraditionalNames');

/**
 * Gives back to names the characters the conversion table changed but a name keeps: on a
 * simplified page those of `keptInSimplifiedNames` (张乾山, not 张干山; 於), on a traditional one
 * those of `keptInTraditionalNames` (周乾隆). Each character is looked up where the page wrote it,
 * glosses stripped or not.
 */
export function keepWrittenNames(officials: readonly RawOfficial[], norm: NormalizedText): void {
  if (norm.text === norm.original) return;
  const kept =
    scriptOf(norm) === 'traditional' ? KEPT_IN_TRADITIONAL_NAMES : KEPT_IN_SIMPLIFIED_NAMES;
  for (const o of officials) {
    // Only a name read as written (not one whose spaces or dots were tidied) lines up.
    if (norm.text.slice(o.nameStart, o.nameEnd) !== o.name) continue;
    let name = '';
    for (let k = 0; k < o.name.length; k++) {
      const ch = o.name.charAt(k);
      const keep = kept[ch];
      const written =
        keep === undefined ? ch : norm.original.charAt(toOriginalStart(norm, o.nameStart + k));
      name += written === keep ? written : ch;
    }
    o.name = name;
  }
}

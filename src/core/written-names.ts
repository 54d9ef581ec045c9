/**
 * Names as a simplified page writes them. The normaliser's character table reads traditional
 * pages; on a simplified page it also changes characters that names use (乾 → 干).
 */
import { mapOf } from './lexicons/index';
import type { RawOfficial } from './officials';
import { scriptOf, type NormalizedText } from './text/normalize';

/** What the conversion table gives → the character a simplified page wrote in a name. */
const KEPT_IN_NAMES = mapOf('characters', 'keptInSimplifiedNames');

/**
 * On a page not in traditional script, gives back the characters of {@link KEPT_IN_NAMES} to the
 * names the conversion table changed (张乾山, not 张干山). Only where no gloss was stripped, so
 * offsets match.
 */
export function keepSimplifiedNames(officials: readonly RawOfficial[], norm: NormalizedText): void {
  if (norm.text === norm.original || norm.shifts !== undefined) return;
  if (scriptOf(norm) === 'traditional') return;
  for (const o of officials) {
    const written = norm.original.slice(o.nameStart, o.nameEnd);
    if (written === o.name || written.length !== o.name.length) continue;
    let name = '';
    for (let k = 0; k < written.length; k++) {
      const w = written.charAt(k);
      name += KEPT_IN_NAMES[o.name.charAt(k)] === w ? w : o.name.charAt(k);
    }
    o.name = name;
  }
}

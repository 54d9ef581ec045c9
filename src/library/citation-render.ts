/**
 * Formats a clip's citation in Chicago (17th edition, notes and bibliography) or APA (7th edition)
 * with citeproc-js, from the same CSL-JSON item the CSL-JSON export writes. Runs in the library
 * page, loaded on first use: citeproc and the styles are large and no other page needs them.
 */
import CSL, { type Engine } from 'citeproc';
import type { Clip } from '../core/clips/model';
import { cslItemOf, type CslItem } from '../core/export/citation-csl';
import apaStyle from './citation-styles/apa.csl?raw';
import chicagoStyle from './citation-styles/chicago-note-bibliography.csl?raw';
import enUsLocale from './citation-styles/locales-en-US.xml?raw';

/** The citation styles offered by "copy citation". */
export type CitationStyle = 'chicago' | 'apa';

const STYLES: Record<CitationStyle, string> = { chicago: chicagoStyle, apa: apaStyle };

/** The item the engine of each style is asked about (set just before each rendering). */
let current: CslItem | undefined;
const engines = new Map<CitationStyle, Engine>();

/** The engine of a style, built once: parsing a style takes far longer than formatting. */
function engineOf(style: CitationStyle): Engine {
  let engine = engines.get(style);
  if (!engine) {
    engine = new CSL.Engine(
      {
        // Only en-US ships; the styles' terms (Accessed, n.d.) are English in every UI language.
        retrieveLocale: (lang) => (lang === 'en-US' || lang === 'us' ? enUsLocale : false),
        retrieveItem: (id) => (current?.id === id ? current : undefined),
      },
      STYLES[style],
      'en-US',
      true,
    );
    engine.setOutputFormat('text');
    engines.set(style, engine);
  }
  return engine;
}

/** The bibliography entry of a CSL item in a style, as plain text. */
export function formatCitation(item: CslItem, style: CitationStyle): string {
  const engine = engineOf(style);
  current = item;
  try {
    engine.updateItems([item.id]);
    const bibliography = engine.makeBibliography();
    const entry = bibliography ? bibliography[1].join('').trim() : '';
    if (!entry) throw new Error(`citeproc gave no ${style} entry for clip ${item.id}`);
    return entry;
  } finally {
    current = undefined;
  }
}

/** The citation of a clip's article in a style, as plain text. */
export function citeClip(clip: Clip, style: CitationStyle): string {
  return formatCitation(cslItemOf(clip), style);
}

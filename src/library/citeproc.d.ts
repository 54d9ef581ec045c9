/**
 * Types of the parts of citeproc-js (`citeproc`, CommonJS, no types of its own) the library uses:
 * one engine per style, fed CSL-JSON items and the en-US locale as serialized XML.
 */
declare module 'citeproc' {
  /** What the engine asks its host for. */
  export interface CiteprocSys {
    retrieveLocale(lang: string): string | false;
    retrieveItem(id: string): unknown;
  }
  /** A CSL processor for one style. */
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [Record<string, unknown>, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}

/** CSL style and locale files imported as text (Vite's `?raw`). */
declare module '*.csl?raw' {
  const xml: string;
  export default xml;
}
declare module '*.xml?raw' {
  const xml: string;
  export default xml;
}

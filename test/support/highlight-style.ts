/**
 * Page-side read of how the browser would paint a custom highlight: the computed style of an
 * element's `::highlight(name)` pseudo-element. It shows that the stylesheet the extension injects
 * with its content script (manifest `css`) reaches the page, without looking at pixels.
 *
 * API: await readHighlightStyle(page, 'main p', ['zwl-official', 'zwl-ink-official'])
 *      → { 'zwl-official': { background: 'rgba(…)', decoration: 'none', colour: '…' }, … }
 */
import { evaluateIn, type AnyPage } from './panel';

/** The painted properties of one highlight name. */
export interface HighlightStyle {
  background: string;
  decoration: string;
  colour: string;
}

/** Computed `::highlight(name)` styles of the first element matching `selector`. */
export function readHighlightStyle(
  page: AnyPage,
  selector: string,
  names: string[],
): Promise<Record<string, HighlightStyle>> {
  return evaluateIn(
    page,
    ({ selector, names }: { selector: string; names: string[] }) => {
      const el = document.querySelector(selector);
      const out: Record<string, HighlightStyle> = {};
      if (!el) return out;
      for (const name of names) {
        const c = getComputedStyle(el, `::highlight(${name})`);
        out[name] = {
          background: c.backgroundColor,
          decoration: c.textDecorationLine,
          colour: c.textDecorationColor,
        };
      }
      return out;
    },
    { selector, names },
  );
}

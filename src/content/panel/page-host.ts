/**
 * The one element the extension adds to a page: `<zhengwen-lens-panel data-zhengwen-lens-ui>`
 * as the last child of `<html>`, with a closed shadow root holding the Preact UI. It carries
 * nothing else a page could read: the marker attribute is how the extension's own DOM code
 * (`src/dom/page-text.ts`, `dynamic-content.ts`) knows its UI apart from the page's text, and
 * tells a page no more than the tag name does. A page that removes it gets it back; `remove()`
 * takes it out for good.
 */
import { h, render } from 'preact';
import { UI_MARKER_ATTRIBUTE } from '../../dom/page-text';
import { captureNatives } from '../../dom/natives';
import { PANEL_CSS } from './panel-styles';
import { PageUi, type PanelActions, type PanelView, type Translate } from './page-panel';

/** Tag name of the host element. */
export const HOST_TAG = 'zhengwen-lens-panel';

/** How often a removed host is put back before the extension gives up on the page. */
const MAX_RESTORES = 20;

/** The host and its UI. */
export interface PageHost {
  element: Element;
  render(view: PanelView): void;
  remove(): void;
}

/** Adds the host to `doc` and prepares its shadow UI. */
export function createPageHost(doc: Document, actions: PanelActions, t: Translate): PageHost {
  const natives = captureNatives();
  const element = doc.createElement(HOST_TAG);
  natives.setAttribute(element, UI_MARKER_ATTRIBUTE, '');
  const root = natives.attachShadow(element, { mode: 'closed' });
  adoptSheet(root, PANEL_CSS);
  const container = doc.createElement('div');
  root.append(container);
  natives.append(doc.documentElement, element);
  // A page that removes the host (a framework re-rendering <html>'s children, or on purpose) must
  // not take the panel away for good: it is put back, as the last child again. A few times only:
  // a page that removes it on every change would otherwise fight the extension forever.
  let restores = 0;
  const keeper = new MutationObserver(() => {
    if (element.isConnected) return;
    if (++restores > MAX_RESTORES) keeper.disconnect();
    else natives.append(doc.documentElement, element);
  });
  keeper.observe(doc.documentElement, { childList: true });
  return {
    element,
    render: (view) => render(h(PageUi, { view, actions, t }), container),
    remove() {
      keeper.disconnect();
      render(null, container);
      natives.remove(element);
    },
  };
}

/** A stylesheet adopted by a document or shadow root; `remove()` un-adopts it. */
interface AdoptedSheet {
  sheet: CSSStyleSheet;
  remove(): void;
}

/**
 * Adopts a constructed stylesheet with `css` into `target` (no `<style>` element, so a strict
 * page CSP does not block it and the page's DOM is unchanged).
 */
function adoptSheet(target: Document | ShadowRoot, css: string): AdoptedSheet {
  const doc = target.nodeType === 9 ? (target as Document) : (target as ShadowRoot).ownerDocument;
  const win = doc.defaultView as Window & typeof globalThis;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  return {
    sheet,
    remove() {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

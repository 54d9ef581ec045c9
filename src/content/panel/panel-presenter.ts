/**
 * The panel presenter: owns the page host (created on first need, removed on switch-off) and
 * renders the panel from the state. The host carries no summary of the state: the extension reads
 * it through the `tab/status` message instead, which a page cannot send.
 */
import type { Send } from '../../shared/send';
import { isDarkPage } from '../highlight-palette';
import { panelViewOf, type PageState } from '../page-state';
import { createPageHost, type PageHost } from './page-host';
import type { PanelActions, Translate } from './page-panel';

/** The presenter collaborator. */
export interface PanelPresenter {
  /** Creates the host when there is none; answers whether it was just created. */
  show(): boolean;
  isShown(): boolean;
  /** The host element (pointer or selection inside it is inside the panel), if shown. */
  element(): Element | null;
  /** Renders the panel. */
  render(): void;
  remove(): void;
}

/**
 * Creates the presenter; `send` asks the background for its version once, when the panel is first
 * shown (the `background` of the tab status: the content script reached the background).
 */
export function createPanelPresenter(
  doc: Document,
  state: PageState,
  actions: PanelActions,
  ports: { send: Send; t: Translate },
): PanelPresenter {
  let host: PageHost | null = null;
  let pinged = false;

  function pingBackground(): void {
    if (pinged) return;
    pinged = true;
    const answered = (version: string): void => {
      state.backgroundVersion = version;
    };
    void ports.send('ping', {}).then(
      (r) => answered(r.version),
      () => answered('unreachable'),
    );
  }

  const render = (): void => host?.render(panelViewOf(state));

  return {
    show() {
      if (host) return false;
      pingBackground();
      // Read once, before the host dirties the page's style: reading computed colours later
      // would force a synchronous style recalculation of the whole page.
      state.darkPage = isDarkPage(doc);
      host = createPageHost(doc, actions, ports.t);
      render();
      return true;
    },
    isShown: () => host !== null,
    element: () => host?.element ?? null,
    render,
    remove() {
      host?.remove();
      host = null;
    },
  };
}

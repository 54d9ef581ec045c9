/**
 * The panel presenter: owns the page host (created on first need, removed on switch-off), renders
 * the panel from the state, and keeps the host's public `data-*` attributes (the page-side test
 * contract) in step with it.
 */
import type { Send } from '../../shared/send';
import { isGovUnderSettings } from '../annotate-policy';
import { isDarkPage } from '../highlight-palette';
import { countsText, panelViewOf, type PageState } from '../page-state';
import { createPageHost, type PageHost } from './page-host';
import type { PanelActions, Translate } from './page-panel';

/** The presenter collaborator. */
export interface PanelPresenter {
  /** Creates the host when there is none; answers whether it was just created. */
  show(): boolean;
  isShown(): boolean;
  /** The host element (pointer or selection inside it is inside the panel), if shown. */
  element(): Element | null;
  /** Renders the panel and updates the host's attributes. */
  render(): void;
  /** Sets one more `data-*` attribute on the host, if shown. */
  setData(name: string, value: string): void;
  remove(): void;
}

/** Creates the presenter; `send` asks the background for its version once (`data-background`). */
export function createPanelPresenter(
  doc: Document,
  state: PageState,
  actions: PanelActions,
  ports: { send: Send; t: Translate },
): PanelPresenter {
  let host: PageHost | null = null;
  let pinged = false;

  function syncData(): void {
    if (!host) return;
    host.setData('state', state.phase === 'annotated' ? 'annotated' : 'idle');
    if (state.backgroundVersion !== null) host.setData('background', state.backgroundVersion);
    host.setData('counts', countsText(state));
    if (state.analysis) {
      const { result } = state.analysis;
      host.setData('detection', isGovUnderSettings(result, state.settings) ? 'gov' : 'other');
      host.setData('score', result.page.score.toFixed(2));
    }
  }

  function pingBackground(): void {
    if (pinged) return;
    pinged = true;
    const answered = (version: string): void => {
      state.backgroundVersion = version;
      syncData();
    };
    void ports.send('ping', {}).then(
      (r) => answered(r.version),
      () => answered('unreachable'),
    );
  }

  const render = (): void => {
    syncData();
    host?.render(panelViewOf(state));
  };

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
    setData: (name, value) => host?.setData(name, value),
    remove() {
      host?.remove();
      host = null;
    },
  };
}

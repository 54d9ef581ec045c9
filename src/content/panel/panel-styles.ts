import { tokenCss } from '../../ui/design-tokens';

/**
 * Stylesheet of the extension's own UI, adopted by its closed shadow root (a constructed sheet:
 * no `<style>` element, so a strict page CSP does not block it). `:host` resets every inherited
 * property, so the page's CSS cannot reach in. Colours, type scale and spacing are the extension
 * pages' tokens (src/ui/design-tokens.ts), so the panel and the pages look like one product.
 */
export const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; inset: auto 0 0 auto !important;
  width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; }
${tokenCss('.zwl')}
.zwl { font: var(--text-base)/1.45 var(--font-ui); color: var(--fg); }
.zwl button { font: inherit; color: inherit; cursor: pointer; }
.zwl :focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.tab { position: fixed; right: 12px; bottom: 12px; background: var(--bg); border: 1px solid var(--line);
  border-radius: 16px; padding: var(--space-2) var(--space-5); box-shadow: 0 2px 8px var(--shadow); }
.panel { position: fixed; right: 12px; bottom: 12px; width: 340px; max-height: min(70vh, 640px);
  display: flex; flex-direction: column; background: var(--bg); border: 1px solid var(--line);
  border-radius: var(--radius-lg); box-shadow: 0 4px 18px var(--shadow); overflow: hidden; }
.head { display: flex; align-items: center; gap: var(--space-4); padding: var(--space-4) 10px; border-bottom: 1px solid var(--line); }
.head h2 { font-size: var(--text-md); margin: 0; flex: 1; }
.icon { background: none; border: 1px solid transparent; border-radius: var(--radius-md); padding: var(--space-1) var(--space-4); }
.icon:hover { border-color: var(--line); }
.controls { padding: 8px 10px 0; border-bottom: 1px solid var(--line); }
.body { overflow: auto; padding: 8px 10px; }
.meeting { margin: 0 0 6px; } .meeting b { font-weight: 600; }
.detect { margin: 0 0 6px; }
.detect b { color: var(--accent); }
details { margin: 0 0 8px; color: var(--muted); }
details ul { margin: var(--space-2) 0 0; padding-left: 18px; }
details li { margin: 0 0 var(--space-1); }
.toggles { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-5); margin: 0 0 var(--space-4); padding: 0; border: 0; }
.toggles label { display: inline-flex; align-items: center; gap: var(--space-2); }
.toggles input { accent-color: var(--accent); margin: 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; border-bottom: 2px solid; }
.actions { display: flex; flex-wrap: wrap; gap: var(--space-3); margin: 0 0 var(--space-4); }
.actions button { background: var(--bg); border: 1px solid var(--line); border-radius: var(--radius-md); padding: var(--space-1) var(--space-4); }
.actions button:hover { border-color: var(--accent); }
.status { min-height: 1.2em; margin: 0 0 6px; }
.status.ok { color: var(--ok); } .status.error { color: var(--err); }
h3 { font-size: var(--text-base); margin: var(--space-4) 0 var(--space-2); }
ul.items { list-style: none; margin: 0; padding: 0; }
ul.items button { display: block; width: 100%; text-align: left; background: none; border: 0;
  border-radius: var(--radius-sm); padding: var(--space-1) var(--space-2); }
ul.items button:hover, ul.items button:focus-visible { background: var(--hover); }
.muted { color: var(--muted); }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
.card { position: fixed; max-width: 320px; background: var(--bg); border: 1px solid var(--line);
  border-radius: var(--radius-lg); padding: var(--space-4) 10px; box-shadow: 0 4px 14px var(--shadow); }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0 6px; }
.card dt { color: var(--muted); } .card dd { margin: 0; }
.card .kind { font-weight: 600; }
.card button { background: var(--bg); border: 1px solid var(--line); border-radius: var(--radius-md); padding: var(--space-1) var(--space-4); }
`;

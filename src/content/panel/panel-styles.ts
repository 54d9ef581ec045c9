/**
 * Stylesheet of the extension's own UI, adopted by its closed shadow root (a constructed sheet:
 * no `<style>` element, so a strict page CSP does not block it). `:host` resets every inherited
 * property, so the page's CSS cannot reach in.
 */
export const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; inset: auto 0 0 auto !important;
  width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; }
.zwl { --bg: #fdfdfb; --fg: #1d1d1f; --muted: #5d5d66; --line: #d5d5dc; --accent: #1c5fc4;
  --ok: #1c7a3a; --err: #b3261e; font: 13px/1.45 system-ui, "Noto Sans CJK SC", "Noto Sans SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); }
@media (prefers-color-scheme: dark) {
  .zwl { --bg: #232327; --fg: #f0f0f2; --muted: #b3b3bd; --line: #45454d; --accent: #8ab8ff;
    --ok: #7fd69a; --err: #ff8a80; }
}
.zwl button { font: inherit; color: inherit; cursor: pointer; }
.zwl :focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.tab { position: fixed; right: 12px; bottom: 12px; background: var(--bg); border: 1px solid var(--line);
  border-radius: 16px; padding: 4px 12px; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.panel { position: fixed; right: 12px; bottom: 12px; width: 340px; max-height: min(70vh, 640px);
  display: flex; flex-direction: column; background: var(--bg); border: 1px solid var(--line);
  border-radius: 10px; box-shadow: 0 4px 18px rgba(0,0,0,.22); overflow: hidden; }
.head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-bottom: 1px solid var(--line); }
.head h2 { font-size: 14px; margin: 0; flex: 1; }
.icon { background: none; border: 1px solid transparent; border-radius: 6px; padding: 2px 8px; }
.icon:hover { border-color: var(--line); }
.controls { padding: 8px 10px 0; border-bottom: 1px solid var(--line); }
.body { overflow: auto; padding: 8px 10px; }
.meeting { margin: 0 0 6px; } .meeting b { font-weight: 600; }
.detect { margin: 0 0 6px; }
.detect b { color: var(--accent); }
details { margin: 0 0 8px; color: var(--muted); }
details ul { margin: 4px 0 0; padding-left: 18px; }
.toggles { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0 0 8px; padding: 0; border: 0; }
.toggles label { display: inline-flex; align-items: center; gap: 4px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; border-bottom: 2px solid; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; }
.actions button { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 3px 8px; }
.actions button:hover { border-color: var(--accent); }
.status { min-height: 1.2em; margin: 0 0 6px; }
.status.ok { color: var(--ok); } .status.error { color: var(--err); }
h3 { font-size: 13px; margin: 8px 0 4px; }
ul.items { list-style: none; margin: 0; padding: 0; }
ul.items button { display: block; width: 100%; text-align: left; background: none; border: 0;
  border-radius: 4px; padding: 2px 4px; }
ul.items button:hover, ul.items button:focus-visible { background: rgba(127,127,127,.15); }
.muted { color: var(--muted); }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
.card { position: fixed; max-width: 320px; background: var(--bg); border: 1px solid var(--line);
  border-radius: 8px; padding: 8px 10px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0 6px; }
.card dt { color: var(--muted); } .card dd { margin: 0; }
.card .kind { font-weight: 600; }
.card button { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; }
`;

/**
 * Highlights through the CSS Custom Highlight API: ranges are registered in `CSS.highlights` under
 * `zwl-<kind>` (and a shade per subtype, `zwl-<kind>-<subtype>`), painted by `::highlight()` rules
 * in a constructed stylesheet adopted by the document. Nothing in the page's DOM changes, and
 * `clear()` removes every highlight and the sheet again.
 */
import type { Entity, EntityKind } from '../core/types';

/** Entity kinds, in display order. */
export const KINDS: readonly EntityKind[] = ['official', 'meeting', 'directive'];

/** Highlight name of a kind (the page-side contract). */
export function kindHighlightName(kind: EntityKind): string {
  return `zwl-${kind}`;
}

/** Highlight name of an entity's shade, when its subtype has one. */
export function shadeHighlightName(entity: Entity): string | null {
  if (entity.kind === 'directive') return `zwl-directive-${entity.subtype}`;
  if (entity.kind === 'official') return 'zwl-official-name';
  return null;
}

/** Names of the transient highlights used to point at one entity. */
export const FLASH_HIGHLIGHT = 'zwl-flash';
export const FOCUS_HIGHLIGHT = 'zwl-focus';

/** Colours of one palette: background and underline per highlight name. */
type Palette = Record<string, { bg: string; line: string }>;

/**
 * Translucent backgrounds keep the page's own text colour (readable on light and dark pages);
 * the underline carries the kind's hue so kinds stay distinct for colour-blind readers too
 * (solid / double / wavy).
 */
const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    'zwl-official': { bg: 'rgba(255, 186, 73, 0.30)', line: '#b35c00' },
    'zwl-official-name': { bg: 'rgba(255, 160, 40, 0.42)', line: '#b35c00' },
    'zwl-meeting': { bg: 'rgba(90, 160, 255, 0.30)', line: '#1c5fc4' },
    'zwl-directive': { bg: 'rgba(120, 200, 120, 0.28)', line: '#2a7a2a' },
    'zwl-directive-slogan': { bg: 'rgba(200, 130, 230, 0.30)', line: '#7b2fa0' },
    'zwl-directive-formula': { bg: 'rgba(230, 120, 160, 0.30)', line: '#a3245a' },
    'zwl-directive-imperative': { bg: 'rgba(120, 200, 120, 0.28)', line: '#2a7a2a' },
    'zwl-directive-enumeration': { bg: 'rgba(60, 190, 180, 0.30)', line: '#11736c' },
  },
  dark: {
    'zwl-official': { bg: 'rgba(255, 186, 73, 0.30)', line: '#ffb74d' },
    'zwl-official-name': { bg: 'rgba(255, 170, 60, 0.42)', line: '#ffb74d' },
    'zwl-meeting': { bg: 'rgba(100, 170, 255, 0.34)', line: '#8ab8ff' },
    'zwl-directive': { bg: 'rgba(120, 210, 120, 0.30)', line: '#8fdc8f' },
    'zwl-directive-slogan': { bg: 'rgba(210, 140, 240, 0.34)', line: '#d9a6f0' },
    'zwl-directive-formula': { bg: 'rgba(240, 130, 170, 0.34)', line: '#f4a3c2' },
    'zwl-directive-imperative': { bg: 'rgba(120, 210, 120, 0.30)', line: '#8fdc8f' },
    'zwl-directive-enumeration': { bg: 'rgba(70, 200, 190, 0.34)', line: '#7fe0d7' },
  },
};

/** The colour of a highlight name in a palette (for the panel's legend). */
export function highlightColour(name: string, dark: boolean): { bg: string; line: string } {
  const palette = PALETTES[dark ? 'dark' : 'light'];
  return palette[name] ?? palette['zwl-directive']!;
}

/** CSS text of the `::highlight()` rules for a light or dark page. */
export function highlightCss(dark: boolean): string {
  const palette = PALETTES[dark ? 'dark' : 'light'];
  const style = (name: string): string =>
    name.startsWith('zwl-meeting') ? 'double' : name.startsWith('zwl-directive') ? 'wavy' : 'solid';
  const rules = Object.entries(palette).map(
    ([name, c]) =>
      `::highlight(${name}){background-color:${c.bg};text-decoration:underline ${style(name)} ${c.line};}`,
  );
  rules.push(
    `::highlight(${FOCUS_HIGHLIGHT}){background-color:${dark ? 'rgba(255,255,255,0.25)' : 'rgba(0,0,0,0.12)'};text-decoration:underline solid ${dark ? '#fff' : '#000'};}`,
    `::highlight(${FLASH_HIGHLIGHT}){background-color:${dark ? '#ffe066' : '#ffd400'};color:#000;}`,
  );
  return rules.join('\n');
}

/** Whether the page paints light text on a dark background (judged from its computed colours). */
export function isDarkPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = parseRgb(view.getComputedStyle(el).backgroundColor);
    if (bg && bg.a > 0.5) return luminance(bg) < 0.4;
  }
  const fg = doc.body ? parseRgb(view.getComputedStyle(doc.body).color) : null;
  return fg ? luminance(fg) > 0.6 : false;
}

function parseRgb(css: string): { r: number; g: number; b: number; a: number } | null {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?/.exec(css);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
  return { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: alpha };
}

function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** One entity's ranges as registered. */
export interface RegisteredEntity {
  entity: Entity;
  range: Range;
  nameRange: Range | null;
}

/** The document's highlights owned by the extension. */
export interface HighlightRegistry {
  /** Replaces every registered range with `items`. */
  reset(): void;
  add(item: RegisteredEntity): void;
  /** Shows or hides one kind (its highlights leave `CSS.highlights` while hidden). */
  setKindVisible(kind: EntityKind, visible: boolean): void;
  isKindVisible(kind: EntityKind): boolean;
  /** Number of ranges per kind. */
  counts(): Record<EntityKind, number>;
  /** Marks one range as focused (keyboard / hover), or clears the focus with null. */
  focus(range: Range | null): void;
  /** Briefly flashes one range. */
  flash(range: Range, ms?: number): void;
  /** Removes every highlight and the stylesheet. */
  clear(): void;
}

/** Whether the browser has the CSS Custom Highlight API. */
export function supportsHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

/** Creates the registry for `doc` and adopts its stylesheet; `clear()` undoes both. */
export function createHighlightRegistry(doc: Document): HighlightRegistry {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  const byName = new Map<string, Highlight>();
  const visible: Record<EntityKind, boolean> = { official: true, meeting: true, directive: true };
  const counts: Record<EntityKind, number> = { official: 0, meeting: 0, directive: 0 };
  const sheet = adoptSheet(doc, highlightCss(isDarkPage(doc)));
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const kindOfName = (name: string): EntityKind | null =>
    KINDS.find((k) => name === `zwl-${k}` || name.startsWith(`zwl-${k}-`)) ?? null;

  const highlightFor = (name: string, priority: number): Highlight => {
    let h = byName.get(name);
    if (!h) {
      h = new win.Highlight();
      h.priority = priority;
      byName.set(name, h);
      const kind = kindOfName(name);
      if (kind === null || visible[kind]) registry.set(name, h);
    }
    return h;
  };

  const api: HighlightRegistry = {
    reset() {
      for (const [name, h] of byName) {
        if (name === FLASH_HIGHLIGHT || name === FOCUS_HIGHLIGHT) continue;
        h.clear();
      }
      for (const k of KINDS) counts[k] = 0;
    },
    add({ entity, range, nameRange }) {
      highlightFor(kindHighlightName(entity.kind), 1).add(range);
      counts[entity.kind] += 1;
      const shade = shadeHighlightName(entity);
      if (!shade) return;
      if (entity.kind === 'official') {
        if (nameRange) highlightFor(shade, 2).add(nameRange);
      } else highlightFor(shade, 2).add(range);
    },
    setKindVisible(kind, on) {
      visible[kind] = on;
      for (const [name, h] of byName) {
        if (kindOfName(name) !== kind) continue;
        if (on) registry.set(name, h);
        else registry.delete(name);
      }
    },
    isKindVisible: (kind) => visible[kind],
    counts: () => ({ ...counts }),
    focus(range) {
      const h = highlightFor(FOCUS_HIGHLIGHT, 5);
      h.clear();
      if (range) h.add(range);
    },
    flash(range, ms = 1200) {
      const h = highlightFor(FLASH_HIGHLIGHT, 10);
      h.clear();
      h.add(range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => h.clear(), ms);
    },
    clear() {
      clearTimeout(flashTimer);
      for (const [name, h] of byName) {
        h.clear();
        if (registry.get(name) === h) registry.delete(name);
      }
      byName.clear();
      sheet.remove();
    },
  };
  return api;
}

/** A stylesheet adopted by a document or shadow root; `remove()` un-adopts it. */
export interface AdoptedSheet {
  sheet: CSSStyleSheet;
  remove(): void;
}

/**
 * Adopts a constructed stylesheet with `css` into `target` (no `<style>` element, so a strict
 * page CSP does not block it and the page's DOM is unchanged).
 */
export function adoptSheet(target: Document | ShadowRoot, css: string): AdoptedSheet {
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

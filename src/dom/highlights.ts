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
  /**
   * Starts a new set of ranges. Ranges `add`ed after it go into fresh, unregistered highlights
   * (cheap: the browser re-validates a registered highlight on every change), and `commit()`
   * swaps them in at once, so a repaint never shows half a set.
   */
  reset(): void;
  add(item: RegisteredEntity): void;
  commit(): void;
  /** Shows or hides one kind (its highlights leave `CSS.highlights` while hidden). */
  setKindVisible(kind: EntityKind, visible: boolean): void;
  isKindVisible(kind: EntityKind): boolean;
  /** Number of ranges per kind in the committed set. */
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

/** Priority of a highlight name: shades above kinds, focus and flash above all. */
function priorityOf(name: string): number {
  if (name === FLASH_HIGHLIGHT) return 10;
  if (name === FOCUS_HIGHLIGHT) return 5;
  return name.split('-').length > 2 ? 2 : 1;
}

/**
 * Above this many ranges only those near the viewport are registered. Chrome re-validates every
 * registered range on each style change, so 10,000 registered ranges make every later frame of a
 * huge page a long task, while a few hundred cost nothing.
 */
export const VIRTUALIZE_ABOVE = 2500;

/** How far outside the viewport ranges stay registered (in viewport heights, via rootMargin). */
const NEAR_VIEWPORT_MARGIN = '150% 0px 150% 0px';

/**
 * Creates the registry for `doc` and adopts its stylesheet (for a dark page when `dark`);
 * `clear()` undoes both.
 */
export function createHighlightRegistry(doc: Document, dark = isDarkPage(doc)): HighlightRegistry {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  /** Registered entity highlights, by name. */
  let committed = new Map<string, Highlight>();
  /** Ranges of the set being built: per item, its (highlight name, range) pairs. */
  let pending: Array<Array<[string, Range]>> = [];
  /** Focus and flash, registered for the registry's whole life. */
  const pointers = new Map<string, Highlight>();
  const visible: Record<EntityKind, boolean> = { official: true, meeting: true, directive: true };
  let counts: Record<EntityKind, number> = { official: 0, meeting: 0, directive: 0 };
  let pendingCounts: Record<EntityKind, number> = { official: 0, meeting: 0, directive: 0 };
  let observer: IntersectionObserver | null = null;
  const sheet = adoptSheet(doc, highlightCss(dark));
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const kindOfName = (name: string): EntityKind | null =>
    KINDS.find((k) => name === `zwl-${k}` || name.startsWith(`zwl-${k}-`)) ?? null;

  const fresh = (name: string): Highlight => {
    const h = new win.Highlight();
    h.priority = priorityOf(name);
    return h;
  };

  const pointer = (name: string): Highlight => {
    let h = pointers.get(name);
    if (!h) {
      h = fresh(name);
      pointers.set(name, h);
      registry.set(name, h);
    }
    return h;
  };

  /** Registers only the ranges whose element is near the viewport, following scrolling. */
  function virtualize(items: Array<Array<[string, Range]>>, into: Map<string, Highlight>): void {
    const byElement = new Map<Element, Array<[string, Range]>>();
    for (const pairs of items) {
      const el = pairs[0]?.[1].startContainer.parentElement;
      if (!el) continue;
      const list = byElement.get(el);
      if (list) list.push(...pairs);
      else byElement.set(el, [...pairs]);
    }
    observer = new win.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          for (const [name, range] of byElement.get(entry.target) ?? []) {
            const h = into.get(name);
            if (!h) continue;
            if (entry.isIntersecting) h.add(range);
            else h.delete(range);
          }
        }
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    for (const el of byElement.keys()) observer.observe(el);
  }

  return {
    reset() {
      pending = [];
      pendingCounts = { official: 0, meeting: 0, directive: 0 };
    },
    add({ entity, range, nameRange }) {
      const pairs: Array<[string, Range]> = [[kindHighlightName(entity.kind), range]];
      pendingCounts[entity.kind] += 1;
      const shade = shadeHighlightName(entity);
      if (shade && entity.kind !== 'official') pairs.push([shade, range]);
      else if (shade && nameRange) pairs.push([shade, nameRange]);
      pending.push(pairs);
    },
    commit() {
      observer?.disconnect();
      observer = null;
      const next = new Map<string, Highlight>();
      for (const pairs of pending)
        for (const [name] of pairs) if (!next.has(name)) next.set(name, fresh(name));
      const total = pending.reduce((n, pairs) => n + pairs.length, 0);
      if (total <= VIRTUALIZE_ABOVE) {
        for (const pairs of pending) for (const [name, range] of pairs) next.get(name)!.add(range);
      } else virtualize(pending, next);
      for (const [name, h] of committed) {
        if (!next.has(name) && registry.get(name) === h) registry.delete(name);
      }
      for (const [name, h] of next) {
        const kind = kindOfName(name);
        if (kind === null || visible[kind]) registry.set(name, h);
      }
      committed = next;
      counts = pendingCounts;
      pending = [];
    },
    setKindVisible(kind, on) {
      visible[kind] = on;
      for (const [name, h] of committed) {
        if (kindOfName(name) !== kind) continue;
        if (on) registry.set(name, h);
        else if (registry.get(name) === h) registry.delete(name);
      }
    },
    isKindVisible: (kind) => visible[kind],
    counts: () => ({ ...counts }),
    focus(range) {
      const h = pointer(FOCUS_HIGHLIGHT);
      h.clear();
      if (range) h.add(range);
    },
    flash(range, ms = 1200) {
      const h = pointer(FLASH_HIGHLIGHT);
      h.clear();
      h.add(range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => h.clear(), ms);
    },
    clear() {
      clearTimeout(flashTimer);
      observer?.disconnect();
      observer = null;
      for (const [name, h] of [...committed, ...pointers]) {
        if (registry.get(name) === h) registry.delete(name);
      }
      committed = new Map();
      pointers.clear();
      pending = [];
      sheet.remove();
    },
  };
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

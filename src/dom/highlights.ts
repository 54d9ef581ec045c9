/**
 * Highlights through the CSS Custom Highlight API: ranges are registered in `CSS.highlights` under
 * `zwl-<kind>` (and a shade per subtype, `zwl-<kind>-<subtype>`). The `::highlight()` rules live in
 * a static stylesheet the manifest injects with the content script (`src/content/highlights.css`,
 * the text of `highlightCss()`): the browser has it from document start, so nothing is adopted
 * later and no page-wide style recalculation follows. Nothing in the page's DOM changes, and
 * `clear()` unregisters every highlight (the static rules then match nothing).
 *
 * One sheet serves light and dark pages: each highlight is registered twice, under its contract
 * name (whose rule paints the translucent background, readable on both) and under an ink name
 * for the page's palette (`zwl-ink-…` or `zwl-ink-dark-…`, whose rule paints the underline).
 */
import type { Entity, EntityKind } from '../core/types';
import { forEachSliced, yieldIfDue } from './scheduling';

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

/** The name under which a highlight's palette-dependent ink (underline) is registered. */
export function inkHighlightName(name: string, dark: boolean): string {
  return `zwl-ink-${dark ? 'dark-' : ''}${name.slice('zwl-'.length)}`;
}

/**
 * Translucent backgrounds keep the page's own text colour, so one set is readable on light and
 * dark pages; the underline carries the kind's hue (solid / double / wavy, so kinds stay distinct
 * for colour-blind readers too) in a shade for each palette.
 */
const BACKGROUNDS: Record<string, string> = {
  'zwl-official': 'rgba(255, 186, 73, 0.32)',
  'zwl-official-name': 'rgba(255, 165, 50, 0.42)',
  'zwl-meeting': 'rgba(95, 165, 255, 0.32)',
  'zwl-directive': 'rgba(120, 205, 120, 0.29)',
  'zwl-directive-slogan': 'rgba(205, 135, 235, 0.32)',
  'zwl-directive-formula': 'rgba(235, 125, 165, 0.32)',
  'zwl-directive-imperative': 'rgba(120, 205, 120, 0.29)',
  'zwl-directive-enumeration': 'rgba(65, 195, 185, 0.32)',
};

/** Underline colours per palette. */
const LINES: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    'zwl-official': '#b35c00',
    'zwl-official-name': '#b35c00',
    'zwl-meeting': '#1c5fc4',
    'zwl-directive': '#2a7a2a',
    'zwl-directive-slogan': '#7b2fa0',
    'zwl-directive-formula': '#a3245a',
    'zwl-directive-imperative': '#2a7a2a',
    'zwl-directive-enumeration': '#11736c',
  },
  dark: {
    'zwl-official': '#ffb74d',
    'zwl-official-name': '#ffb74d',
    'zwl-meeting': '#8ab8ff',
    'zwl-directive': '#8fdc8f',
    'zwl-directive-slogan': '#d9a6f0',
    'zwl-directive-formula': '#f4a3c2',
    'zwl-directive-imperative': '#8fdc8f',
    'zwl-directive-enumeration': '#7fe0d7',
  },
};

/** Every entity highlight name (kinds and shades). */
export const ENTITY_HIGHLIGHT_NAMES: readonly string[] = Object.keys(BACKGROUNDS);

/** The colour of a highlight name on a light or dark page (for the panel's legend). */
export function highlightColour(name: string, dark: boolean): { bg: string; line: string } {
  const known = name in BACKGROUNDS ? name : 'zwl-directive';
  return { bg: BACKGROUNDS[known]!, line: LINES[dark ? 'dark' : 'light'][known]! };
}

/**
 * CSS text of every `::highlight()` rule, for light and dark pages alike: the content of
 * `src/content/highlights.css` (a unit test keeps the two equal).
 */
export function highlightCss(): string {
  const style = (name: string): string =>
    name.startsWith('zwl-meeting') ? 'double' : name.startsWith('zwl-directive') ? 'wavy' : 'solid';
  // Laid out as Prettier writes CSS, so formatting the file leaves it equal to this text.
  const rule = (name: string, declarations: string[]): string =>
    `::highlight(${name}) {\n${declarations.map((d) => `  ${d};\n`).join('')}}`;
  const rules: string[] = [];
  for (const [name, bg] of Object.entries(BACKGROUNDS)) {
    rules.push(rule(name, [`background-color: ${bg}`]));
    for (const dark of [false, true]) {
      const line = LINES[dark ? 'dark' : 'light'][name]!;
      rules.push(
        rule(inkHighlightName(name, dark), [`text-decoration: underline ${style(name)} ${line}`]),
      );
    }
  }
  for (const dark of [false, true]) {
    rules.push(
      rule(inkHighlightName(FOCUS_HIGHLIGHT, dark), [
        `background-color: ${dark ? 'rgba(255, 255, 255, 0.25)' : 'rgba(0, 0, 0, 0.12)'}`,
        `text-decoration: underline solid ${dark ? '#fff' : '#000'}`,
      ]),
      rule(inkHighlightName(FLASH_HIGHLIGHT, dark), [
        `background-color: ${dark ? '#ffe066' : '#ffd400'}`,
        'color: #000',
      ]),
    );
  }
  return `/* Generated from highlightCss() in src/dom/highlights.ts; a unit test keeps them equal. */\n${rules.join('\n')}\n`;
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
  /**
   * Builds the added set in short slices and swaps it in; rejects (leaving the previous set) when
   * `signal` aborts first.
   */
  commit(signal: AbortSignal): Promise<void>;
  /** Shows or hides one kind (its highlights leave `CSS.highlights` while hidden). */
  setKindVisible(kind: EntityKind, visible: boolean): void;
  isKindVisible(kind: EntityKind): boolean;
  /** Number of ranges per kind in the committed set. */
  counts(): Record<EntityKind, number>;
  /** Marks one range as focused (keyboard / hover), or clears the focus with null. */
  focus(range: Range | null): void;
  /** Briefly flashes one range. */
  flash(range: Range, ms?: number): void;
  /** Unregisters every highlight. */
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

/** Longest wait for the intersection observer's first report before registering anyway. */
const INITIAL_REPORT_MS = 1000;

/** How far outside the viewport ranges stay registered (in viewport heights, via rootMargin). */
const NEAR_VIEWPORT_MARGIN = '150% 0px 150% 0px';

/** Creates the registry for `doc`, inking its highlights for a dark page when `dark`. */
export function createHighlightRegistry(doc: Document, dark = isDarkPage(doc)): HighlightRegistry {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  /** Registered entity highlights, by contract name. */
  let committed = new Map<string, Highlight>();
  /** Ranges of the set being built: per item, its (highlight name, range) pairs. */
  let pending: Array<Array<[string, Range]>> = [];
  /** Focus and flash, registered for the registry's whole life. */
  const pointers = new Map<string, Highlight>();
  const visible: Record<EntityKind, boolean> = { official: true, meeting: true, directive: true };
  let counts: Record<EntityKind, number> = { official: 0, meeting: 0, directive: 0 };
  let pendingCounts: Record<EntityKind, number> = { official: 0, meeting: 0, directive: 0 };
  let pendingTotal = 0;
  let pendingNames = new Set<string>();
  let observer: IntersectionObserver | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const kindOfName = (name: string): EntityKind | null =>
    KINDS.find((k) => name === `zwl-${k}` || name.startsWith(`zwl-${k}-`)) ?? null;

  /** Registers `h` under its contract name and its ink name (one object, two rules). */
  const register = (name: string, h: Highlight): void => {
    registry.set(name, h);
    registry.set(inkHighlightName(name, dark), h);
  };
  const unregister = (name: string, h: Highlight): void => {
    for (const key of [name, inkHighlightName(name, dark)])
      if (registry.get(key) === h) registry.delete(key);
  };

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
      register(name, h);
    }
    return h;
  };

  /**
   * Fills the (still unregistered) highlights `into` with only the ranges whose element is near
   * the viewport, following scrolling; elements are grouped and observed in slices. Resolves once
   * the observer reported every element (or `INITIAL_REPORT_MS` passed, e.g. in a hidden tab), so
   * the browser's first intersection pass and the repaint that registering causes fall in two
   * different frames instead of one long one.
   */
  async function virtualize(
    items: Array<Array<[string, Range]>>,
    into: Map<string, Highlight>,
    signal: AbortSignal,
  ): Promise<IntersectionObserver> {
    const byElement = new Map<Element, Array<[string, Range]>>();
    await forEachSliced(
      items,
      (pairs) => {
        const el = pairs[0]?.[1].startContainer.parentElement;
        if (!el) return;
        const list = byElement.get(el);
        if (list) list.push(...pairs);
        else byElement.set(el, [...pairs]);
      },
      signal,
    );
    let reported: Set<Element> | null = new Set();
    let allReported = (): void => undefined;
    const initialReport = new Promise<void>((resolve) => (allReported = resolve));
    const io = new win.IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          for (const [name, range] of byElement.get(entry.target) ?? []) {
            const h = into.get(name);
            if (!h) continue;
            if (entry.isIntersecting) h.add(range);
            else h.delete(range);
          }
          reported?.add(entry.target);
        }
        if (reported && reported.size >= byElement.size) {
          reported = null;
          allReported();
        }
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    try {
      await forEachSliced([...byElement.keys()], (el) => io.observe(el), signal);
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        initialReport,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, INITIAL_REPORT_MS))),
      ]);
      clearTimeout(timer);
      reported = null;
      await yieldIfDue(signal);
    } catch (err) {
      io.disconnect();
      throw err;
    }
    return io;
  }

  return {
    reset() {
      pending = [];
      pendingCounts = { official: 0, meeting: 0, directive: 0 };
      pendingTotal = 0;
      pendingNames = new Set();
    },
    add({ entity, range, nameRange }) {
      const pairs: Array<[string, Range]> = [[kindHighlightName(entity.kind), range]];
      pendingCounts[entity.kind] += 1;
      const shade = shadeHighlightName(entity);
      if (shade && entity.kind !== 'official') pairs.push([shade, range]);
      else if (shade && nameRange) pairs.push([shade, nameRange]);
      pending.push(pairs);
      pendingTotal += pairs.length;
      for (const [name] of pairs) pendingNames.add(name);
    },
    async commit(signal) {
      const items = pending;
      const itemCounts = pendingCounts;
      const names = pendingNames;
      const total = pendingTotal;
      pending = [];
      pendingTotal = 0;
      pendingNames = new Set();
      const next = new Map([...names].map((name) => [name, fresh(name)]));
      let nextObserver: IntersectionObserver | null = null;
      // Filling unregistered highlights costs the browser nothing until they are registered.
      if (total <= VIRTUALIZE_ABOVE) {
        await forEachSliced(
          items,
          (pairs) => {
            for (const [name, range] of pairs) next.get(name)!.add(range);
          },
          signal,
        );
      } else nextObserver = await virtualize(items, next, signal);
      if (signal.aborted) {
        nextObserver?.disconnect();
        signal.throwIfAborted();
      }
      observer?.disconnect();
      observer = nextObserver;
      for (const [name, h] of committed) if (!next.has(name)) unregister(name, h);
      for (const [name, h] of next) {
        const kind = kindOfName(name);
        if (kind === null || visible[kind]) register(name, h);
      }
      committed = next;
      counts = itemCounts;
    },
    setKindVisible(kind, on) {
      visible[kind] = on;
      for (const [name, h] of committed) {
        if (kindOfName(name) !== kind) continue;
        if (on) register(name, h);
        else unregister(name, h);
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
      for (const [name, h] of [...committed, ...pointers]) unregister(name, h);
      committed = new Map();
      pointers.clear();
      pending = [];
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

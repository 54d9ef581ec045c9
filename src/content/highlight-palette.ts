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
  return `/* Generated from highlightCss() in src/content/highlight-palette.ts; a unit test keeps them equal. */\n${rules.join('\n')}\n`;
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

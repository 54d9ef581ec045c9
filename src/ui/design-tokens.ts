/**
 * The extension's design tokens: colours (light and dark), type scale, spacing and radii. The one
 * place colour values live: the pages read them as CSS custom properties from `tokens.css` (written
 * from `tokenCss(':root')` by `npx tsx scripts/write-tokens-css.ts`; a unit test keeps them equal),
 * and the in-page panel puts `tokenCss('.zwl')` at the top of its shadow-root stylesheet.
 */

/** Colour roles, the same names in both schemes. */
type ColourRole =
  | 'bg'
  | 'surface'
  | 'fg'
  | 'muted'
  | 'line'
  | 'accent'
  | 'on-accent'
  | 'ok'
  | 'err'
  | 'hover'
  | 'shadow'
  | 'official'
  | 'meeting'
  | 'directive'
  | 'tag';

/**
 * Colours by scheme. The kind colours (chips, timeline marks) are opaque versions of the page
 * highlights' hues (orange officials, blue meetings, green directives), so a chip looks like the
 * highlight it came from; text on every one of them keeps `fg`'s contrast.
 */
export const COLOURS: Record<'light' | 'dark', Record<ColourRole, string>> = {
  light: {
    bg: '#fdfdfb',
    surface: '#f2f2ee',
    fg: '#1d1d1f',
    muted: '#5d5d66',
    line: '#d5d5dc',
    accent: '#1c5fc4',
    'on-accent': '#ffffff',
    ok: '#1c7a3a',
    err: '#b3261e',
    hover: 'rgba(127, 127, 127, 0.15)',
    shadow: 'rgba(0, 0, 0, 0.2)',
    official: '#fde3bf',
    meeting: '#d6e7fd',
    directive: '#dcf0d8',
    tag: '#ebebef',
  },
  dark: {
    bg: '#232327',
    surface: '#2c2c31',
    fg: '#f0f0f2',
    muted: '#b3b3bd',
    line: '#45454d',
    accent: '#8ab8ff',
    'on-accent': '#10223d',
    ok: '#7fd69a',
    err: '#ff8a80',
    hover: 'rgba(127, 127, 127, 0.22)',
    shadow: 'rgba(0, 0, 0, 0.5)',
    official: '#5a4120',
    meeting: '#1f3b60',
    directive: '#274a27',
    tag: '#3a3a42',
  },
};

/** Type scale, spacing steps, radii and font stacks (the same in both schemes). */
export const SCALE = {
  'text-xs': '11px',
  'text-sm': '12px',
  'text-base': '13px',
  'text-md': '14px',
  'text-lg': '16px',
  'text-xl': '18px',
  'space-1': '2px',
  'space-2': '4px',
  'space-3': '6px',
  'space-4': '8px',
  'space-5': '12px',
  'space-6': '16px',
  'radius-sm': '4px',
  'radius-md': '6px',
  'radius-lg': '10px',
  'font-ui':
    "system-ui, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  'font-mono': "ui-monospace, 'Noto Sans Mono CJK SC', monospace",
} as const;

/** Every token name, without the leading `--`. */
export const TOKEN_NAMES: readonly string[] = [
  ...Object.keys(COLOURS.light),
  ...Object.keys(SCALE),
];

/**
 * The tokens as CSS custom properties on `selector`, dark colours under
 * `prefers-color-scheme: dark`; laid out as Prettier writes CSS, so formatting leaves it unchanged.
 */
export function tokenCss(selector: string): string {
  const line = (indent: string, name: string, value: string): string => {
    const one = `${indent}--${name}: ${value};\n`;
    return one.length <= 101 ? one : `${indent}--${name}:\n${indent}  ${value};\n`;
  };
  const block = (indent: string, entries: [string, string][]): string =>
    entries.map(([name, value]) => line(indent, name, value)).join('');
  const light = [...Object.entries(COLOURS.light), ...Object.entries(SCALE)];
  return (
    `${selector} {\n  color-scheme: light dark;\n${block('  ', light)}}\n` +
    `@media (prefers-color-scheme: dark) {\n  ${selector} {\n` +
    `${block('    ', Object.entries(COLOURS.dark))}  }\n}\n`
  );
}

/** The text of `src/ui/tokens.css`. */
export function tokensFileText(): string {
  return `/* Generated from tokenCss(':root') in src/ui/design-tokens.ts; a unit test keeps them equal. */\n${tokenCss(':root')}`;
}

/**
 * The extension's pages and the in-page panel share one set of design tokens: `tokens.css` is
 * what `design-tokens.ts` writes, every page loads the shared stylesheet, and no stylesheet but
 * the token module holds a raw colour (a lint-like check over each page's CSS and the panel's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL_CSS } from '../../../src/content/panel/panel-styles';
import { COLOURS, tokenCss, tokensFileText, TOKEN_NAMES } from '../../../src/ui/design-tokens';

const ROOT = join(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Each page's entry and the stylesheets that page's look is made of. */
const PAGES = {
  popup: { entry: 'src/popup/main.tsx', sheets: ['src/popup/popup.css'] },
  library: { entry: 'src/library/main.tsx', sheets: ['src/library/library.css'] },
  options: { entry: 'src/options/main.tsx', sheets: ['src/options/options.css'] },
};
const SHARED = 'src/ui/styles.css';

/** Properties whose value is (or holds) a colour. */
const COLOUR_PROPERTY =
  /^(?:color|background(?:-color)?|border(?:-(?:top|right|bottom|left|block|inline)(?:-(?:start|end))?)?(?:-color)?|outline(?:-color)?|fill|stroke|box-shadow|text-shadow|text-decoration(?:-color)?|accent-color|caret-color|column-rule(?:-color)?)$/;
/** Words a colour property may hold besides `var(--token)`: styles, widths, keywords. */
const NON_COLOUR_WORD =
  /^(?:none|solid|dashed|dotted|double|wavy|underline|inset|transparent|currentcolor|inherit|initial|unset|-?[\d.]+(?:px|em|rem|%)?)$/i;
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;

/** `[property, value]` of every declaration in `css` (comments removed). */
function declarationsOf(css: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    for (const part of block[1]!.split(';')) {
      const colon = part.indexOf(':');
      if (colon < 0) continue;
      out.push([part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim()]);
    }
  }
  return out;
}

/** What in `css` is a colour not taken from a token, as `property: value` lines. */
function rawColoursIn(css: string): string[] {
  const found: string[] = [];
  for (const [property, value] of declarationsOf(css)) {
    if (property.startsWith('--')) {
      found.push(`${property}: ${value} (a token defined outside the token module)`);
      continue;
    }
    if (COLOUR_LITERAL.test(value)) found.push(`${property}: ${value}`);
    else if (COLOUR_PROPERTY.test(property)) {
      const words = value
        .replace(/var\(--[a-z0-9-]+\)/gi, ' ')
        .split(/[\s,/]+/)
        .filter((w) => w !== '');
      if (words.some((w) => !NON_COLOUR_WORD.test(w))) found.push(`${property}: ${value}`);
    }
  }
  return found;
}

/** Names of the custom properties `css` reads. */
function tokensReadBy(css: string): string[] {
  return [...css.matchAll(/var\(--([a-z0-9-]+)\)/gi)].map((m) => m[1]!);
}

/** The panel's stylesheet without the token block it starts with. */
const panelRules = (): string => PANEL_CSS.replace(tokenCss('.zwl'), '');

describe('design tokens', () => {
  it('ships tokens.css as the token module writes it', () => {
    expect(read('src/ui/tokens.css')).toBe(tokensFileText());
    expect(read(SHARED)).toMatch(/^@import '\.\/tokens\.css';$/m);
  });

  it('gives the dark scheme a value for every colour of the light one', () => {
    expect(Object.keys(COLOURS.dark).sort()).toEqual(Object.keys(COLOURS.light).sort());
  });

  it('puts the same token values at the top of the panel stylesheet', () => {
    expect(PANEL_CSS).toContain(tokenCss('.zwl'));
    expect(panelRules()).not.toContain('--bg:');
  });

  it.each(Object.entries(PAGES))('loads the shared stylesheet on the %s page', (_name, page) => {
    const entry = read(page.entry);
    expect(entry).toContain("import '../ui/styles.css';");
    for (const sheet of page.sheets)
      expect(entry).toContain(`import './${sheet.split('/').pop()}';`);
  });

  const sheets: Array<[string, () => string]> = [
    [SHARED, () => read(SHARED)],
    ...Object.values(PAGES).flatMap((p) =>
      p.sheets.map((s): [string, () => string] => [s, () => read(s)]),
    ),
    ['PANEL_CSS', panelRules],
  ];
  it.each(sheets)('has no raw colour in %s, and reads only tokens that exist', (_name, css) => {
    expect(rawColoursIn(css())).toEqual([]);
    const unknown = tokensReadBy(css()).filter((n) => !TOKEN_NAMES.includes(n));
    expect(unknown).toEqual([]);
  });

  it('catches the raw colours it is meant to catch', () => {
    const bad = `.a { color: #333; } .b { border: 1px solid red; } .c { box-shadow: 0 1px 2px rgba(0,0,0,.2); }
      .d { background: var(--bg); --x: #fff; } .e:hover { outline: 2px solid var(--accent); }`;
    expect(rawColoursIn(bad)).toEqual([
      'color: #333',
      'border: 1px solid red',
      'box-shadow: 0 1px 2px rgba(0,0,0,.2)',
      '--x: #fff (a token defined outside the token module)',
    ]);
  });
});

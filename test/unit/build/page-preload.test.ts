/**
 * The extension pages list their whole static import graph as `<link rel=modulepreload>`
 * (`preloadPageModulesPlugin` in vite.config.ts), so every module is fetched at once instead of
 * level by level.
 * Reads what `npm run build` wrote (`npm test` builds before the unit tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGES = ['src/popup/index.html', 'src/library/index.html', 'src/options/index.html'];

/** Relative static imports of a built chunk (`import … from"./x.js"` and `import"./x.js"`). */
function staticImportsOf(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (m) => m[1]!,
  );
}

/** Every chunk `entry` (an `assets/` file name) imports statically, directly or not. */
function importClosureOf(assets: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const dep of staticImportsOf(readFileSync(join(assets, file), 'utf8'))) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      visit(dep);
    }
  };
  visit(entry);
  return seen;
}

describe.each(['chrome', 'firefox'])('dist/%s', (target) => {
  const dir = join(ROOT, 'dist', target);
  const assets = join(dir, 'assets');

  it.each(PAGES)('%s preloads every module its entry imports', (page) => {
    const html = readFileSync(join(dir, page), 'utf8');
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)?.[1];
    expect(entry, 'module entry script').toBeDefined();
    const preloaded = new Set(
      [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/assets\/([^"]+)"/g)].map(
        (m) => m[1]!,
      ),
    );
    const needed = importClosureOf(assets, entry!);
    expect(needed.size).toBeGreaterThan(0);
    expect([...needed].filter((f) => !preloaded.has(f))).toEqual([]);
    for (const file of preloaded) expect(existsSync(join(assets, file)), file).toBe(true);
  });
});

/** Which built chunks the content script loads, read from a built extension's manifest. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built manifest's content-script entries. */
function readContentScripts(dir: string): {
  content_scripts: Array<{ js: string[]; css?: string[] }>;
} {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ js: string[]; css?: string[] }>;
  };
}

/** The stylesheets the browser injects with the content script (the `::highlight()` rules). */
export function contentScriptCssFiles(dir: string): string[] {
  return readContentScripts(dir).content_scripts.flatMap((cs) => cs.css ?? []);
}

/**
 * How far to follow a content script's imports: its static imports only (any page), one `import()`
 * further (a page with Chinese text: the annotator), or every `import()` (what a tab loads only on
 * demand as well: the engine, when the background cannot read the page or on the first save).
 */
export type ContentReach = 'static' | 'chinese-page' | 'on-demand';

/** The chunks a content script of the extension built in `dir` loads, as far as `reach` says. */
export function contentScriptFiles(dir: string, reach: ContentReach): string[] {
  const manifest = readContentScripts(dir);
  const seen = new Set<string>();
  const lazyLevels = reach === 'static' ? 0 : reach === 'chinese-page' ? 1 : Infinity;
  const visit = (rel: string, level: number): void => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(join(dir, rel), 'utf8');
    const base = rel.slice(0, rel.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/getURL\(\s*"([^"]+\.js)"\s*\)/g)) visit(m[1]!, level);
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g))
      visit(base + m[1]!, level);
    if (level < lazyLevels)
      for (const m of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
        visit(base + m[1]!, level + 1);
  };
  for (const cs of manifest.content_scripts) for (const js of cs.js) visit(js, 0);
  return [...seen];
}

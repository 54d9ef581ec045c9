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
 * The chunks a content script of the extension built in `dir` loads: its loader and every chunk
 * reachable by static imports, plus (with `withLazy`) chunks reachable by `import()`, which load
 * only on pages with Chinese text.
 */
export function contentScriptFiles(dir: string, withLazy: boolean): string[] {
  const manifest = readContentScripts(dir);
  const seen = new Set<string>();
  const visit = (rel: string): void => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = readFileSync(join(dir, rel), 'utf8');
    const base = rel.slice(0, rel.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/getURL\(\s*"([^"]+\.js)"\s*\)/g)) visit(m[1]!);
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g))
      visit(base + m[1]!);
    // import() of a chunk is the lazy part: loaded only on pages with Chinese text.
    if (withLazy)
      for (const m of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) visit(base + m[1]!);
  };
  for (const cs of manifest.content_scripts) for (const js of cs.js) visit(js);
  return [...seen];
}

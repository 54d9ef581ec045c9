import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };

/** Target browser of this build; `scripts/build.mjs` runs Vite once per browser. */
const browser = process.env.TARGET_BROWSER === 'firefox' ? 'firefox' : 'chrome';

/** Firefox needs an add-on id and the data-collection declaration; Chrome rejects the key. */
function manifestFor(target: 'chrome' | 'firefox'): ManifestV3Export {
  if (target === 'chrome') return baseManifest as ManifestV3Export;
  return {
    ...baseManifest,
    background: { scripts: [baseManifest.background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'zhengwen-lens@zhengwen-lens.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

/**
 * Build-time removal of Preact's `dangerouslySetInnerHTML` support.
 *
 * Why: what ships must contain no `innerHTML` assignment (issue "Hardening"; the bundle scan in
 * `test/unit/security/bundle-scan.test.ts` enforces it). Our components never use
 * `dangerouslySetInnerHTML`, but Preact's diff still carries the branch that assigns
 * `dom.innerHTML = props.dangerouslySetInnerHTML.__html`. The plugin rewrites that one assignment
 * into a throw, so the sink is gone from the bundle and any accidental use fails loudly instead of
 * rendering nothing. It fails the build when Preact is bundled but the expected code shape is not
 * found exactly once: a Preact update that changes the diff must be looked at by a person, not
 * silently shipped with the sink back in. (Kept in this file: an extension-less import of a local
 * TS module from the config makes Vite warn on every build.)
 *
 * PREACT_CORE: module ids the rewrite applies to, Preact's ESM build of its core (where `diff` is).
 */
const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs(?:\?.*)?$/;

/**
 * Shape of the assignment in Preact 10/11's minified core:
 * `||(dom.innerHTML=newHtml.__html)` (identifiers are minified, so they are matched as words).
 */
const INNER_HTML_ASSIGNMENT = /\|\|\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;

/** Expression that replaces the assignment: throws instead of parsing HTML. */
const REFUSAL =
  '||(()=>{throw new TypeError("dangerouslySetInnerHTML is disabled in this build (vite.config.ts)")})()';

/**
 * Rewrites Preact core source `code`; throws when the assignment is not found exactly once.
 * Exported for the plugin's own unit test.
 */
export function stripPreactInnerHtml(code: string, id = 'preact.mjs'): string {
  const matches = code.match(INNER_HTML_ASSIGNMENT) ?? [];
  if (matches.length !== 1) {
    throw new Error(
      `strip-preact-inner-html: expected exactly one "||(x.innerHTML=y.__html)" in ${id}, ` +
        `found ${matches.length}. Preact's diff changed: update vite.config.ts ` +
        'so that the shipped bundle still contains no innerHTML assignment.',
    );
  }
  return code.replace(INNER_HTML_ASSIGNMENT, REFUSAL);
}

/** The Vite plugin that applies `stripPreactInnerHtml` to Preact's core in production builds. */
export function stripPreactInnerHtmlPlugin(): Plugin {
  let rewritten = 0;
  let preactSeen = false;
  return {
    name: 'zhengwen-lens:strip-preact-inner-html',
    enforce: 'pre',
    // Only what ships matters; the dev server keeps Preact untouched.
    apply: 'build',
    buildStart() {
      rewritten = 0;
      preactSeen = false;
    },
    transform(code, id) {
      if (!PREACT_CORE.test(id)) return null;
      preactSeen = true;
      const out = stripPreactInnerHtml(code, id);
      rewritten += 1;
      return { code: out, map: null };
    },
    buildEnd(error) {
      if (error) return;
      // Preact is resolved through package "exports"; if a future version moves its core to another
      // file, the transform above never runs: fail rather than ship the sink unnoticed.
      if (!preactSeen || rewritten === 0) {
        this.error(
          'strip-preact-inner-html: preact/dist/preact.mjs was never transformed. ' +
            "Preact's entry file moved: update PREACT_CORE in vite.config.ts.",
        );
      }
    },
  };
}

/**
 * `<link rel=modulepreload>` for every chunk an extension page's entry imports, directly or not.
 *
 * Why: with `build.modulePreload: false` (see below) the popup fetched its modules in a chain
 * (entry, then its imports, then theirs), three round trips before any code ran. Listing the
 * whole static import graph in the page's HTML starts every fetch at once (measured: the popup
 * asked for its clips about 30 ms sooner). It only writes extension HTML; the content script's
 * `import()` calls still preload nothing, so web pages get no links.
 */
export function preloadPageModulesPlugin(): Plugin {
  return {
    name: 'zhengwen-lens:preload-page-modules',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { chunk, bundle } = ctx;
        if (!chunk || !bundle) return;
        const seen = new Set<string>();
        const visit = (fileName: string) => {
          const next = bundle[fileName];
          if (seen.has(fileName) || next?.type !== 'chunk') return;
          seen.add(fileName);
          next.imports.forEach(visit);
        };
        chunk.imports.forEach(visit);
        return [...seen].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    // No innerHTML sink in what ships: Preact's dangerouslySetInnerHTML branch is removed at
    // build time (and the build fails if Preact's code no longer has the expected shape).
    stripPreactInnerHtmlPlugin(),
    preloadPageModulesPlugin(),
    preact(),
    crx({ manifest: manifestFor(browser), browser }),
  ],
  build: {
    outDir: `${process.env.ZWL_DIST ?? 'dist'}/${browser}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // No preloading at all: the content script's lazy `import()` of the annotator must add no
    // <link rel=modulepreload> to the page it runs in, and without the polyfill what ships holds
    // no network call (`fetch`). Chunks still load through their static imports.
    modulePreload: false,
    rollupOptions: {
      input: {
        library: 'src/library/index.html',
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});

import { defineConfig } from 'vite';
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

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(browser), browser })],
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        library: 'src/library/index.html',
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});

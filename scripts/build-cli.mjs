// `npm run build:cli`: the command-line tool and its worker thread as plain JS in dist/cli (env
// ZWL_DIST: another root), so `npm run annotate` and its pool start without a TypeScript loader.
// Packages stay imports from node_modules; only the project's own code is bundled.
import { build } from 'vite';

const outDir = `${process.env.ZWL_DIST ?? 'dist'}/cli`;
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { annotate: 'src/cli/annotate.ts', 'unit-worker': 'src/cli/crawl/unit-worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
console.log(`built ${outDir}`);

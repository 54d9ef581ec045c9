// Builds the extension once per browser: dist/chrome and dist/firefox (env ZWL_DIST: another root).
import { build } from 'vite';

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET_BROWSER = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built ${process.env.ZWL_DIST ?? 'dist'}/${target}`);
}

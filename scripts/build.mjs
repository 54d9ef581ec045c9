// Builds the extension once per browser: dist/chrome and dist/firefox.
import { build } from 'vite';

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET_BROWSER = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${target}`);
}

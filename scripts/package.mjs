// `npm run package`: builds, then writes the store packages to artifacts/:
//   zhengwen-lens-chrome-<version>.zip   (dist/chrome, zipped by `web-ext build`)
//   zhengwen-lens-firefox-<version>.zip  (dist/firefox, `web-ext build`)
// web-ext only zips the directory here (no Firefox-specific changes), so it serves both browsers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const webExt = join(root, 'node_modules', '.bin', 'web-ext');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(process.execPath, ['scripts/build.mjs']);
mkdirSync(join(root, 'artifacts'), { recursive: true });
for (const browser of ['chrome', 'firefox']) {
  const filename = `zhengwen-lens-${browser}-${version}.zip`;
  run(webExt, [
    'build',
    '--source-dir',
    `dist/${browser}`,
    '--artifacts-dir',
    'artifacts',
    '--filename',
    filename,
    '--overwrite-dest',
  ]);
  const size = statSync(join(root, 'artifacts', filename)).size;
  console.log(`artifacts/${filename} (${(size / 1024).toFixed(1)} KiB)`);
}

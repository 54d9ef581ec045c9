/**
 * Well-known paths of the repository for the E2E tests, benches and scripts.
 *
 * API: `REPO_ROOT`, `distDir('chrome' | 'firefox')`.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Absolute path of the repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Absolute path of the built extension for `browser` (written by `npm run build`). Env `ZWL_DIST`
 * names another build root (relative to the repository, or absolute), so two builds (and the
 * tests on them) can run side by side.
 */
export function distDir(browser: 'chrome' | 'firefox'): string {
  return resolve(REPO_ROOT, process.env.ZWL_DIST ?? 'dist', browser);
}

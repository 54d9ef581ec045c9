import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { distDir, REPO_ROOT } from '../../support/paths';

describe('distDir (ZWL_DIST)', () => {
  const saved = process.env.ZWL_DIST;
  afterEach(() => {
    if (saved === undefined) delete process.env.ZWL_DIST;
    else process.env.ZWL_DIST = saved;
  });

  it('defaults to dist/ in the repository', () => {
    delete process.env.ZWL_DIST;
    expect(distDir('chrome')).toBe(join(REPO_ROOT, 'dist', 'chrome'));
  });

  it('takes a relative root under the repository and an absolute root as it is', () => {
    process.env.ZWL_DIST = 'dist-other';
    expect(distDir('firefox')).toBe(join(REPO_ROOT, 'dist-other', 'firefox'));
    process.env.ZWL_DIST = '/tmp/zwl-build';
    expect(distDir('chrome')).toBe('/tmp/zwl-build/chrome');
  });
});

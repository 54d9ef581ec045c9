/**
 * What a tab loads (`dist/chrome`, `dist/firefox`, built by `npm test` before the unit tests): the
 * background's engine reads pages, so a page with Chinese text loads the annotator but not the
 * engine's module and its lexicons, which a tab imports only on demand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentScriptFiles } from '../../../scripts/lib/content-chunks';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** A sentence of the title lexicon: present wherever the engine's lexicons are bundled. */
const LEXICON_MARK = 'Title heads: the word a title ends with';

describe.each(['chrome', 'firefox'])('the content script built for %s', (target) => {
  const dir = join(ROOT, 'dist', target);
  const holdsLexicons = (files: string[]): boolean =>
    files.some((f) => readFileSync(join(dir, f), 'utf8').includes(LEXICON_MARK));

  it("loads the annotator on a Chinese page without the engine's lexicons", () => {
    const page = contentScriptFiles(dir, 'chinese-page');
    expect(page.some((f) => f.includes('annotator-setup'))).toBe(true);
    expect(holdsLexicons(page)).toBe(false);
  });

  it('can still import the engine on demand', () => {
    expect(holdsLexicons(contentScriptFiles(dir, 'on-demand'))).toBe(true);
  });
});

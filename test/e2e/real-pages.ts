/**
 * Real corpus pages (`test/fixtures/real`) served as bare pages: no chrome, no government URL,
 * only the text in paragraphs on localhost, so detection must come from the content alone. The
 * sample is the first dev-split reports without page chrome in simplified script that name at
 * least two officials and that the engine detects in Node, and the first negatives of each genre
 * (chosen by the gold files alone). Accuracy is `npm run eval`'s business: the browsers must
 * decide as the engine does and highlight every gold official the engine reads on the same text in
 * Node (so a name the engine misses everywhere, such as 苗七十八, fails eval, not this test), and at
 * least two gold officials.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotate } from '../../src/core/index';
import type { FixtureServer } from '../support';
import { REAL_DIR, readSplit } from '../support/corpus-split';

/** One corpus page as the E2E tests serve it. */
export interface RealPage {
  id: string;
  path: string;
  isGovNews: boolean;
  /** Gold official names that are written on the page as they are (simplified pages only). */
  officials: string[];
  /** Those of them the engine reads on the page's text in Node: each must be highlighted. */
  engineOfficials: string[];
}

interface GoldFile {
  isGovNews: boolean;
  script: string;
  officials: { name: string }[];
  source: { chrome: boolean; body: string };
}

/** Escapes text for HTML. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page as bare HTML: one paragraph per line. */
function bareHtml(text: string): string {
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>page</title></head><body><main>\n${paragraphs}\n</main></body></html>`;
}

/** Picks the sample and serves each page at `/real/<id>.html`. */
export function addRealPages(server: FixtureServer, reports = 6, negatives = 4): RealPage[] {
  const split = readSplit();
  if (!split) throw new Error('test/fixtures/real/split.json is missing');
  const pages: RealPage[] = [];
  const genres = new Set<string>();
  for (const id of split.dev) {
    const gold = JSON.parse(readFileSync(join(REAL_DIR, 'gold', `${id}.json`), 'utf8')) as GoldFile;
    const text = readFileSync(join(REAL_DIR, 'pages', `${id}.txt`), 'utf8');
    const names = gold.officials.map((o) => o.name).filter((n) => text.includes(n));
    const isReport =
      gold.isGovNews && !gold.source.chrome && gold.script === 'simplified' && names.length >= 2;
    const isNegative = !gold.isGovNews && !genres.has(gold.source.body);
    if (isReport && pages.filter((p) => p.isGovNews).length < reports) {
      // The browsers are checked against what the engine decides on the text: a report the engine
      // itself misses (aa012, a school-safety meeting) is counted by `npm run eval`, not here.
      const result = annotate({ text });
      if (!result.page.isGovNews) continue;
      const found = new Set(
        result.entities.flatMap((e) => (e.kind === 'official' ? [e.name] : [])),
      );
      const engineOfficials = names.filter((n) => found.has(n));
      pages.push({
        id,
        path: `/real/${id}.html`,
        isGovNews: true,
        officials: names,
        engineOfficials,
      });
    } else if (isNegative && pages.filter((p) => !p.isGovNews).length < negatives) {
      genres.add(gold.source.body);
      pages.push({
        id,
        path: `/real/${id}.html`,
        isGovNews: false,
        officials: [],
        engineOfficials: [],
      });
    } else continue;
    server.addRoute(`/real/${id}.html`, { body: bareHtml(text) });
  }
  return pages;
}

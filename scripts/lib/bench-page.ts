/**
 * The 1,000,000-character page the in-page benchmarks load: the seed pages' article paragraphs,
 * repeated, one per `<p>`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { FIXTURE_PAGES_DIR } from '../../test/support';

const TARGET_CHARS = 1_000_000;

/** Escapes text for an HTML text node. */
const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page with at least TARGET_CHARS characters of seed article paragraphs. */
export function buildBenchPage(): { html: string; chars: number; paragraphs: string[] } {
  const paragraphs: string[] = [];
  for (const file of readdirSync(FIXTURE_PAGES_DIR).filter((f) => /^seed-\d+\.html$/.test(f))) {
    const { document } = parseHTML(readFileSync(join(FIXTURE_PAGES_DIR, file), 'utf8'));
    for (const p of document.querySelectorAll('main p')) {
      const text = (p.textContent ?? '').trim();
      if (text) paragraphs.push(text);
    }
  }
  const body: string[] = [];
  let chars = 0;
  for (let i = 0; chars < TARGET_CHARS; i++) {
    const text = paragraphs[i % paragraphs.length]!;
    body.push(`<p>${escapeText(text)}</p>`);
    chars += text.length;
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>市委常委会议 基准页</title></head><body><main>\n${body.join('\n')}\n</main></body></html>`;
  return { html, chars, paragraphs };
}

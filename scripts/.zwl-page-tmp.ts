import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { FIXTURE_PAGES_DIR } from '/work/main/test/e2e/harness';
export function buildBenchPage(): string {
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
  for (let i = 0; chars < 1_000_000; i++) {
    const text = paragraphs[i % paragraphs.length]!;
    body.push(`<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    chars += text.length;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>市委常委会议 基准页</title></head><body><main>\n${body.join('\n')}\n</main></body></html>`;
}


/**
 * `tsx scripts/crawl-make-synthetic.ts OUT.warc.gz PAGES`: writes a synthetic crawl for the CLI
 * benchmark: the corpus texts (real pages, hand-written fixtures, the shared seeds) wrapped in
 * page chrome (navigation, title, footer with ICP number), every fourth page in GBK (named by the
 * HTTP header or only by the page's <meta>), with request and image records between pages as a
 * crawler writes them. Records are streamed to disk, so any size fits in memory.
 */
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';

const CORPUS_DIRS = ['test/fixtures/real/pages', 'test/fixtures/text', '/work/shared/corpus/seeds'];

/** Every .txt file's text in the corpus folders that exist, in a fixed order. */
export async function readCorpusTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const dir of CORPUS_DIRS) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.txt')).sort())
      texts.push(await readFile(join(dir, name), 'utf8'));
  }
  if (texts.length === 0) throw new Error('no corpus texts found');
  return texts;
}

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A page around `text`: head, navigation, paragraphs, footer. */
export function wrapInChrome(text: string, n: number, charset: string | undefined): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const title = escapeHtml((lines[0] ?? '').slice(0, 60));
  const meta = charset
    ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`
    : '';
  return `<!DOCTYPE html><html><head>${meta}<title>${title}</title>
<meta name="ArticleTitle" content="${title}"><meta name="ContentSource" content="县政府办公室">
<style>body{font-size:14px}</style><script>var pageId=${n};</script></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xw/">新闻中心</a> &gt; 政务要闻</div>
<div class="article">${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}</div>
<div class="footer">主办:某县人民政府办公室 网站标识码:1100000${n % 1000} 京ICP备0500${n % 100}号</div>
</body></html>`;
}

/** Serialized records for page `n`: a request, the response, and every tenth page an image. */
async function recordsFor(text: string, n: number): Promise<Uint8Array[]> {
  const url = `http://www.county${n % 97}.gov.cn/art/2023/${(n % 12) + 1}/art_${n}.html`;
  const gbk = n % 4 === 3;
  // GBK pages alternate between a charset in the HTTP header and one only in the page's <meta>.
  const headerCharset = gbk ? (n % 8 === 3 ? 'GBK' : undefined) : 'utf-8';
  const html = wrapInChrome(text, n, gbk ? 'gb2312' : 'utf-8');
  const body = gbk ? iconv.encode(html, 'gbk') : Buffer.from(html);
  const date = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const out: Uint8Array[] = [];
  const request = await WARCRecord.create(
    {
      url,
      date,
      type: 'request',
      warcVersion: 'WARC/1.1',
      statusline: `GET /art_${n}.html HTTP/1.1`,
    },
    (async function* () {})(),
  );
  out.push(await WARCSerializer.serialize(request, { gzip: true }));
  const contentType = headerCharset ? `text/html; charset=${headerCharset}` : 'text/html';
  const response = await WARCRecord.create(
    {
      url,
      date,
      type: 'response',
      warcVersion: 'WARC/1.1',
      httpHeaders: { 'Content-Type': contentType },
    },
    (async function* () {
      yield body;
    })(),
  );
  out.push(await WARCSerializer.serialize(response, { gzip: true }));
  if (n % 10 === 0) {
    const image = await WARCRecord.create(
      {
        url: `${url}.png`,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'image/png' },
      },
      (async function* () {
        yield new Uint8Array(2048).fill(7);
      })(),
    );
    out.push(await WARCSerializer.serialize(image, { gzip: true }));
  }
  return out;
}

/** Writes a WARC.gz of `pages` pages cycling through the corpus texts. */
export async function makeSyntheticCrawl(path: string, pages: number): Promise<void> {
  const texts = await readCorpusTexts();
  const stream = createWriteStream(path);
  for (let n = 0; n < pages; n++) {
    for (const chunk of await recordsFor(texts[n % texts.length]!, n))
      if (!stream.write(chunk))
        await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, pages] = process.argv.slice(2);
  if (!path || !pages) throw new Error('usage: crawl-make-synthetic.ts OUT.warc.gz PAGES');
  await makeSyntheticCrawl(path, Number(pages));
}

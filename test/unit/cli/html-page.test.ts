/**
 * The CLI's streaming HTML reader against the DOM reading it replaced (linkedom's tree walked by
 * `extractPageText`, the content script's own walk): the same text, meta tags, title and URL.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../../src/cli/html-page';
import { decodeHtmlBytes } from '../../../src/cli/decode-bytes';
import { extractPageText } from '../../../src/dom/page-text';
import { wrapInChrome } from '../../../scripts/crawl-make-synthetic';

/** The page text through a DOM: linkedom's document, read from its body as the content script does. */
function readThroughDom(html: string): { text: string; title?: string } {
  let { document } = parseHTML(html);
  if (document.documentElement?.tagName.toUpperCase() !== 'HTML')
    document = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
  const { text } = extractPageText(document.body ?? document.documentElement);
  const title = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  return title ? { text, title } : { text };
}

const TRICKY = [
  '<p>段落一<p>段落二<br>换行<div hidden>隐藏</div><span>行内</span>文字',
  '<!doctype html><html><head><title> 标题\n  二 </title><script>var x = "<p>";</script></head><body><div>甲<div contenteditable>可编辑</div>乙</div><table><tr><td>格一<td>格二</table><ruby>汉<rt>han</rt></ruby>&amp;&lt;&#x4e2d;</body></html>\n',
  '<html><body><ul><li>一<li>二</ul><textarea>不读</textarea><svg><text>图</text></svg><div data-zhengwen-lens-ui>界面</div>完</body></html>',
  '纯文本片段,没有标签',
];

describe('readHtmlPage', () => {
  it('reads the same text and title as the DOM walk, on fixture pages and odd markup', async () => {
    const dir = 'test/fixtures/pages';
    const pages = (await readdir(dir)).filter((n) => n.endsWith('.html')).sort();
    const texts = await Promise.all(pages.map(async (n) => readFile(join(dir, n))));
    const gbk = await readFile('test/fixtures/text/pos-gbk-district.html');
    const html = [
      ...texts.map((b) => decodeHtmlBytes(b).text),
      decodeHtmlBytes(gbk).text,
      wrapInChrome('第一行\n第二行 <b>\n第三行', 7, 'utf-8'),
      ...TRICKY,
    ];
    expect(html.length).toBeGreaterThan(12);
    for (const page of html) {
      const streamed = readHtmlPage(page);
      const dom = readThroughDom(page);
      expect(streamed.text).toBe(dom.text);
      expect(streamed.title).toBe(dom.title);
    }
  });

  it('reads a page without <body> from its root, as a browser would (linkedom finds no text there)', () => {
    const page =
      '<html><head><style>p{}</style></head><div>没有 body 的页面</div><p>第二段</p></html>';
    expect(readHtmlPage(page).text).toBe('没有 body 的页面\n第二段\n');
  });

  it('collects meta tags (first of duplicates) and the canonical URL before og:url', () => {
    const page = readHtmlPage(
      '<html><head><META NAME="ArticleTitle" CONTENT=" 题 "><meta name="articletitle" content="后">' +
        '<meta property="og:url" content="https://b.gov.cn/og"><link rel="alternate canonical" href="https://a.gov.cn/c">' +
        '</head><body>正文</body></html>',
    );
    expect(page.meta).toEqual({ articletitle: '题', 'og:url': 'https://b.gov.cn/og' });
    expect(page.url).toBe('https://a.gov.cn/c');
    expect(page.text).toBe('\u6b63\u6587\n');
  });
});

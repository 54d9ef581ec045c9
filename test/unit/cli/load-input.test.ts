import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, decodeHtmlBytes, sniffMetaCharset } from '../../../src/cli/decode-bytes';
import { loadInput } from '../../../src/cli/load-input';

let dir: string;
const noStdin = { readStdin: () => Promise.reject(new Error('stdin not expected')) };

const GOV_HTML = `<!doctype html><html><head>
<meta charset="{CHARSET}">
<title>  县委常委会召开
  第57次会议 </title>
<meta name="ArticleTitle" content="县委常委会召开会议">
<meta name="PubDate" content="2023-06-12 18:20">
<meta property="og:url" content="https://www.example.gov.cn/og/1.html">
<link rel="canonical" href="https://www.example.gov.cn/art/2023/6/12/art_1.html">
<style>.x{color:red}</style><script>var 县长 = 1;</script>
</head><body>
<div class="nav">首页 &gt; 要闻</div>
<p>县委书记周振华主持召开会议。</p>
<p hidden>隐藏文字</p>
<p>会(huì)议指出,要“三个到位”。</p>
</body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-load-'));
  await mkdir(join(dir, 'folder.txt'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes bytes to a temp file and returns its path. */
async function put(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('loadInput: plain text', () => {
  it('keeps the file content as is after stripping a UTF-8 BOM', async () => {
    const body = '  4月29日,市委书记\r\n主持召开会议。\n';
    const path = await put(
      'page.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]),
    );
    const loaded = await loadInput(path, noStdin);
    expect(loaded.format).toBe('text');
    expect(loaded.input).toEqual({ text: body });
  });

  it('refuses binary input with NUL bytes', async () => {
    const path = await put(
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]),
    );
    await expect(loadInput(path, noStdin)).rejects.toThrow(/binary/);
  });

  it('refuses text that is mostly invalid UTF-8, unless an encoding is given', async () => {
    const gbk = iconv.encode('市委书记主持召开常委会会议,研究部署工作。', 'gbk');
    const path = await put('legacy.txt', gbk);
    await expect(loadInput(path, noStdin)).rejects.toBeInstanceOf(InputError);
    const loaded = await loadInput(path, { ...noStdin, encoding: 'gbk' });
    expect(loaded.input.text).toBe('市委书记主持召开常委会会议,研究部署工作。');
  });

  it('names missing files and directories', async () => {
    await expect(loadInput(join(dir, 'nope.txt'), noStdin)).rejects.toThrow('no such file');
    await expect(loadInput(join(dir, 'folder.txt'), noStdin)).rejects.toThrow('is a directory');
  });
});

describe('loadInput: HTML', () => {
  it('reduces UTF-8 HTML to visible text with meta tags, title and canonical URL', async () => {
    const path = await put('page.html', GOV_HTML.replace('{CHARSET}', 'utf-8'));
    const loaded = await loadInput(path, noStdin);
    expect(loaded.format).toBe('html');
    expect(loaded.encoding).toBe('utf-8');
    expect(loaded.title).toBe('县委常委会召开 第57次会议');
    expect(loaded.input.url).toBe('https://www.example.gov.cn/art/2023/6/12/art_1.html');
    expect(loaded.input.meta).toMatchObject({
      articletitle: '县委常委会召开会议',
      pubdate: '2023-06-12 18:20',
      'og:url': 'https://www.example.gov.cn/og/1.html',
      title: '县委常委会召开 第57次会议',
    });
    const text = loaded.input.text;
    expect(text).toContain('首页 > 要闻\n');
    expect(text).toContain('县委书记周振华主持召开会议。\n');
    expect(text).toContain('会(huì)议指出,要“三个到位”。');
    expect(text).not.toMatch(/color|var|隐藏/);
  });

  it('decodes GBK pages declared as gb2312 in <meta charset>', async () => {
    const html = GOV_HTML.replace('{CHARSET}', 'gb2312');
    const path = await put('gbk.htm', iconv.encode(html, 'gbk'));
    const loaded = await loadInput(path, noStdin);
    expect(loaded.encoding).toBe('gb18030');
    expect(loaded.input.text).toContain('县委书记周振华主持召开会议。');
    expect(loaded.input.meta?.articletitle).toBe('县委常委会召开会议');
  });

  it('decodes GBK declared by <meta http-equiv="Content-Type">', async () => {
    const html =
      '<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK"></head>' +
      '<body><p>市长主持召开市政府常务会议</p></body></html>';
    const bytes = iconv.encode(html, 'gbk');
    expect(sniffMetaCharset(bytes)).toBe('gb18030');
    expect(decodeHtmlBytes(bytes).text).toContain('市长主持召开市政府常务会议');
  });

  it('falls back to GB18030 for undeclared pages that are not UTF-8', () => {
    const bytes = iconv.encode('<html><body><p>区委常委会会议</p></body></html>', 'gbk');
    expect(decodeHtmlBytes(bytes)).toEqual({
      text: '<html><body><p>区委常委会会议</p></body></html>',
      encoding: 'gb18030',
    });
  });

  it('honours a UTF-16LE byte-order mark', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<p>省委书记</p>', 'utf16le'),
    ]);
    const path = await put('utf16.html', bytes);
    const loaded = await loadInput(path, noStdin);
    expect(loaded.input.text).toBe('省委书记\n');
  });

  it('sniffs stdin: markup is read as HTML, anything else as text', async () => {
    const html = await loadInput('-', {
      readStdin: async () => Buffer.from('<!DOCTYPE html><p>县长</p><p>书记</p>'),
    });
    expect(html.format).toBe('html');
    expect(html.input.text).toBe('县长\n书记\n');
    const text = await loadInput('-', { readStdin: async () => Buffer.from('<县长> 书记') });
    expect(text.format).toBe('text');
    expect(text.input.text).toBe('<县长> 书记');
  });

  it('takes the URL from a "saved from" comment when nothing else gives one', async () => {
    const loaded = await loadInput('-', {
      format: 'html',
      readStdin: async () =>
        Buffer.from(
          '<!-- saved from url=(0031)http://www.example.gov.cn/a.htm -->\n<html><body>x</body></html>',
        ),
    });
    expect(loaded.input.url).toBe('http://www.example.gov.cn/a.htm');
  });
});

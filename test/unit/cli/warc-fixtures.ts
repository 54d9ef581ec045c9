/**
 * Builds real WARC files for the CLI tests with warcio's own writer: response records with HTML
 * bodies (UTF-8 or GBK), and the records a crawl also holds (requests, images, redirects).
 */
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';

/** One record to write. */
export interface FixtureRecord {
  url: string;
  body: Uint8Array | string;
  contentType?: string;
  status?: number;
  type?: 'response' | 'request';
}

/** A government news page; `n` varies names and numbers so every page differs. */
export function newsPage(n: number, charset = 'utf-8'): string {
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>县委常委会召开第${n}次会议</title></head>
<body><div>首页 &gt; 要闻</div><h1>县委常委会召开第${n}次会议</h1>
<p>${n}月3日,县委书记周振华主持召开县委常委会第${n}次会议。县长李${n % 7 === 0 ? '建国' : '明华'}出席会议。</p>
<p>会议强调,要坚持“三个到位”,确保各项工作落实落细。</p><div>网站标识码:1100000001</div></body></html>`;
}

/** A page encoded in GBK, declared as such by its `<meta>`. */
export function gbkPage(n: number): Uint8Array {
  return iconv.encode(newsPage(n, 'gbk'), 'gbk');
}

/** Serializes records as one WARC (gzip members when `gzip`), each with a fixed date. */
export async function serializeWarc(records: FixtureRecord[], gzip: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (const spec of records) {
    const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : spec.body;
    const record = await WARCRecord.create(
      {
        url: spec.url,
        date: '2024-05-06T07:08:09Z',
        type: spec.type ?? 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${spec.status ?? 200} OK`,
        httpHeaders: { 'Content-Type': spec.contentType ?? 'text/html' },
      },
      (async function* () {
        yield body;
      })(),
    );
    chunks.push(Buffer.from(await WARCSerializer.serialize(record, { gzip })));
  }
  return Buffer.concat(chunks);
}

/** Writes a WARC file of `records` and returns the bytes of each record, for cutting tests. */
export async function writeWarc(
  path: string,
  records: FixtureRecord[],
  gzip = path.endsWith('.gz'),
): Promise<void> {
  await writeFile(path, await serializeWarc(records, gzip));
}

/** `count` news pages as response records, every third in GBK with a GBK Content-Type. */
export function newsRecords(count: number, host = 'www.example.gov.cn'): FixtureRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return n % 3 === 0
      ? {
          url: `http://${host}/art/${n}.html`,
          body: gbkPage(n),
          contentType: 'text/html; charset=GBK',
        }
      : { url: `http://${host}/art/${n}.html`, body: newsPage(n) };
  });
}

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './run-in-process';
import { gbkPage, newsPage, newsRecords, serializeWarc, writeWarc } from './warc-fixtures';

let dir: string;

/** Runs the CLI in-process with the real engine; `jobs` > 1 runs real worker threads. */
async function runCli(args: string[], jobs = 1, stdin = '') {
  const run = await runCliInProcess(args, jobs, stdin);
  const records = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { entities: unknown[] });
  return { code: run.code, stdout: run.stdout, records, stderr: run.stderr.trimEnd().split('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-crawl-'));
  await writeWarc(join(dir, 'crawl.warc.gz'), [
    { url: 'http://www.example.gov.cn/a.html', body: newsPage(1) },
    { url: 'http://www.example.gov.cn/a.html', body: 'GET', type: 'request' },
    { url: 'http://www.example.gov.cn/logo.png', body: '\x89PNG', contentType: 'image/png' },
    { url: 'http://www.example.gov.cn/old', body: 'moved', status: 301 },
    // GBK named only by the HTTP header: the page's own <meta> says nothing.
    {
      url: 'http://www.example.gov.cn/b.html',
      body: gbkPage(2).subarray(0),
      contentType: 'text/html; charset=gb2312',
    },
    {
      url: 'http://www.example.gov.cn/c.txt',
      body: '市委书记王建国主持召开市委常委会会议。',
      contentType: 'text/plain',
    },
  ]);
  await writeWarc(join(dir, 'plain.warc'), newsRecords(5, 'www.plain.gov.cn'));
  await mkdir(join(dir, 'site/sub'), { recursive: true });
  await writeFile(join(dir, 'site/sub/page.html'), newsPage(7));
  await writeFile(join(dir, 'site/notes.txt'), '县长主持召开县政府常务会议。');
  await writeFile(join(dir, 'site/skip.json'), '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('annotate: WARC archives', () => {
  it('reads every 2xx HTML/text response as a page with its source key, URL and capture date', async () => {
    const r = await runCli([join(dir, 'crawl.warc.gz')]);
    expect(r.code).toBe(0);
    expect(r.records.map((x) => x.url)).toEqual([
      'http://www.example.gov.cn/a.html',
      'http://www.example.gov.cn/b.html',
      'http://www.example.gov.cn/c.txt',
    ]);
    const [first, gbk] = r.records;
    expect(Object.keys(first!).slice(0, 5)).toEqual(['file', 'offset', 'recordId', 'url', 'date']);
    expect(first).toMatchObject({
      file: join(dir, 'crawl.warc.gz'),
      offset: 0,
      date: '2024-05-06T07:08:09Z',
    });
    expect(first?.recordId).toMatch(/^<urn:uuid:[0-9a-f-]+>$/);
    // The GBK page decoded by the HTTP charset reads the same official as the UTF-8 one.
    expect(JSON.stringify(gbk?.entities)).toContain('周振华');
    // Detection saw the record's URL: a .gov.cn host is a signal.
    expect(JSON.stringify(gbk?.page)).toContain('url.gov-cn');
    expect(r.stderr).toEqual(['annotate: 3 pages read, 3 annotated, 0 skipped, 0 errors']);
  });

  it('gives the same output, in the same order, on worker threads as in-process', async () => {
    const args = [
      '--batch',
      '2',
      join(dir, 'plain.warc'),
      join(dir, 'crawl.warc.gz'),
      join(dir, 'site'),
    ];
    const one = await runCli(args, 1);
    const two = await runCli(args, 2);
    expect(one.code).toBe(0);
    expect(one.records).toHaveLength(5 + 3 + 2);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it('walks directories recursively for page and WARC files only, and reads --files-from', async () => {
    const walked = await runCli([join(dir, 'site')]);
    expect(walked.records.map((x) => x.file)).toEqual([
      join(dir, 'site/notes.txt'),
      join(dir, 'site/sub/page.html'),
    ]);
    const list = join(dir, 'list.txt');
    await writeFile(list, `${join(dir, 'plain.warc')}\n\n${join(dir, 'site/notes.txt')}\n`);
    const fromFile = await runCli(['--files-from', list]);
    expect(fromFile.records).toHaveLength(6);
    const fromStdin = await runCli(['--files-from', '-'], 1, await readFile(list, 'utf8'));
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });
});

describe('annotate: bad input in an archive', () => {
  it('reports damaged records, unknown charsets and binary bodies by source key and reads the rest', async () => {
    const good = newsRecords(4, 'www.good.gov.cn');
    const parts = await Promise.all(
      [
        good[0]!,
        {
          url: 'http://x.gov.cn/odd.html',
          body: newsPage(9),
          contentType: 'text/html; charset=x-klingon',
        },
        {
          url: 'http://x.gov.cn/bin.html',
          body: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]),
        },
        good[1]!,
        good[2]!,
        good[3]!,
      ].map((rec) => serializeWarc([rec], false)),
    );
    // Record 4 loses its version line (corrupt); the last record is cut short (truncated).
    const corruptAt = parts.slice(0, 4).reduce((n, p) => n + p.length, 0);
    const damaged = Buffer.from(parts[4]!);
    damaged.write('XXXX', 0);
    const last = parts[5]!.subarray(0, parts[5]!.length - 40);
    const path = join(dir, 'damaged.warc');
    await writeFile(path, Buffer.concat([...parts.slice(0, 4), damaged, last]));

    const r = await runCli([path], 2);
    expect(r.code).toBe(1);
    expect(r.records.map((x) => x.url)).toEqual([
      'http://www.good.gov.cn/art/1.html',
      'http://www.good.gov.cn/art/2.html',
    ]);
    const offsets = [0, parts[0]!.length, parts[0]!.length + parts[1]!.length];
    expect(r.stderr[0]).toMatch(
      new RegExp(
        `^annotate: ${path}@${offsets[1]} <urn:uuid:[^>]+>: unknown encoding "x-klingon"$`,
      ),
    );
    expect(r.stderr[1]).toMatch(
      new RegExp(`^annotate: ${path}@${offsets[2]} <urn:uuid:[^>]+>: binary`),
    );
    expect(r.stderr).toContain(
      `annotate: ${path}@${corruptAt}: corrupt WARC record: no WARC/ version line`,
    );
    expect(r.stderr.some((line) => /@\d+: truncated WARC record/.test(line))).toBe(true);
    expect(r.stderr.at(-1)).toBe('annotate: 4 pages read, 2 annotated, 2 skipped, 2 errors');
  }, 60_000);

  it('reads a gzip member holding several records (a whole-file gzip) as one span', async () => {
    const records = newsRecords(4, 'www.joined.gov.cn');
    const shared = gzipSync(await serializeWarc(records.slice(0, 3), false));
    const path = join(dir, 'joined.warc.gz');
    await writeFile(path, Buffer.concat([shared, await serializeWarc([records[3]!], true)]));
    for (const jobs of [1, 2]) {
      const r = await runCli(['--batch', '1', path], jobs);
      expect(r.code).toBe(0);
      expect(r.records.map((x) => [x.url, x.offset])).toEqual([
        ['http://www.joined.gov.cn/art/1.html', 0],
        ['http://www.joined.gov.cn/art/2.html', 0],
        ['http://www.joined.gov.cn/art/3.html', 0],
        ['http://www.joined.gov.cn/art/4.html', shared.length],
      ]);
    }
  }, 60_000);

  it('reports a cut gzip member and still reads the records after it', async () => {
    const records = newsRecords(3, 'www.gz.gov.cn');
    const parts = await Promise.all(records.map((rec) => serializeWarc([rec], true)));
    const cut = parts[1]!.subarray(0, parts[1]!.length - 30);
    const path = join(dir, 'cut.warc.gz');
    await writeFile(path, Buffer.concat([parts[0]!, cut, parts[2]!]));
    const r = await runCli([path]);
    expect(r.code).toBe(1);
    expect(r.records.map((x) => x.url)).toEqual([
      'http://www.gz.gov.cn/art/1.html',
      'http://www.gz.gov.cn/art/3.html',
    ]);
    expect(r.stderr[0]).toBe(
      `annotate: ${path}@${parts[0]!.length}: truncated or unreadable WARC record`,
    );
    expect(r.stderr.at(-1)).toBe('annotate: 2 pages read, 2 annotated, 0 skipped, 1 errors');
  });
});

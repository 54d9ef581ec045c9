import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotateResult } from '../../../src/core/types';
import { runCliInProcess } from './run-in-process';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsxBin = join(repoRoot, 'node_modules/.bin/tsx');
const fixture = join(repoRoot, 'test/fixtures/text/pos-county-standing-committee.txt');

const PAGE_HTML = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>区政府召开常务会议</title><meta name="ContentSource" content="区政府办公室">
<link rel="canonical" href="http://www.example.gov.cn/art/1.html"></head><body>
<div>首页 &gt; 政务公开</div><h1>区政府召开第十二次常务会议</h1>
<p>区委副书记、区长吴明华主持召开区政府第十二次常务会议。副区长郑晓东出席会议。</p>
<p>吴明华强调,要坚持“三个优先”,确保各项工作落实到位。</p>
<div>网站标识码:1100000001 京ICP备05000001号</div></body></html>`;

let dir: string;

/** Runs the real CLI entry in a child process (tsx), optionally feeding stdin. */
function spawnCli(args: string[], input?: string) {
  const r = spawnSync(tsxBin, [join(repoRoot, 'src/cli/annotate.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI in-process with the real engine. */
async function runCli(args: string[]) {
  const run = await runCliInProcess(args);
  const lines = run.stdout.trimEnd().split('\n').filter(Boolean);
  return {
    code: run.code,
    records: lines.map((l) => JSON.parse(l) as AnnotateResult & { file: string }),
    stderr: run.stderr,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-annotate-'));
  await writeFile(join(dir, 'page-utf8.html'), PAGE_HTML.replace('gb2312', 'utf-8'));
  await writeFile(join(dir, 'page-gbk.html'), iconv.encode(PAGE_HTML, 'gbk'));
  await writeFile(
    join(dir, 'binary.txt'),
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('annotate CLI with the real engine', () => {
  it('annotates a .txt file with offsets into the file content as is', async () => {
    const { code, records } = await runCli([fixture]);
    expect(code).toBe(0);
    const [record] = records;
    expect(record?.file).toBe(fixture);
    expect(record?.page.isGovNews).toBe(true);
    const { readFile } = await import('node:fs/promises');
    const content = await readFile(fixture, 'utf8');
    expect(record!.entities.length).toBeGreaterThan(5);
    for (const e of record!.entities) expect(content.slice(e.start, e.end)).toBe(e.text);
    expect(record!.entities.some((e) => e.kind === 'meeting' && e.ordinals.includes(57))).toBe(
      true,
    );
  });

  it('gives the same text and entities for UTF-8 and GBK versions of a page', async () => {
    const { code, records } = await runCli([
      join(dir, 'page-utf8.html'),
      join(dir, 'page-gbk.html'),
    ]);
    expect(code).toBe(0);
    const [utf8, gbk] = records;
    expect(gbk?.entities).toEqual(utf8?.entities);
    const official = gbk?.entities.find((e) => e.kind === 'official' && e.name === '吴明华');
    expect(official).toBeDefined();
    expect(gbk?.entities.some((e) => e.kind === 'meeting' && e.ordinals[0] === 12)).toBe(true);
  });

  // Two child processes (tsx startup) make this the slow test: generous timeout for 2 busy cores.
  it('runs as a process: stdin, a missing file, a binary file and a bad flag', () => {
    const ok = spawnCli(
      ['-', join(dir, 'missing.txt'), join(dir, 'binary.txt')],
      '市委书记王建国主持召开市委常委会会议。',
    );
    expect(ok.code).toBe(1);
    const lines = ok.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as { file: string; entities: unknown[] };
    expect(record.file).toBe('-');
    expect(ok.stderr.trimEnd().split('\n')).toEqual([
      `annotate: ${join(dir, 'missing.txt')}: no such file`,
      `annotate: ${join(dir, 'binary.txt')}: binary file (contains NUL bytes)`,
      'annotate: 3 pages read, 1 annotated, 2 skipped, 0 errors',
    ]);
    const bad = spawnCli(['--bogus', fixture]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^annotate: Unknown option '--bogus'/);
  }, 60_000);
});

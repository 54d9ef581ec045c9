/**
 * `npm run bench:cli`: the crawl CLI end to end on a synthetic crawl (scripts/crawl-make-synthetic.ts,
 * WARC.gz, some GBK). Prints pages/s with --jobs 1 and --jobs 2 (target ≥ 1.7×), peak RSS at 1/10
 * of the pages against all of them (target ≤ 1.2×), and the CLI's --jobs 1 time against the
 * engine alone on the same extracted inputs in one process (target overhead ≤ 30%). Prints
 * figures; never fails on timing. BENCH_PAGES (default 10000) sets the crawl size. The CLI runs as
 * users run it: the plain JS that `npm run build:cli` writes to dist/cli (built first here).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCParser } from 'warcio';
import { annotate } from '../src/core/index';
import type { AnnotateInput } from '../src/core/types';
import { readInputBytes } from '../src/cli/load-input';
import { makeSyntheticCrawl } from './crawl-make-synthetic';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const CLI = `${process.env.ZWL_DIST ?? 'dist'}/cli/annotate.js`;
const SMALL = Math.round(PAGES / 10);

/** Wall seconds and peak RSS (MB, whole process with its worker threads) of one CLI run. */
function timeCli(warc: string, jobs: number): { seconds: number; rssMb: number; cpu: number } {
  const report = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M %U %S', process.execPath, CLI, '--jobs', String(jobs), '--no-progress', warc],
    { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const last = report.stderr.trimEnd().split('\n').at(-1) ?? '';
  const [seconds, rssKb, user, system] = last.split(' ').map(Number);
  if (report.status !== 0 || !seconds) throw new Error(`CLI run failed: ${report.stderr}`);
  return { seconds, rssMb: rssKb! / 1024, cpu: user! + system! };
}

/** The engine inputs of every page in a WARC, decoded and extracted as the CLI does. */
async function extractInputs(warc: string): Promise<AnnotateInput[]> {
  const inputs: AnnotateInput[] = [];
  const parser = new WARCParser(await readFile(warc).then((b) => [b]));
  for await (const record of parser) {
    const type = record.httpHeaders?.headers.get('content-type') ?? '';
    if (record.warcType !== 'response' || !type.startsWith('text/html')) continue;
    const charset = /charset=([\w-]+)/i.exec(type)?.[1];
    const body = await record.readFully(true);
    const loaded = readInputBytes('page.html', body, {
      format: 'html',
      ...(charset ? { encoding: charset } : {}),
    });
    if (record.warcTargetURI) loaded.input.url = record.warcTargetURI;
    inputs.push(loaded.input);
  }
  return inputs;
}

/** Seconds for the engine alone over `inputs`, in this process (after a warm-up pass). */
function timeEngine(inputs: AnnotateInput[]): { seconds: number; cpu: number } {
  for (const input of inputs.slice(0, 200)) annotate(input);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const input of inputs) JSON.stringify(annotate(input));
  const cpu = process.cpuUsage(cpuStart);
  return { seconds: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build:cli failed');
const dir = await mkdtemp(join(tmpdir(), 'zwl-bench-cli-'));
try {
  const big = join(dir, 'crawl.warc.gz');
  const small = join(dir, 'crawl-small.warc.gz');
  await makeSyntheticCrawl(big, PAGES);
  await makeSyntheticCrawl(small, SMALL);
  const one = timeCli(big, 1);
  const two = timeCli(big, 2);
  const smallTwo = timeCli(small, 2);
  const { seconds: engine, cpu: engineCpu } = timeEngine(await extractInputs(big));
  const rate = (s: number) => (PAGES / s).toFixed(1);
  const scaling = one.seconds / two.seconds;
  const rss = two.rssMb / smallTwo.rssMb;
  const overhead = one.seconds / engine - 1;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `bench:cli: ${PAGES} pages (WARC.gz, every 4th GBK), load average ${(await readFile('/proc/loadavg', 'utf8')).split(' ')[0]}`,
  );
  console.log(
    `  --jobs 1: ${one.seconds.toFixed(1)} s, ${rate(one.seconds)} pages/s, CPU ${one.cpu.toFixed(1)} s, peak RSS ${one.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `  --jobs 2: ${two.seconds.toFixed(1)} s, ${rate(two.seconds)} pages/s, CPU ${two.cpu.toFixed(1)} s, peak RSS ${two.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `  scaling --jobs 2 / --jobs 1: ${scaling.toFixed(2)}× (target ≥ 1.7×: ${verdict(scaling >= 1.7)})`,
  );
  console.log(
    `  peak RSS --jobs 2, ${SMALL} → ${PAGES} pages: ${smallTwo.rssMb.toFixed(0)} → ${two.rssMb.toFixed(0)} MB, ${rss.toFixed(2)}× (target ≤ 1.2×: ${verdict(rss <= 1.2)})`,
  );
  console.log(
    `  engine alone, one process: ${engine.toFixed(1)} s, ${rate(engine)} pages/s, CPU ${engineCpu.toFixed(1)} s`,
  );
  // On a loaded machine wall time waits for other processes; CPU time compares the work done.
  console.log(
    `  CPU time, CLI --jobs 1 over the engine alone: ${((one.cpu / engineCpu - 1) * 100).toFixed(0)}% more`,
  );
  console.log(
    `  CLI --jobs 1 overhead over the engine alone: ${(overhead * 100).toFixed(0)}% (target ≤ 30%: ${verdict(overhead <= 0.3)})`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * `npm run bench:cli`: the crawl CLI end to end on a synthetic crawl (scripts/crawl-make-synthetic.ts,
 * WARC.gz, some GBK). Prints pages/s with --jobs 1 and --jobs 2 (target ≥ 1.7×), peak RSS at 1/10
 * of the pages against all of them (target ≤ 1.2×), the CLI's --jobs 1 time against the engine
 * alone on the same extracted inputs in one process (target overhead ≤ 30%), and the ceiling the
 * machine allows at all: two plain processes running the engine alone on half the inputs each,
 * against one process on all of them. Every measurement is repeated (BENCH_ROUNDS, default 3) and
 * the ratios are taken within one round, since the machine is shared: medians with min–max.
 * Prints figures; never fails on timing. BENCH_PAGES (default 10000) sets the crawl size. The CLI
 * runs as users run it: the plain JS that `npm run build:cli` writes to dist/cli (built first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WARCParser } from 'warcio';
import { annotate } from '../src/core/index';
import type { AnnotateInput } from '../src/core/types';
import { readInputBytes } from '../src/cli/load-input';
import { makeSyntheticCrawl } from './crawl-make-synthetic';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLI = `${process.env.ZWL_DIST ?? 'dist'}/cli/annotate.js`;
const SMALL = Math.round(PAGES / 10);
/** Argument that makes this script an engine-alone child: `--engine-child INPUTS.json FROM TO`. */
const CHILD_FLAG = '--engine-child';

/** One CLI run: wall seconds, peak RSS (MB, whole process with its worker threads), CPU seconds. */
interface CliTiming {
  seconds: number;
  rssMb: number;
  cpu: number;
}

/** What an engine-alone child reports: its loop's start and end (epoch ms) and CPU seconds. */
interface EngineTiming {
  start: number;
  end: number;
  cpu: number;
}

/** Runs the built CLI on one WARC, output discarded. */
function timeCli(warc: string, jobs: number): CliTiming {
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

/**
 * Child mode: the engine alone over inputs [from, to) of a JSON file, from a cold start as a CLI
 * worker has (no warm-up pass); prints its EngineTiming.
 */
async function runEngineChild(file: string, from: number, to: number): Promise<void> {
  const inputs = (JSON.parse(await readFile(file, 'utf8')) as AnnotateInput[]).slice(from, to);
  const start = performance.timeOrigin + performance.now();
  const cpuStart = process.cpuUsage();
  for (const input of inputs) annotate(input);
  const cpu = process.cpuUsage(cpuStart);
  const end = performance.timeOrigin + performance.now();
  const timing: EngineTiming = { start, end, cpu: (cpu.user + cpu.system) / 1e6 };
  process.stdout.write(`${JSON.stringify(timing)}\n`);
}

/** Starts an engine-alone child over inputs [from, to); resolves to its timing. */
function engineChild(file: string, from: number, to: number): Promise<EngineTiming> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--import', 'tsx', script, CHILD_FLAG, file, String(from), String(to)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as EngineTiming) : reject(new Error('engine child')),
    );
  });
}

/** Seconds of an engine timing's loop. */
const loopSeconds = (t: EngineTiming) => (t.end - t.start) / 1000;

/** One round of every measurement, run back to back so they share the machine's load. */
interface Round {
  one: CliTiming;
  two: CliTiming;
  smallTwo: CliTiming;
  /** Engine alone, one process, all inputs. */
  engine: EngineTiming;
  /** Engine alone, two processes at once, half the inputs each: wall seconds of the pair. */
  pairSeconds: number;
  pairCpu: number;
  load: string;
}

/** Runs one round. */
async function measureRound(big: string, small: string, inputsFile: string, count: number) {
  const one = timeCli(big, 1);
  const two = timeCli(big, 2);
  const smallTwo = timeCli(small, 2);
  const engine = await engineChild(inputsFile, 0, count);
  const half = Math.ceil(count / 2);
  const pair = await Promise.all([
    engineChild(inputsFile, 0, half),
    engineChild(inputsFile, half, count),
  ]);
  const pairSeconds =
    (Math.max(...pair.map((t) => t.end)) - Math.min(...pair.map((t) => t.start))) / 1000;
  const load = (await readFile('/proc/loadavg', 'utf8')).split(' ')[0] ?? '?';
  const pairCpu = pair[0]!.cpu + pair[1]!.cpu;
  return { one, two, smallTwo, engine, pairSeconds, pairCpu, load } satisfies Round;
}

/** "median (min–max)" of values, with `digits` decimals and a unit suffix. */
function spread(values: number[], digits: number, unit = ''): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const f = (n: number) => `${n.toFixed(digits)}${unit}`;
  return `${f(median)} (${f(sorted[0]!)}–${f(sorted.at(-1)!)})`;
}

/** Builds the CLI and the crawls, runs the rounds and prints the figures. */
async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const dir = await mkdtemp(join(tmpdir(), 'zwl-bench-cli-'));
  try {
    const big = join(dir, 'crawl.warc.gz');
    const small = join(dir, 'crawl-small.warc.gz');
    await makeSyntheticCrawl(big, PAGES);
    await makeSyntheticCrawl(small, SMALL);
    const inputs = await extractInputs(big);
    const inputsFile = join(dir, 'inputs.json');
    await writeFile(inputsFile, JSON.stringify(inputs));
    const rounds: Round[] = [];
    console.log(`bench:cli: ${PAGES} pages (WARC.gz, every 4th GBK), ${ROUNDS} rounds`);
    for (let r = 1; r <= ROUNDS; r++) {
      const round = await measureRound(big, small, inputsFile, inputs.length);
      rounds.push(round);
      const { one, two, smallTwo, engine } = round;
      console.log(
        `  round ${r} (load ${round.load}): --jobs 1 ${one.seconds.toFixed(1)} s CPU ${one.cpu.toFixed(1)} s ` +
          `${one.rssMb.toFixed(0)} MB; --jobs 2 ${two.seconds.toFixed(1)} s CPU ${two.cpu.toFixed(1)} s ` +
          `${two.rssMb.toFixed(0)} MB (${SMALL} pages: ${smallTwo.rssMb.toFixed(0)} MB); ` +
          `engine alone ${loopSeconds(engine).toFixed(1)} s CPU ${engine.cpu.toFixed(1)} s; ` +
          `two engine processes ${round.pairSeconds.toFixed(1)} s CPU ${round.pairCpu.toFixed(1)} s`,
      );
    }
    const of = (f: (r: Round) => number) => rounds.map(f);
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const scaling = of((r) => r.one.seconds / r.two.seconds);
    const ceiling = of((r) => loopSeconds(r.engine) / r.pairSeconds);
    const rss = of((r) => r.two.rssMb / r.smallTwo.rssMb);
    const overhead = of((r) => (r.one.seconds / loopSeconds(r.engine) - 1) * 100);
    const cpuOverhead = of((r) => (r.one.cpu / r.engine.cpu - 1) * 100);
    console.log(`medians (min–max) over ${ROUNDS} rounds:`);
    console.log(
      `  --jobs 1: ${spread(
        of((r) => PAGES / r.one.seconds),
        0,
        ' pages/s',
      )}`,
    );
    console.log(
      `  --jobs 2: ${spread(
        of((r) => PAGES / r.two.seconds),
        0,
        ' pages/s',
      )}`,
    );
    console.log(
      `  scaling --jobs 2 / --jobs 1: ${spread(scaling, 2, '×')} (target ≥ 1.7×: ${verdict(median(scaling) >= 1.7)})`,
    );
    console.log(
      `  ceiling, two engine-alone processes / one: ${spread(ceiling, 2, '×')}; CLI scaling / ceiling: ${spread(
        rounds.map((_, i) => scaling[i]! / ceiling[i]!),
        2,
      )}`,
    );
    console.log(
      `  CPU --jobs 2 / --jobs 1: ${spread(
        of((r) => r.two.cpu / r.one.cpu),
        2,
        '×',
      )}; two engine processes / one: ${spread(
        of((r) => r.pairCpu / r.engine.cpu),
        2,
        '×',
      )}`,
    );
    console.log(
      `  peak RSS --jobs 2, ${SMALL} → ${PAGES} pages: ${spread(rss, 2, '×')} (target ≤ 1.2×: ${verdict(median(rss) <= 1.2)})`,
    );
    console.log(
      `  CLI --jobs 1 over the engine alone (wall): ${spread(overhead, 0, '%')} (target ≤ 30%: ${verdict(median(overhead) <= 30)}); CPU: ${spread(cpuOverhead, 0, '%')}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  const [file, from, to] = process.argv.slice(3);
  await runEngineChild(file!, Number(from), Number(to));
} else {
  await main();
}

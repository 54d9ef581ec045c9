import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './run-in-process';
import { newsPage, newsRecords, writeWarc } from './warc-fixtures';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES = 300;
const BATCH = 3;
const UNITS = PAGES / BATCH + 1;

let dir: string;
let warc: string;
let pageFiles: string[];

/** Runs the CLI in-process with the real engine; stdout text, exit code and stderr. */
const runCli = (args: string[], jobs = 1) => runCliInProcess(args, jobs);

/** Every file under `outDir/parts` with its bytes, in name order. */
async function snapshot(outDir: string): Promise<Array<[string, string]>> {
  const names = (await readdir(join(outDir, 'parts'))).sort();
  return Promise.all(
    names.map(
      async (name) =>
        [name, await readFile(join(outDir, 'parts', name), 'utf8')] as [string, string],
    ),
  );
}

/** Count of finished units in an output folder. */
async function doneCount(outDir: string): Promise<number> {
  const names = await readdir(join(outDir, 'parts')).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.done')).length;
}

/**
 * Starts the real CLI (one node process: workers are threads) and SIGKILLs it once `killAfter`
 * units are done. Resolves to how many were done when it died (or finished).
 */
function runAndKill(args: string[], killAfter: number): Promise<{ killed: boolean; done: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src/cli/annotate.ts'), ...args],
    { cwd: repoRoot, stdio: 'ignore' },
  );
  const outDir = args[args.indexOf('--out') + 1]!;
  return new Promise((resolve, reject) => {
    let killed = false;
    const timer = setInterval(() => {
      void doneCount(outDir).then((done) => {
        if (!killed && done >= killAfter) {
          killed = child.kill('SIGKILL');
        }
      });
    }, 5);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
      void doneCount(outDir).then((done) => resolve({ killed, done }));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-resume-'));
  warc = join(dir, 'crawl.warc.gz');
  await writeWarc(warc, newsRecords(PAGES));
  pageFiles = [];
  for (let i = 0; i < 7; i++) {
    const file = join(dir, `page-${i}.html`);
    await writeFile(file, newsPage(100 + i));
    pageFiles.push(file);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('annotate --out --resume', () => {
  it('gives byte-identical output after being SIGKILLed at several points and resumed', async () => {
    const reference = join(dir, 'reference');
    const args = ['--jobs', '2', '--batch', String(BATCH), '--no-progress', warc, pageFiles[0]!];
    const clean = await runCli([...args, '--out', reference], 2);
    expect(clean.code).toBe(0);
    const expected = await snapshot(reference);
    expect(expected.filter(([name]) => name.endsWith('.done'))).toHaveLength(UNITS);

    const resumed = join(dir, 'resumed');
    const kills: number[] = [];
    // First kill before anything is written, then at growing points of the run.
    for (const killAfter of [0, 5, 30, 70]) {
      const extra = kills.length > 0 ? ['--resume'] : [];
      const round = await runAndKill([...args, ...extra, '--out', resumed], killAfter);
      if (round.killed) kills.push(round.done);
    }
    // Killing must really have interrupted the run, or this test proves nothing.
    expect(kills.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...kills)).toBeLessThan(UNITS);
    const last = await runCli([...args, '--resume', '--out', resumed], 2);
    expect(last.code).toBe(0);
    expect(last.stderr).toMatch(/units done earlier/);
    expect(await snapshot(resumed)).toEqual(expected);
  }, 180_000);

  it('refuses an output folder that holds output unless --resume is given', async () => {
    const out = join(dir, 'reference');
    const again = await runCli(['--out', out, pageFiles[0]!]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds output: add --resume/);
  });
});

describe('annotate --shard K/N', () => {
  it('splits the inputs so the union of the shards is exactly one unsharded run', async () => {
    const second = join(dir, 'second.warc');
    await writeWarc(second, newsRecords(20, 'www.second.gov.cn'));
    const inputs = ['--batch', '4', warc, second, ...pageFiles];
    const whole = await runCli(inputs);
    const sortLines = (text: string) => text.split('\n').filter(Boolean).sort().join('\n');
    for (const count of [2, 3]) {
      const outputs: string[] = [];
      for (let k = 1; k <= count; k++)
        outputs.push((await runCli(['--shard', `${k}/${count}`, ...inputs])).stdout);
      expect(sortLines(outputs.join(''))).toBe(sortLines(whole.stdout));
      // Each shard does a real share of the work, and no page is done twice.
      for (const output of outputs) expect(output.length).toBeLessThan(whole.stdout.length);
      expect(outputs.join('').split('\n').length).toBe(whole.stdout.split('\n').length);
    }
  }, 120_000);

  it('rejects malformed shard specs', async () => {
    for (const spec of ['0/2', '3/2', '1', 'a/b']) {
      const r = await runCli(['--shard', spec, pageFiles[0]!]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

/**
 * `npm run test:slurm` (opt-in, not part of `npm test`): runs scripts/slurm/annotate-array.sh as a
 * real Slurm job array over a small synthetic crawl (several WARC.gz files and some page files)
 * and checks that the union of the shards' JSONL parts equals one unsharded run, byte for byte
 * after sorting. Needs a reachable cluster (`sinfo` answers; on one machine start one with
 * scripts/slurm/one-node-cluster.sh and export SLURM_CONF). Exits 1 with the reason otherwise.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeSyntheticCrawl } from './crawl-make-synthetic';

const TASKS = 3;
const REPO = resolve('.');

/** Runs a command; throws with its output when it fails. */
function run(command: string, args: string[], options: { stdout?: 'pipe' } = {}): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', options.stdout ?? 'inherit', 'pipe'],
  });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout ?? '';
}

/** Lines of a JSONL text, sorted. */
function sortedLines(text: string): string[] {
  return text.split('\n').filter(Boolean).sort();
}

const probe = spawnSync('sinfo', ['-h', '-o', '%t'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.error(
    'test:slurm: no Slurm cluster answers (sinfo failed). Start one on this machine with ' +
      'scripts/slurm/one-node-cluster.sh (as root) and export SLURM_CONF as it says.',
  );
  process.exit(1);
}

// A fixed folder: shards split by input path, so every run splits alike (each task gets work).
const dir = join(tmpdir(), 'zwl-test-slurm');
await rm(dir, { recursive: true, force: true });
await mkdir(dir);
try {
  run('node', ['scripts/build-cli.mjs']);
  const inputs: string[] = [];
  for (const n of [1, 2, 3, 4, 5]) {
    const warc = join(dir, `crawl-${n}.warc.gz`);
    await makeSyntheticCrawl(warc, 30 + n);
    inputs.push(warc);
  }
  const pages = join(dir, 'pages');
  await mkdir(pages);
  for (const name of (await readdir('test/fixtures/pages')).filter((n) => n.endsWith('.html'))) {
    await copyFile(join('test/fixtures/pages', name), join(pages, name));
    inputs.push(join(pages, name));
  }
  const list = join(dir, 'list.txt');
  await writeFile(list, `${inputs.join('\n')}\n`);
  const out = join(dir, 'out');

  const started = Date.now();
  // The script asks for 8 CPUs and 8 GB per task; a small test cluster has less.
  run('sbatch', [
    '--wait',
    `--array=1-${TASKS}`,
    '--cpus-per-task=1',
    '--mem=0',
    `--output=${join(dir, 'task-%A_%a.log')}`,
    `--export=ALL,ZWL_REPO=${REPO}`,
    'scripts/slurm/annotate-array.sh',
    list,
    out,
  ]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const logs = (await readdir(dir)).filter((n) => n.startsWith('task-')).sort();
  if (logs.length !== TASKS) throw new Error(`expected ${TASKS} task logs, found ${logs.length}`);
  const parts = (await readdir(join(out, 'parts'))).filter((n) => n.endsWith('.jsonl')).sort();
  let union = '';
  for (const name of parts) union += await readFile(join(out, 'parts', name), 'utf8');

  const whole = run('node', ['dist/cli/annotate.js', '--jobs', '1', '--no-progress', ...inputs], {
    stdout: 'pipe',
  });
  const expected = sortedLines(whole);
  const got = sortedLines(union);
  const tasksWithWork = [];
  for (const log of logs) {
    const text = await readFile(join(dir, log), 'utf8');
    const match = /annotate: (\d+) pages read/.exec(text);
    if (!match) throw new Error(`${log} has no closing summary:\n${text}`);
    tasksWithWork.push(Number(match[1]));
  }
  const same = got.length === expected.length && got.every((line, i) => line === expected[i]);
  console.log(
    `test:slurm: ${TASKS} array tasks in ${seconds} s read ${tasksWithWork.join(' + ')} pages; ` +
      `union ${got.length} lines, unsharded ${expected.length} lines: ${same ? 'identical' : 'DIFFERENT'}`,
  );
  if (!same || tasksWithWork.some((n) => n === 0)) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}

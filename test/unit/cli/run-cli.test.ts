import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotateInput, AnnotateResult } from '../../../src/core/types';
import { EXIT_INPUT_ERROR, EXIT_USAGE, runAnnotateCli } from '../../../src/cli/run-cli';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-cli-'));
  await writeFile(join(dir, 'a.txt'), '市委书记主持召开会议');
  await writeFile(
    join(dir, 'b.html'),
    '<html><head><title>标题</title></head><body><p>县长</p></body></html>',
  );
  await writeFile(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0xff]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process with a recording engine; returns exit code, output and engine inputs. */
async function run(argv: string[], stdin = '', stderrIsTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const inputs: AnnotateInput[] = [];
  const engine = (input: AnnotateInput): AnnotateResult => {
    inputs.push(input);
    if (input.text.includes('CRASH')) throw new Error('engine exploded\nstack line');
    return {
      page: {
        isGovNews: true,
        score: 0.9,
        signals: [],
        script: 'simplified',
        pinyinAnnotations: false,
        byline: [],
        editors: [],
      },
      entities: [],
    };
  };
  const code = await runAnnotateCli(
    argv,
    {
      stdout: { write: (s: string | Uint8Array) => out.push(Buffer.from(s).toString('utf8')) },
      stderr: { write: (s: string) => err.push(s), isTTY: stderrIsTTY },
      readStdin: async () => Buffer.from(stdin),
    },
    engine,
    1,
  );
  const stderr = err.join('');
  // The closing summary is the last stderr line; problems come before it.
  const summary = /annotate: \d+ pages read.*\n$/.exec(stderr)?.[0] ?? '';
  return {
    code,
    stdout: out.join(''),
    stderr: stderr.slice(0, stderr.length - summary.length),
    summary,
    inputs,
  };
}

describe('runAnnotateCli', () => {
  it('prints one JSON line per file: file first, then the engine result', async () => {
    const r = await run([join(dir, 'a.txt'), join(dir, 'b.html')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.summary).toBe('annotate: 2 pages read, 2 annotated, 0 skipped, 0 errors\n');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['file', 'page', 'entities']);
    expect(first.file).toBe(join(dir, 'a.txt'));
    expect(r.inputs[0]).toEqual({ text: '市委书记主持召开会议' });
    expect(r.inputs[1]?.text).toBe('县长\n');
  });

  it('reads stdin for -', async () => {
    const r = await run(['-'], '省长指出');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).file).toBe('-');
    expect(r.inputs[0]?.text).toBe('省长指出');
  });

  it('reports bad files on one line each and still processes the others', async () => {
    const r = await run([join(dir, 'missing.txt'), join(dir, 'bin.txt'), join(dir, 'a.txt')]);
    expect(r.code).toBe(EXIT_INPUT_ERROR);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/missing\.txt: no such file$/);
    expect(errors[1]).toMatch(/bin\.txt: binary file/);
    expect(r.summary).toBe('annotate: 3 pages read, 1 annotated, 2 skipped, 0 errors\n');
  });

  it('reads a directory recursively, in name order', async () => {
    const r = await run([dir]);
    expect(r.code).toBe(EXIT_INPUT_ERROR);
    const files = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { file: string }).file);
    expect(files).toEqual([join(dir, 'a.txt'), join(dir, 'b.html')]);
    expect(r.stderr).toMatch(/bin\.txt: binary file/);
  });

  it('reports an engine failure as a one-line error', async () => {
    const r = await run(['-'], 'CRASH');
    expect(r.code).toBe(EXIT_INPUT_ERROR);
    expect(r.stderr).toBe('annotate: -: engine error: engine exploded\n');
    expect(r.summary).toBe('annotate: 1 pages read, 0 annotated, 0 skipped, 1 errors\n');
  });

  it('rejects unknown flags, bad values and empty calls with usage errors', async () => {
    for (const argv of [['--frobnicate', 'a.txt'], ['--format', 'pdf', 'a.txt'], [], ['-', '-']]) {
      const r = await run(argv);
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.inputs).toHaveLength(0);
    }
  });

  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run --silent annotate -- \[options\] INPUT/);
  });

  it('draws a progress bar on a terminal for many files, and never on a pipe', async () => {
    const files = Array.from({ length: 6 }, () => join(dir, 'a.txt'));
    const tty = await run(files, '', true);
    expect(tty.stderr).toContain('annotate [');
    expect(tty.stderr).toMatch(/6 pages \| \d+ pages\/s \| ETA/);
    const pipe = await run(files, '', false);
    expect(pipe.stderr).toBe('');
    const quiet = await run(['--no-progress', ...files], '', true);
    expect(quiet.stderr).toBe('');
  });
});

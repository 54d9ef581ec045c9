/**
 * The CLI run in this process with the real engine, its stdout and stderr collected: what the CLI
 * tests call instead of spawning `npm run annotate` (the spawn test keeps one real child).
 */
import { annotate } from '../../../src/core/index';
import { runAnnotateCli } from '../../../src/cli/run-cli';

/** What one run printed and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI on `args`; `jobs` > 1 starts real worker threads (left out: the CLI's default),
 * `stdin` feeds `-`.
 */
export async function runCliInProcess(args: string[], jobs?: number, stdin = ''): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAnnotateCli(
    args,
    {
      stdout: { write: (s: string | Uint8Array) => out.push(Buffer.from(s).toString('utf8')) },
      stderr: { write: (s: string) => err.push(s) },
      readStdin: async () => Buffer.from(stdin),
    },
    annotate,
    jobs,
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

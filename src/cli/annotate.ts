/**
 * Entry of `npm run --silent annotate -- FILE...`: wires the process streams and the engine to
 * the command in `run-cli.ts`.
 */
import { annotate } from '../core/index';
import { runAnnotateCli } from './run-cli';

/** Reads all of stdin into one buffer. */
async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// `annotate ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runAnnotateCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, readStdin: readProcessStdin },
  annotate,
);

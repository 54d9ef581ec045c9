/**
 * The `annotate` command: parses arguments, loads each file, runs the engine and prints one JSON
 * line per file. Written against injected streams and engine so tests can run it in-process.
 */
import { parseArgs } from 'node:util';
import type { AnnotateInput, AnnotateResult } from '../core/types';
import { InputError } from './decode-bytes';
import { loadInput, type InputFormat } from './load-input';
import { createProgress, type ErrorStream } from './progress';

/** The engine entry point the CLI calls (`annotate` from `src/core`). */
export type AnnotateFn = (input: AnnotateInput) => AnnotateResult;

/** Where the CLI reads and writes; `process` streams in production. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: ErrorStream;
  readStdin: () => Promise<Uint8Array>;
}

/** Exit codes: some input failed; the command line itself was wrong. */
export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE = 2;

/** Usage text printed by `--help`. */
const USAGE = `Usage: npm run --silent annotate -- [options] FILE...

Annotates saved Chinese government news pages: officials, meeting numbers, directive phrases and
page detection, and a record of each meeting the page reports as held. Prints one JSON object per
file, one per line:
  {"file": ..., "page": {...}, "entities": [...], "meetings": [...]}
Offsets index the plain text the engine saw (for .txt files, the file content as is); a meeting
record's "sources" are indexes into "entities".

FILE      a .txt file (UTF-8), an .html/.htm file (its declared charset is honoured, GBK included),
          or - for stdin. Other extensions are sniffed.

Options:
  --format auto|text|html   how to read inputs (default auto: by extension, then content)
  --encoding NAME           charset for BOM-less text, or overriding the HTML declaration (e.g. gbk)
  --no-progress             never draw the progress bar (drawn on a terminal for > 5 files)
  -h, --help                show this help

Exit status: 0 when every file was annotated, 1 when some file failed, 2 on a usage error.`;

const FORMATS: readonly InputFormat[] = ['auto', 'text', 'html'];

/** Parsed command line. */
interface CliOptions {
  files: string[];
  format: InputFormat;
  encoding?: string;
  progress: boolean;
  help: boolean;
}

/** Parses argv (without node and script); throws `InputError` with a usage message when wrong. */
function parseCommandLine(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        format: { type: 'string' },
        encoding: { type: 'string' },
        'no-progress': { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs messages are multi-line hints; the first line names the problem.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new InputError(message);
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'auto') as InputFormat;
  if (!FORMATS.includes(format))
    throw new InputError(`--format must be one of ${FORMATS.join(', ')}`);
  const options: CliOptions = {
    files: positionals,
    format,
    progress: !values['no-progress'],
    help: values.help ?? false,
  };
  if (values.encoding !== undefined) options.encoding = values.encoding;
  return options;
}

/** Runs the annotate command; resolves to the process exit code. */
export async function runAnnotateCli(
  argv: string[],
  io: CliIo,
  annotate: AnnotateFn,
): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    io.stderr.write(`annotate: ${(error as Error).message} (see --help)\n`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.files.length === 0) {
    io.stderr.write('annotate: no input files (give FILE..., or - for stdin; see --help)\n');
    return EXIT_USAGE;
  }
  if (options.files.filter((f) => f === '-').length > 1) {
    io.stderr.write('annotate: stdin (-) can be read only once\n');
    return EXIT_USAGE;
  }

  const progress = createProgress(options.files.length, io.stderr, options.progress);
  let failed = 0;
  for (const file of options.files) {
    try {
      const loaded = await loadInput(file, {
        format: options.format,
        ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
        readStdin: io.readStdin,
      });
      const result = annotate(loaded.input);
      io.stdout.write(`${JSON.stringify({ file, ...result })}\n`);
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      const kind = error instanceof InputError ? '' : 'engine error: ';
      progress.log(`annotate: ${file}: ${kind}${reason.split('\n')[0] ?? ''}`);
    }
    progress.advance(file);
  }
  progress.stop();
  return failed > 0 ? EXIT_INPUT_ERROR : 0;
}

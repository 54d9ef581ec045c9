/**
 * The `annotate` command: parses arguments, plans the inputs into units of work, runs the engine
 * (in worker threads for `--jobs` > 1) and writes JSONL to stdout or shards to `--out DIR`.
 * Written against injected streams and engine so tests can run it in-process.
 */
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { InputError } from './decode-bytes';
import type { InputFormat } from './load-input';
import { createProgress, type ErrorStream } from './progress';
import { findOutputFormat, OUTPUT_FORMATS } from './crawl/output-format';
import { listInputs, planUnits, type ShardSpec } from './crawl/plan-units';
import type { AnnotateFn } from './crawl/read-unit';
import { runCrawl } from './crawl/run-crawl';
import {
  createAssemblyStore,
  createDirSink,
  createStreamSink,
  type OutputStream,
  type UnitSink,
} from './crawl/unit-sink';
import type { ReadSettings } from './crawl/work-unit';

export type { AnnotateFn } from './crawl/read-unit';

/** Where the CLI reads and writes; `process` streams in production. */
export interface CliIo {
  stdout: OutputStream;
  stderr: ErrorStream;
  readStdin: () => Promise<Uint8Array>;
}

/** Exit codes: some input failed; the command line itself was wrong. */
export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE = 2;

/** Pages (files or WARC records) per unit of work unless `--batch` says otherwise. */
const DEFAULT_BATCH = 64;

/** Usage text printed by `--help`. */
const USAGE = `Usage: npm run --silent annotate -- [options] INPUT...

Annotates saved Chinese government news pages: officials, meeting numbers, directive phrases and
page detection, and a record of each meeting the page reports as held. Prints one JSON object per
page, one per line:
  {"file": ..., "page": {...}, "entities": [...], "meetings": [...]}
Pages from a WARC archive also carry "offset" and "recordId" (with "file", the stable source key),
"url" and "date" (the capture date). Offsets index the plain text the engine saw (for .txt files,
the file content as is); a meeting record's "sources" are indexes into "entities".

INPUT     a .txt file (UTF-8), an .html/.htm file (its declared charset is honoured, GBK included),
          a .warc or .warc.gz archive (every 2xx response with an HTML or text body is a page),
          a directory (searched recursively for those extensions), or - for stdin.

Options:
  --files-from FILE     more inputs, one per line (- reads the list from stdin)
  -j, --jobs N          worker threads (default: the number of cores; 1 runs in-process)
  --out DIR             write DIR/parts/<unit>.jsonl files with .done markers instead of stdout
  --resume              with --out: keep the units an earlier (killed) run finished, do the rest
  --shard K/N           process only shard K of N (a stable split of the input files)
  --batch N             pages per unit of work (default ${DEFAULT_BATCH})
  --output FORMAT       output format: ${Object.keys(OUTPUT_FORMATS).join(', ')} (default jsonl); tidy
                        needs --out DIR and writes DIR/<table>.csv, datapackage.json, README.md
                        (the extension's tidy tables) once every unit is done; parquet writes
                        those and DIR/<table>.parquet too (needs @duckdb/node-api installed)
  --input-format auto|text|html   how to read page files (default auto: by extension, then
                        content); --format auto|text|html is the same flag
  --encoding NAME       charset for BOM-less text, or overriding the HTML declaration (e.g. gbk)
  --no-progress         never draw the progress bar (drawn only when stderr is a terminal)
  -h, --help            show this help

A closing summary on stderr counts pages read, annotated, skipped (unreadable, unknown charset,
binary) and errors (damaged WARC records, engine failures); each problem is one stderr line
starting with its source key.
Exit status: 0 when every page was annotated, 1 when some input failed, 2 on a usage error.`;

const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'text', 'html'];

/** Parsed command line. */
interface CliOptions {
  paths: string[];
  filesFrom?: string;
  jobs: number;
  out?: string;
  resume: boolean;
  shard?: ShardSpec;
  batch: number;
  output: string;
  settings: ReadSettings;
  progress: boolean;
  help: boolean;
}

/** A positive integer flag value, or a usage error. */
function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${name} must be a positive integer`);
  return n;
}

/** Parses `K/N` with 1 ≤ K ≤ N. */
function parseShard(value: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count)
    throw new InputError('--shard must be K/N with 1 <= K <= N');
  return { index, count };
}

/** Parses argv (without node and script); throws `InputError` with a usage message when wrong. */
function parseCommandLine(argv: string[], defaultJobs: number): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        format: { type: 'string' },
        'input-format': { type: 'string' },
        output: { type: 'string' },
        encoding: { type: 'string' },
        'files-from': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        out: { type: 'string' },
        resume: { type: 'boolean' },
        shard: { type: 'string' },
        batch: { type: 'string' },
        'no-progress': { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs messages are multi-line hints; the first line names the problem.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new InputError(message);
  }
  const { values, positionals } = parsed;
  const inputFormat = (values['input-format'] ?? values.format ?? 'auto') as InputFormat;
  if (!INPUT_FORMATS.includes(inputFormat))
    throw new InputError(`--input-format must be one of ${INPUT_FORMATS.join(', ')}`);
  const output = values.output ?? 'jsonl';
  if (!findOutputFormat(output))
    throw new InputError(`--output must be one of ${Object.keys(OUTPUT_FORMATS).join(', ')}`);
  if (values.resume && values.out === undefined) throw new InputError('--resume needs --out DIR');
  const settings: ReadSettings = { inputFormat };
  if (values.encoding !== undefined) settings.encoding = values.encoding;
  const options: CliOptions = {
    paths: positionals,
    jobs: values.jobs === undefined ? defaultJobs : positiveInt('--jobs', values.jobs),
    resume: values.resume ?? false,
    batch: values.batch === undefined ? DEFAULT_BATCH : positiveInt('--batch', values.batch),
    output,
    settings,
    progress: !values['no-progress'],
    help: values.help ?? false,
  };
  if (values['files-from'] !== undefined) options.filesFrom = values['files-from'];
  if (values.out !== undefined) options.out = values.out;
  if (values.shard !== undefined) options.shard = parseShard(values.shard);
  return options;
}

/** Yields stdin's bytes once (the list of paths is small next to the pages it names). */
async function* readAll(io: CliIo): AsyncGenerator<Buffer> {
  yield Buffer.from(await io.readStdin());
}

/** Lines of the `--files-from` list: a file, or stdin for `-`. */
function readPathList(source: string, io: CliIo): AsyncIterable<string> {
  const input = source === '-' ? Readable.from(readAll(io)) : createReadStream(source);
  return createInterface({ input, crlfDelay: Infinity });
}

/** Sum of input sizes for the progress bar (a first, cheap walk); undefined for a stdin list. */
async function totalInputBytes(options: CliOptions, io: CliIo): Promise<number | undefined> {
  if (options.filesFrom === '-') return undefined;
  const { stat } = await import('node:fs/promises');
  let total = 0;
  const pathLists = options.filesFrom ? readPathList(options.filesFrom, io) : undefined;
  for await (const path of listInputs({
    paths: options.paths,
    ...(pathLists ? { pathLists } : {}),
  }))
    if (path !== '-') total += (await stat(path).catch(() => undefined))?.size ?? 0;
  return total;
}

/** Checks the command line against its own rules; a message for the first problem found. */
function usageProblem(options: CliOptions): string | undefined {
  if (options.paths.length === 0 && options.filesFrom === undefined)
    return 'no inputs (give INPUT..., --files-from FILE, or - for stdin; see --help)';
  const stdinUses =
    options.paths.filter((p) => p === '-').length + (options.filesFrom === '-' ? 1 : 0);
  if (stdinUses > 1) return 'stdin (-) can be read only once';
  return undefined;
}

/** Runs the annotate command; resolves to the process exit code. */
export async function runAnnotateCli(
  argv: string[],
  io: CliIo,
  annotate: AnnotateFn,
  defaultJobs = availableParallelism(),
): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCommandLine(argv, defaultJobs);
  } catch (error) {
    io.stderr.write(`annotate: ${(error as Error).message} (see --help)\n`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const problem = usageProblem(options);
  if (problem) {
    io.stderr.write(`annotate: ${problem}\n`);
    return EXIT_USAGE;
  }
  const format = findOutputFormat(options.output)!;
  let sink: UnitSink;
  try {
    await format.checkAvailable?.();
    sink = options.out
      ? await createDirSink(
          options.out,
          format,
          options.resume,
          options.shard ? `${options.shard.index}of${options.shard.count}` : 'all',
        )
      : createStreamSink(io.stdout, format);
  } catch (error) {
    io.stderr.write(`annotate: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }

  const showBar = options.progress && io.stderr.isTTY === true;
  const progress = createProgress(
    showBar ? await totalInputBytes(options, io) : undefined,
    io.stderr,
    options.progress,
  );
  const pathLists = options.filesFrom ? readPathList(options.filesFrom, io) : undefined;
  const { out } = options;
  const assemble = out !== undefined && !options.shard ? format.assemble : undefined;
  let assemblyProblem: string | undefined;
  const complete = assemble
    ? async (unitIds: readonly string[]) => {
        try {
          await assemble(createAssemblyStore(out!, unitIds, newestInputMs));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          assemblyProblem = error.message;
        }
      }
    : undefined;
  let newestInputMs: number | undefined;
  const summary = await runCrawl({
    plan: planUnits({
      onInputTime: (ms) => {
        newestInputMs = Math.max(ms, newestInputMs ?? ms);
      },
      paths: options.paths,
      ...(pathLists ? { pathLists } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
      batch: options.batch,
    }),
    jobs: options.jobs,
    context: { annotate, settings: options.settings, format, readStdin: io.readStdin },
    formatName: format.name,
    sink,
    progress,
    ...(complete ? { complete } : {}),
  });
  if (assemblyProblem) io.stderr.write(`annotate: ${assemblyProblem}\n`);
  if (format.assemble && options.shard)
    io.stderr.write(
      `annotate: --output ${format.name} is assembled by a run without --shard once every ` +
        'shard is done: rerun with the same inputs, --out and --resume\n',
    );
  const resumed = summary.unitsResumed > 0 ? `; ${summary.unitsResumed} units done earlier` : '';
  io.stderr.write(
    `annotate: ${summary.read} pages read, ${summary.annotated} annotated, ` +
      `${summary.skipped} skipped, ${summary.errors} errors${resumed}\n`,
  );
  return summary.skipped + summary.errors > 0 || assemblyProblem ? EXIT_INPUT_ERROR : 0;
}

/**
 * Where encoded units go: stdout in input order, or `--out DIR` with one file per unit and part,
 * each written under a temporary name, renamed, then marked done, so a killed run leaves nothing
 * a resumed run would keep half-written.
 */
import { createWriteStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../decode-bytes';
import type { AssemblyStore, OutputFormat } from './output-format';
import type { UnitResult } from './work-unit';

/** Receives processed units. */
export interface UnitSink {
  /** Whether a unit finished in an earlier run (only `--out` with `--resume` remembers). */
  isDone(id: string): Promise<boolean>;
  write(result: UnitResult): Promise<void>;
}

/** Minimal writable surface: process.stdout, or a test's collector. */
export interface OutputStream {
  /** Text from units run in-process, UTF-8 bytes from worker threads. */
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Writes the single part of each unit to a stream, waiting when the stream asks to. */
export function createStreamSink(stream: OutputStream, format: OutputFormat): UnitSink {
  const [part] = format.parts;
  if (format.parts.length !== 1 || part === undefined)
    throw new InputError(`--output ${format.name} writes several files: give --out DIR`);
  return {
    isDone: () => Promise.resolve(false),
    write: async (result) => {
      const content = result.parts[part] ?? '';
      if (content.length === 0) return;
      if (stream.write(content) === false && stream.once)
        await new Promise<void>((resolve) => stream.once?.('drain', resolve));
    },
  };
}

/** Subfolder of `--out` holding the unit files. */
export const PARTS_DIR = 'parts';
const DONE_SUFFIX = '.done';

/**
 * Prepares `dir/parts` and returns a sink writing there. A folder already holding output needs
 * `resume` (then unfinished files of the killed run are removed). Shards of one crawl may share
 * it: temporary names carry `writer` (the shard), so a resuming shard removes only its own.
 */
export async function createDirSink(
  dir: string,
  format: OutputFormat,
  resume: boolean,
  writer = 'all',
): Promise<UnitSink> {
  const TMP_SUFFIX = `.${writer}.tmp`;
  const partsDir = join(dir, PARTS_DIR);
  await mkdir(partsDir, { recursive: true });
  const existing = await readdir(partsDir);
  if (existing.length > 0 && !resume)
    throw new InputError(`${dir} already holds output: add --resume, or give an empty --out`);
  for (const name of existing)
    if (name.endsWith(TMP_SUFFIX)) await rm(join(partsDir, name), { force: true });
  return {
    isDone: (id) =>
      access(join(partsDir, `${id}${DONE_SUFFIX}`)).then(
        () => true,
        () => false,
      ),
    write: async (result) => {
      for (const suffix of format.parts) {
        const path = join(partsDir, `${result.id}.${suffix}`);
        await writeFile(`${path}${TMP_SUFFIX}`, result.parts[suffix] ?? '');
        await rename(`${path}${TMP_SUFFIX}`, path);
      }
      // The marker holds the unit's tallies (no times), so reruns write identical bytes.
      const marker = join(partsDir, `${result.id}${DONE_SUFFIX}`);
      await writeFile(`${marker}${TMP_SUFFIX}`, `${JSON.stringify(result.counts)}\n`);
      await rename(`${marker}${TMP_SUFFIX}`, marker);
    },
  };
}

/**
 * Where a format assembles its final files: reads `dir/parts/<unit>.<suffix>`, writes `dir/<name>`
 * under a temporary name renamed when complete, so a killed assembly leaves no half file behind.
 */
export function createAssemblyStore(
  dir: string,
  unitIds: readonly string[],
  newestInputMs?: number,
): AssemblyStore {
  return {
    unitIds,
    dir,
    ...(newestInputMs !== undefined ? { newestInputMs } : {}),
    readPart: (id, suffix) => readFile(join(dir, PARTS_DIR, `${id}.${suffix}`), 'utf8'),
    writeFile: async (name, pieces) => {
      const path = join(dir, name);
      await pipeline(Readable.from(pieces), createWriteStream(`${path}.tmp`));
      await rename(`${path}.tmp`, path);
    },
  };
}

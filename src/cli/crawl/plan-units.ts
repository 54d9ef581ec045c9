/**
 * Turns the command line's inputs (files, directories, `--files-from` lists, WARC archives) into
 * units of work, lazily, so a crawl of any size is planned in constant memory. `--shard K/N`
 * keeps a stable 1/N of the input files by a hash of their path (a WARC goes whole to one shard,
 * so no shard reads another's archives).
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { indexWarc, isGzipWarcPath, isWarcPath } from './warc-index';
import { hashKey, warcKey, type WorkUnit } from './work-unit';

/** `--shard K/N`: this run keeps shard `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** What to plan. */
export interface PlanOptions {
  /** Positional arguments: files, directories, `-` for stdin. */
  paths: readonly string[];
  /** Extra paths, one per line (`--files-from`). */
  pathLists?: AsyncIterable<string>;
  shard?: ShardSpec;
  /** Pages (files or WARC records) per unit. */
  batch: number;
  /** Told the modification time (ms) of each input file planned. */
  onInputTime?: (mtimeMs: number) => void;
}

/** A damaged WARC stretch found while planning; it belongs to no unit. */
export interface PlannedDamage {
  kind: 'damage';
  key: string;
  reason: string;
}

/** What `planUnits` yields. */
export type PlanItem = { kind: 'unit'; unit: WorkUnit } | PlannedDamage;

/** Files a directory walk picks up; named files are read whatever their extension. */
const WALKED_FILE = /\.(html?|xhtml|shtml|txt|warc|warc\.gz)$/i;

/** Whether a key falls in the shard (or there is no sharding). */
export function inShard(key: string, shard: ShardSpec | undefined): boolean {
  if (!shard) return true;
  return Number.parseInt(hashKey(key).slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** Files under `dir`, depth first in name order, so every run lists them alike. */
async function* walkDirectory(dir: string): AsyncGenerator<string> {
  const entries: Array<{ name: string; isDir: boolean }> = [];
  for await (const entry of await opendir(dir))
    entries.push({ name: entry.name, isDir: entry.isDirectory() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDir) yield* walkDirectory(path);
    else if (WALKED_FILE.test(entry.name)) yield path;
  }
}

/** Expands one argument: a directory into its files, anything else as is. */
async function* expandPath(path: string): AsyncGenerator<string> {
  if (path === '-') {
    yield path;
    return;
  }
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) yield* walkDirectory(path);
  else yield path;
}

/** Every input path in order: positionals, then the `--files-from` list. */
export async function* listInputs(
  options: Pick<PlanOptions, 'paths' | 'pathLists'>,
): AsyncGenerator<string> {
  for (const path of options.paths) yield* expandPath(path);
  if (!options.pathLists) return;
  for await (const line of options.pathLists) {
    const path = line.trim();
    if (path) yield* expandPath(path);
  }
}

/** Size of a file, 0 when it cannot be read (the reader reports why); passes on its time. */
async function sizeOf(path: string, options: PlanOptions): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (info) options.onInputTime?.(info.mtimeMs);
  return info?.size ?? 0;
}

/** Cuts one WARC (which belongs to a single shard, whole) into units of at most `batch` consecutive records; damage splits units. */
async function* planWarc(file: string, options: PlanOptions): AsyncGenerator<PlanItem> {
  let start = -1;
  let end = -1;
  let records = 0;
  // Record offsets while every member holds one record (see WarcUnit.offsets).
  let offsets: number[] | undefined = [];
  function* flush(): Generator<PlanItem> {
    if (records > 0) {
      const id = `w${hashKey(`${file}\n${start}-${end}`)}`;
      const unit: WorkUnit = { kind: 'warc', id, file, start, end, bytes: end - start };
      if (offsets && isGzipWarcPath(file)) unit.offsets = offsets;
      yield { kind: 'unit', unit };
    }
    records = 0;
    offsets = [];
  }
  try {
    for await (const entry of indexWarc(file)) {
      if (entry.kind === 'damage') {
        yield* flush();
        yield { kind: 'damage', key: warcKey(file, entry.offset), reason: entry.reason };
        continue;
      }
      if (records === 0) start = entry.offset;
      end = entry.offset + entry.length;
      if (entry.shared) offsets = undefined;
      offsets?.push(entry.offset);
      if (++records >= options.batch) yield* flush();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    yield { kind: 'damage', key: file, reason };
  }
  yield* flush();
}

/** Plans the units of a run, in input order. */
export async function* planUnits(options: PlanOptions): AsyncGenerator<PlanItem> {
  let files: string[] = [];
  let bytes = 0;
  function flushFiles(): PlanItem | undefined {
    if (files.length === 0) return undefined;
    const unit: WorkUnit = { kind: 'files', id: `f${hashKey(files.join('\n'))}`, files, bytes };
    files = [];
    bytes = 0;
    return { kind: 'unit', unit };
  }
  for await (const path of listInputs(options)) {
    if (!inShard(path, options.shard)) continue;
    if (path === '-') {
      yield { kind: 'unit', unit: { kind: 'stdin', id: 'stdin', bytes: 0 } };
    } else if (isWarcPath(path) && (await stat(path).catch(() => undefined))) {
      await sizeOf(path, options);
      yield* planWarc(path, options);
    } else {
      files.push(path);
      bytes += await sizeOf(path, options);
      if (files.length >= options.batch) {
        const item = flushFiles();
        if (item) yield item;
      }
    }
  }
  const item = flushFiles();
  if (item) yield item;
}

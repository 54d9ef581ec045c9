/**
 * Units of work handed to a worker thread: a batch of whole files, or a byte range of one WARC
 * holding whole records. A unit's id is derived from what it covers, so reruns, resumed runs and
 * shards agree on it.
 */
import { createHash } from 'node:crypto';
import type { AnnotateResult } from '../../core/types';
import type { InputFormat } from '../load-input';

/** A batch of page files read whole. */
export interface FilesUnit {
  kind: 'files';
  id: string;
  files: string[];
  bytes: number;
}

/** Records `[start, end)` of one WARC file: whole records only. */
export interface WarcUnit {
  kind: 'warc';
  id: string;
  file: string;
  start: number;
  end: number;
  bytes: number;
  /**
   * Where each record starts, for a WARC.gz of one record per gzip member: the worker then
   * inflates the range in one call instead of member by member.
   */
  offsets?: number[];
}

/** Stdin (`-`): read by the main thread, annotated there. */
export interface StdinUnit {
  kind: 'stdin';
  id: string;
  bytes: number;
}

/** One unit of work. */
export type WorkUnit = FilesUnit | WarcUnit | StdinUnit;

/** How pages are read: the `--format`/`--encoding` flags for page files. */
export interface ReadSettings {
  inputFormat: InputFormat;
  encoding?: string;
}

/** Where a page came from: the stable source key, plus the URL and capture date when known. */
export interface PageSource {
  /** The file (page file or WARC archive). */
  file: string;
  /** Byte offset of the WARC record in `file`. */
  offset?: number;
  /** The record's `WARC-Record-ID`. */
  recordId?: string;
  url?: string;
  /** The record's `WARC-Date` (capture date). */
  date?: string;
}

/** One output record: the source key followed by the engine's result. */
export type PageRecord = PageSource & AnnotateResult;

/** Tallies of one unit or run. */
export interface PageCounts {
  /** Pages found (page files, and WARC response records with an HTML or text body). */
  read: number;
  annotated: number;
  /** Pages refused as input: unreadable, unknown charset, binary body. */
  skipped: number;
  /** Damaged WARC records and engine failures. */
  errors: number;
}

/** A unit once processed: output already encoded by the output format, and what went wrong. */
export interface UnitResult {
  id: string;
  /**
   * Output part suffix (e.g. `jsonl`) → content: text in-process, UTF-8 bytes from a worker
   * thread (moved to the main thread, not copied, and written without encoding there).
   */
  parts: Record<string, string | Uint8Array>;
  counts: PageCounts;
  /** One line per problem, each starting with the source key. */
  problems: string[];
}

/** Zero tallies. */
export function emptyCounts(): PageCounts {
  return { read: 0, annotated: 0, skipped: 0, errors: 0 };
}

/** Adds `more` into `into`. */
export function addCounts(into: PageCounts, more: PageCounts): void {
  into.read += more.read;
  into.annotated += more.annotated;
  into.skipped += more.skipped;
  into.errors += more.errors;
}

/** A short stable hash of a string (hex). */
export function hashKey(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}

/** Human source key of a WARC record, as printed in error lines. */
export function warcKey(file: string, offset: number, recordId?: string): string {
  return recordId ? `${file}@${offset} ${recordId}` : `${file}@${offset}`;
}

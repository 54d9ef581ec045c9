/**
 * Annotates one unit of work: reads its page files or WARC records, decodes each page, runs the
 * engine and encodes the records. Used by worker threads and, for `--jobs 1` and stdin, in-process.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import type { AnnotateInput, AnnotateResult } from '../../core/types';
import { InputError } from '../decode-bytes';
import { readInputBytes, type LoadedInput } from '../load-input';
import { readGzipMembers } from './gzip-members';
import { isGzipWarcPath } from './warc-index';
import type { OutputFormat } from './output-format';
import {
  emptyCounts,
  warcKey,
  type PageCounts,
  type PageRecord,
  type PageSource,
  type ReadSettings,
  type UnitResult,
  type WarcUnit,
  type WorkUnit,
} from './work-unit';

/** The engine entry point (`annotate` from `src/core`). */
export type AnnotateFn = (input: AnnotateInput) => AnnotateResult;

/** What a unit needs besides itself. */
export interface UnitContext {
  annotate: AnnotateFn;
  settings: ReadSettings;
  format: OutputFormat;
  /** Reads stdin; only the main thread has one. */
  readStdin?: () => Promise<Uint8Array>;
}

/** Media types read as pages; every other response (images, scripts, PDFs) is not a page. */
const PAGE_TYPES: Record<string, 'html' | 'text'> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};

/** Short reason of an error for a one-line report. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}

/** Collects records (or their encoded text), counts and problem lines for one unit. */
class UnitCollector {
  private readonly records: PageRecord[] = [];
  private readonly encoded: string[] = [];
  readonly counts: PageCounts = emptyCounts();
  readonly problems: string[] = [];

  constructor(private readonly context: UnitContext) {}

  /** Annotates one decoded page, or records why it could not be. */
  annotatePage(key: string, source: PageSource, load: () => LoadedInput): void {
    this.counts.read++;
    let loaded: LoadedInput;
    try {
      loaded = load();
    } catch (error) {
      this.skip(key, error);
      return;
    }
    const input = loaded.input;
    if (source.url !== undefined) input.url = source.url;
    else if (input.url !== undefined) source.url = input.url;
    try {
      const record: PageRecord = { ...source, ...this.context.annotate(input) };
      const { encodeRecord } = this.context.format;
      if (encodeRecord) this.encoded.push(encodeRecord(record));
      else this.records.push(record);
      this.counts.annotated++;
    } catch (error) {
      this.counts.errors++;
      this.problems.push(`${key}: engine error: ${reasonOf(error)}`);
    }
  }

  /** Records a page refused as input (InputError) or an unexpected failure reading it. */
  skip(key: string, error: unknown): void {
    if (error instanceof InputError) this.counts.skipped++;
    else this.counts.errors++;
    this.problems.push(`${key}: ${reasonOf(error)}`);
  }

  /** The unit's result, encoded by the output format. */
  finish(id: string): UnitResult {
    const { format } = this.context;
    const [part] = format.parts;
    const parts =
      format.encodeRecord && part !== undefined
        ? { [part]: this.encoded.join('') }
        : format.encodeUnit(this.records);
    return {
      id,
      parts,
      counts: this.counts,
      problems: this.problems,
    };
  }
}

/** Reads a page file whole; file-system failures become `InputError`s with a short reason. */
async function readPageFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('no such file');
    if (code === 'EISDIR') throw new InputError('is a directory');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('permission denied');
    throw new InputError(reasonOf(error));
  }
}

/** Reader settings for one page, without undefined members. */
function readOptions(
  settings: ReadSettings,
  format = settings.inputFormat,
  encoding = settings.encoding,
) {
  return { format, ...(encoding !== undefined ? { encoding } : {}) };
}

/** Media type and charset label of an HTTP `Content-Type` value. */
function parseContentType(value: string | null | undefined): { type?: string; charset?: string } {
  if (!value) return {};
  const [type, ...params] = value.split(';');
  const result: { type?: string; charset?: string } = {};
  if (type?.trim()) result.type = type.trim().toLowerCase();
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match?.[1]) result.charset = match[1];
  }
  return result;
}

/** Page kind of a WARC record, or undefined when it is not a page (not a 2xx HTML/text response). */
function pageKindOf(record: WARCRecord): 'html' | 'text' | 'auto' | undefined {
  if (record.warcType !== 'response' || !record.httpHeaders) return undefined;
  const status = Number(record.httpHeaders.statusCode);
  if (!(status >= 200 && status < 300)) return undefined;
  const { type } = parseContentType(record.httpHeaders.headers.get('content-type'));
  if (type === undefined) return 'auto';
  return PAGE_TYPES[type];
}

/** Annotates the records one parser yields; `offsetOf` places each in the archive file. */
async function readWarcRecords(
  collector: UnitCollector,
  file: string,
  parser: WARCParser,
  offsetOf: () => number,
  settings: ReadSettings,
): Promise<void> {
  for await (const record of parser) {
    const offset = offsetOf();
    const kind = pageKindOf(record);
    if (kind === undefined) continue;
    const recordId = record.warcHeader('WARC-Record-ID') ?? undefined;
    const key = warcKey(file, offset, recordId);
    const source: PageSource = { file, offset };
    if (recordId) source.recordId = recordId;
    if (record.warcTargetURI) source.url = record.warcTargetURI;
    if (record.warcDate) source.date = record.warcDate;
    let body: Uint8Array;
    try {
      body = await record.readFully(true);
    } catch (error) {
      collector.counts.read++;
      collector.skip(key, new InputError(`unreadable body: ${reasonOf(error)}`));
      continue;
    }
    // WHATWG order: the HTTP charset first; without one, the page's BOM and <meta> declaration.
    const { charset } = parseContentType(record.httpHeaders?.headers.get('content-type'));
    const httpCharset = charset ?? settings.encoding;
    collector.annotatePage(key, source, () =>
      readInputBytes(
        source.url ?? file,
        body,
        readOptions(settings, kind === 'auto' ? 'auto' : kind, httpCharset),
      ),
    );
  }
}

/**
 * Records inflated per native call. Enough to make zlib's set-up cost small; few enough that the
 * inflated bytes die young (a whole unit's bytes outlived several scavenges, were promoted and
 * waited for a full GC: each worker's memory grew over a long crawl).
 */
const RECORDS_PER_INFLATE = 8;

/**
 * Annotates the records of a WARC.gz range whose record offsets the planner listed (one record
 * per member): a few members at a time are inflated in one native call, and the i-th record gets
 * the i-th offset. Resolves to where a stretch did not inflate as a whole (the caller reads on
 * from there member by member), or undefined when every record was read.
 */
async function readListedGzipRange(
  collector: UnitCollector,
  unit: WarcUnit,
  offsets: readonly number[],
  settings: ReadSettings,
): Promise<number | undefined> {
  const handle = await open(unit.file, 'r');
  try {
    for (let first = 0; first < offsets.length; first += RECORDS_PER_INFLATE) {
      const start = offsets[first]!;
      const end = offsets[first + RECORDS_PER_INFLATE] ?? unit.end;
      const compressed = Buffer.allocUnsafe(end - start);
      const { bytesRead } = await handle.read(compressed, 0, compressed.length, start);
      let content: Buffer;
      try {
        content = gunzipSync(compressed.subarray(0, bytesRead));
      } catch {
        return start;
      }
      // Told the bytes are not compressed, warcio does not set up pako to find out.
      const parser = new WARCParser(new AsyncIterReader([content], null));
      let index = first;
      await readWarcRecords(
        collector,
        unit.file,
        parser,
        () => offsets[index++] ?? start,
        settings,
      );
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * Annotates the WARC records in `[start, end)` of `file`. A WARC.gz is inflated with native zlib
 * (warcio's own inflater is JavaScript, and was most of a unit's reading time): a few members
 * per call when the planner listed the record offsets, else member by member.
 */
async function readWarcRange(
  collector: UnitCollector,
  unit: WarcUnit,
  settings: ReadSettings,
): Promise<void> {
  const { file, end } = unit;
  let start = unit.start;
  if (unit.offsets) {
    const rest = await readListedGzipRange(collector, unit, unit.offsets, settings);
    if (rest === undefined) return;
    start = rest;
  }
  if (!isGzipWarcPath(file)) {
    const parser = new WARCParser(createReadStream(file, { start, end: end - 1 }));
    await readWarcRecords(collector, file, parser, () => start + parser.offset, settings);
    return;
  }
  for await (const member of readGzipMembers(file, start, end)) {
    if (member.kind === 'damage') {
      // The planner indexed this range whole: the file changed since.
      collector.counts.errors++;
      collector.problems.push(`${warcKey(file, member.offset)}: ${member.reason}`);
      return;
    }
    const parser = new WARCParser(new AsyncIterReader([member.content], null));
    await readWarcRecords(collector, file, parser, () => member.offset, settings);
  }
}

/** Annotates every page of a unit and encodes the records. */
export async function processUnit(unit: WorkUnit, context: UnitContext): Promise<UnitResult> {
  const collector = new UnitCollector(context);
  const { settings } = context;
  if (unit.kind === 'files') {
    for (const file of unit.files) {
      let bytes: Uint8Array;
      try {
        bytes = await readPageFile(file);
      } catch (error) {
        collector.counts.read++;
        collector.skip(file, error);
        continue;
      }
      collector.annotatePage(file, { file }, () =>
        readInputBytes(file, bytes, readOptions(settings)),
      );
    }
  } else if (unit.kind === 'stdin') {
    if (!context.readStdin) throw new Error('stdin is read by the main thread');
    const bytes = await context.readStdin();
    collector.annotatePage('-', { file: '-' }, () =>
      readInputBytes('-', bytes, readOptions(settings)),
    );
  } else {
    await readWarcRange(collector, unit, settings);
  }
  return collector.finish(unit.id);
}

/**
 * Finds the records of a WARC / WARC.gz file without decoding their pages: offsets and lengths for
 * cutting the archive into byte ranges, and the damaged stretches (bad headers, records cut short,
 * unreadable tails) with where reading picked up again.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { WARCParser } from 'warcio';
import { readGzipMembers } from './gzip-members';

/** One readable record: where it starts and how many raw bytes it spans. */
export interface WarcSpan {
  kind: 'record';
  offset: number;
  length: number;
  /** A WARC.gz member holding several records (not one per member, as the standard asks). */
  shared?: true;
}

/** A damaged stretch of the archive, reported once and skipped. */
export interface WarcDamage {
  kind: 'damage';
  offset: number;
  reason: string;
}

/** What `indexWarc` yields, in file order. */
export type WarcIndexEntry = WarcSpan | WarcDamage;

/** Whether a path names a WARC archive (by extension). */
export function isWarcPath(path: string): boolean {
  return /\.warc(\.gz)?$/i.test(path);
}

/** Whether a path names a gzip-compressed WARC (one gzip member per record). */
export function isGzipWarcPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const WARC_MAGIC = Buffer.from('WARC/1.');
/** Bytes read at a time while looking for the next record after damage. */
const RESYNC_CHUNK = 1 << 16;

/**
 * Offset of the next place a record may start after `from`: a gzip member header in WARC.gz, a
 * `WARC/1.` line in plain WARC. Undefined at end of file.
 */
async function findNextRecordStart(
  path: string,
  from: number,
  size: number,
): Promise<number | undefined> {
  const magic = isGzipWarcPath(path) ? GZIP_MAGIC : WARC_MAGIC;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(RESYNC_CHUNK + magic.length);
    for (let pos = from; pos < size; pos += RESYNC_CHUNK) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, pos);
      const found = buffer.subarray(0, bytesRead).indexOf(magic);
      if (found !== -1) {
        const at = pos + found;
        // A plain WARC record starts a line; text inside a record that says "WARC/1." does not.
        if (magic === GZIP_MAGIC || at === 0) return at;
        const before = Buffer.alloc(1);
        await handle.read(before, 0, 1, at - 1);
        if (before[0] === 0x0a) return at;
        pos = at + 1 - RESYNC_CHUNK;
      }
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** First line of an error message (warcio's errors can be long). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? '';
}

const WARC_VERSION = Buffer.from('WARC/');
const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\ncontent-length[ \t]*:[ \t]*(\d+)/i;

/**
 * Why the records of an inflated gzip member are not whole WARC records, or how many records
 * it holds when they are. Only the framing is checked (version line, `Content-Length`, block
 * length), with byte searches: the planner sees every record of a crawl, and a WARC parser
 * here (warcio builds header objects and validates every header) cost it more CPU than a
 * worker's reading of the same records. The worker parses the records with warcio.
 */
export function checkMemberRecords(content: Buffer): string | number {
  let records = 0;
  let pos = 0;
  for (;;) {
    // Records end with CRLF CRLF; whatever line breaks follow are not another record.
    while (pos < content.length && (content[pos] === 0x0d || content[pos] === 0x0a)) pos++;
    if (pos >= content.length) return records;
    records++;
    if (content.compare(WARC_VERSION, 0, WARC_VERSION.length, pos, pos + WARC_VERSION.length) !== 0)
      return 'corrupt WARC record: no WARC/ version line';
    const headerEnd = content.indexOf(HEADER_END, pos);
    const header = content.toString('latin1', pos, headerEnd === -1 ? content.length : headerEnd);
    const length = CONTENT_LENGTH.exec(header);
    if (!length) return 'corrupt WARC record: no Content-Length header';
    const expected = Number(length[1]);
    const blockStart = headerEnd === -1 ? content.length : headerEnd + HEADER_END.length;
    const available = content.length - blockStart;
    if (headerEnd === -1 || available < expected)
      return `truncated WARC record (${Math.max(0, available)} of ${expected} bytes)`;
    pos = blockStart + expected;
  }
}

/**
 * Reads the gzip members of a WARC.gz from `start` (one record each, as the WARC standard asks;
 * a member holding several is one span) until the end or the first damage.
 */
async function* readGzipFrom(
  path: string,
  start: number,
  size: number,
): AsyncGenerator<WarcIndexEntry> {
  for await (const member of readGzipMembers(path, start, size)) {
    if (member.kind === 'damage') {
      const reason =
        member.reason === 'not a gzip member'
          ? 'corrupt WARC record: not a gzip member'
          : 'truncated or unreadable WARC record';
      yield { kind: 'damage', offset: member.offset, reason };
      return;
    }
    const problem = checkMemberRecords(member.content);
    if (typeof problem === 'string') {
      yield { kind: 'damage', offset: member.offset, reason: problem };
      return;
    }
    yield {
      kind: 'record',
      offset: member.offset,
      length: member.length,
      ...(problem > 1 ? { shared: true as const } : {}),
    };
  }
}

/** Reads the records of a plain WARC from `start` until the end or the first damage; yields spans and at most one damage. */
async function* readFrom(
  path: string,
  start: number,
  size: number,
): AsyncGenerator<WarcIndexEntry> {
  const parser = new WARCParser(createReadStream(path, { start }), { parseHttp: false });
  let end = start;
  try {
    for await (const record of parser) {
      const offset = start + parser.offset;
      // warcio accepts any first line; a record that does not open with WARC/ is not one.
      if (!record.warcHeaders.protocol?.startsWith('WARC/')) {
        yield { kind: 'damage', offset, reason: 'corrupt WARC record: no WARC/ version line' };
        return;
      }
      // Raw block: the HTTP headers and body as stored, so a short block means a cut record.
      const block = await record.readFully(false);
      const expected = record.warcContentLength;
      if (block.byteLength < expected) {
        yield {
          kind: 'damage',
          offset,
          reason: `truncated WARC record (${block.byteLength} of ${expected} bytes)`,
        };
        return;
      }
      end = offset + parser.recordLength;
      yield { kind: 'record', offset, length: end - offset };
    }
  } catch (error) {
    yield { kind: 'damage', offset: end, reason: `corrupt WARC record: ${firstLine(error)}` };
    return;
  }
  // warcio stops quietly on a gzip member it cannot finish; bytes left over are a cut record.
  if (end < size && (await hasContent(path, end, size)))
    yield { kind: 'damage', offset: end, reason: 'truncated or unreadable WARC record' };
}

/** Whether bytes [from, size) hold anything but line breaks (plain WARCs end records with CRLFs). */
async function hasContent(path: string, from: number, size: number): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const length = Math.min(size - from, 64);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, from);
    return buffer.some((b) => b !== 0x0a && b !== 0x0d);
  } finally {
    await handle.close();
  }
}

/**
 * Lists the records of a WARC file in order. After damage, reading resumes at the next place a
 * record may start, so one bad record costs only itself.
 */
export async function* indexWarc(path: string): AsyncGenerator<WarcIndexEntry> {
  const { size } = await stat(path);
  let start: number | undefined = 0;
  while (start !== undefined && start < size) {
    let damagedAt: number | undefined;
    let lastEnd = start;
    const entries = isGzipWarcPath(path)
      ? readGzipFrom(path, start, size)
      : readFrom(path, start, size);
    for await (const entry of entries) {
      yield entry;
      if (entry.kind === 'damage') damagedAt = entry.offset;
      else lastEnd = entry.offset + entry.length;
    }
    if (damagedAt === undefined) return;
    start = await findNextRecordStart(path, Math.max(damagedAt, lastEnd) + 1, size);
  }
}

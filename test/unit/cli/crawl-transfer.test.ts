import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import { jsonlFormat } from '../../../src/cli/crawl/output-format';
import { checkMemberRecords } from '../../../src/cli/crawl/warc-index';
import { movableResult } from '../../../src/cli/crawl/unit-worker';
import type { PageRecord, UnitResult } from '../../../src/cli/crawl/work-unit';
import { newsPage, newsRecords, serializeWarc } from './warc-fixtures';

describe("the planner's check of a WARC.gz member", () => {
  it('counts the whole records warcio wrote, one or several, with or without line breaks after', async () => {
    const records = newsRecords(3);
    expect(checkMemberRecords(await serializeWarc(records.slice(0, 1), false))).toBe(1);
    const joined = await serializeWarc(records, false);
    expect(checkMemberRecords(joined)).toBe(3);
    expect(checkMemberRecords(Buffer.concat([joined, Buffer.from('\r\n\r\n')]))).toBe(3);
    expect(checkMemberRecords(Buffer.alloc(0))).toBe(0);
  });

  it('names a record without a version line and a record cut short', async () => {
    const record = await serializeWarc(
      [{ url: 'http://a.gov.cn/1.html', body: newsPage(1) }],
      false,
    );
    const corrupt = Buffer.from(record);
    corrupt.write('XXXX', 0);
    expect(checkMemberRecords(corrupt)).toBe('corrupt WARC record: no WARC/ version line');
    const cut = record.subarray(0, record.length - 100);
    const blockLength = Number(/Content-Length: (\d+)/.exec(record.toString('latin1'))![1]);
    expect(checkMemberRecords(cut)).toBe(
      `truncated WARC record (${blockLength - 100 + 4} of ${blockLength} bytes)`,
    );
    const headerOnly = record.subarray(0, record.indexOf('\r\n\r\n'));
    expect(checkMemberRecords(headerOnly)).toMatch(/^truncated WARC record \(0 of \d+ bytes\)$/);
    const noLength = Buffer.from('WARC/1.1\r\nWARC-Type: response\r\n\r\nbody');
    expect(checkMemberRecords(noLength)).toBe('corrupt WARC record: no Content-Length header');
  });
});

describe('results of worker threads', () => {
  it('encodes JSONL page by page into the same text as a whole unit', () => {
    const records: PageRecord[] = [1, 2, 3].map((n) => ({
      file: `page-${n}.html`,
      ...annotate({ text: newsPage(n) }),
    }));
    expect(records.map((r) => jsonlFormat.encodeRecord!(r)).join('')).toBe(
      jsonlFormat.encodeUnit(records).jsonl,
    );
  });

  it('hands parts over as UTF-8 bytes in buffers of their own, listed for transfer', () => {
    const result: UnitResult = {
      id: 'w1',
      parts: { 'pages.csv': '县委书记周振华\n', 'tidy.json': '{}\n' },
      counts: { read: 1, annotated: 1, skipped: 0, errors: 0 },
      problems: [],
    };
    const movable = movableResult(result) as unknown as Record<symbol, unknown>;
    const value = movable[Piscina.valueSymbol] as UnitResult;
    const transfer = movable[Piscina.transferableSymbol] as ArrayBuffer[];
    expect(value.counts).toEqual(result.counts);
    expect(Object.keys(value.parts)).toEqual(['pages.csv', 'tidy.json']);
    for (const [suffix, bytes] of Object.entries(value.parts)) {
      expect(bytes).toBeInstanceOf(Uint8Array);
      const view = bytes as Uint8Array;
      // Whole buffers: moving a slice of a shared buffer would take its neighbours along.
      expect(view.byteOffset).toBe(0);
      expect(view.byteLength).toBe(view.buffer.byteLength);
      expect(transfer).toContain(view.buffer);
      expect(new TextDecoder().decode(view)).toBe(result.parts[suffix]);
    }
    // Moved, not cloned: a structured clone with the transfer list empties the sender's buffers.
    const moved = structuredClone(value, { transfer });
    expect(new TextDecoder().decode(moved.parts['pages.csv'] as Uint8Array)).toBe(
      '县委书记周振华\n',
    );
    expect((value.parts['pages.csv'] as Uint8Array).byteLength).toBe(0);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import { jsonlFormat } from '../../../src/cli/crawl/output-format';
import { processUnit } from '../../../src/cli/crawl/read-unit';
import type { WarcUnit } from '../../../src/cli/crawl/work-unit';
import { newsRecords, serializeWarc } from './warc-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwl-read-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A WARC.gz of `count` news pages, one member each; the file and each member's offset. */
async function writeMembers(name: string, count: number, damage?: number) {
  const members = await Promise.all(
    newsRecords(count).map((record) => serializeWarc([record], true)),
  );
  if (damage !== undefined) {
    // Bytes in the middle of the deflate data: the member no longer inflates (or fails its CRC).
    const member = Buffer.from(members[damage]!);
    member.fill(0xff, 40, 80);
    members[damage] = member;
  }
  const offsets = members.map((_, i) => members.slice(0, i).reduce((n, m) => n + m.length, 0));
  const path = join(dir, name);
  const bytes = Buffer.concat(members);
  await writeFile(path, bytes);
  const unit: WarcUnit = {
    kind: 'warc',
    id: 'w',
    file: path,
    start: 0,
    end: bytes.length,
    bytes: bytes.length,
    offsets,
  };
  return { path, offsets, unit };
}

const context = { annotate, settings: { inputFormat: 'auto' as const }, format: jsonlFormat };

/** The URL and offset of every JSONL line of a unit's output. */
function linesOf(text: string | Uint8Array | undefined): Array<[string, number]> {
  return Buffer.from(text ?? '')
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { url: string; offset: number })
    .map((r) => [r.url, r.offset]);
}

describe('reading a listed WARC.gz range a few members at a time', () => {
  it('gives every record its own offset across the stretches inflated together', async () => {
    const { offsets, unit } = await writeMembers('listed.warc.gz', 19);
    const result = await processUnit(unit, context);
    expect(result.counts).toEqual({ read: 19, annotated: 19, skipped: 0, errors: 0 });
    expect(linesOf(result.parts.jsonl)).toEqual(
      offsets.map((offset, i) => [`http://www.example.gov.cn/art/${i + 1}.html`, offset]),
    );
  });

  it('reads on member by member from a stretch that no longer inflates, and reports the damage', async () => {
    const { path, offsets, unit } = await writeMembers('changed.warc.gz', 12, 9);
    const result = await processUnit(unit, context);
    // Pages 1–9 read (the first stretch whole, page 9 member by member), page 10 damaged.
    expect(linesOf(result.parts.jsonl)).toEqual(
      offsets
        .slice(0, 9)
        .map((offset, i) => [`http://www.example.gov.cn/art/${i + 1}.html`, offset]),
    );
    expect(result.counts.errors).toBe(1);
    expect(result.problems).toEqual([`${path}@${offsets[9]}: unreadable gzip member`]);
  });
});

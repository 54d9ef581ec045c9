import { describe, expect, it } from 'vitest';
import {
  buildCsvExport,
  csvField,
  exportClips,
  exportFileName,
} from '../../../../src/core/clips/export';
import {
  checkImportSize,
  ImportError,
  parseImport,
  readImport,
} from '../../../../src/core/clips/import';
import { LIMITS } from '../../../../src/core/clips/schema';
import { entityIdOf } from '../../../../src/core/clips/corrections';
import type { Clip } from '../../../../src/core/clips/model';
import { makeClip, sampleMeeting } from '../../../support/clip-fixtures';

const now = new Date('2026-11-22T08:00:00Z');
const clips = [
  makeClip({ note: '注:<img src=x onerror=alert(1)>', tags: ['防疫', '太原'] }),
  makeClip({ note: '', tags: [] }),
];
/** Clips of schema version 2: with the page's meetings, and with none found. */
const withMeetings = [makeClip({ meetings: [sampleMeeting()] }), makeClip({ meetings: [] })];

function importError(content: string): string {
  try {
    parseImport(content);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('import was accepted');
}

describe('export', () => {
  it('names files with product and date', () => {
    expect(exportFileName('json', now)).toBe('zhengwen-lens-clips-2026-11-22.json');
    expect(exportFileName('w3c', now)).toBe('zhengwen-lens-annotations-2026-11-22.jsonld');
    expect(exportFileName('csv', now)).toBe('zhengwen-lens-clips-2026-11-22.csv');
  });

  it('writes a versioned JSON envelope', () => {
    const data = JSON.parse(exportClips(clips, 'json', now).content);
    expect(data).toMatchObject({
      product: 'zhengwen-lens',
      format: 'zhengwen-lens-clips',
      formatVersion: 2,
      exportedAt: '2026-11-22T08:00:00.000Z',
      count: 2,
    });
    expect(data.clips).toEqual(clips);
  });

  it('writes W3C annotations with quote and position selectors and note/tag bodies', () => {
    const data = JSON.parse(exportClips(clips, 'w3c', now).content);
    expect(data['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(data.type).toBe('AnnotationCollection');
    expect(data.total).toBe(2);
    const a = data.first.items[0];
    expect(a.type).toBe('Annotation');
    expect(a.id).toBe(`urn:uuid:${clips[0]!.id}`);
    expect(a.target.source).toBe(clips[0]!.url);
    expect(a.target.selector.map((s: { type: string }) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    expect(a.body).toEqual([
      expect.objectContaining({ value: clips[0]!.note, purpose: 'commenting' }),
      { type: 'TextualBody', value: '防疫', purpose: 'tagging' },
      { type: 'TextualBody', value: '太原', purpose: 'tagging' },
    ]);
    expect(data.first.items[1].motivation).toBe('highlighting');
  });

  it('writes CSV with a BOM, CRLF rows and safe quoting', () => {
    const csv = buildCsvExport(clips);
    expect(csv.startsWith('\uFEFFid,created_at')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('防疫; 太原');
    expect(lines[1]).toContain('韦韬 (省委常委、市委书记)');
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('plain')).toBe('plain');
  });

  it('guards formulas behind white space, a no-break space or a line break', () => {
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('\u00a0@SUM(A1)')).toBe(`'\u00a0@SUM(A1)`);
    expect(csvField('\u3000+1')).toBe(`'\u3000+1`);
    expect(csvField('\t-1')).toBe("'\t-1");
    expect(csvField('note\n=cmd|x')).toBe(`"note\n'=cmd|x"`);
    expect(csvField('a\r\n  @x')).toBe(`"a\r\n'  @x"`);
    expect(csvField('\rtext')).toBe(`"'\rtext"`);
    // Signs inside a line are text.
    expect(csvField('1+1=2, a-b')).toBe('"1+1=2, a-b"');
  });
});

/** A clip with 韦韬 fixed (name and titles) and the meeting mention rejected. */
function correctedClip(): Clip {
  const clip = makeClip({ meetings: [sampleMeeting({ chairs: ['韦韬'] })] });
  const [person, meetingMention] = clip.entities.map(entityIdOf);
  return {
    ...clip,
    corrections: [
      { entityId: meetingMention!, action: 'reject', correctedAt: '2026-11-02T00:00:00.000Z' },
      {
        entityId: person!,
        action: 'fix',
        name: '韦涛',
        titles: ['市委书记'],
        correctedAt: '2026-11-02T00:00:00.000Z',
      },
    ],
  };
}

describe('corrections in exports', () => {
  it('writes JSON with corrections applied and marked, the engine output beside', () => {
    const clip = correctedClip();
    const [data] = JSON.parse(exportClips([clip], 'json', now).content).clips;
    expect(data.entities).toEqual([
      { ...clip.entities[0], name: '韦涛', titles: ['市委书记'], corrected: true },
    ]);
    expect(data.meetings[0].chairs).toEqual(['韦涛']);
    expect(data.corrections).toEqual(clip.corrections);
    expect(data.engine).toEqual({ entities: clip.entities, meetings: clip.meetings });
  });

  it('reads corrected clips back as stored, from JSON and W3C', () => {
    const clip = correctedClip();
    for (const format of ['json', 'w3c'] as const) {
      const content = exportClips([clip, ...clips], format, now).content;
      expect(parseImport(content).clips).toEqual([clip, ...clips]);
    }
  });

  it('writes W3C and CSV corrected', () => {
    const clip = correctedClip();
    const [annotation] = JSON.parse(exportClips([clip], 'w3c', now).content).first.items;
    expect(annotation.zwl.entities.map((e: { name: string }) => e.name)).toEqual(['韦涛']);
    expect(annotation.zwl.corrections).toHaveLength(2);
    const [header, row] = buildCsvExport([clip]).split('\r\n');
    expect(header!.split(',').at(-1)).toBe('corrections');
    expect(row!.split(',').at(-1)).toBe('2');
    expect(row).toContain('韦涛 (市委书记)');
    expect(row).not.toContain('韦韬 (');
  });
});

describe('people records in the JSON export', () => {
  const people = [
    {
      key: '临汾市/王伟',
      mergedKeys: ['?/王伟/副市长'],
      cpedId: '4711',
      updatedAt: '2026-11-02T00:00:00.000Z',
    },
  ];

  it('writes them and reads them back; a file without them gives none', () => {
    const content = exportClips(clips, 'json', now, people).content;
    expect(JSON.parse(content).people).toEqual(people);
    expect(parseImport(content).people).toEqual(people);
    const old = JSON.parse(exportClips(clips, 'json', now).content);
    delete old.people;
    old.formatVersion = 1;
    expect(parseImport(JSON.stringify(old)).people).toEqual([]);
    expect(parseImport(exportClips(clips, 'w3c', now).content).people).toEqual([]);
  });

  it('refuses a bad China Vitae URL, naming it', () => {
    const data = JSON.parse(exportClips(clips, 'json', now, people).content);
    data.people[0].chinaVitaeUrl = 'https://evil.example/x';
    expect(importError(JSON.stringify(data))).toMatch(
      /people\.0\.chinaVitaeUrl: must be a China Vitae page/,
    );
  });
});

describe('import', () => {
  it('reads a version-1 file: clips without meetings stay without them', () => {
    const data = JSON.parse(exportClips(clips, 'json', now).content);
    data.clipSchemaVersion = 1;
    for (const clip of data.clips) clip.schemaVersion = 1;
    const parsed = parseImport(JSON.stringify(data));
    expect(parsed.clips.map((c) => c.schemaVersion)).toEqual([1, 1]);
    expect(parsed.clips.every((c) => !('meetings' in c))).toBe(true);
  });

  it('round-trips meeting records through JSON and W3C', () => {
    for (const format of ['json', 'w3c'] as const) {
      const parsed = parseImport(exportClips(withMeetings, format, now).content);
      expect(parsed.clips).toEqual(withMeetings);
    }
  });

  it('refuses a meeting record with a bad date, naming it', () => {
    const data = JSON.parse(exportClips(withMeetings, 'json', now).content);
    data.clips[0].meetings[0].date = '25 March';
    expect(importError(JSON.stringify(data))).toMatch(
      /clips\.0\.meetings\.0\.date: must be a YYYY-MM-DD date/,
    );
  });

  it('round-trips JSON: export → import → export gives the same clips', () => {
    const first = exportClips(clips, 'json', now).content;
    const parsed = parseImport(first);
    expect(parsed.format).toBe('json');
    expect(parsed.clips).toEqual(clips);
    expect(JSON.parse(exportClips(parsed.clips, 'json', now).content)).toEqual(JSON.parse(first));
  });

  it('round-trips the W3C format losslessly', () => {
    const parsed = parseImport(exportClips(clips, 'w3c', now).content);
    expect(parsed.format).toBe('w3c');
    expect(parsed.clips).toEqual(clips);
  });

  it('reads foreign W3C annotations without our extension', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno1',
      type: 'Annotation',
      created: '2025-01-02T03:04:05Z',
      body: [
        { type: 'TextualBody', value: '读后感' },
        { type: 'TextualBody', value: 'x', purpose: 'tagging' },
      ],
      target: {
        source: 'https://www.gov.cn/a.htm',
        selector: { type: 'TextQuoteSelector', exact: '高质量发展' },
      },
    };
    const [clip] = parseImport(JSON.stringify(foreign)).clips;
    expect(clip).toMatchObject({
      id: 'http://example.org/anno1',
      url: 'https://www.gov.cn/a.htm',
      site: 'gov.cn',
      note: '读后感',
      tags: ['x'],
      quote: { exact: '高质量发展', simplified: '高质量发展' },
      entities: [],
    });
  });

  it('rejects a truncated file', () => {
    const content = exportClips(clips, 'json', now).content;
    expect(importError(content.slice(0, content.length / 2))).toMatch(
      /^Not a JSON file \(truncated/,
    );
  });

  it('rejects malformed fields, naming the path and reason', () => {
    const data = JSON.parse(exportClips(clips, 'json', now).content);
    data.clips[1].url = 'javascript:alert(1)';
    expect(importError(JSON.stringify(data))).toMatch(/clips\.1\.url: must be an http\(s\) URL/);
    delete data.clips[1].url;
    data.clips[0].tags = 'oops';
    expect(importError(JSON.stringify(data))).toMatch(/clips\.0\.tags: .*array/i);
  });

  it('rejects unknown fields, a count that does not match, and newer versions', () => {
    const data = JSON.parse(exportClips(clips, 'json', now).content);
    data.clips[0].evil = true;
    expect(importError(JSON.stringify(data))).toMatch(/clips\.0\.evil/);
    delete data.clips[0].evil;
    data.count = 5;
    expect(importError(JSON.stringify(data))).toMatch(/count: says 5 clips but the file holds 2/);
    data.formatVersion = 9;
    expect(importError(JSON.stringify(data))).toMatch(/formatVersion: 9 is newer/);
    data.formatVersion = 1;
    data.count = 2;
    data.clips[1].schemaVersion = 99;
    expect(importError(JSON.stringify(data))).toMatch(
      /clips\.1\.schemaVersion: must be at most 3: written by a newer version/,
    );
  });

  it('rejects wrong-schema files and non-objects', () => {
    expect(importError('{"hello":"world"}')).toMatch(/^Unknown file/);
    expect(importError('42')).toMatch(/expected a JSON object/);
    expect(
      importError('{"type":"AnnotationCollection","first":{"items":[{"type":"Annotation"}]}}'),
    ).toMatch(/first\.items\.0\.id/);
  });

  it('rejects oversized files and oversized fields', () => {
    expect(importError(' '.repeat(LIMITS.importChars + 1))).toMatch(/^File too large/);
    const data = JSON.parse(exportClips(clips, 'json', now).content);
    data.clips[0].note = 'x'.repeat(LIMITS.note + 1);
    expect(importError(JSON.stringify(data))).toMatch(/clips\.0\.note: /);
  });

  it('has one size guard, for text (characters) and for a file not yet read (bytes)', () => {
    expect(() => checkImportSize(LIMITS.importChars, 'chars')).not.toThrow();
    expect(() => checkImportSize(LIMITS.importChars + 1, 'chars')).toThrow(ImportError);
    // UTF-8 takes up to 3 bytes a character: a file that may still fit is let through to be read.
    expect(() => checkImportSize(LIMITS.importChars * 3, 'bytes')).not.toThrow();
    expect(() => checkImportSize(LIMITS.importChars * 3 + 1, 'bytes')).toThrow(
      /^File too large: 180 MB, the limit is 180 MB$/,
    );
    expect(() => checkImportSize(LIMITS.importChars * 2, 'chars')).toThrow(
      /^File too large: 120 M characters, the limit is 60 M characters$/,
    );
  });

  it('reads the envelope at once and validates clips one by one as they are taken', () => {
    const data = JSON.parse(exportClips(clips, 'json', now).content);
    data.clips[1].url = 'ftp://example.org/x';
    // The envelope is fine: reading succeeds, and the first clip comes out whole.
    const file = readImport(JSON.stringify(data));
    const taken = file.clips[Symbol.iterator]();
    expect(taken.next().value).toEqual(clips[0]);
    expect(() => taken.next()).toThrow(ImportError);
    expect(() => [...readImport(JSON.stringify(data)).clips]).toThrow(
      /^Not a valid Zhengwen Lens export: clips\.1\.url: must be an http\(s\) URL/,
    );
    // Envelope problems are found before any clip is taken.
    data.count = 3;
    expect(() => readImport(JSON.stringify(data))).toThrow(/count: says 3 clips/);
  });

  it('keeps only the last clip of an id a file repeats', () => {
    const edited = { ...clips[0]!, note: 'later copy' };
    const data = JSON.parse(exportClips([clips[0]!, clips[1]!, edited], 'json', now).content);
    const parsed = parseImport(JSON.stringify(data));
    expect(parsed.clips).toEqual([clips[1], edited]);
  });
});

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { datapackageOf } from '../../../../src/core/export/datapackage';
import { tableToCsv } from '../../../../src/core/export/tidy-csv';
import { TABLE_NAMES } from '../../../../src/core/export/tidy-schemas';
import { tidyTablesOf } from '../../../../src/core/export/tidy-tables';
import { entityIdOf } from '../../../../src/core/clips/corrections';
import { documentOfClip } from '../../../../src/core/export/document';
import { makeClip, official, sampleMeeting } from '../../../support/clip-fixtures';
import { seedClipDocuments, seedPageDocuments } from './seed-documents';

describe('tidyTablesOf', () => {
  const docs = seedClipDocuments();
  const tables = tidyTablesOf(docs);

  it('writes one clip row per document and one entity row per entity', () => {
    expect(tables.clips.rows).toHaveLength(docs.length);
    expect(tables.entities.rows).toHaveLength(docs.reduce((n, d) => n + d.entities.length, 0));
    expect(tables.clips.rows.map((r) => r.meetings_recorded)).toEqual([true, true, true, false]);
  });

  it("writes seed-002's meeting with its chair and seven attendees", () => {
    const m = tables.meetings.rows.find((r) => r.name === '市委第二十六次专题会议')!;
    expect(m).toMatchObject({
      ordinal: 26,
      date: '2020-03-25',
      place: '临汾市',
      series_key: '临汾市/市委/专题会议',
      meeting_key: '临汾市/市委/专题会议/26/2020-03-25',
    });
    const people = tables.meeting_people.rows.filter((r) => r.meeting_id === m.meeting_id);
    expect(people.filter((r) => r.role === 'chair').map((r) => r.person_key)).toEqual([
      '临汾市/董一兵',
    ]);
    expect(people.filter((r) => r.role === 'attendee')).toHaveLength(7);
  });

  it('gives one person row per key, counting the clips, and joins every person key', () => {
    const keys = new Set(tables.people.rows.map((r) => r.person_key));
    expect(keys.size).toBe(tables.people.rows.length);
    for (const t of [tables.entities, tables.official_titles, tables.meeting_people]) {
      for (const r of t.rows)
        if (r.person_key !== undefined && r.person_key !== null)
          expect(keys).toContain(r.person_key);
    }
    // 韦韬 is in seed-001 (province report) and the fixture clip: the person rows say how often.
    expect(tables.people.rows.every((r) => (r.clips as number) >= 1)).toBe(true);
  });

  it('writes one title row per title of each official mention', () => {
    const titles = docs.flatMap((d) =>
      d.entities.flatMap((e) => (e.kind === 'official' ? e.titles : [])),
    );
    expect(tables.official_titles.rows).toHaveLength(titles.length);
  });

  it('writes the tags, and refuses a repeated document id', () => {
    expect(tables.tags.rows.filter((r) => r.tag === '防疫')).toHaveLength(3);
    expect(() => tidyTablesOf([docs[0]!, docs[0]!])).toThrow(/appears twice/);
  });

  it('takes the CLI documents too (no quote, no save time)', () => {
    const pages = tidyTablesOf(seedPageDocuments());
    expect(pages.clips.rows).toHaveLength(5);
    expect(pages.clips.rows.every((r) => r.saved_at === null && r.quote === null)).toBe(true);
    expect(pages.meetings.rows.length).toBeGreaterThanOrEqual(4);
  });
});

describe('corrections in the tidy tables', () => {
  it('leaves out rejected mentions, marks fixed ones and follows them in the meetings', () => {
    const clip = makeClip({
      entities: [official('董一兵', ['市委书记'], 0), official('李云峰', ['市长'], 12)],
      meetings: [sampleMeeting()],
    });
    const [dong, li] = clip.entities.map(entityIdOf);
    const correctedAt = '2026-11-02T00:00:00.000Z';
    const tables = tidyTablesOf([
      documentOfClip({
        ...clip,
        corrections: [
          { entityId: dong!, action: 'fix', titles: ['市委书记', '市长'], correctedAt },
          { entityId: li!, action: 'reject', correctedAt },
        ],
      }),
    ]);
    expect(tables.entities.rows.map((r) => [r.name, r.corrected])).toEqual([['董一兵', true]]);
    expect(tables.official_titles.rows.map((r) => r.title)).toEqual(['市委书记', '市长']);
    const speakers = tables.meeting_people.rows.filter((r) => r.role === 'speaker');
    expect(speakers.map((r) => r.name)).toEqual(['董一兵']);
    expect(tables.entities.schema.fields.map((f) => f.name)).toContain('corrected');
  });
});

describe('tableToCsv', () => {
  const tables = tidyTablesOf(seedClipDocuments());

  it('parses back to the same rows and columns', () => {
    for (const name of TABLE_NAMES) {
      const parsed = Papa.parse<Record<string, string>>(tableToCsv(tables[name]), {
        header: true,
        skipEmptyLines: true,
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(tables[name].schema.fields.map((f) => f.name));
      expect(parsed.data).toHaveLength(tables[name].rows.length);
    }
  });

  it('guards text against formulas but writes numbers as numbers', () => {
    const tags = tableToCsv(tables.tags);
    expect(tags).toContain(`,'=SUM(A1)`);
    expect(tableToCsv(tables.clips)).toContain(`'-前导减号`);
    expect(tableToCsv(tables.clips)).not.toMatch(/^\uFEFF/);
  });
});

describe('datapackageOf', () => {
  it('declares every table with typed fields, keys and foreign keys to declared fields', () => {
    const rows = Object.fromEntries(TABLE_NAMES.map((n) => [n, 0])) as Record<
      (typeof TABLE_NAMES)[number],
      number
    >;
    const pkg = datapackageOf(rows, new Date('2026-11-22T08:00:00Z')) as {
      resources: Array<{
        name: string;
        path: string;
        schema: {
          fields: Array<{ name: string; type: string }>;
          primaryKey: string[];
          foreignKeys: Array<{
            fields: string[];
            reference: { resource: string; fields: string[] };
          }>;
        };
      }>;
    };
    expect(pkg.resources.map((r) => r.path)).toEqual(TABLE_NAMES.map((n) => `${n}.csv`));
    const fieldsOf = (name: string) =>
      pkg.resources.find((r) => r.name === name)!.schema.fields.map((f) => f.name);
    for (const r of pkg.resources) {
      for (const k of r.schema.primaryKey) expect(fieldsOf(r.name)).toContain(k);
      for (const fk of r.schema.foreignKeys) {
        for (const k of fk.fields) expect(fieldsOf(r.name)).toContain(k);
        // A foreign key points at the referenced table's primary key.
        const target = pkg.resources.find((t) => t.name === fk.reference.resource)!;
        expect(target.schema.primaryKey).toEqual(fk.reference.fields);
      }
    }
  });
});

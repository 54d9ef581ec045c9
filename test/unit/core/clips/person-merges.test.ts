import { describe, expect, it } from 'vitest';
import { buildPeopleIndex } from '../../../../src/core/clips/indexes';
import {
  applyPersonMerges,
  mergePeople,
  mergePersonRecords,
  PersonMergeError,
  resolverOf,
  setExternalIds,
  splitPerson,
} from '../../../../src/core/clips/person-merges';
import { documentOfClip } from '../../../../src/core/export/document';
import { tidyTablesOf } from '../../../../src/core/export/tidy-tables';
import { makeClip, official } from '../../../support/clip-fixtures';

const T1 = '2026-11-02T00:00:00.000Z';
const T2 = '2026-11-03T00:00:00.000Z';

describe('people records', () => {
  it('merges two keys, resolving each to the person, and merges a merged person on', () => {
    const one = mergePeople([], '?/王伟/副市长', '临汾市/王伟', T1);
    expect(one).toEqual([{ key: '临汾市/王伟', mergedKeys: ['?/王伟/副市长'], updatedAt: T1 }]);
    // Merging a key already merged means its person; the chain never grows.
    const two = mergePeople(one, '临汾市/王伟', '山西省/王伟', T2);
    expect(two).toEqual([
      { key: '山西省/王伟', mergedKeys: ['临汾市/王伟', '?/王伟/副市长'], updatedAt: T2 },
    ]);
    const resolve = resolverOf(two);
    expect(['?/王伟/副市长', '临汾市/王伟', '山西省/王伟', '?/李四'].map(resolve)).toEqual([
      '山西省/王伟',
      '山西省/王伟',
      '山西省/王伟',
      '?/李四',
    ]);
    expect(() => mergePeople(two, '?/王伟/副市长', '临汾市/王伟', T2)).toThrow(PersonMergeError);
  });

  it('splits a merged key out again, dropping a record left empty', () => {
    const merged = mergePeople(mergePeople([], 'a/甲', 'b/甲', T1), 'c/甲', 'b/甲', T1);
    expect(splitPerson(merged, 'b/甲', 'a/甲', T2)).toEqual([
      { key: 'b/甲', mergedKeys: ['c/甲'], updatedAt: T2 },
    ]);
    expect(splitPerson(splitPerson(merged, 'b/甲', 'a/甲', T2), 'b/甲', 'c/甲', T2)).toEqual([]);
    expect(() => splitPerson(merged, 'b/甲', 'x/甲', T2)).toThrow(/not merged into b\/甲/);
  });

  it('sets and clears external ids on the person a key belongs to; a merge keeps them', () => {
    let records = setExternalIds([], 'a/甲', { cpedId: ' 1234 ' }, T1);
    expect(records).toEqual([{ key: 'a/甲', mergedKeys: [], cpedId: '1234', updatedAt: T1 }]);
    records = mergePeople(records, 'a/甲', 'b/甲', T2);
    expect(records).toEqual([{ key: 'b/甲', mergedKeys: ['a/甲'], cpedId: '1234', updatedAt: T2 }]);
    records = setExternalIds(
      records,
      'a/甲',
      { cpedId: '', chinaVitaeUrl: 'https://www.chinavitae.com/biography/Jia' },
      T2,
    );
    expect(records).toEqual([
      {
        key: 'b/甲',
        mergedKeys: ['a/甲'],
        chinaVitaeUrl: 'https://www.chinavitae.com/biography/Jia',
        updatedAt: T2,
      },
    ]);
  });

  it('unites imported records with stored ones, a stored decision winning', () => {
    const stored = setExternalIds(mergePeople([], 'a/甲', 'b/甲', T1), 'b/甲', { cpedId: '1' }, T1);
    const incoming = [
      { key: 'c/甲', mergedKeys: ['a/甲', 'd/甲'], cpedId: '2', updatedAt: T1 },
      {
        key: 'x/乙',
        mergedKeys: [],
        chinaVitaeUrl: 'https://www.chinavitae.com/b/Yi',
        updatedAt: T1,
      },
    ];
    const merged = mergePersonRecords(stored, incoming, T2);
    const resolve = resolverOf(merged);
    // a/甲 stays with b/甲; d/甲 joins c/甲, whose CPED id is its own.
    expect(resolve('a/甲')).toBe('b/甲');
    expect(resolve('d/甲')).toBe('c/甲');
    expect(merged.find((r) => r.key === 'b/甲')!.cpedId).toBe('1');
    expect(merged.find((r) => r.key === 'c/甲')!.cpedId).toBe('2');
    expect(merged.find((r) => r.key === 'x/乙')!.chinaVitaeUrl).toMatch(/chinavitae/);
    // Importing the same records again changes nothing.
    expect(mergePersonRecords(merged, merged, T2)).toEqual(merged);
  });
});

describe('applyPersonMerges and the tidy people table', () => {
  const a = makeClip({ entities: [official('王伟', ['临汾市委书记'], 0)] });
  const b = makeClip({ entities: [official('王伟', ['副市长'], 0)] });
  const records = setExternalIds(
    mergePeople([], '?/王伟/副市长', '临汾市/王伟', T1),
    '临汾市/王伟',
    { cpedId: '4711' },
    T1,
  );

  it('shows two keys of one person as one entry, sightings and titles united', () => {
    const index = buildPeopleIndex([a, b]);
    expect(index.map((p) => p.key).sort()).toEqual(['?/王伟/副市长', '临汾市/王伟']);
    const merged = applyPersonMerges(index, records);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      key: '临汾市/王伟',
      jurisdiction: '临汾市',
      mergedKeys: ['?/王伟/副市长'],
      record: records[0],
    });
    expect(merged[0]!.sightings.map((s) => s.clipId).sort()).toEqual([a.id, b.id].sort());
    expect(merged[0]!.titles.map((s) => s.title).sort()).toEqual(['临汾市委书记', '副市长'].sort());
    // Without records, the index is as built.
    expect(applyPersonMerges(index, []).map((p) => p.key)).toEqual(index.map((p) => p.key));
  });

  it('writes the person key merged into in every person column, with ids and merged keys', () => {
    const tables = tidyTablesOf([b, a].map(documentOfClip), records);
    expect(tables.people.rows).toEqual([
      {
        person_key: '临汾市/王伟',
        name: '王伟',
        jurisdiction: '临汾市',
        clips: 2,
        merged_keys: '?/王伟/副市长',
        cped_id: '4711',
        china_vitae_url: null,
      },
    ]);
    expect(new Set(tables.entities.rows.map((r) => r.person_key))).toEqual(
      new Set(['临汾市/王伟']),
    );
    expect(tables.people.schema.fields.map((f) => f.name)).toEqual(
      Object.keys(tables.people.rows[0]!),
    );
  });
});

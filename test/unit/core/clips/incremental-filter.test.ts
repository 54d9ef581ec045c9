import { describe, expect, it } from 'vitest';
import {
  createIncrementalFilter,
  filterClips,
  narrowsTerms,
  type ClipQuery,
} from '../../../../src/core/clips/filters';
import { makeClip, official, testNormaliser } from '../../../support/clip-fixtures';

describe('narrowsTerms', () => {
  it('is true only when every old term lives on inside a new one', () => {
    expect(narrowsTerms([], ['市'])).toBe(true);
    expect(narrowsTerms(['市'], ['市委'])).toBe(true);
    expect(narrowsTerms(['市', '会'], ['会议', '市委'])).toBe(true);
    expect(narrowsTerms(['市委'], ['市'])).toBe(false);
    expect(narrowsTerms(['市委'], ['委员'])).toBe(false);
    expect(narrowsTerms(['市'], [])).toBe(false);
  });
});

describe('createIncrementalFilter', () => {
  const clips = [
    makeClip({ note: '市委常委会', tags: ['防疫'] }, '2026-11-05T00:00:00Z'),
    makeClip({ note: '市政府常务会议' }, '2026-11-04T00:00:00Z'),
    makeClip({ note: '韋韜講話', entities: [official('韦韬', ['市长'])] }, '2026-11-03T00:00:00Z'),
    makeClip({ note: '县委会议', tags: ['防疫'] }, '2026-11-02T00:00:00Z'),
  ];
  const expected = (all: typeof clips, query: ClipQuery) =>
    filterClips(all, query, testNormaliser, { presorted: true }).clips.map((c) => c.id);

  it('answers what filterClips answers over a sequence of typing, deleting and filter changes', () => {
    const filter = createIncrementalFilter(testNormaliser);
    const queries: ClipQuery[] = [
      { text: '市' },
      { text: '市委' },
      { text: '市委常' },
      { text: '市' },
      { text: '会' },
      { text: '会', tag: '防疫' },
      { text: '会议', tag: '防疫' },
      { text: '会议' },
      { text: '韦' },
      { text: '韦韬' },
      { text: '韦韬 市长' },
      { text: '韦韬' },
      {},
      { text: 'x' },
    ];
    for (const query of queries) {
      expect(
        filter(clips, query).map((c) => c.id),
        JSON.stringify(query),
      ).toEqual(expected(clips, query));
    }
  });

  it('starts over when the clips change', () => {
    const filter = createIncrementalFilter(testNormaliser);
    expect(filter(clips.slice(0, 2), { text: '市' })).toHaveLength(2);
    expect(filter(clips, { text: '市委' }).map((c) => c.id)).toEqual(
      expected(clips, { text: '市委' }),
    );
    const found = filter(clips, { text: '韦韬' }).map((c) => c.id);
    expect(found).toContain(clips[2]!.id);
    expect(found).toEqual(expected(clips, { text: '韦韬' }));
  });
});

import { describe, expect, it } from 'vitest';
import { filterClips, filterChoicesOf } from '../../../../src/core/clips/filters';
import { createClipFromDraft, siteOf, normaliseTags } from '../../../../src/core/clips/model';
import { foldText, stripPinyinGlosses } from '../../../../src/core/clips/search';
import {
  makeClip,
  makeDraft,
  meeting,
  official,
  testNormaliser,
} from '../../../support/clip-fixtures';

describe('clip model', () => {
  it('creates a clip with id, times, site and cleaned tags', () => {
    const clip = createClipFromDraft(
      makeDraft({ tags: [' 防疫 ', '防疫', '', '太原'] }),
      new Date('2026-11-22T08:00:00Z'),
    );
    expect(clip.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(clip.createdAt).toBe('2026-11-22T08:00:00.000Z');
    expect(clip.site).toBe('example.gov.cn');
    expect(clip.tags).toEqual(['防疫', '太原']);
    expect(clip.note).toBe('');
    expect(clip.schemaVersion).toBe(3);
  });
  it('reads the site of a URL and survives a bad one', () => {
    expect(siteOf('http://news.sina.com.cn/x')).toBe('news.sina.com.cn');
    expect(siteOf('not a url')).toBe('');
    expect(normaliseTags(['a  b', 'a b'])).toEqual(['a b']);
  });
});

describe('search normalisation', () => {
  it('strips pinyin glosses after Han characters only', () => {
    expect(stripPinyinGlosses('太原新聞網(wǎng)')).toBe('太原新聞網');
    expect(stripPinyinGlosses('統(tǒng)籌調(diào)度')).toBe('統籌調度');
    expect(stripPinyinGlosses('世贸组织(WTO)')).toBe('世贸组织(WTO)');
    expect(stripPinyinGlosses('see (a)')).toBe('see (a)');
  });
  it('folds width, case and spaces', () => {
    expect(foldText('ＡＢＣ  韦 韬')).toBe('abc韦韬');
  });
});

describe('filterClips', () => {
  const a = makeClip({ note: '重要:韋韜 講話', tags: ['防疫'] }, '2026-11-01T00:00:00Z');
  const b = makeClip(
    {
      url: 'https://other.cn/a',
      title: '市政府召开常务会议',
      quote: { exact: '市政府常务会议', simplified: '市政府常务会议' },
      entities: [meeting('市政府', [12])],
      page: {
        isGovNews: true,
        score: 0.8,
        script: 'simplified',
        byline: [],
        publishedAt: '2021-03-02',
      },
      tags: ['经济'],
    },
    '2026-11-02T00:00:00Z',
  );
  const c = makeClip(
    {
      title: '张新伟调研',
      quote: { exact: '张新伟', simplified: '张新伟' },
      entities: [official('张新伟', ['市长'])],
      note: '<img src=x onerror=alert(1)>',
    },
    '2026-11-03T00:00:00Z',
  );
  const all = [a, b, c];

  it('matches across scripts both ways', () => {
    expect(filterClips(all, { text: '韦韬' }, testNormaliser).clips.map((x) => x.id)).toEqual([
      a.id,
    ]);
    expect(filterClips(all, { text: '韋韜' }, testNormaliser).clips.map((x) => x.id)).toEqual([
      a.id,
    ]);
  });
  it('ignores pinyin glosses in clip text and in the query', () => {
    expect(filterClips(all, { text: '新闻网报道' }, testNormaliser).total).toBe(1);
    expect(filterClips(all, { text: '新聞網(wǎng)報道' }, testNormaliser).total).toBe(1);
  });
  it('searches note, tags and entity fields, all terms required', () => {
    expect(filterClips(all, { text: '讲话' }, testNormaliser).clips[0]?.id).toBe(a.id);
    expect(filterClips(all, { text: '经济' }, testNormaliser).clips[0]?.id).toBe(b.id);
    expect(filterClips(all, { text: '市长' }, testNormaliser).clips[0]?.id).toBe(c.id);
    expect(filterClips(all, { text: '防疫 讲话' }, testNormaliser).total).toBe(1);
    expect(filterClips(all, { text: '防疫 市长' }, testNormaliser).total).toBe(0);
  });
  it('filters by kind, official, meeting body, site, tag and date range', () => {
    const ids = (q: Parameters<typeof filterClips>[1]) =>
      filterClips(all, q, testNormaliser).clips.map((x) => x.id);
    expect(ids({ kind: 'meeting' })).toEqual([b.id, a.id]);
    expect(ids({ official: '韋韜' })).toEqual([a.id]);
    expect(ids({ meetingBody: '市政府' })).toEqual([b.id]);
    expect(ids({ site: 'other.cn' })).toEqual([b.id]);
    expect(ids({ tag: '防疫' })).toEqual([a.id]);
    expect(ids({ from: '2021-01-01', to: '2021-12-31' })).toEqual([b.id]);
    expect(ids({ from: '2022-04-30' })).toEqual([c.id, a.id]);
    // A person's clips by key: the name alone would also take another person's clips.
    expect(ids({ official: '韋韜', clipIds: [c.id] })).toEqual([]);
    expect(ids({ clipIds: [c.id, b.id] })).toEqual([c.id, b.id]);
  });
  it('pages newest first and counts all matches', () => {
    const page = filterClips(all, { limit: 1, offset: 1 }, testNormaliser);
    expect(page.total).toBe(3);
    expect(page.clips.map((x) => x.id)).toEqual([b.id]);
  });
  it('offers filter choices', () => {
    const choices = filterChoicesOf(all);
    expect(choices.sites).toEqual(['example.gov.cn', 'other.cn']);
    expect(choices.officials).toContain('张新伟');
    expect(choices.meetingBodies).toContain('市政府');
  });
});

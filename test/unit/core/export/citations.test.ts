import { describe, expect, it } from 'vitest';
import {
  buildCslJson,
  cslDateOf,
  cslItemOf,
  headlineOf,
  splitChineseName,
} from '../../../../src/core/export/citation-csl';
import { buildRis } from '../../../../src/core/export/citation-ris';
import { exportCitations, isCitationFormat } from '../../../../src/core/export/citations';
import { makeClip } from '../../../support/clip-fixtures';

describe('splitChineseName', () => {
  it('splits by the surname lexicon, compound surnames included', () => {
    expect(splitChineseName('殷雪鸢')).toEqual({ family: '殷', given: '雪鸢' });
    expect(splitChineseName('欧阳明高')).toEqual({ family: '欧阳', given: '明高' });
    expect(splitChineseName(' 王伟 ')).toEqual({ family: '王', given: '伟' });
  });

  it('keeps names it cannot split whole', () => {
    expect(splitChineseName('买买提·艾力')).toEqual({ literal: '买买提·艾力' });
    expect(splitChineseName('次仁达朗')).toEqual({ literal: '次仁达朗' });
    expect(splitChineseName('王')).toEqual({ literal: '王' });
    expect(splitChineseName('John Smith')).toEqual({ literal: 'John Smith' });
  });
});

describe('headlineOf', () => {
  it('drops the site a browser title appends after an underscore', () => {
    expect(headlineOf('董一兵主持召开市委第二十六次专题会议_临汾新闻网')).toBe(
      '董一兵主持召开市委第二十六次专题会议',
    );
    expect(headlineOf('市委常委会召开_要闻_某某市人民政府')).toBe('市委常委会召开');
    expect(headlineOf('标题 ')).toBe('标题');
    expect(headlineOf('a_b')).toBe('a_b');
  });
});

describe('cslItemOf', () => {
  it('cites the article as a newspaper article with source, dates, URL and split names', () => {
    const clip = makeClip({}, '2026-11-01T10:00:00.000Z');
    expect(cslItemOf(clip)).toEqual({
      id: clip.id,
      type: 'article-newspaper',
      title: '韋韜主持召開市疫情防控工作領導小組第115次會議',
      'container-title': '太原日报',
      author: [{ family: '殷', given: '雪鸢' }],
      issued: { 'date-parts': [[2022, 4, 30]] },
      accessed: { 'date-parts': [[2026, 11, 1]] },
      URL: 'https://www.example.gov.cn/news/2022-04/30/c_1.htm',
      language: 'zh-Hant',
    });
  });

  it('falls back to the site, and leaves out what the page does not give', () => {
    const clip = makeClip({
      page: { isGovNews: true, score: 1, script: 'simplified', byline: [] },
    });
    const item = cslItemOf(clip);
    expect(item['container-title']).toBe('example.gov.cn');
    expect(item.language).toBe('zh-Hans');
    expect(item).not.toHaveProperty('author');
    expect(item).not.toHaveProperty('issued');
  });

  it('reads days, months and years, and nothing else', () => {
    expect(cslDateOf('2024-03-05T10:00+08:00')).toEqual({ 'date-parts': [[2024, 3, 5]] });
    expect(cslDateOf('2024-03')).toEqual({ 'date-parts': [[2024, 3]] });
    expect(cslDateOf('三月')).toBeUndefined();
  });

  it('gives one item per article, from the clip saved first', () => {
    const first = makeClip({}, '2026-11-01T10:00:00.000Z');
    const later = makeClip({}, '2026-11-05T10:00:00.000Z');
    const other = makeClip({ url: 'https://www.example.gov.cn/other.htm' });
    const items = buildCslJson([later, other, first]);
    expect(items.map((i) => i.id)).toEqual([first.id, other.id]);
  });
});

describe('buildRis', () => {
  it('writes a NEWS record with family, given authors and slashed dates', () => {
    const clip = makeClip({}, '2026-11-01T10:00:00.000Z');
    const ris = buildRis(buildCslJson([clip]));
    expect(ris.split('\r\n')).toEqual([
      'TY  - NEWS',
      'TI  - 韋韜主持召開市疫情防控工作領導小組第115次會議',
      'AU  - 殷, 雪鸢',
      'T2  - 太原日报',
      'PY  - 2022',
      'DA  - 2022/04/30/',
      'Y2  - 2026/11/01/',
      'UR  - https://www.example.gov.cn/news/2022-04/30/c_1.htm',
      'LA  - zh-Hant',
      `ID  - ${clip.id}`,
      'ER  - ',
      '',
    ]);
  });

  it('keeps every value on one line and separates records', () => {
    const a = makeClip({ title: '标题\n第二行' });
    const b = makeClip({ url: 'https://b.example.cn/x' });
    const ris = buildRis(buildCslJson([a, b]));
    expect(ris).toContain('TI  - 标题 第二行\r\n');
    expect(ris.match(/^TY {2}- NEWS$/gm)).toHaveLength(2);
    expect(ris).toContain('ER  - \r\n\r\nTY  - NEWS');
  });
});

describe('exportCitations', () => {
  it('names and types the files, and parses back as JSON', () => {
    const now = new Date('2026-11-22T08:00:00Z');
    const clip = makeClip();
    const csl = exportCitations([clip], 'csl-json', now);
    expect(csl.fileName).toBe('zhengwen-lens-citations-2026-11-22.json');
    expect(csl.mimeType).toBe('application/vnd.citationstyles.csl+json');
    expect(JSON.parse(csl.content)).toEqual([cslItemOf(clip)]);
    expect(exportCitations([clip], 'ris', now).fileName).toBe(
      'zhengwen-lens-citations-2026-11-22.ris',
    );
    expect(isCitationFormat('ris')).toBe(true);
    expect(isCitationFormat('csv')).toBe(false);
  });
});

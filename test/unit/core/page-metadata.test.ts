import { describe, expect, it } from 'vitest';
import { extractMetadata, namesIn, parseChineseDate } from '../../../src/core/page-metadata';

describe('parseChineseDate', () => {
  it.each([
    ['2022年04月30日 06:30', '2022-04-30T06:30+08:00'],
    ['2020-03-26 10:04:25', '2020-03-26T10:04:25+08:00'],
    ['2020/3/5', '2020-03-05'],
    ['更新时间:2020-03-14 11:30:53', '2020-03-14T11:30:53+08:00'],
    ['二〇二四年三月五日', '2024-03-05'],
    ['发布日期：二○二四年十二月三十一日', '2024-12-31'],
    ['二零一九年十月廿一日', '2019-10-21'],
  ])('%s → %s', (text, iso) => {
    expect(parseChineseDate(text)).toBe(iso);
  });
  it('rejects impossible dates', () => {
    expect(parseChineseDate('2020-13-40')).toBeUndefined();
    expect(parseChineseDate('二〇二三年二月三十日')).toBeUndefined();
    expect(parseChineseDate('二○二四年')).toBeUndefined();
  });
});

describe('namesIn', () => {
  it('joins a padded two-character name and stops at a non-name', () => {
    expect(namesIn('张 浩')).toEqual(['张浩']);
    expect(namesIn('殷雪鸢 梁涛 2022年')).toEqual(['殷雪鸢', '梁涛']);
    expect(namesIn('从市委获悉')).toEqual([]);
  });
});

describe('extractMetadata', () => {
  it('reads title, source, date, byline and editors from page chrome', () => {
    const text = [
      '2018年1月5日| 联系热线:13753796319',
      '首页 > 今日新闻 > 正文',
      '董一兵主持召开市委第二十六次专题会议',
      '2020-03-26 10:04:25 来源:临汾日报',
      '会议指出,要抓好落实。据记者了解,情况良好。(记者 张浩)',
      '(责任编辑:冯慧峰)',
    ].join('\n');
    const m = extractMetadata(text);
    expect(m.title).toBe('董一兵主持召开市委第二十六次专题会议');
    expect(m.source).toBe('临汾日报');
    expect(m.publishedAt).toBe('2020-03-26T10:04:25+08:00');
    expect(m.byline).toEqual(['张浩']);
    expect(m.editors).toEqual(['冯慧峰']);
  });

  it('reads every role of a byline line, not only the first', () => {
    const m = extractMetadata(
      '标题在此处写明\n正文。\n（记者 王小明 通讯员 李 华）\n责任编辑：赵六',
    );
    expect(m.byline).toEqual(['王小明', '李华']);
    expect(m.editors).toEqual(['赵六']);
  });

  it('reads a dateline as the source and prefers meta tags', () => {
    expect(extractMetadata('济宁新闻网2月7日讯 今天上午,会议召开。').source).toBe('济宁新闻网');
    const m = extractMetadata('正文', {
      contentsource: '太原日报',
      'article:published_time': '2022-04-30T06:30:00+08:00',
    });
    expect(m.source).toBe('太原日报');
    expect(m.publishedAt).toBe('2022-04-30T06:30:00+08:00');
  });

  it('gives meta times in Beijing time with their offset', () => {
    const at = (time: string) =>
      extractMetadata('正文', { 'article:published_time': time }).publishedAt;
    expect(at('2022-04-29T22:30:00Z')).toBe('2022-04-30T06:30:00+08:00');
    expect(at('2022-04-30T00:30+0200')).toBe('2022-04-30T06:30+08:00');
    expect(at('2022-04-30 06:30')).toBe('2022-04-30T06:30+08:00');
    expect(at('2022-04-30')).toBe('2022-04-30');
  });

  it('reads a publication date in Chinese numerals from the page chrome', () => {
    const m = extractMetadata(
      '市委召开常委会议\n发布日期：二○二四年三月五日 来源：临汾日报\n正文。',
    );
    expect(m.publishedAt).toBe('2024-03-05');
  });
});

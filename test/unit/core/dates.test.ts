import { describe, expect, it } from 'vitest';
import { findDates, parseWrittenDate, yearFromText } from '../../../src/core/dates';

describe('dates in Chinese numerals', () => {
  it('reads a year written with 〇 or with the look-alike ○', () => {
    const text = '二〇二四年三月五日和二○二四年十月廿一日';
    const dates = findDates(text, 0, text.length, undefined);
    expect(dates.map((d) => d.iso)).toEqual(['2024-03-05', '2024-10-21']);
    expect(text.slice(dates[1]!.start, dates[1]!.end)).toBe('二○二四年十月廿一日');
  });

  it('parses the first full date of a line, and no year alone', () => {
    expect(parseWrittenDate('时间：二○二四年三月五日 来源：新华社')).toBe('2024-03-05');
    expect(parseWrittenDate('2024年3月5日')).toBe('2024-03-05');
    expect(parseWrittenDate('二○二四年')).toBeUndefined();
    expect(parseWrittenDate('二○二四年二月三十日')).toBeUndefined();
  });

  it('counts 今天 from the dateline when the publication day is not known', () => {
    const text = '本报济南1月9日讯 今天下午,省人大常委会举行会议。';
    expect(findDates(text, 0, text.length, '2019-01').map((d) => d.iso)).toEqual([
      '2019-01-09',
      '2019-01-09',
    ]);
    expect(findDates('今天下午', 0, 4, undefined).map((d) => d.iso)).toEqual([undefined]);
  });

  it('takes the year a page writes most, or the next one when it writes that too', () => {
    expect(yearFromText('2017年工作要点。2017年上半年。2016年底')).toBe('2017');
    // A report on one year and the budget of the next: the meeting is in the next.
    expect(yearFromText('审议2022年财政预算执行情况及2023年预算、2022年政府工作报告')).toBe('2023');
    expect(yearFromText('近日召开会议')).toBeUndefined();
    // A plan's period counts by its first year: its last is a target, no year the page was written.
    expect(yearFromText('审议《森林防火规划(2021-2030年)》《湿地保护规划(2021—2030年)》')).toBe(
      '2021',
    );
  });
});

describe('relative days', () => {
  it("reads 今天 as the dateline's day, not the printed day after it", () => {
    const text = '湖南日报1月12日讯(记者 冒蕞)今天上午,十一届省政协在长沙召开第46次主席会议。';
    const dates = findDates(text, 0, text.length, '2016-01-13');
    expect(dates.map((d) => d.iso)).toEqual(['2016-01-12', '2016-01-12']);
    // With no dateline, 今天 is the publication's day.
    const plain = '今天上午,省政协召开主席会议。';
    expect(findDates(plain, 0, plain.length, '2016-01-13').map((d) => d.iso)).toEqual([
      '2016-01-13',
    ]);
  });

  it('reads a newspaper’s 昨(15)日 in the issue’s month or the one before, and 本月五日 in the issue’s month', () => {
    const text = '甘孜日报讯 昨(15)日上午,州政协召开主席会议。今（16）日,会议闭幕。';
    expect(findDates(text, 0, text.length, '2020-01-16').map((d) => d.iso)).toEqual([
      '2020-01-15',
      '2020-01-16',
    ]);
    const month = '本月五日,县委常委会召开会议。';
    expect(findDates(month, 0, month.length, '2023-01-07').map((d) => d.iso)).toEqual([
      '2023-01-05',
    ]);
    const early = '昨(31)日,县委常委会召开会议。';
    expect(findDates(early, 0, early.length, '2020-02-01').map((d) => d.iso)).toEqual([
      '2020-01-31',
    ]);
  });
});

describe('lunar dates', () => {
  it('reads no day from a date of the lunar calendar (农历2022年11月19日)', () => {
    const text =
      '北京时间2022年12月12日(农历2022年11月19日),星期一。农历十一月十九日。12月8日举行。';
    expect(findDates(text, 0, text.length, '2022-12-12').map((d) => d.iso)).toEqual([
      '2022-12-12',
      '2022-12-08',
    ]);
  });
});

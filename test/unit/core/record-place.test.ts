import { describe, expect, it } from 'vitest';
import { PagePlaces, placeOf } from '../../../src/core/record-place';

/** The place of a record whose body is `body`, on a page of `text` that names no officials. */
const placeOn = (body: string, text: string): string | null =>
  placeOf(body, [], new PagePlaces(text, []), undefined);

describe('record places: a body that names no level', () => {
  it('takes the jurisdiction the page names most, below a province first', () => {
    expect(placeOn('主席会议', '沈阳市政协召开主席会议。沈阳市政协主席出席。辽宁省政协')).toBe(
      '沈阳市',
    );
  });

  it('takes the province or the municipality the page names most when it names none below', () => {
    expect(
      placeOn('第57次会议', '山东省人大常委会召开第57次主任会议。山东省人大常委会主任主持。'),
    ).toBe('山东省');
    expect(placeOn('专题协商座谈会', '上海市委召开专题协商座谈会。上海市委书记主持。')).toBe(
      '上海市',
    );
    expect(placeOn('座谈会', '座谈会召开。')).toBeNull();
  });
});

describe('record places: a province named only by its paper', () => {
  it("gives a province's body the province whose paper or site reports it", () => {
    const head = '头条新闻\n张庆伟主持召开省委常委会会议\n来源: 黑龙江日报 发布时间:2019-11-04\n';
    expect(placeOn('省委常委会', `${head}会议认真学习全会精神。`)).toBe('黑龙江省');
    expect(placeOf('自治区政协党组', [], new PagePlaces('会议召开。', []), '中国西藏网')).toBe(
      '西藏自治区',
    );
    expect(placeOn('省委常委会', '省委常委会会议召开。')).toBe('省');
  });
});

import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The chairs of each record of a made-up report. */
function chairsOf(text: string): string[][] {
  return (annotate({ text, published: '2024-06-30' }).meetings ?? []).map((r) => r.chairs);
}

describe('meeting records: the official who convened a meeting chairs it', () => {
  it('reads the official who convenes with 召开, past adverbs and where it met', () => {
    expect(chairsOf('6月23日,市委副书记徐宏源组织召开全市严明换届纪律工作会议。')).toEqual([
      ['徐宏源'],
    ]);
    expect(chairsOf('1月27日,东坪镇党委书记肖福城在镇政府会议室召开疫情防控工作会议。')).toEqual([
      ['肖福城'],
    ]);
  });

  it('keeps the chair the report names over whoever convened', () => {
    expect(chairsOf('6月5日,县长王立新召开全县防汛调度会议。常务副县长李华主持会议。')).toEqual([
      ['李华'],
    ]);
  });

  it('takes no one who spoke at a meeting for its convener (甲在…会议上强调)', () => {
    expect(
      chairsOf('1月9日,区政协第五次会议胜利闭幕,区政协主席冯永杰在闭幕会上强调,要狠抓落实。'),
    ).toEqual([[]]);
  });
});

describe('meeting records: an organ that presides convened nothing', () => {
  it('files the speaker of a plenum its standing committee presides over under the plenum', () => {
    const text =
      '7月8日,中国共产党某市第十二届委员会第十一次全体会议召开。市委常委会主持会议,王曦同志代表市委常委会讲话。';
    const records = annotate({ text, published: '2024-06-30' }).meetings ?? [];
    expect(records.map((r) => [r.ordinals, r.speakers])).toEqual([[[11], ['王曦']]]);
  });
});

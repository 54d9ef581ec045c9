import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import type { MeetingRecord } from '../../../src/core/types';

/** The records of a made-up report. */
function recordsOf(text: string): MeetingRecord[] {
  return annotate({ text, published: '2024-06-10' }).meetings ?? [];
}

describe('meeting records: meetings reported by what they decided', () => {
  it('records a numbered meeting that opens its clause and decides', () => {
    const r = recordsOf(
      '扬州市第九届人大常委会第九次会议5月13日决定,接受王进健辞去扬州市人民政府市长职务。',
    );
    expect(r.map((m) => [m.body, m.ordinals, m.date])).toEqual([
      ['扬州市人大常委会', [9], '2024-05-13'],
    ]);
  });

  it("records the meeting of a document's adoption line", () => {
    const r = recordsOf(
      '朔州市人民代表大会常务委员会关于召开朔州市第六届人民代表大会第二次会议的决定\n' +
        '(2022年1月27日朔州市第六届人民代表大会常务委员会第五十八次会议通过)\n' +
        '朔州市第六届人民代表大会第二次会议于2022年2月在朔州召开。',
    );
    expect(r.map((m) => [m.ordinals, m.date])).toContainEqual([[58], '2022-01-27']);
  });

  it('reads past a vote and a lead 经 (经…第二次会议投票选举), keeping 经 out of the body', () => {
    const r = recordsOf(
      '此前1天,经宣城市第四届人民代表大会第二次会议投票选举,王为明当选市监察委员会主任。',
    );
    expect(r.map((m) => [m.body, m.ordinals])).toEqual([['宣城市人民代表大会', [2]]]);
  });

  it("reads an organ's meeting numbered after the organ's name, and a comma after the vote", () => {
    const r = recordsOf(
      '上午,自治区人大常委会第116次主任会议审议了关于补选代表的议案。' +
        '4月14日上午,市政协十一届四十六次主席会议决定:市政协十一届四次会议于4月21日召开。' +
        '今天下午,湖南省第十三届人民代表大会常务委员会第二十一次会议经过表决,决定接受许达哲辞去省长职务的请求。',
    );
    expect(r.map((m) => [m.body, m.ordinals])).toEqual([
      ['自治区人大常委会主任会议', [116]],
      ['市政协主席会议', [46]],
      ['湖南省人民代表大会常务委员会', [21]],
    ]);
  });

  it('records a numbered meeting that opens its clause and deliberates around a topic', () => {
    const r = recordsOf(
      '10月30日上午,杭州市政协十一届九次常委会议围绕“高品质推进钱塘江综合保护”协商议政。',
    );
    expect(r.map((m) => [m.body, m.ordinals, m.date])).toEqual([
      // Published in June: October 30 was the year before.
      ['杭州市政协', [9], '2023-10-30'],
    ]);
  });

  it('files a numbered meeting with no body of its own under the organ named before it', () => {
    const r = recordsOf('经主席团第四次会议审议通过,高福胜等代表提出的议案为本次会议第1号议案。');
    expect(r.map((m) => [m.body, m.ordinals])).toEqual([['主席团', [4]]]);
  });

  it('records nothing for a proposal, a thing adopted, a rule or a title', () => {
    for (const text of [
      '委员长会议建议,十四届全国人大常委会第十二次会议审议学前教育法草案。',
      '会议学习了省十四届人大常委会第十次会议通过的条例。',
      '大会通过了政协河北省第十二届委员会第五次会议选举办法(草案)。',
      '常委会听取了《关于落实市十二届人大常委会第十九次会议审议意见的报告》。',
      '县第十七届人民代表大会第二次会议审议批准的常委会工作报告事项全部落实。',
    ])
      expect(
        recordsOf(text).map((m) => m.ordinals),
        text,
      ).not.toContainEqual(expect.arrayContaining([expect.any(Number)]));
  });
});

describe('meeting records: closing cues and when', () => {
  it('reads 闭会 and 落下帷幕 as reporting a meeting held', () => {
    expect(
      recordsOf('4月21日下午,黑龙江省十三届人大常委会第二十五次会议闭会。').map((m) => m.ordinals),
    ).toEqual([[25]]);
    expect(
      recordsOf('11月21日上午,湘鄂黔渝边区县政协工作联系会第31次全体会议在龙山圆满落下帷幕。').map(
        (m) => m.ordinals,
      ),
    ).toEqual([[31]]);
  });

  it('reads past a weekday between the date and the cue', () => {
    const r = recordsOf(
      '福州市第十六届人大常委会第十六次会议于2024年2月28日(星期三)上午在福州召开,主任张三主持会议。',
    );
    expect(r.map((m) => [m.ordinals, m.date])).toEqual([[[16], '2024-02-28']]);
  });
});

import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The records of a made-up report, as body and ordinals. */
function bodiesOf(text: string): Array<[string | null, number[]]> {
  return (annotate({ text, published: '2024-01-24' }).meetings ?? []).map((r) => [
    r.body,
    r.ordinals,
  ]);
}

describe('meeting records: words ending in 会 that name no meeting', () => {
  it('reads no meeting in the 省会 where a session closed', () => {
    expect(
      bodiesOf(
        '1月23日上午,政协河北省第十三届委员会第二次会议圆满完成各项议程,在省会河北会堂闭幕。',
      ),
    ).toEqual([['政协河北省委员会', [2]]]);
  });

  it('reads no meeting in the 社会 a clause wishes for (为大会营造和谐稳定的社会环境)', () => {
    expect(
      bodiesOf(
        '1月5日,市人大常委会召开会议,研究大会筹备工作。各乡镇要统筹安排好本地工作,为大会顺利召开营造和谐稳定的社会环境。',
      ).map(([body]) => body),
    ).toEqual(['市人大常委会']);
  });

  it('still reads a meeting of the whole province (全省会议) and a plenary sitting (全体会议)', () => {
    expect(bodiesOf('1月5日,省政府召开全省会议,部署春运工作。').map(([body]) => body)).toEqual([
      '全省会议',
    ]);
    expect(bodiesOf('1月5日,县政府召开第六次全体会议,部署全年工作。').map(([, n]) => n)).toEqual([
      [6],
    ]);
  });
});

describe("meeting records: a chronicle's day and bullets before a body", () => {
  it('files the body without the day that opens a chronicle line', () => {
    expect(
      bodiesOf('大事记\n4月11日 贵州省第十二届城市物价联席会议在毕节市召开。').map(
        ([body]) => body,
      ),
    ).toEqual(['贵州省第十二届城市物价联席会议']);
  });

  it('files the body without a bullet of a list of links before it', () => {
    expect(
      bodiesOf('- 全国暨地方政协农业和农村委员会工作座谈会在南宁召开').map(([body]) => body),
    ).toEqual(['全国暨地方政协农业和农村委员会工作座谈会']);
  });
});

describe('meeting records: a congress or session that is only the topic of the meeting held', () => {
  it('files the meeting named by its topic, not the congress or session in it', () => {
    expect(bodiesOf('12月5日,西城区党的二十大服务保障工作总结会召开。区委书记孙硕出席。')).toEqual([
      ['西城区党的二十大服务保障工作总结会', []],
    ]);
    expect(
      bodiesOf(
        '1月18日,恩施市第十届人民代表大会第三次会议召集人会议召开。市人大常委会主任王刚主持。',
      ),
    ).toEqual([['恩施市第十届人民代表大会第三次会议召集人会议', []]]);
  });

  it('keeps the session held when a part of it, a joined meeting or where it met follows', () => {
    expect(bodiesOf('1月5日,市八届人大五次会议开幕会召开。')).toEqual([['市人大', [5]]]);
    expect(bodiesOf('1月5日,市委十二届三次全会暨全市经济工作会议召开。')).toEqual([['市委', [3]]]);
    expect(bodiesOf('利津县政协五届四次会议在县委会议室召开。')).toEqual([['利津县政协', [4]]]);
  });
});

describe('meeting records: one topic joined two ways', () => {
  it('files names that differ only by 及, 和, 、 and spaces as one meeting', () => {
    expect(
      bodiesOf(
        '省级老同志及统战民族领域和部分盟市退休干部征求意见座谈会召开\n6月28日,省级老同志和统战民族领域、部分盟市退休干部征求意见座谈会在呼和浩特召开。自治区党委书记孙绍骋出席并讲话。',
      ),
    ).toEqual([['省级老同志及统战民族领域和部分盟市退休干部征求意见座谈会', []]]);
  });
});

describe('meeting records: a Party committee that convenes its own meeting', () => {
  it('files 茶山镇召开党委会 and 高新区召开党工委会议 under the committee of the subject', () => {
    expect(
      bodiesOf('3月5日,茶山镇召开党委会,传达学习全国两会精神。镇党委书记王刚主持会议。'),
    ).toEqual([['茶山镇党委', []]]);
    expect(
      bodiesOf('11月3日,高新区召开党工委会议,研究近期工作。党工委书记钟洪江主持会议。'),
    ).toEqual([['高新区党工委', []]]);
  });
});

describe('meeting records: a standing committee sitting during a session', () => {
  it('files 五次会议举行常委会议 under the session', () => {
    expect(
      bodiesOf('1月5日,政协靖远县第九届委员会第五次会议举行常委会议,县政协主席王刚主持。'),
    ).toEqual([['政协靖远县委员会', [5]]]);
  });
});

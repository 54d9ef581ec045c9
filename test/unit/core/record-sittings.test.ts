import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The body and numbers of each record of a made-up report. */
function recordsOf(text: string): string[] {
  return (annotate({ text, published: '2024-06-10' }).meetings ?? []).map(
    (r) => `${r.body ?? '?'}[${r.ordinals.join(',')}]`,
  );
}

const rest = '省委书记、省人大常委会主任王建国主持会议。会议审议了有关报告。';

describe("meeting records: a standing committee's meeting and its sittings", () => {
  it('files a sitting held where the meeting sat under the meeting', () => {
    expect(
      recordsOf(`3月27日上午,省十三届人大常委会第十一次会议在济南举行第一次全体会议。${rest}`),
    ).toEqual(['省人大常委会[11]']);
    expect(
      recordsOf(`3月27日上午,省十三届人大常委会第十一次会议举行第二次全体会议。${rest}`),
    ).toEqual(['省人大常委会[11]']);
  });

  it('reads where a meeting opened across a space', () => {
    expect(recordsOf(`本报讯 省十二届人大常委会第二十一次会议在 贵阳开幕。${rest}`)).toEqual([
      '省人大常委会[21]',
    ]);
  });
});

describe("meeting records: a note in brackets between a meeting's name and its cue", () => {
  it('reads the meeting before a note on the sitting or on how it met', () => {
    expect(
      recordsOf(`12月1日上午,省十三届人大常委会第三十七次会议第二次全体会议(闭幕会)召开。${rest}`),
    ).toEqual(['省人大常委会[37]']);
    expect(recordsOf(`12月1日,市政协党组会议(视频)召开。${rest}`)).toEqual(['市政协党组[]']);
  });

  it('keeps 扩大 in brackets as part of the name: the meeting was enlarged', () => {
    const records = annotate({ text: `12月1日,县委第10次常委会会议(扩大)召开。${rest}` }).meetings;
    expect(records?.map((r) => [r.body, r.ordinals, r.expanded])).toEqual([['县委', [10], true]]);
  });
});

describe('meeting records: a meeting held within another (套开)', () => {
  it('records the meeting held within, with the people of the one it was held in', () => {
    const records = annotate({
      text:
        '3月2日,市委书记李宗瑞主持召开了市委十四届第20次常委会会议。' +
        '会议同时套开了市新冠肺炎防控领导小组第51次会议。市长李谦常出席会议并讲话。',
      published: '2024-03-03',
    }).meetings;
    expect(records?.map((r) => [r.ordinals, r.date, r.chairs, r.speakers])).toEqual([
      [[20], '2024-03-02', ['李宗瑞'], ['李谦常']],
      [[51], '2024-03-02', ['李宗瑞'], ['李谦常']],
    ]);
  });
});

describe('meeting records: a headline with a space after its cue', () => {
  it('reads a numbered meeting right after the space as what was held, its convener without a term', () => {
    expect(
      recordsOf('2024年12月06日 十三届州人民政府召开 第57次常务会议 州长王建国主持会议。'),
    ).toEqual(['州人民政府[57]']);
  });
});

describe('meeting records: numbered meetings named together after the subject that held them', () => {
  it('records each meeting when the first is read from the subject before the cue', () => {
    expect(
      recordsOf(
        '2月17日至22日,华坪县召开第十七届人民代表大会第一次会议和九届政协第一次会议。县委书记王建国出席。',
      ),
    ).toEqual(['华坪县人民代表大会[1]', '政协[1]']);
    expect(
      recordsOf('6月27日上午,省政协召开七届五十五次党组暨四十三次主席会议,毛万春主持。'),
    ).toEqual(['省政协[55]', '省政协主席会议[43]']);
  });
});

describe('meeting records: one session mentioned on two days', () => {
  it('keeps one record for a session whose mentions give different days', () => {
    const text =
      '2月5日上午,中国人民政治协商会议南阳市第五届委员会第四次会议在南阳会议中心隆重开幕。今天上午,政协南阳市五届四次会议隆重开幕,委员们陆续来到大会开幕式的主会场。市政协主席刘朝瑞,副主席梁进、赵秀玲出席会议。';
    const records = annotate({ text, published: '2017-02-06' }).meetings ?? [];
    expect(records.map((r) => [r.ordinals, r.date, r.attendees])).toEqual([
      [[4], '2017-02-05', ['刘朝瑞', '梁进', '赵秀玲']],
    ]);
  });

  it('keeps the people’s congress and the CPPCC sessions of one number apart', () => {
    expect(
      recordsOf(
        '霍尔果斯市第一届人民代表大会第一次会议于4月14日至16日召开;政协霍尔果斯市第一届委员会第一次会议于4月14日至15日召开。',
      ),
    ).toEqual(['霍尔果斯市人民代表大会[1]', '政协霍尔果斯市委员会[1]']);
  });
});

describe('meeting records: one meeting named two ways', () => {
  it('keeps one record for a headline and a text that name one topic with other openings', () => {
    expect(
      recordsOf(
        '梦溪镇召开农村人居环境整治工作推进会\n7月23日上午,梦溪镇人居环境整治工作推进会在镇政府中心会议室召开。会议由镇长龚波主持。',
      ),
    ).toEqual(['农村人居环境整治工作推进会[]']);
  });

  it('keeps the same topic at two levels apart (全市…大会, 全县…大会)', () => {
    expect(recordsOf('曲靖市召开全市旅游产业发展大会\n9月29日,全县旅游产业发展大会召开。')).toEqual(
      ['全市旅游产业发展大会[]', '全县旅游产业发展大会[]'],
    );
  });
});

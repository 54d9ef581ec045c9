import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import type { MeetingRecord } from '../../../src/core/types';

/** The records of a made-up report, as body, ordinals and date. */
function recordsOf(text: string): MeetingRecord[] {
  return annotate({ text, published: '2024-06-10' }).meetings ?? [];
}

const brief = (r: MeetingRecord): [string | null, number[], string | null] => [
  r.body,
  r.ordinals,
  r.date,
];

describe('meeting records: meetings held together', () => {
  it('gives each of two meetings named after one cue a record, with the same people', () => {
    const r = recordsOf(
      '4月15日,市长王强主持召开市政府党组(扩大)会议和第十三次常务会议,传达学习有关精神。' +
        '副市长李华、张明出席会议。\n会议强调,要抓好落实。',
    );
    expect(r.map(brief)).toEqual([
      ['市政府党组', [], '2024-04-15'],
      ['市政府常务会', [13], '2024-04-15'],
    ]);
    for (const m of r) {
      expect(m.chairs).toEqual(['王强']);
      expect(m.attendees).toEqual(['李华', '张明']);
    }
  });

  it('gives both meetings the people of a later sentence that says 主持会议 (a mention of its own)', () => {
    const r = recordsOf(
      '12月26日上午,市政协召开十二届一百一十八次党组(扩大)会议和十二届三十八次主席会议。' +
        '市政协主席、党组书记魏丙新主持会议并讲话。市政协副主席曲涛、舒洁出席会议。',
    );
    expect(r.map((m) => m.ordinals)).toEqual([[118], [38]]);
    for (const m of r) {
      expect(m.chairs).toEqual(['魏丙新']);
      expect(m.speakers).toEqual(['魏丙新']);
      expect(m.attendees).toEqual(['曲涛', '舒洁']);
    }
  });

  it('files a stage of the meeting (主持第一阶段会议) under it, with its people', () => {
    const r = recordsOf(
      '9月22日,省委涉藏工作会议在西宁召开。省长信长星主持第一阶段会议,省政协主席多杰热旦出席。' +
        '省委常委李杰翔传达有关讲话精神。',
    );
    expect(r.map((m) => m.body)).toEqual(['省委涉藏工作会议']);
    expect(r[0]?.speakers).toEqual(['李杰翔']);
  });

  it('splits a passive clause naming two numbered meetings (党组第17次会议暨第23次主席会议召开)', () => {
    const r = recordsOf(
      '7月8日,州政协党组第17次会议暨第23次主席会议召开。州政协主席向秋主持会议并讲话。',
    );
    expect(r.map(brief)).toEqual([
      ['州政协党组', [17], '2024-07-08'],
      // The council joined after the Party group's meeting is the committee's, not the group's.
      ['州政协主席会议', [23], '2024-07-08'],
    ]);
    expect(r.map((m) => m.chairs)).toEqual([['向秋'], ['向秋']]);
  });

  it("files a headline's two meetings and the lead's numbered ones together", () => {
    const r = recordsOf(
      '市政协党组(扩大)会议暨主席会议召开\n' +
        '11月12日上午,市政协十六届60次党组(扩大)会议暨56次主席会议召开。市政协主席章松主持会议。',
    );
    expect(r.map((m) => [m.body, m.ordinals])).toEqual([
      ['市政协党组', [60]],
      ['市政协主席会议', [56]],
    ]);
  });

  it("gives a second meeting that names only its kind the first one's owner", () => {
    const r = recordsOf('1月9日,省长罗东川主持召开省政府党组会议和常务会议,传达学习重要讲话精神。');
    expect(r.map((m) => m.body)).toEqual(['省政府党组', '省政府常务会']);
  });

  it('reads 暨 as one meeting of two names unless the second is numbered', () => {
    const one = recordsOf(
      '3月25日上午,市委书记董一兵主持召开市委第二十六次专题会议暨市防控工作领导小组会议,安排部署工作。',
    );
    expect(one.map((m) => m.ordinals)).toEqual([[26]]);
    const two = recordsOf(
      '4月12日,市委常委会会议暨市委网络安全和信息化委员会第六次会议召开。市委书记李中主持会议。',
    );
    expect(two.map((m) => m.ordinals)).toEqual([[], [6]]);
    expect(two[0]!.body).toContain('市委常委会');
  });

  it('keeps the first of two topic meetings joined by 和 as the one held', () => {
    const r = recordsOf(
      '5月6日,县委召开全县安全生产工作会议和森林防火工作部署会,县委书记王华讲话。',
    );
    expect(r.map((m) => m.body)).toEqual(['全县安全生产工作会议']);
  });

  it("names no meeting with the join that opens a headline's second line", () => {
    const r = recordsOf(
      '市政府2025年第12次党组会\n暨理论学习中心组学习会议召开\n' +
        '8月5日下午,市政府2025年第12次党组会暨理论学习中心组学习会议召开,传达学习有关文件精神。',
    );
    expect(r.map((m) => m.body?.startsWith('暨'))).not.toContain(true);
  });
});

import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The chairs, speakers and attendees of each record of a made-up report. */
function peopleOf(text: string): string[][][] {
  return (annotate({ text, published: '2024-01-29' }).meetings ?? []).map((r) => [
    r.chairs,
    r.speakers,
    r.attendees,
  ]);
}

describe('meeting records: people in a headline whose phrases stand apart by spaces', () => {
  it('reads the bare name of the last phrase as the chair who spoke', () => {
    expect(
      peopleOf(
        '市政协十四届四次会议闭幕 王启尧出席闭幕大会 郝宏军主持会议并讲话\n' +
          '1月28日下午,市政协十四届四次会议闭幕。市政协主席郝宏军主持会议。',
      ),
    ).toEqual([[['郝宏军'], ['郝宏军'], ['王启尧']]]);
  });
});

describe('meeting records: a headline’s names whose separators were lost', () => {
  it('splits a run of names before 出席 into the names the report gives elsewhere', () => {
    expect(
      peopleOf(
        '市政协十三届二次会议闭幕 刘曙光李宽端出席 苏立科主持\n' +
          '1月7日,市政协十三届二次会议闭幕。市政协主席苏立科主持会议。市委书记刘曙光,市长李宽端为优秀委员颁奖。',
      ),
    ).toEqual([[['苏立科'], [], ['刘曙光', '李宽端']]]);
  });

  it('reads none when the run does not split wholly into known names', () => {
    expect(
      peopleOf(
        '市政协十三届二次会议闭幕 刘曙光李宽瑞出席 苏立科主持\n' +
          '1月7日,市政协十三届二次会议闭幕。市委书记刘曙光讲话。市政协主席苏立科主持会议。',
      ),
    ).toEqual([[['苏立科'], ['刘曙光'], []]]);
  });
});

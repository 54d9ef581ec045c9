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

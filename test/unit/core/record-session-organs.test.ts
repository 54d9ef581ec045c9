import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The records of a made-up report, as body, ordinals and category of what met. */
function recordsOf(text: string): [string | null, number[], string][] {
  return (annotate({ text, published: '2024-06-10' }).meetings ?? []).map((r) => [
    r.body,
    r.ordinals,
    r.type,
  ]);
}

describe('meeting records: meetings of a session’s organs', () => {
  it('files the presidium’s numbered meeting under the presidium, not the session', () => {
    expect(
      recordsOf(
        '1月30日下午,省十四届人大四次会议主席团第三次会议在南昌举行。' +
          '大会主席团常务主席尹弘主持会议。',
      ),
    ).toEqual([['省十四届人大四次会议主席团', [3], 'meeting']]);
    expect(
      recordsOf(
        '3月11日下午,县十五届人大三次会议大会主席团第二次会议召开。县人大常委会主任刘秋霞主持会议。',
      ),
    ).toEqual([['县十五届人大三次会议大会主席团', [2], 'meeting']]);
  });

  it('reads the standing chairs of the presidium as an organ of the session', () => {
    expect(
      recordsOf(
        '政协第十三届全国委员会第一次会议主席团常务主席会议第二次会议在北京举行,' +
          '全国政协主席汪洋主持会议。',
      ),
    ).toEqual([['政协第十三届全国委员会第一次会议主席团常务主席会议', [2], 'meeting']]);
  });

  it('keeps the session itself a meeting reference of its own', () => {
    const r = annotate({ text: '省十四届人大四次会议主席团第三次会议在南昌举行。' });
    const meetings = r.entities.filter((e) => e.kind === 'meeting');
    expect(meetings.map((e) => [e.text, e.ordinals])).toEqual([
      ['省十四届人大四次会议', [4]],
      ['主席团第三次会议', [3]],
    ]);
  });

  it('still files a session held as a session', () => {
    expect(recordsOf('1月28日上午,省十四届人大四次会议在南昌开幕。省委书记尹弘主持会议。')).toEqual(
      [['省人大', [4], 'session']],
    );
  });
});

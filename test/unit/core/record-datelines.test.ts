import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The body, numbers and day of each record of a made-up report. */
function recordsOf(text: string, published: string): string[] {
  return (annotate({ text, published }).meetings ?? []).map(
    (r) => `${r.body ?? '?'}[${r.ordinals.join(',')}] ${r.date ?? '-'}`,
  );
}

describe('meeting records: a dateline alone before the meeting that opens the report', () => {
  it('reads a meeting that decided right after a news agency dateline', () => {
    expect(
      recordsOf(
        '新华社长春9月5日电(记者 宗巍)吉林省十二届人大常委会第十次会议9月5日决定,接受王儒林辞去吉林省第十二届人大常委会主任职务的请求。',
        '2014-09-05',
      ),
    ).toEqual(['吉林省人大常委会[10] 2014-09-05']);
  });

  it('reads a session that closed right after a dateline', () => {
    expect(
      recordsOf(
        '本报北京3月11日电 十四届全国人大二次会议圆满完成各项议程,在人民大会堂胜利闭幕。',
        '2024-03-11',
      ),
    ).toEqual(['全国人大[2] 2024-03-11']);
  });
});

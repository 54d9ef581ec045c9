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

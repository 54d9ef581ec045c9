import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The body, numbers and day of each record of a made-up report. */
function recordsOf(text: string): string[] {
  return (annotate({ text, published: '2024-06-10' }).meetings ?? []).map(
    (r) => `${r.body ?? '?'}[${r.ordinals.join(',')}] ${r.date ?? '-'}`,
  );
}

const rest = '市委书记王建国出席会议。';

describe('meeting records: a clause that says what happened at a numbered meeting', () => {
  it('records the meeting of a clause-opening 在…上, dated by what leads it', () => {
    expect(
      recordsOf(
        `2月3日,在海口市第十七届人民代表大会第七次会议上,市长张勇代表市政府作报告。${rest}`,
      ),
    ).toEqual(['海口市人民代表大会[7] 2024-02-03']);
  });

  it('reads a description of when it closed between 在 and the name', () => {
    expect(
      recordsOf(`在11日闭幕的牡丹江市第十六届人民代表大会第四次会议上,王文力当选市长。${rest}`),
    ).toEqual(['牡丹江市人民代表大会[4] -']);
  });

  it('records meetings named alone in a clause whose next clause names their chair', () => {
    expect(
      recordsOf(
        '6月8日,市政协党组五届二十六次会议暨五届十七次主席会议,市政协主席吕晓莉主持会议。会议传达学习全国政协精神。',
      ),
    ).toEqual(['市政协党组[26] 2024-06-08', '市政协主席会议[17] 2024-06-08']);
  });

  it('records nothing for a meeting to come, a speech at one, or one named inside a clause', () => {
    for (const text of [
      `${rest}会议要求,要在市第十七届人民代表大会第七次会议上作出安排。`,
      `${rest}在即将召开的市第十七届人民代表大会第七次会议上,将审议政府工作报告。`,
      `${rest}会议学习了王建国在市第十七届人民代表大会第七次会议上的讲话。`,
    ])
      expect(recordsOf(text), text).toEqual([]);
  });
});

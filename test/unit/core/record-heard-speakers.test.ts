import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The speakers of each record of a made-up report. */
function speakersOf(text: string): string[][] {
  return (annotate({ text, published: '2024-03-02' }).meetings ?? []).map((r) => r.speakers);
}

const opening = '3月1日,省十四届人大常委会第五次会议在福州开幕。';

describe('meeting records: speakers whose reports the meeting heard', () => {
  it('reads a frame whose title in 《》 holds commas (作题为《应势而谋，乘势而上》的报告)', () => {
    expect(
      speakersOf(
        '4月19日,中国共产党乌镇镇第十四次代表大会开幕。在下午的大会上,陶咏椿代表中共乌镇镇第十三届委员会向大会作题为《应势而谋,乘势而上,再创新辉煌》的报告。',
      ),
    ).toEqual([['陶咏椿']]);
  });

  it('reads a frame closed after a word that also closes frames (作关于人事安排的说明)', () => {
    expect(
      speakersOf(
        `${opening}会议听取了省委常委、组织部部长张伟作关于人事安排的说明,省法院副院长周瑞春作关于提请审判人员免职的报告的说明。`,
      ),
    ).toEqual([['张伟', '周瑞春']]);
  });

  it("reads the speaker after the organ their title leaves out, and after more ways to say 'heard'", () => {
    expect(
      speakersOf(`${opening}会议听取了议案审查委员会主任何维君所作的《关于议案处理意见的报告》。`),
    ).toEqual([['何维君']]);
    expect(
      speakersOf(`${opening}会议听取并审议通过了大会副秘书长于泽明关于代表提出议案情况的报告。`),
    ).toEqual([['于泽明']]);
  });

  it('reads no speaker whose work a place reported on (听取了娄底市贯彻落实…情况汇报)', () => {
    expect(
      speakersOf(
        `${opening}会议听取了娄底市贯彻落实习近平总书记关于湖南工作重要讲话和指示批示情况汇报。`,
      ),
    ).toEqual([[]]);
  });
});

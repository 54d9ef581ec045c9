import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The bodies of the records of a made-up report. */
function bodiesOf(text: string): (string | null)[] {
  return (annotate({ text, published: '2024-06-10' }).meetings ?? []).map((r) => r.body);
}

const report = (lead: string): string =>
  `${lead},传达学习全市工作会议精神,研究部署下一步工作。会议要求,各部门要提高认识,狠抓落实。` +
  '镇党委书记张建国主持会议并讲话,镇长李明出席会议。';

describe('meeting records: who convened a meeting named only by its kind', () => {
  it('files a 专题会议 under the town, subdistrict or headquarters that held it', () => {
    expect(bodiesOf(report('2月10日,平桥区平西街道召开专题会议'))).toEqual(['平桥区平西街道']);
    expect(bodiesOf(report('1月31日,膏田镇召开专题会议'))).toEqual(['膏田镇']);
    // A plenary meeting is filed with its organ's name (全体会), as for a committee.
    expect(bodiesOf(report('26日,湖北省防汛抗旱指挥部召开全体会议'))).toEqual([
      '湖北省防汛抗旱指挥部全体会',
    ]);
  });

  it('reads the subject before where it met, not the room', () => {
    expect(bodiesOf(report('8月8日,临高县委在开发区会议室召开专题会议'))).toEqual(['临高县委']);
  });

  it('reads past the adverbs between the convener and its cue (专门, 组织)', () => {
    expect(bodiesOf(report('9月19日,亭湖区盐东镇专门召开会议'))).toEqual(['亭湖区盐东镇']);
    expect(bodiesOf(report('11月3日上午,园区工委组织召开会议'))).toEqual(['园区工委']);
    // A study group's verb is no adverb: the group is the party group's.
    expect(bodiesOf(report('4月17日上午,市建设局党组组织中心组理论学习会议'))).toEqual([
      '市建设局党组中心组',
    ]);
  });

  it('leaves out the rest of a date written in digits', () => {
    expect(bodiesOf(report('本报讯 5日国务院召开专题会议'))).toEqual(['国务院']);
  });

  it('names no body for words that only point at one (我市, 全县, 村两委干部)', () => {
    expect(bodiesOf(report('2月10日,我市召开专题会议'))).toEqual([]);
    expect(bodiesOf(report('2月10日,全县召开专题会议'))).toEqual([]);
    expect(bodiesOf(report('2月10日,各村组织村两委干部召开专题会议'))).toEqual([]);
  });
});

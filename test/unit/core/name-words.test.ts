import { describe, expect, it } from 'vitest';
import { officialsOf as officials } from '../../support/officials-of';

// Words in the lexicons that decide where names start and how minority names open.
describe('names decided by lexicon words', () => {
  it('reads no name from common words that open with a surname, next to a title', () => {
    expect(officials('希望广大委员常回家看看,通过互学互鉴增强责任。')).toEqual({});
    expect(officials('审议通过了提高调研质量、强化委员履职考核的相关制度性文件。')).toEqual({});
    expect(officials('座谈会上,镇主要负责同志向大家通报了全镇经济社会发展情况。')).toEqual({});
  });

  it('reads a long Mongolian name that a comma closes at the end of a list', () => {
    expect(
      officials('旗领导马亚栋、康锐、沙健、高强英、乌兰巴特尔,各苏木镇负责人参加会议。'),
    ).toEqual({
      马亚栋: ['旗领导'],
      康锐: ['旗领导'],
      沙健: ['旗领导'],
      高强英: ['旗领导'],
      乌兰巴特尔: ['旗领导'],
    });
  });

  it('reads the first name after 选举产生了', () => {
    expect(officials('选举产生了王大永、刘振泉2人为双沟镇人民政府副镇长。')).toEqual({
      王大永: ['双沟镇人民政府副镇长'],
      刘振泉: ['双沟镇人民政府副镇长'],
    });
  });
});

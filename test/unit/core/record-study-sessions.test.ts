import { describe, expect, it } from 'vitest';
import { findRecords } from '../../../src/core/meeting-records';
import { findMeetings } from '../../../src/core/meeting-numbers';
import { findOfficials } from '../../../src/core/officials';
import { findStudySessions } from '../../../src/core/record-study-sessions';
import { runSteps } from '../../../src/core/steps';

/** Body, chairs and attendees of each record the pass reads from `text`. */
function recordsOf(text: string): Array<[string | null, string[], string[]]> {
  const officials = runSteps(findOfficials(text));
  const meetings = runSteps(findMeetings(text));
  return findRecords(text, { officials, meetings }).map((r) => [r.body, r.chairs, r.attendees]);
}

describe('study sessions of a theory-study group', () => {
  it('files a session named after the group under the group, with its chair and attendees', () => {
    expect(
      recordsOf(
        '3月21日,州人大常委会党组中心组开展集中学习,传达学习全国两会精神。' +
          '州人大常委会党组书记、主任吕金施主持会议,州人大常委会副主任陈晓燕、陈学明参加。',
      ),
    ).toEqual([['州人大常委会党组中心组', ['吕金施'], ['陈晓燕', '陈学明']]]);
    expect(
      recordsOf('1月31日,区委理论学习中心组开展集体学习研讨。区委书记姚运明主持会议并讲话。'),
    ).toEqual([['区委理论学习中心组', ['姚运明'], []]]);
  });

  it('joins the organ before a verb to the group after it', () => {
    expect(
      recordsOf('3月20日,满城区人民检察院举行党组中心组集体学习。党组书记、检察长何俊乔主持。').map(
        (r) => r[0],
      ),
    ).toEqual(['满城区人民检察院党组中心组']);
    expect(
      recordsOf('近日,永定区后坪街道党工委举行理论学习中心组集体学习。').map((r) => r[0]),
    ).toEqual(['永定区后坪街道党工委理论学习中心组']);
  });

  it('reads past the year, the ordinal and 扩大 before the session', () => {
    const text = '12月27日,行署党组理论学习中心组举行2024年第二十九次(扩大)集体学习。';
    const [s] = findStudySessions(text, () => true);
    expect(s && text.slice(s.start, s.end)).toBe(
      '行署党组理论学习中心组举行2024年第二十九次(扩大)集体学习',
    );
    expect(s?.expanded).toBe(true);
    expect(s?.body).toBe('行署党组理论学习中心组');
  });

  it('files a study meeting the group holds under the group', () => {
    expect(
      recordsOf('2月27日,市财政局党组理论学习中心组召开专题学习会议。局长王勇主持会议。').map(
        (r) => r[0],
      ),
    ).toEqual(['市财政局党组理论学习中心组']);
  });

  it('reads no session where the group only should study, or only studies in general', () => {
    expect(recordsOf('会议要求,各级党组理论学习中心组要开展专题学习。')).toEqual([]);
    expect(recordsOf('县委将于下月举行理论学习中心组集体学习。')).toEqual([]);
    // Without a verb, a bare 学习 names what the group does, not a session.
    expect(findStudySessions('进一步加强县委中心组学习,提高质量。', () => true)).toEqual([]);
    // Without an organ, nobody's group met.
    expect(findStudySessions('中心组开展集中学习', () => true)).toEqual([]);
  });
});

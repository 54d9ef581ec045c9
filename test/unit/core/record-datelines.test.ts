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

describe('meeting records: a clock time where a meeting was held', () => {
  it('reads past a clock time between the name and its cue, its colon ending no clause', () => {
    expect(
      recordsOf(
        '经过精心筹备,认真组织,翟王镇第十四届人民代表大会第八次会议于1月23日早8:30正式开幕。镇长王建国出席会议。',
        '2021-01-25',
      ),
    ).toEqual(['翟王镇人民代表大会[8] 2021-01-23']);
    expect(
      recordsOf(
        '柞水县第十七届人民代表大会第二次会议今天上午9时在新纪元酒店隆重开幕。县长王建国出席会议。',
        '2021-01-25',
      ),
    ).toEqual(['柞水县人民代表大会[2] 2021-01-25']);
  });

  it('names no body after the time of day that opens a sitting (下午3:00大会)', () => {
    const records = annotate({
      text: '1月5日,县第十八届人民代表大会第三次会议开幕。县长王建国作政府工作报告。下午3:00大会继续举行。',
      published: '2021-01-06',
    }).meetings;
    expect(records?.map((r) => r.body)).toEqual(['县人民代表大会']);
  });
});

describe("meeting records: a headline's column tag or bullet before the meeting", () => {
  it('files the body without the tag (【雪堰镇】) or the bullet (△)', () => {
    expect(
      recordsOf(
        '【雪堰镇】雪堰镇人大主席团会召开\n7月26日,雪堰镇人大主席团会召开。镇人大主席武为锋主持会议。',
        '2023-07-28',
      ),
    ).toEqual(['雪堰镇人大主席团会[] 2023-07-26']);
    expect(
      recordsOf(
        '△全市交通重大项目建设调度会召开\n9月1日,全市交通重大项目建设调度会召开。市长王明主持。',
        '2023-09-02',
      ),
    ).toEqual(['全市交通重大项目建设调度会[] 2023-09-01']);
  });
});

describe('meeting records: the day a session closed, after it completed its agenda', () => {
  it('dates the session by the day between its agenda and its close', () => {
    expect(
      recordsOf(
        '中国人民政治协商会议双鸭山市第十二届委员会第五次会议圆满完成各项议程,于1月22日下午在东山宾馆闭幕。市政协主席王建国主持会议。',
        '2026-01-23',
      ),
    ).toEqual(['中国人民政治协商会议双鸭山市委员会[5] 2026-01-22']);
  });
});

describe('meeting records: a meeting held before or after the one just reported', () => {
  it('dates a meeting opened by 会前 or 随后 by the meeting before it', () => {
    expect(
      recordsOf(
        '1月30日下午,政协云南省第十三届委员会常务委员会第十九次会议在昆明召开。省政协主席刘晓凯主持会议。会前,刘晓凯主持召开省政协十三届第75次主席会议。',
        '2026-01-31',
      ),
    ).toEqual(['政协云南省委员会常务委员会[19] 2026-01-30', '省政协主席会议[75] 2026-01-30']);
    expect(
      recordsOf(
        '3月8日,县委常委会召开第40次会议。县委书记王建国主持会议。随后,召开县委全面深化改革委员会第5次会议。',
        '2024-03-09',
      ),
    ).toEqual(['县委常委会[40] 2024-03-08', '县委全面深化改革委员会[5] 2024-03-08']);
  });

  it('gives the chair before a 会前 meeting to it, and what follows 会上 or 动员会上 back to the main one', () => {
    const chairs = (text: string): string[][] =>
      (annotate({ text, published: '2022-04-09' }).meetings ?? []).map((r) => r.chairs);
    const opening =
      '2022年4月8日,自治区党委第三巡视组巡视日喀则市工作动员会召开。会前,第三巡视组组长王西平主持召开与张延清同志的见面沟通会,通报了巡视任务。';
    const close = '日喀则市委书记张延清主持会议并作表态发言。';
    expect(chairs(`${opening}会上,${close}`)).toEqual([['张延清'], ['王西平']]);
    expect(chairs(`${opening}动员会上,王西平作了动员讲话。${close}`)).toEqual([
      ['张延清'],
      ['王西平'],
    ]);
    // 随后 opening a sentence with two meetings belongs to the first of them.
    expect(
      chairs(
        '10月31日下午,省十二届人大七次会议举行预备会议。省人大常委会主任李希主持会议。随后,省十二届人大七次会议主席团举行第一次会议,李希主持会议。',
      ),
    ).toEqual([['李希'], ['李希']]);
  });

  it('leaves undated a meeting whose sentence opens otherwise', () => {
    expect(
      recordsOf(
        '1月30日下午,市委常委会召开第19次会议。市委书记刘晓凯主持会议。市政府召开第75次常务会议。',
        '2026-01-31',
      ),
    ).toEqual(['市委常委会[19] 2026-01-30', '市政府[75] -']);
  });
});

describe('meeting records: a session held on two days', () => {
  it('reads past two days joined by 及 between the name and the cue', () => {
    expect(recordsOf('汕头市政协十四届二次会议于本月五日及六日在汕头召开。', '2023-01-07')).toEqual(
      ['汕头市政协[2] 2023-01-05'],
    );
    const [record] =
      annotate({
        text: '汕头市政协十四届二次会议于5日及6日在汕头召开。',
        published: '2023-01-07',
      }).meetings ?? [];
    expect([record?.body, record?.ordinals]).toEqual(['汕头市政协', [2]]);
  });
});

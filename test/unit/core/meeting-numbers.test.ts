import { describe, expect, it } from 'vitest';
import { findMeetings, type RawMeeting } from '../../../src/core/meeting-numbers';

/** Runs the meetings pass to the end. */
function meetings(text: string): RawMeeting[] {
  const steps = findMeetings(text);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

describe('findMeetings', () => {
  it('reads ordinals, body and type', () => {
    const [m] = meetings('韦韬主持召开市疫情防控工作领导小组第115次会议,传达精神。');
    expect(m).toMatchObject({ ordinals: [115], body: '市疫情防控工作领导小组' });
    expect(m?.meetingType).toBeUndefined();
    expect(meetings('主持召开省委第121次疫情防控专题会暨')[0]).toMatchObject({
      ordinals: [121],
      body: '省委',
      meetingType: '专题会议',
    });
  });

  it('reads a sitting of a session as part of it, a plenum with a body or a term as a meeting', () => {
    expect(
      meetings('市政协十届三次会议举行第二次全体会议。主任甲主持第一次全体会议。').map(
        (m) => m.ordinals,
      ),
    ).toEqual([[3]]);
    expect(meetings('市委第四届委员会第八次全体会议召开。')[0]).toMatchObject({ ordinals: [8] });
    expect(meetings('中共太原市委十一届十一次全体会议召开。')[0]).toMatchObject({
      ordinals: [11],
      term: 11,
    });
  });

  it('starts a body after 公布, 宣布 or 发布 (会议公布拉萨市人民代表大会第十一次会议…)', () => {
    expect(meetings('会议公布拉萨市人民代表大会第十一次会议于3月召开。')[0]?.body).toBe(
      '拉萨市人民代表大会',
    );
  });

  it('gives no meeting the term of a plenum named before it (十八届六中全会精神和省第十次党代会)', () => {
    expect(
      meetings('会议传达学习了党的十八届六中全会精神和省第十次党代会精神。').map((m) => ({
        ordinals: m.ordinals,
        term: m.term,
        body: m.body,
      })),
    ).toEqual([
      { ordinals: [6], term: 18, body: '党' },
      { ordinals: [10], term: undefined, body: '省' },
    ]);
  });

  it('reads a sitting named after its plenum or session, or after 大会, as part of it', () => {
    const [plenum, ...rest] = meetings('省委十二届三次全会第二次全体会议审议通过了决定。');
    expect(rest).toEqual([]);
    expect(plenum).toMatchObject({ ordinals: [3], term: 12, start: 0, end: 16 });
    expect(
      meetings('市九届人大二次会议举行。大会第一次全体会议听取了报告。').map((m) => m.ordinals),
    ).toEqual([[2]]);
    // 第三次大会: a sitting too, whether named after its session or on its own.
    expect(
      meetings('省十二届人大四次会议第三次大会开始。下午,会议召开了第四次大会。').map(
        (m) => m.ordinals,
      ),
    ).toEqual([[4]]);
    expect(meetings('镇第十五次党员大会召开。')[0]).toMatchObject({ ordinals: [15] });
    // A township congress's yearly session, not a sitting.
    expect(meetings('小昆山镇第四次党员代表大会第六次全体会议召开。')[0]).toMatchObject({
      ordinals: [6],
      term: 4,
    });
  });

  it('reads a delegation’s plenary meeting at a congress as the delegation’s', () => {
    expect(
      meetings('出席市五届人大四次会议的秀山代表团召开第一次全体会议。').map((m) => [
        m.body,
        m.ordinals,
      ]),
    ).toEqual([
      ['市人大', [4]],
      ['秀山代表团', [1]],
    ]);
  });

  it('reads a numbered collective or group study session as a meeting', () => {
    expect(meetings('学习了中共中央政治局第十六次集体学习时的重要讲话精神。')[0]).toMatchObject({
      ordinals: [16],
      body: '中共中央政治局',
    });
    expect(
      meetings('市局召开党组理论学习中心组2022年第9次集中学习暨解放思想大讨论。')[0],
    ).toMatchObject({ ordinals: [9], meetingType: '集中学习' });
    expect(meetings('召开局党组(扩大)会议暨第15次党组中心组理论学习。')[0]).toMatchObject({
      ordinals: [15],
      meetingType: '理论学习',
    });
  });

  it('reads a Party congress numbered by its term alone (化州市第十三届党代会), not 新一届党代会', () => {
    expect(meetings('选举产生出席化州市第十三届党代会代表。')[0]).toMatchObject({
      ordinals: [13],
      category: 'congress',
    });
    expect(meetings('认真贯彻落实十一届党代会确定的目标。')[0]).toMatchObject({ ordinals: [11] });
    expect(meetings('新一届党代会是全县政治生活中的大事。')).toEqual([]);
    // A session of a congress's term stays one meeting, the session.
    expect(meetings('中共临海市第十五届党代会第二次会议召开。').map((m) => m.ordinals)).toEqual([
      [2],
    ]);
  });

  it('reads a Party group’s numbered meeting written 第N次党组, before another of the same sitting', () => {
    expect(
      meetings('市政协主席容丽萍主持召开市政协第51次党组、31次主席会议。').map((m) => m.ordinals),
    ).toEqual([[51], [31]]);
    expect(meetings('魏都区政协召开十四届四十八次党组(扩大)暨主席办公会议。')[0]).toMatchObject({
      ordinals: [48],
      term: 14,
      meetingType: '党组',
      expanded: true,
    });
  });

  it('reads lists of ordinals', () => {
    const text = '深入学习贯彻省委第二十五、二十六次专题会议精神';
    expect(meetings(text)[0]).toMatchObject({ ordinals: [25, 26], body: '省委' });
  });

  it('reads bodies listed with their own ordinals before the type they share', () => {
    const text =
      '会议传达学习中央财经委员会第六次、省委财经委员会第三次、市委财经委员会第一次会议精神。';
    expect(meetings(text).map((m) => [m.body, m.ordinals])).toEqual([
      ['中央财经委员会', [6]],
      ['省委财经委员会', [3]],
      ['市委财经委员会', [1]],
    ]);
  });

  it('reads financial numerals and ranges', () => {
    expect(meetings('市政府第贰拾陆次常务会议')[0]).toMatchObject({
      ordinals: [26],
      body: '市政府',
      meetingType: '常务会议',
    });
    expect(meetings('省委第三至五次专题会议')[0]?.ordinals).toEqual([3, 4, 5]);
  });

  it('reads term-and-session forms', () => {
    expect(meetings('主持召开十二届县委常委会第57次会议')[0]).toMatchObject({
      ordinals: [57],
      term: 12,
      body: '县委常委会',
    });
    expect(meetings('市委四届八次全会召开')[0]).toMatchObject({
      ordinals: [8],
      term: 4,
      body: '市委',
      meetingType: '全会',
    });
    expect(meetings('十一届一次会议')[0]).toMatchObject({ ordinals: [1], term: 11 });
  });

  it('reads a standing committee’s numbered meeting as a meeting, a congress’s as a session', () => {
    const category = (text: string): string | undefined => meetings(text)[0]?.category;
    expect(category('市十四届人大常委会第16次会议召开')).toBe('meeting');
    expect(category('区政协十届常委会第18次会议召开')).toBe('meeting');
    expect(category('市十四届人大三次会议开幕')).toBe('session');
    expect(category('区政协十届二次会议开幕')).toBe('session');
  });

  it('reads forms without 第 only after 召开 or a body', () => {
    expect(meetings('召开108次常委会会议')[0]?.ordinals).toEqual([108]);
    expect(meetings('今年以来走访了3次会场')).toEqual([]);
  });

  it('ignores things that are not meetings', () => {
    expect(meetings('第一时间出动。一次性告知。第一次来到这里开会。')).toEqual([]);
  });

  it('gives offsets that cover the reference', () => {
    const text = '会议传达了省委第二十三次专题会议精神。';
    const [m] = meetings(text);
    expect(text.slice(m?.start, m?.end)).toBe('省委第二十三次专题会议');
  });
});

describe('bodies before 召开 and a year', () => {
  it('takes the subject of 召开 as the body', () => {
    expect(meetings('市纪委常委会召开2023年第15次会议')[0]).toMatchObject({
      ordinals: [15],
      body: '市纪委常委会',
    });
    expect(meetings('县政府召开第31次常务会议')[0]).toMatchObject({
      ordinals: [31],
      body: '县政府',
    });
    expect(meetings('县委书记主持召开第5次会议')[0]?.body).toBeUndefined();
  });

  it('takes the subject before the place where the meeting is held (县政府在县行政中心召开)', () => {
    expect(meetings('县政府在县行政中心召开第31次常务会议')[0]).toMatchObject({
      ordinals: [31],
      body: '县政府',
    });
    expect(meetings('3月5日,在县行政中心召开第31次常务会议')[0]?.body).toBeUndefined();
    // A delegation's plenary meeting is its own meeting, not a sitting of the session.
    expect(meetings('云南代表团在驻地召开第一次全体会议')[0]).toMatchObject({
      ordinals: [1],
      body: '云南代表团',
    });
  });

  it('keeps 和 inside one name and starts the body after it only before a body of its own', () => {
    expect(meetings('主持召开区委网络安全和信息化委员会第一次会议')[0]?.body).toBe(
      '区委网络安全和信息化委员会',
    );
    expect(meetings('传达学习巡视联动巡察和市委第十次会议精神')[0]?.body).toBe('市委');
    expect(meetings('学习中央一号文件和中纪委第五次全会精神')[0]?.body).toBe('中纪委');
  });

  it('leaves a year before the body out of it (2023年度区委审计委员会)', () => {
    expect(meetings('召开2023年度区委审计委员会第二次会议')[0]?.body).toBe('区委审计委员会');
    expect(meetings('召开二〇二三年度区委审计委员会第二次会议')[0]?.body).toBe('区委审计委员会');
    expect(meetings('青年联合会第二次会议')[0]?.body).toBe('青年联合会');
  });

  it('leaves the rest of a date, a preposition and a verb of coming before the body out of it', () => {
    // 28日 and 10日讯: the day's 日 after its digits opens no body.
    expect(meetings('28日中国共产党某市委员会第九次代表大会开幕')[0]?.body).toBe(
      '中国共产党某市委员会',
    );
    expect(meetings('本报10日讯市人大常委会第十九次会议闭幕')[0]?.body).toBe('市人大常委会');
    // 向 begins a body before the name of one (向县政协…), not inside a name (横向联系会).
    expect(meetings('常委会向县政协第三次会议报告工作')[0]?.body).toBe('县政协');
    expect(meetings('召开城市政协横向联系会第43次会议')[0]?.body).toBe('城市政协横向联系会');
    expect(meetings('市长某某来到市政协十届三次会议现场')[0]?.body).toBe('市政协');
    // 作 after a speaker leads into a body; inside one's name it does not, nor does 和, also
    // where the body is the subject of 召开.
    expect(meetings('县政协副主席某某作县政协第三次会议工作报告')[0]?.body).toBe('县政协');
    expect(meetings('市委外事工作委员会召开第三次全体会议')[0]?.body).toBe('市委外事工作委员会');
    expect(meetings('区委网络安全和信息化委员会召开第一次会议')[0]?.body).toBe(
      '区委网络安全和信息化委员会',
    );
  });
});

describe('bodies and congresses', () => {
  it('reads the CPPCC’s full name before its term as the body of a session', () => {
    const [m] = meetings('中国人民政治协商会议第十二届双鸭山市委员会第五次会议胜利闭幕。');
    expect(m).toMatchObject({
      start: 0,
      ordinals: [5],
      term: 12,
      body: '中国人民政治协商会议双鸭山市委员会',
      category: 'session',
    });
  });

  it('reads party congresses and gives no body when the words before are not one', () => {
    const [m] = meetings('会议选举产生出席第十一次党代会代表。');
    expect(m).toMatchObject({ ordinals: [11], meetingType: '党代会' });
    expect(m?.body).toBeUndefined();
    expect(meetings('市第十三次党代会开幕')[0]).toMatchObject({ ordinals: [13], body: '市' });
  });

  it('reads a place’s congress numbered without 第 (省十二次党代会, 市十三次党代表大会)', () => {
    const found = meetings('迎接省十二次党代会胜利召开,落实市十三次党代表大会精神。');
    expect(found.map((m) => [m.ordinals, m.body, m.category])).toEqual([
      [[12], '省', 'congress'],
      [[13], '市', 'congress'],
    ]);
    expect(meetings('大家三次讨论党代会筹备工作。')).toEqual([]);
  });

  it('reads up to twelve characters between the ordinal and the type, none of them an ordinal', () => {
    expect(meetings('郴州市河长办召开2018年第7次市直成员单位联络员会议。')[0]).toMatchObject({
      ordinals: [7],
      body: '郴州市河长办',
    });
    // 第九次学习和六届二十六次主席会议: the second ordinal opens a meeting of its own.
    expect(
      meetings('市政协党组理论学习中心组第九次学习和六届二十六次主席会议召开。').map(
        (m) => m.ordinals,
      ),
    ).toEqual([[26]]);
  });

  it('reads a second meeting joined to the first without 第, of the same body', () => {
    const found = meetings('省政协十三届七十四次党组会议和七十七次主席会议。');
    expect(found.map((m) => [m.ordinals, m.body, m.meetingType])).toEqual([
      // The Party group met; the chairs' council joined after it is the committee's, not the
      // group's (see report-shapes).
      [[74], '省政协党组', '党组会议'],
      [[77], '省政协主席会议', '主席会议'],
    ]);
    // A meeting's name between a term and the ordinals is another meeting: the term is not this
    // one's.
    const held = '市十六届人大常委会召开党组会议暨第51次主任会议。';
    expect(meetings(held).map((m) => [held.slice(m.start, m.end), m.term])).toEqual([
      ['第51次主任会议', undefined],
    ]);
    // A term and body of its own stay its own.
    expect(meetings('中央纪委五次全会和十二届省纪委五次全会').map((m) => m.body)).toEqual([
      '中央纪委',
      '省纪委',
    ]);
  });

  it('keeps bodies that name who meets', () => {
    expect(meetings('市十五届人大常委会第十八次会议闭幕')[0]).toMatchObject({
      ordinals: [18],
      term: 15,
      body: '市人大常委会',
    });
    expect(meetings('区政府2023年第8次常务会议研究')[0]).toMatchObject({
      ordinals: [8],
      body: '区政府',
      meetingType: '常务会议',
    });
  });

  it('reads a session of a numbered Party congress as one meeting, its number as the term', () => {
    const found = meetings('中国共产党泗泾镇第十六次党员代表大会第三次会议召开,党的二十大精神。');
    expect(found.map((m) => [m.ordinals, m.term, m.body, m.category])).toEqual([
      [[3], 16, '中国共产党泗泾镇', 'session'],
      [[20], undefined, '党', 'congress'],
    ]);
    // A congress named alone stays a congress.
    expect(meetings('召开中共某县第十五次代表大会。')[0]).toMatchObject({
      ordinals: [15],
      category: 'congress',
    });
  });

  it('reads plenums listed without separators or with doubled ones', () => {
    expect(meetings('学习贯彻党的二十届二中三中全会精神。').map((m) => m.ordinals)).toEqual([
      [2, 3],
    ]);
    expect(meetings('贯彻十八届三中、四中,、五中全会精神。').map((m) => m.ordinals)).toEqual([
      [3, 4, 5],
    ]);
  });

  it('leaves the verb before a body out of it (实现, 决定, 调整, 通报)', () => {
    expect(meetings('把力量凝聚到实现市委十三届五次全会确定的目标上。')[0]?.body).toBe('市委');
    expect(meetings('会议决定省人大常委会第十二次会议于7月召开。')[0]?.body).toBe('省人大常委会');
  });
});

import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import { findDates, publicationFromUrl } from '../../../src/core/dates';
import { findMeetings } from '../../../src/core/meeting-numbers';
import { findOfficials } from '../../../src/core/officials';
import { findRecords, findRecordsSteps } from '../../../src/core/meeting-records';
import { runSteps } from '../../../src/core/steps';
import type { MeetingRecord } from '../../../src/core/types';

/** The records of a made-up report. */
function recordsOf(text: string, published?: string): MeetingRecord[] {
  return annotate({ text, ...(published ? { published } : {}) }).meetings ?? [];
}

describe('meeting records', () => {
  it('reads a list as speakers after what they attended and 并 (甲、乙出席开幕式并讲话)', () => {
    const text =
      '8月3日,城中区政协第十次联席会议召开。' +
      '自治区政协副主席蒋济雄、柳州市政协主席胡锦朝出席会议开幕式并作了重要讲话。';
    expect(recordsOf(text, '2023-08-04')[0]?.speakers).toEqual(['蒋济雄', '胡锦朝']);
    // Without 并 what they attended may hold a cue of its own (出席工作情况汇报会).
    const named = '8月9日,市政府召开第5次常务会议。市领导朱民、徐明等出席工作情况汇报会。';
    expect(recordsOf(named, '2023-08-10')[0]?.speakers).toEqual([]);
  });

  it('files a plain name and the numbered one that adds the ordinal as one meeting', () => {
    const text =
      '夏吾杰主持召开海北州委书记专题会议\n' +
      '4月3日,州委书记夏吾杰主持召开海北州委书记第四次专题会议,研究有关工作。州领导李明、王刚出席。';
    const r = recordsOf(text, '2023-04-04');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [4], chairs: ['夏吾杰'], attendees: ['李明', '王刚'] });
    // 三十五常务会议 in the text for 三十五次常务会议 in the headline: the 次 left out.
    const lost =
      '高圣元主持召开区政府七届三十五次常务会议\n' +
      '7月27日下午,区长高圣元主持召开区政府七届三十五常务会议,副区长李明出席。';
    expect(recordsOf(lost, '2018-07-28')).toHaveLength(1);
  });

  it('reads an organ’s meeting named after the organ (召开人大常委会主任会议, 常委会党组会议)', () => {
    const text =
      '区人大常委会主任会议召开\n' +
      '11月20日,我区召开人大常委会主任会议。区人大常委会主任漆胜主持会议,副主任周幺龙、施敏出席。';
    const r = recordsOf(text, '2017-11-22');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ chairs: ['漆胜'], attendees: ['周幺龙', '施敏'] });
    const party = recordsOf('3月1日,市人大常委会召开市人大常委会党组会议。主任王明主持会议。');
    expect(party.map((x) => x.body)).toEqual(['市人大常委会党组']);
  });

  it('reads a bare name as the chair after 在 (在董淑波主持下)', () => {
    const r = recordsOf(
      '2月27日,市政协十届一次会议召开选举大会。上午9时,在董淑波主持下,大会首先进行了选举。',
    );
    expect(r[0]?.chairs).toEqual(['董淑波']);
  });

  it('files no record for a meeting to be held next week (下周举行)', () => {
    const text =
      '市人大常委会会议下周举行将审议多项法规\n' +
      '市十六届人大常委会昨天举行第十六次主任会议,市人大常委会副主任郑钢淼主持会议。';
    const r = recordsOf(text, '2024-06-11');
    expect(r.map((x) => x.ordinals)).toEqual([[16]]);
  });

  it('names no chair from a post that opens with the cue (主席团会议主持人)', () => {
    const text =
      '2月20日,市政协十六届一次会议主席团第一次会议召开。市政协主席刘明主持会议。' +
      '会议审议通过了主席团会议主持人和秘书长名单,王卫东为主席团会议主持人,时圣恩为大会秘书长。';
    const [r] = recordsOf(text, '2022-02-21');
    expect(r?.chairs).toEqual(['刘明']);
  });

  it('gives one record for one meeting named in the title and the lead', () => {
    const text =
      '王建国主持召开县委第36次常委会会议\n' +
      '5月8日上午,县委书记王建国主持召开县委第36次常委会会议,传达学习习近平总书记重要讲话精神。' +
      '县长李明作具体安排。县领导张华、赵强、孙丽出席会议。\n王建国强调,要压实责任。';
    const r = recordsOf(text, '2023-05-09');
    expect(r).toHaveLength(1);
    const m = r[0]!;
    expect(m).toMatchObject({
      ordinals: [36],
      type: 'meeting',
      date: '2023-05-08',
      chairs: ['王建国'],
      attendees: ['张华', '赵强', '孙丽'],
      relayed: ['习近平总书记重要讲话精神'],
      expanded: false,
    });
    expect(m.speakers).toEqual(expect.arrayContaining(['王建国', '李明']));
    expect(m.body).toContain('县委');
    // Sources point at the entities the names came from.
    const result = annotate({ text, published: '2023-05-09' });
    const chair = result.entities[m.sources.chairs[0]!];
    expect(chair).toMatchObject({ kind: 'official', name: '王建国' });
    expect(m.sources.attendees.map((i) => (result.entities[i] as { name?: string }).name)).toEqual([
      '张华',
      '赵强',
      '孙丽',
    ]);
    expect(text.slice(m.dateStart, m.dateEnd)).toBe('5月8日');
  });

  it('files a chairs’ council as the body that met, one record from the headline and the lead', () => {
    const text =
      '周东明主持召开市人大常委会主任会议 听取经济运行情况汇报\n' +
      '11月25日,市十八届人大常委会第十一次主任会议召开。市人大常委会主任周东明主持会议,副主任刘克胜、程志翔出席会议。';
    const r = recordsOf(text, '2022-11-26');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      body: '市人大常委会主任会议',
      term: 18,
      ordinals: [11],
      chairs: ['周东明'],
    });
  });

  it('reads no meeting after a headline cue that a space ends (…会议召开 甲主持会议)', () => {
    const r = recordsOf(
      '省十三届人大常委会第22次主任会议召开 王建军主持会议并讲话\n' +
        '11月16日下午,省十三届人大常委会召开第22次主任会议。省委书记、省人大常委会主任王建军' +
        '主持会议并讲话。省委常委、组织部长王宇燕列席。',
      '2018-11-17',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [22], chairs: ['王建军'], attendees: ['王宇燕'] });
  });

  it('gives one record per meeting on a chronicle page, in text order', () => {
    const text =
      '3月5日,市委召开常委会会议,市委书记刘强主持会议。\n' +
      '3月12日,市委书记刘强主持召开市委第十八次专题会议,市长陈涛出席会议。\n' +
      '3月20日,市政府召开第9次常务会议,市长陈涛主持并讲话。';
    const r = recordsOf(text, '2022-03-31');
    expect(r.map((m) => [m.date, m.ordinals, m.chairs])).toEqual([
      ['2022-03-05', [], ['刘强']],
      ['2022-03-12', [18], ['刘强']],
      ['2022-03-20', [9], ['陈涛']],
    ]);
    expect(r[1]!.attendees).toEqual(['陈涛']);
    expect(r[2]!.speakers).toEqual(['陈涛']);
    expect(r[0]!.body).toBe('市委常委会');
  });

  it('ends the last record read on a page of too many meetings where the next one starts', () => {
    // Each line holds two mentions (召开…会议, 主持会议): reading stops after 150 lines, so the
    // attendee of line 151 belongs to no record (it used to join line 150's).
    const lines = Array.from(
      { length: 200 },
      (_, i) => `3月5日,市委召开第${i + 1}次常委会会议,市委书记刘强主持会议。`,
    );
    lines[150] = '3月5日,市委召开第151次常委会会议,市委书记刘强主持会议,副市长李明出席会议。';
    const r = recordsOf(lines.join('\n'), '2022-03-31');
    expect(r).toHaveLength(150);
    expect(r.flatMap((m) => m.attendees)).toEqual([]);
  });

  it('yields between slices of a long chronicle, with the same records as at once', () => {
    const text = Array.from(
      { length: 120 },
      (_, i) => `3月5日,市委召开第${i + 1}次常委会会议,市委书记刘强主持会议,副市长李明出席会议。`,
    ).join('\n');
    const input = {
      officials: runSteps(findOfficials(text, { excludedNames: new Set<string>() })),
      meetings: runSteps(findMeetings(text)),
      published: '2022-03-31',
    };
    const steps = findRecordsSteps(text, input);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    // 120 records: grouping, stretches and places each take several slices.
    expect(yields).toBeGreaterThanOrEqual(120 / 8);
    expect(r.value).toEqual(findRecords(text, input));
    expect(r.value).toHaveLength(120);
  });

  it('reads Chinese-numeral dates, 今天 and 昨天', () => {
    expect(recordsOf('二〇二四年三月五日,县委书记马超主持召开县委常委会会议。')[0]?.date).toBe(
      '2024-03-05',
    );
    expect(recordsOf('今天上午,县委书记马超主持召开县委常委会会议。', '2024-06-10')[0]?.date).toBe(
      '2024-06-10',
    );
    expect(recordsOf('昨天下午,县委书记马超主持召开县委常委会会议。', '2024-06-01')[0]?.date).toBe(
      '2024-05-31',
    );
    // No day in the text: no date, not the publication date.
    expect(
      recordsOf('近日,县委书记马超主持召开县委常委会会议。', '2024-06-01')[0]?.date,
    ).toBeNull();
    // Without a publication year, a month and day make no date.
    expect(recordsOf('6月1日,县委书记马超主持召开县委常委会会议。')[0]?.date).toBeNull();
  });

  it('marks enlarged meetings, plenums, congresses and sessions', () => {
    expect(
      recordsOf('1月5日,县委书记申明主持召开县委常委(扩大)会议。', '2021-01-06')[0],
    ).toMatchObject({ expanded: true, type: 'meeting' });
    const plenum = recordsOf('7月8日,中共太原市委十一届十一次全体会议召开。', '2021-07-09')[0];
    expect(plenum).toMatchObject({ type: 'plenum', term: 11, ordinals: [11], date: '2021-07-08' });
    const session = recordsOf(
      '1月28日,政协石家庄市第十四届委员会第四次会议召开,市政协主席张业主持会议。',
      '2024-01-29',
    )[0];
    expect(session).toMatchObject({ type: 'session', term: 14, ordinals: [4], chairs: ['张业'] });
    const congress = recordsOf(
      '9月20日,中国共产党南开区第十二次代表大会召开,区委书记杨兵主持大会。',
      '2021-09-21',
    )[0];
    expect(congress).toMatchObject({ type: 'congress', ordinals: [12] });
  });

  it('makes no record of meetings only relayed, planned or reported inside what was said', () => {
    expect(recordsOf('县委书记马超要求,要认真学习贯彻党的二十大精神。')).toEqual([]);
    expect(recordsOf('会议研究了关于召开县第十五次党代会的有关事项。')).toEqual([]);
    const r = recordsOf(
      '4月29日,市委书记韦韬主持召开市委常委会会议。会议指出,4月29日,中央政治局召开会议,习近平总书记发表重要讲话。',
      '2022-04-30',
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.speakers).not.toContain('习近平');
  });

  it('makes no record of meetings counted over a year (一年来共召开常委会会议12次)', () => {
    const r = recordsOf(
      '1月5日,市人大常委会召开第20次会议。一年来,市人大常委会共召开常委会会议12次,累计召开主任会议30次。',
      '2024-01-06',
    );
    expect(r.map((x) => x.ordinals)).toEqual([[20]]);
  });

  it('makes no record of a meeting whose day is set (初步确定…会议于9月27日上午召开)', () => {
    const r = recordsOf(
      '9月10日,市人大常委会召开第73次主任会议。会议初步确定市十五届人大常委会第二十八次会议于9月27日上午召开。',
      '2024-09-11',
    );
    expect(r.map((x) => x.ordinals)).toEqual([[73]]);
  });

  it('reads a meeting held in a form (以视频会形式召开) as one record, its name before 以', () => {
    const r = recordsOf(
      '3月6日,全市公安局长会议以视频会形式召开,副市长、公安局长王锡章出席会议并讲话。',
      '2020-03-07',
    );
    expect(r.map((x) => x.body)).toEqual(['全市公安局长会议']);
    expect(r[0]?.speakers).toEqual(['王锡章']);
  });

  it('reads a meeting named inside a relayed speech as held elsewhere, with its chair', () => {
    const r = recordsOf(
      '9月28日,市政协十四届十四次常委会议召开。市政协副主席张小樵主持会议。会议传达学习了' +
        '习近平总书记在合肥主持召开扎实推进长三角一体化发展座谈会重要讲话精神。',
      '2020-09-29',
    );
    expect(r.map((x) => x.ordinals)).toEqual([[14]]);
    expect(r[0]!.chairs).toEqual(['张小樵']);
    // The relay words may open the held meeting's own name, which no 精神 closes.
    const talk = recordsOf(
      '10月31日,长安镇学习贯彻《学习纲要》宣讲会举行,市委党校教授孙霄汉作宣讲报告。' +
        '镇委副书记、镇长郭荣新出席。',
      '2019-11-01',
    );
    expect(talk.map((x) => x.body)).toEqual(['长安镇学习贯彻《学习纲要》宣讲会']);
  });

  it('reads no chair inside a later item of what was relayed, after 、 or a comma', () => {
    const chairsOf = (relayed: string): string[][] =>
      recordsOf(
        `9月20日,县政府召开第66次常务会议。会议传达学习了${relayed}。县长王明主持会议。`,
        '2024-09-21',
      ).map((r) => r.chairs);
    expect(
      chairsOf(
        '习近平总书记在甘肃考察时的重要讲话精神、习近平总书记主持召开全面推动黄河流域生态保护和高质量发展座谈会的重要讲话精神',
      ),
    ).toEqual([['王明']]);
    expect(
      chairsOf('中央全面深化改革委员会会议精神,4月20日李克强总理主持召开国务院常务会议精神'),
    ).toEqual([['王明']]);
    // Nor an attendee: 参加 inside what was relayed happened elsewhere.
    expect(
      recordsOf(
        '9月15日,市委召开常委会会议。会议认真学习贯彻习近平总书记参加江苏代表团审议时的重要讲话精神。市委书记王明主持会议。',
        '2024-09-16',
      ).map((r) => r.attendees),
    ).toEqual([[]]);
    expect(
      recordsOf(
        '6月11日,留山镇第十六届人民代表大会第六次会议召开。会议牢记习近平总书记在河南代表团参加审议时的殷殷嘱托。镇人大主席王明主持会议。',
        '2021-06-12',
      ).map((r) => r.attendees),
    ).toEqual([[]]);
    // A clause after what was relayed that says who chaired and spoke is the meeting's own.
    expect(
      recordsOf(
        '区委常委会近日举行会议,传达学习全市领导干部会议精神,区委书记谢坚钢主持会议并讲话。',
        '2024-09-21',
      ).map((r) => r.chairs),
    ).toEqual([['谢坚钢']]);
  });

  it('reads the place from the body, the titles or the level alone', () => {
    expect(
      recordsOf('1月5日,临汾市委书记董一兵主持召开市委常委会会议。', '2020-01-06')[0]?.place,
    ).toBe('临汾市');
    expect(recordsOf('1月5日,县委书记马超主持召开县委常委会会议。', '2020-01-06')[0]?.place).toBe(
      '县',
    );
  });

  it('reads the innermost place of a chain, autonomous regions and national bodies', () => {
    const place = (text: string): string | null | undefined =>
      recordsOf(text, '2021-11-21')[0]?.place;
    expect(place('11月20日,中国共产党哈尔滨市松北区第十一次代表大会召开。')).toBe('松北区');
    expect(place('11月20日,琉璃庙镇人民代表大会第六次会议召开。')).toBe('琉璃庙镇');
    expect(place('11月20日,新疆维吾尔自治区党委书记陈全国主持召开自治区党委常委会会议。')).toBe(
      '新疆维吾尔自治区',
    );
    expect(place('11月20日,宁夏政协召开第二十次常委会会议。')).toBe('宁夏回族自治区');
    expect(place('11月20日,国务院总理李强主持召开国务院常务会议。')).toBe('全国');
  });

  it('reads the place opening a conference it held, when it is known or the page names it so', () => {
    const place = (text: string): string | null | undefined =>
      recordsOf(text, '2021-11-21')[0]?.place;
    expect(place('11月20日,中国共产党鲟鱼镇代表大会召开。鲟鱼镇党委书记王明主持会议。')).toBe(
      '鲟鱼镇',
    );
    // 镇康县 opens with a level's character, 歙 is one character: the gazetteer knows both.
    expect(place('11月20日,镇康县人民政府召开第13次常务会议。')).toBe('镇康县');
    expect(place('11月20日,政协歙县常委会议召开。')).toBe('歙县');
    // In a title, 代县长 is an acting county head, not 代县's.
    expect(place('11月20日,代县长李明主持召开县政府第50次常务会议。')).not.toBe('代县');
    // 推进乡 is no place the page names.
    expect(place('11月20日,推进乡(镇)监察工作动员会召开。阳明区委书记王明出席。')).not.toBe(
      '推进乡',
    );
  });

  it('reads a bare level as the jurisdiction of that level the page names most', () => {
    const place = (text: string): string | null | undefined =>
      recordsOf(text, '2021-12-02')[0]?.place;
    // 沈阳市 stands in document titles only, before no organ; 大连市 once.
    expect(
      place(
        '12月1日,市长吕志成主持召开市政府常务会议,审议《沈阳市城市安全风险综合监测方案》《沈阳市“十四五”消防专项规划》,听取大连市经验。',
      ),
    ).toBe('沈阳市');
    // 宁晋县 is named; 宁晋 alone is not read.
    expect(place('11月24日,县人大常委会召开第三十五次会议,听取宁晋县政府的报告。')).toBe('宁晋县');
    expect(place('11月24日,县人大常委会召开第三十五次会议,换出宁晋新气象。')).toBe('县');
    // 政府县长, 这次市政协: words before a level and its organ or head that name no place.
    expect(place('11月24日,县委副书记、政府县长王刚主持召开县政府第13次常务会议。')).toBe('县');
    expect(place('11月24日,市政协召开常委会议。这次市政协常委会议题是重点协商议题。')).toBe('市');
    // A city the page names only in its short form, not one whose short form is a word (大同).
    expect(place('镇江讯 市委常委会召开会议,研究镇江港口建设。')).toBe('镇江市');
    expect(place('市委常委会召开会议,要求实现世界大同。')).toBe('市');
    expect(place('市委副书记、市长宫镇江主持召开市政府常务会议。宫镇江强调,要抓落实。')).toBe('市');
    // So is a county named twice in its short form, not one whose short form is a word (资源) or
    // a province's name (河北: 河北区).
    expect(place('县政府召开第59次常务会议,研究修水连接线建设,要求修水连接线年内通车。')).toBe(
      '修水县',
    );
    expect(place('县委常委会召开会议,研究资源节约工作,强调资源利用。')).toBe('县');
    expect(place('区委常委会召开会议,学习河北经验,推广河北做法。')).toBe('区');
  });

  it('reads the place of a body with no level from its opening name or the page', () => {
    const place = (text: string): string | null | undefined =>
      recordsOf(text, '2021-12-02')[0]?.place;
    expect(place('12月1日,成都市规划工作汇报会召开,市长王伟出席。')).toBe('成都市');
    // A meeting named by its business only: the jurisdiction the page names most.
    expect(
      place(
        '12月1日,柞水县召开冬季安全生产工作推进会。县长王伟主持冬季安全生产工作推进会。柞水县各镇参加。',
      ),
    ).toBe('柞水县');
  });

  it('does not read words before an organ as a place', () => {
    // 下午区委, 召开县委, 并在市政府: the two characters before the level are no name.
    const place = (text: string): string | null | undefined =>
      recordsOf(text, '2026-01-20')[0]?.place;
    expect(place('2026119下午区委副书记、区长吴强主持召开区政府常务会议。')).toBe('区');
    expect(place('1月19日,县委书记马超主持召开县委常委会会议。会后召开县委专题会。')).toBe('县');
    expect(place('1月19日,市长王伟主持召开市政府常务会议,并在市政府会议室讲话。')).toBe('市');
    // A name the page gives twice counts.
    expect(
      place('1月19日,市长王伟主持召开市政府常务会议。会议听取了临汾市政府、临汾市委的汇报。'),
    ).toBe('临汾市');
  });

  it('files the body without the words and numbers it opens with', () => {
    const body = (text: string): string | null | undefined =>
      recordsOf(text, '2018-11-28')[0]?.body;
    expect(body('11月17日,区委书记张盈安主持召开第29次区委常委会。')).toBe('区委常委会');
    expect(body('11月27日,市委书记王伟主持召开了市委全面深化改革领导小组会议。')).toBe(
      '市委全面深化改革领导小组',
    );
    expect(body('6月30日,县委书记刘中英主持召开县十五届县委常委会第24次会议。')).toBe('县委常委会');
    expect(body('9月26日,区委网络安全和信息化委员会召开会议,区委书记裴承前主持会议并讲话。')).toBe(
      '区委网络安全和信息化委员会',
    );
  });

  it('files a numbered meeting that names no body of its own under the body that held it', () => {
    const r = recordsOf(
      '5月27日下午,新选出的县十五届人大四次会议主席团举行第一次会议。会议由张三主持。',
    );
    expect(r.map((x) => [x.body, x.ordinals])).toEqual([['县十五届人大四次会议主席团', [1]]]);
  });

  it('takes the year of a month-day date from the page when nothing else gives it', () => {
    expect(recordsOf('2017年工作要点。12月6日,市委书记许光友主持召开市委常委会。')[0]?.date).toBe(
      '2017-12-06',
    );
  });

  it('reads speakers who 要求 or 作…报告', () => {
    const r = recordsOf(
      '6月18日,自治区党委常委会召开。自治区党委书记马兴瑞作党代表会议有关情况的报告。区长陈清要求,要增强政治自觉。',
      '2022-06-19',
    );
    expect(r[0]?.speakers).toEqual(['马兴瑞', '陈清']);
  });

  it('reads a speaker whose titles follow the name of a place', () => {
    const r = recordsOf(
      '12月20日,区委召开第十三届委员会第五次全体会议。茂名市副市长、电白区委书记高雪山代表区委常委会作工作报告。',
    );
    expect(r[0]?.speakers).toEqual(['高雪山']);
  });

  it('reads a speaker whose topic (就…, 对…) holds 的 or a list before the cue', () => {
    const r = recordsOf(
      '3月1日,镇政府召开禁烧工作会议。镇长姜玉权对全镇的禁烧、防火工作进行了安排部署。王伟的讲话很好。',
    );
    expect(r[0]?.speakers).toEqual(['姜玉权']);
  });

  it('reads a list of speakers with what they are and how many (7名委员, 等委员)', () => {
    const opening = '3月1日,省政协召开十二届常委会第五次会议,省政协主席王强主持会议并讲话。';
    const counted = recordsOf(`${opening}杨浩祥、王启基、独金萍3名委员作大会发言。`);
    expect(counted[0]?.speakers).toEqual(['王强', '杨浩祥', '王启基', '独金萍']);
    const grouped = recordsOf(`${opening}杨浩祥、王启基等委员作大会发言。`);
    expect(grouped[0]?.speakers).toEqual(['王强', '杨浩祥', '王启基']);
  });

  it('reads speakers who 讲了话 after attending', () => {
    const r = recordsOf('1月9日,市政府召开安委会全体成员会议。副市长方小利出席会议并讲了话。');
    expect(r[0]?.speakers).toEqual(['方小利']);
  });

  it('reads a speaker who 向大会作…报告, not 向大会 as a name', () => {
    const r = recordsOf(
      '1月10日,县政协十届一次会议开幕。受县政协常委会委托,马凯向大会作常务委员会工作报告。',
      '2022-01-11',
    );
    expect(r[0]?.speakers).toEqual(['马凯']);
  });

  it('reads every speaker of a list that is the clause subject', () => {
    const r = recordsOf(
      '1月5日,市政协十届三次会议举行第二次全体会议。副市长杨文、市政协副主席张容分别作专题工作报告。王启明、刘海云、李青作大会发言。',
      '2024-01-06',
    );
    expect(r[0]?.speakers).toEqual(
      expect.arrayContaining(['杨文', '张容', '王启明', '刘海云', '李青']),
    );
  });

  it('reads a leaders’ list as the clause subject, also before 在会上 (市领导甲、乙在会上发言)', () => {
    const r = recordsOf(
      '1月22日,市长温国辉主持召开市政府专题工作会议。市领导陈志英、王东、黎明在会上发言。' +
        '县领导张三、李四、王五出席会议。',
      '2018-01-23',
    );
    expect(r[0]?.speakers).toEqual(['陈志英', '王东', '黎明']);
    expect(r[0]?.attendees).toEqual(['张三', '李四', '王五']);
    const bare = recordsOf(
      '7月17日,县长张昊主持召开县政府第二十六次常务会议。王岩、李玉宏、刘姝等领导出席会议。',
      '2024-07-18',
    );
    expect(bare[0]?.attendees).toEqual(['王岩', '李玉宏', '刘姝']);
  });

  it('reads no speaker from a list of places (宁波、绍兴、嘉兴、舟山、台州五市先后讲话)', () => {
    const r = recordsOf(
      '浙东经济合作区第二十四次市长联席会议在舟山召开。舟山市长温暖主持会议。' +
        '宁波、绍兴、嘉兴、舟山、台州五市先后围绕会议主题作了交流讲话。',
      '2019-06-01',
    );
    expect(r[0]?.speakers).toEqual([]);
  });

  it('reads no speaker from a list of departments (商务局、住建局、国调队分别汇报)', () => {
    const r = recordsOf(
      '10月9日,县委召开全县经济运行调度会。县长王学功主持会议。会上,县发改委、财政局、' +
        '商务局、住建局、国调队分别就各自领域指标完成情况作了汇报。',
      '2024-10-10',
    );
    expect(r[0]?.chairs).toEqual(['王学功']);
    expect(r[0]?.speakers).toEqual([]);
  });

  it.each([
    [
      'a list closed by 分别 before what they spoke on',
      '6月23日,市委召开会议。市委书记易炼红主持。会上,市委常委程水泉、文树勋分别就严肃换届工作纪律作出具体要求,李军传达了中央有关精神。',
      ['程水泉', '文树勋', '李军'],
    ],
    [
      'a title holding 工作 before 作…讲话',
      '8月11日,区委巡察工作动员部署会召开。区委巡察工作领导小组组长沈永兵作动员讲话。',
      ['沈永兵'],
    ],
    [
      'a bare name that spoke on behalf of a body',
      '1月10日,自治州人大一次会议开幕。根据会议议程,金之镇同志代表自治州人民政府作政府工作报告。',
      ['金之镇'],
    ],
    [
      'the speaker of a report the meeting heard',
      '3月25日,省人大常委会第十七次会议举行。会议听取了省人大内司委副主任委员陈东有所作的关于该草案的审查报告。',
      ['陈东有'],
    ],
    [
      'a speaker whose arrangements or emphases are framed (作了具体安排, 做了…重点强调)',
      '3月5日,县委召开常委会第12次会议。会上,党委委员黄恒湘同志就村级区划调整工作作了具体安排。' +
        '县委巡察办主任阳精华在会上做了3个方面的重点强调。',
      ['黄恒湘', '阳精华'],
    ],
    [
      'the speaker of a report on a topic the meeting heard (听取了…甲关于…的汇报)',
      '3月2日,市人大常委会举行第十九次会议。会议听取了市人大常委会副主任杨东方关于市十五届人大一次会议筹备工作的汇报。',
      ['杨东方'],
    ],
    [
      'no common word read as a bare name before a cue (全面部署, 全会要求, 周密部署, 代表提出)',
      '1月9日,区委七届七次全会举行。区委书记王明讲话。全会按照市委全会要求,全面部署2019年任务。' +
        '要周密部署会务安排。会议决定,代表提出议案截止时间为1月10日。',
      ['王明'],
    ],
    [
      'no speakers read from a list of tasks (文明创建、三线四边以及…等工作), only whoever introduced them',
      '3月6日下午,卢村乡政协工委召开第一季度工作例会,县政协副主席张华明出席例会。' +
        '座谈会上,张华明肯定了工委的工作,并对今年县委“1166”、文明创建、三线四边以及农村三大革命等工作一一介绍。',
      ['张华明'],
    ],
    [
      'a list of speakers closed by a count and 同志',
      '3月1日,市委理论学习中心组召开第5次学习会。肖晓华、黄山、刘各行三位同志作学习交流发言。',
      ['肖晓华', '黄山', '刘各行'],
    ],
    [
      'speakers who 说, 介绍 or answered the press',
      '1月10日,市十五届人大四次会议开幕。市人大常委会主任葛益平说,要凝心聚力。' +
        '市委党史研究室主任刘开林对专题内容进行了介绍。市政府秘书长马智杰回答了记者提问。',
      ['葛益平', '刘开林', '马智杰'],
    ],
    [
      'a speaker who 表示',
      '1月10日,县政协十届五次会议开幕。县委书记王明表示,要凝心聚力推动发展。',
      ['王明'],
    ],
  ])('reads the speakers: %s', (_shape, text, speakers) => {
    expect(recordsOf(text, '2025-01-11')[0]?.speakers).toEqual(speakers);
  });

  it('lists those presiding over a sitting (执行主席是:甲、乙) as attendees', () => {
    const r = recordsOf(
      '1月5日,市政协十四届二次会议闭幕。闭幕大会的执行主席是:郝宏军、曾波、王玲杰。郝宏军主持会议。',
      '2023-01-06',
    );
    expect(r[0]?.attendees).toEqual(expect.arrayContaining(['郝宏军', '曾波', '王玲杰']));
  });

  it('lists attendees named with no title before 在主席台就座', () => {
    const r = recordsOf(
      '8月12日,中共吉安市委三届十三次全会召开。市委书记王萍出席并讲话。王少玄、刘连根、余阳春在主席台就坐。',
      '2016-08-13',
    );
    expect(r[0]?.attendees).toEqual(expect.arrayContaining(['王少玄', '刘连根', '余阳春']));
    // A group joined to the list (,及其他主席团成员; 以及, whose 以 opens no names as 以…为 does; 等和),
    // and 应邀 (or 也, 一同) between the list and its cue, end the list without hiding it.
    const cases: Array<[string, string[]]> = [
      ['孙飚、杨川庆、张军勇,及其他主席团成员在主席台就座。', ['孙飚', '杨川庆', '张军勇']],
      [
        '庄劲松、齐应海、尼玛次仁、毛刚以及大会主席团其他成员在主席台就座。',
        ['庄劲松', '齐应海', '尼玛次仁', '毛刚'],
      ],
      [
        '毕力夫、孟宪东、张吉国等和大会主席团其他成员在主席台就座。',
        ['毕力夫', '孟宪东', '张吉国'],
      ],
      ['大会由陈茂荣主持。林先华、吴才平、吴柏青等应邀出席大会。', ['林先华', '吴才平', '吴柏青']],
    ];
    for (const [list, names] of cases)
      expect(
        recordsOf(`1月5日,市五届人大二次会议开幕。${list}`, '2022-01-05')[0]?.attendees,
      ).toEqual(names);
    // A rostrum's list grouped by rank with commas is one list; 主持开会 names no meeting of its own.
    const ranked = recordsOf(
      '1月29日,省第十三届人民代表大会第一次会议开幕。执行主席于绍良主持开会。蒋超良、王晓东,宋育英、杨松,陈一新、王艳玲在主席台就座。',
      '2018-01-29',
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.attendees).toEqual(
      expect.arrayContaining(['蒋超良', '王晓东', '宋育英', '杨松', '陈一新', '王艳玲']),
    );
    // A clause before the list that is more than names stays out of it.
    const clause = recordsOf(
      '1月5日,市人大五次会议开幕。会议由王强主持,孙飚、杨川庆在主席台就座。',
      '2022-01-05',
    );
    expect(clause[0]?.attendees).toEqual(['孙飚', '杨川庆']);
  });

  it('lists attendees after 出席…的…有: up to the sentence end, and a list a phrase with 的 opens', () => {
    const r = recordsOf(
      '1月10日,政协第九届某省委员会第四次会议开幕。大会由省政协副主席何林主持。' +
        '应邀出席大会的省领导有:省委书记石明,省委副书记、省长许强,省委常委王一、李二。' +
        '担任本届政协委员的省政协原副主席赵三、钱四,省政府秘书长孙五在主席台就座。' +
        '张六、周七,、吴八和部分老同志在主席台前排就座。',
      '2006-01-11',
    );
    expect(r[0]?.attendees).toEqual(
      expect.arrayContaining([
        '石明',
        '许强',
        '王一',
        '李二',
        '赵三',
        '钱四',
        '孙五',
        '张六',
        '周七',
        '吴八',
      ]),
    );
    expect(r[0]?.attendees).not.toContain('何林');
  });

  it('lists attendees with no title after 在主席台就座的领导还有:, and none after 的有关人员', () => {
    const r = recordsOf(
      '2月9日,市政协十四届一次会议开幕。市政协主席王祥芹主持会议。' +
        '应邀出席会议并在主席台就座的领导还有:马泽、兰胜强、徐明、姜翠萍。' +
        '列席本次会议的有关人员171名。',
      '2022-02-10',
    );
    expect(r[0]?.attendees).toEqual(['马泽', '兰胜强', '徐明', '姜翠萍']);
    // A name in the list that the page titles elsewhere hides none of the others.
    const known = recordsOf(
      '2月18日,县第十七届人民代表大会第五次会议开幕。县长杨韶辉向大会作政府工作报告。' +
        '在主席台就座的领导和老同志有:杨韶辉、曾艳梅、奉锡样、雷勇。',
      '2025-02-18',
    );
    expect(known[0]?.attendees).toEqual(['杨韶辉', '曾艳梅', '奉锡样', '雷勇']);
  });

  it('files attendees with the numbered meeting, not with a purpose clause before them', () => {
    const r = recordsOf(
      '7月28日,那劳镇第三届人民代表大会第一次会议闭幕。为了使大会顺利召开,镇里精心筹备。县委常委、宣传部部长农珍艳,县人大常委会选联工委主任王绍成出席会议,县人大常委会选联工委副主任欧学雄到场指导。',
      '2021-07-29',
    );
    expect(r).toHaveLength(1);
    expect(r[0]?.ordinals).toEqual([1]);
    expect(r[0]?.attendees).toEqual(['农珍艳', '王绍成', '欧学雄']);
  });

  it('reads the numbered meeting that opens a sentence as what closed in its last clause', () => {
    const r = recordsOf(
      '1月19日,海南省政协七届三次会议圆满完成各项议程,在省人大会堂胜利闭幕。省政协主席毛万春,秘书长王雄在主席台前排就座。',
      '2021-01-20',
    );
    expect(r.map((x) => [x.ordinals, x.attendees])).toEqual([[[3], ['毛万春', '王雄']]]);
    // How long it lasted may stand before the name (历时3天的, 为期四天半的); other words may not.
    const lasted = (lead: string) =>
      recordsOf(
        `3月11日下午,${lead}通辽市政协四届五次会议经全体委员共同努力,胜利闭幕。市政协主席高忱主持会议。`,
        '2021-03-12',
      ).map((x) => [x.ordinals, x.chairs]);
    expect(lasted('历时3天的')).toEqual([[[5], ['高忱']]]);
    expect(lasted('为期四天半的')).toEqual([[[5], ['高忱']]]);
    expect(lasted('备受关注的')).toEqual([]);
  });

  it('reads a session that completed its agenda as held, and its duration as no part of its name', () => {
    const closed = (sentence: string) =>
      recordsOf(`2月26日上午,${sentence}会议应到委员172人。`, '2016-02-27').map((x) => [
        x.body,
        x.ordinals,
      ]);
    expect(closed('政协天水市秦州区第七届委员会第五次会议完成各项议程后胜利闭幕。')).toEqual([
      ['政协天水市秦州区委员会', [5]],
    ]);
    expect(closed('莲花山乡第十一届人民代表大会第七次会议圆满完成了各项议程。')).toEqual([
      ['莲花山乡人民代表大会', [7]],
    ]);
    // 为期3天的会议 is the session already named, not a meeting of its own.
    expect(
      closed('文龙镇第二届人民代表大会第二次会议闭幕,为期3天的会议圆满完成了各项议程。'),
    ).toEqual([['文龙镇人民代表大会', [2]]]);
  });

  it("reads a session from its groups' deliberation, not from a report on it", () => {
    const sessions = (sentence: string) =>
      recordsOf(`12月28日,${sentence}`, '2023-12-29').map((x) => [x.body, x.ordinals]);
    expect(sessions('县领导王金柱、刘子龙分别参加县政协十一届五次会议有关分组进行讨论。')).toEqual([
      ['县政协', [5]],
    ]);
    expect(sessions('市长罗庆伍参加市二届人大五次会议芒康和察雅代表团的审议。')).toEqual([
      ['市人大', [5]],
    ]);
    expect(sessions('会议听取了市政协九届四次会议各组讨论情况的汇报。')).toEqual([]);
    expect(sessions('市人大五届四次会议将分组审议政府工作报告。')).toEqual([]);
  });

  it('lists attendees of a list with 等 and 列席', () => {
    const r = recordsOf(
      '6月3日,区委书记周明主持召开区委常委会会议。区领导吴刚、郑洁、王磊等出席会议,区纪委书记冯涛列席会议。',
      '2023-06-04',
    );
    expect(r[0]?.attendees).toEqual(['吴刚', '郑洁', '王磊', '冯涛']);
  });
});

describe('meeting records: one meeting named in several ways', () => {
  it('merges a plain mention with the numbered one and keeps the number', () => {
    const r = recordsOf(
      '市政协召开主席会议 李刚主持\n1月2日下午,市政协召开第十一次主席会议。市政协主席李刚主持。',
      '2024-01-03',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [11], chairs: ['李刚'], date: '2024-01-02' });
  });

  it("merges a headline's 区委常委会 with the Party committee's full name (中共…区委员会)", () => {
    const r = recordsOf(
      '区委常委会召开扩大会议\n6月5日,中共盘锦市大洼区第二届委员会召开第199次常委会(扩大)会议。区委副书记齐东风主持会议并讲话。',
      '2025-06-06',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [199], chairs: ['齐东风'], speakers: ['齐东风'] });
    // 政协…委员会 is no Party committee: its standing committee is another meeting.
    expect(
      recordsOf(
        '县委常委会召开会议\n6月5日,县委召开常委会会议。县委书记王明主持。政协某县委员会召开第9次常委会会议。',
        '2025-06-06',
      ),
    ).toHaveLength(2);
  });

  it("merges a headline's 县政协召开党组会议 with the text's bare 召开党组会议", () => {
    const r = recordsOf(
      '县政协召开党组会议\n2月22日下午,县政协党组书记、主席赵强主持召开党组会议,党组成员董玉龙、周增云出席会议。',
      '2020-02-22',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ body: '县政协党组', chairs: ['赵强'] });
    expect(r[0]!.attendees).toEqual(expect.arrayContaining(['董玉龙', '周增云']));
  });

  it("merges a headline's name and the text's that differ by one character, not a numeral", () => {
    const one = recordsOf(
      '葛仙庄镇召开洁净煤保供、劣质散煤管控工作会议\n10月30日,葛仙庄镇召开洁净煤保供、劣质煤管控工作会议,会议由镇党委书记吴越主持。',
      '2019-10-31',
    );
    expect(one).toHaveLength(1);
    expect(one[0]!.chairs).toEqual(['吴越']);
    // 第二批 and 第二十批: a numeral more tells two meetings apart.
    expect(
      recordsOf(
        '10月30日,县里召开全县第二批主题教育总结会。县长吴越主持。会后县里召开全县第二十批主题教育总结会。副县长王明主持。',
        '2019-10-31',
      ),
    ).toHaveLength(2);
  });

  it('files a sitting named alone after its session (预备会议, 选举大会) under the session', () => {
    const r = recordsOf(
      '1月10日,政协永春县第十届委员会第五次会议闭幕。1月9日下午,大会召开选举大会。县政协副主席张延年主持选举大会。县领导吕建成、张照绿出席选举大会。',
      '2024-01-11',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [5], chairs: ['张延年'] });
    expect(r[0]!.attendees).toEqual(expect.arrayContaining(['吕建成', '张照绿']));
    const numbered = recordsOf(
      '1月30日,海口市龙华区第七届人民代表大会第五次会议开幕。1月31日,大会第三次全体会议召开。区人大常委会主任王明主持会议。区领导董孟清、林芊出席会议。',
      '2024-02-01',
    );
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toMatchObject({ ordinals: [5], chairs: ['王明'] });
    const deputies = recordsOf(
      '7月18日下午,界首市第十六届人民代表大会第六次会议开幕,并举行第一次全体代表会议。大会执行主席何逢阳主持大会。',
      '2024-07-19',
    );
    expect(deputies.map((x) => x.ordinals)).toEqual([[6]]);
    // Without a session before it, a 选举大会 is a meeting of its own.
    expect(
      recordsOf('1月9日下午,县总工会召开选举大会。工会主席王明主持。', '2024-01-11'),
    ).toHaveLength(1);
  });

  it("merges a headline's meeting of a named place with the text's 全市 meeting of one topic", () => {
    const r = recordsOf(
      '黄石市法院院长会议在市中院召开\n8月28日,全市法院院长会议在市中院召开。会议由市中院副院长王又明主持。',
      '2017-08-29',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ chairs: ['王又明'], date: '2017-08-28' });
    // Two named places' meetings of one kind stay two.
    expect(
      recordsOf(
        '自贡市委召开常委(扩大)会议,强调发展。\n德阳市委召开常委(扩大)会议,强调开放。',
        '2018-07-03',
      ),
    ).toHaveLength(2);
  });

  it('reads meetings whose name closes the clause with 开幕 or 闭幕, a place between', () => {
    const r = recordsOf(
      '1月14日下午,政协某某省第十一届委员会第五次会议在昆明海埂会堂隆重开幕。省政协主席罗正富主持会议并宣布开幕。',
      '2019-01-15',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ type: 'session', term: 11, ordinals: [5], date: '2019-01-14' });
    expect(r[0]!.chairs).toEqual(['罗正富']);
  });

  it('reads the speaker named in the clause saying who commissioned the speech', () => {
    const r = recordsOf(
      '1月20日,县第十届人民代表大会第五次会议开幕。县委书记许达受县委常委会委托,向全会作工作报告。',
      '2024-01-21',
    );
    expect(r[0]?.speakers).toEqual(['许达']);
  });

  it('reads the speaker named in the clause saying whom they spoke for (代表…常务委员会，向大会…)', () => {
    const [r] = recordsOf(
      '2月26日,政协第十三届济南市委员会第一次会议开幕。十二届市政协主席徐长玉代表政协第十二届济南市委员会常务委员会,向大会报告工作。',
      '2012-02-27',
    );
    expect(r?.speakers).toEqual(['徐长玉']);
    // The term his title opens with is no part of the record's place.
    expect(r?.place).toBe('济南市');
  });

  it('reads no meeting in a place named 会议中心 or 会议室, and ends the name before it', () => {
    const r = recordsOf(
      '2月20日上午,市政协九届五次会议圆满完成各项议程,于2月20日上午在华玺大酒店国际会议中心胜利闭幕。' +
        '1月31日下午,市市场监督管理局局长办公会在705会议室召开。',
      '2016-02-21',
    );
    expect(r.map((x) => x.body)).not.toContainEqual(expect.stringContaining('国际会'));
    expect(r.map((x) => x.body)).toContain('市市场监督管理局局长办公会');
  });

  it('makes no record of a greeting, a nominal 召开 or a described meeting', () => {
    const r = recordsOf(
      '8月21日,区政协十五届四次会议开幕。区委书记黄茂军等出席并在主席台就座,祝贺大会召开。' +
        '黄茂军代表区委向大会的胜利召开表示祝贺。本次会议是在全区发展关键之际召开的一次十分重要的会议。',
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.ordinals).toEqual([4]);
  });

  it('makes no record of a meeting a clause wishes for (确保会议顺利召开, 迎接…胜利召开)', () => {
    const r = recordsOf(
      '12月5日,区委召开常委会会议,研究区人代会筹备工作。区委书记王明主持会议。' +
        '各部门周密部署会务安排,加强协作配合,确保会议顺利召开。全区人民以优异成绩迎接党的二十大胜利召开。',
    );
    expect(r.map((x) => x.body)).toEqual(['区委常委会']);
    // A purpose in an earlier clause leaves the report alone.
    const held = recordsOf(
      '为了认真落实县会议精神,确保森林资源安全,13日上午,蓝桥镇召开了森林防火工作会。',
    );
    expect(held).toHaveLength(1);
  });

  it("takes the owner of a bare 党组 or 党委 from its chair's title", () => {
    const r = recordsOf(
      '10月18日,市人大常委会党组书记、主任叶万生主持召开党组会议,传达学习有关会议精神。',
      '2019-10-18',
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.body).toBe('市人大常委会党组');
  });

  it('files a headline naming the organ and kind under the numbered meeting of the lead', () => {
    const r = recordsOf(
      '张壮主持召开市政府常务会议研究部署有关事项\n' +
        '4月3日下午,市长张壮主持召开市十五届人民政府第46次常务会议,传达学习有关讲话精神。',
      '2023-04-04',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [46], chairs: ['张壮'] });
  });

  it("reads a 党组 meeting as its convener's (省政协召开党组会议 → 省政协党组)", () => {
    const r = recordsOf(
      '省政协召开党组会议\n3月1日,省政协党组书记、主席柯尊平主持召开省政协党组第56次会议,传达学习有关精神。',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ body: '省政协党组', ordinals: [56] });
  });

  it('files a closing sitting (闭幕大会) under its numbered session', () => {
    const r = recordsOf(
      '2019年1月17日下午,政协第十三届广州市委员会第三次会议举行闭幕大会。市政协主席刘悦伦主持闭幕大会。' +
        '市领导张硕辅、温国辉出席闭幕大会。',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ ordinals: [3], chairs: ['刘悦伦'] });
    expect(r[0]!.attendees).toEqual(['张硕辅', '温国辉']);
  });

  it('makes no record of a session named as a time (闭幕时) or a meeting agreed on (原则同意近期召开)', () => {
    const r = recordsOf(
      '3月1日,县长王丰鹏主持召开县政府第59次常务会。会议传达市委书记钟利贵在市十三届人大四次会议闭幕时的讲话精神。' +
        '会议原则同意近期召开县政协十四届七次常委会议。',
    );
    expect(r.map((x) => x.ordinals)).toEqual([[59]]);
    // A meeting named before 时 is still the one held (主持召开…常务会议时强调).
    expect(recordsOf('市长谭君铁昨日下午主持召开市政府常务会议时强调,要抓好落实。')).toHaveLength(
      1,
    );
  });

  it('files a preparatory sitting under its numbered session', () => {
    const r = recordsOf('12月25日下午,市八届人大五次会议召开预备会议。', '2023-12-26');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ type: 'session', term: 8, ordinals: [5] });
  });

  it('keeps apart two bodies’ sessions with one number but different terms', () => {
    const r = recordsOf(
      '2日,柴旦镇召开第十四届人民代表大会第六次会议。3日,锡铁山镇召开第七届人民代表大会第六次会议。',
    );
    expect(r.map((x) => [x.term, x.ordinals])).toEqual([
      [14, [6]],
      [7, [6]],
    ]);
  });

  it('reads no meeting from the related links after the article', () => {
    const r = recordsOf(
      '8月9日,金集镇召开第十六届人民代表大会第三次会议。镇长王明作政府工作报告。\n' +
        '上一篇:天长市金集镇人大组织代表开展视察活动\n下一篇:秦栏镇召开第十六届人民代表大会第四次会议',
    );
    expect(r.map((x) => x.ordinals)).toEqual([[3]]);
  });

  it('files a sitting under its session when where it sat stands between', () => {
    const r = recordsOf(
      '1月2日下午,漳州市十七届人大二次会议在市人民剧场举行预备会。',
      '2023-01-03',
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ type: 'session', term: 17, ordinals: [2] });
    // A side meeting the session holds is no sitting: it keeps its own record.
    const side = recordsOf('2月9日,县十七届人大二次会议举行召集人会议。');
    expect(side.map((x) => x.ordinals)).toEqual([[]]);
  });

  it('keeps a 会 inside a name and 主持并讲话 from making meetings', () => {
    const r = recordsOf('市委常委会召开会议。市委书记周祖翼主持并讲话。市委常委刘会军作说明。');
    expect(r).toHaveLength(1);
    expect(r[0]!.speakers).toEqual(expect.arrayContaining(['周祖翼', '刘会军']));
  });

  it('makes a record of the first meeting named as held even when described (召开的)', () => {
    const r = recordsOf(
      '日前召开的自治区党委常委会议决定,全会将于6月26日召开。自治区党委书记陈全国主持会议。',
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.body).toContain('常委会');
  });
});

describe('meeting records: places', () => {
  it('reads no place from the words before an organ (听取了区委, 通过了市)', () => {
    const r = recordsOf(
      '11月17日,区委召开第29次常委会会议。会议听取了区委组织部关于工作的汇报,听取了区政府党组的汇报。',
      '2015-11-18',
    );
    expect(r[0]!.place).toBe('区');
  });

  it('reads no place from a modifier opening a title (代理区长) or from 任命 before an organ', () => {
    expect(
      recordsOf('2月9日,区政府第128次常务会召开。代理区长王明主持会议。', '2021-02-10')[0]!.place,
    ).toBe('区');
    const r = recordsOf(
      '5月13日,县人大常委会第28次会议召开。会议决定:任命县委副书记纪道清同志为县人民政府副县长。',
      '2016-05-14',
    );
    expect(r[0]!.place).toBe('县');
  });

  it("takes the place a site's address names in pinyin when the text gives only the level", () => {
    const text = '1月5日,县委召开常委会会议。县委书记王明主持会议。';
    const placesAt = (url: string, t = text): Array<string | null> =>
      (annotate({ text: t, url, published: '2024-01-06' }).meetings ?? []).map((r) => r.place);
    expect(placesAt('http://www.shenqiu.gov.cn/news/1.html')).toEqual(['沈丘县']);
    // The text's own name comes first; a place of another level is no answer; nor a newspaper.
    expect(placesAt('http://www.shenqiu.gov.cn/1.html', `临朐县委召开常委会。${text}`)).toEqual([
      '临朐县',
    ]);
    expect(placesAt('http://www.shenqiu.gov.cn/1.html', text.replaceAll('县', '市'))).toEqual([
      '市',
    ]);
    expect(placesAt('https://xinmin.cn/1.html', text.replaceAll('县', '市'))).toEqual(['市']);
    expect(placesAt('not an address')).toEqual(['县']);
    expect(placesAt('http://constructor.tostring.example/1.html')).toEqual(['县']);
  });

  it("reads no place from a caption's 图为 or a democratic party's name before an organ", () => {
    const text =
      '3月5日,市政协召开常委征求意见会。市政协主席王明主持。图为市政协常委发言。民革市委、农工党市委、九三学社市委负责人参加。民革市委主委李强发言。';
    expect(recordsOf(text, '2021-03-06')[0]!.place).toBe('市');
  });

  it('reads no place from a term or a joined name before an organ (十三届州政协, 会议暨区政府)', () => {
    const term =
      '十三届州政协党组第17次会议召开\n3月8日,州政协主席向秋主持召开十三届州政协党组第17次会议。';
    expect(recordsOf(term, '2021-03-09')[0]!.place).toBe('州');
    const joined =
      '区政府召开全体会议\n7月5日,区长王程主持召开区政府第四次全体(扩大)会议暨区政府廉政工作会议,会议暨区政府全体会议精神。';
    expect(recordsOf(joined, '2021-07-06').map((r) => r.place)).toEqual(['区', '区']);
  });
});

/** Each record's ordinals and date, in order. */
const datesOf = (text: string, published?: string): Array<[number[], string | null]> =>
  recordsOf(text, published).map((m) => [m.ordinals, m.date]);

/** Each case's records as `datesOf` gives them: the text, its publication day, the records' dates. */
function expectDates(
  cases: ReadonlyArray<[string, string | undefined, Array<[number[], string | null]>]>,
): void {
  for (const [text, published, want] of cases) expect(datesOf(text, published)).toEqual(want);
}

describe('meeting records: dates', () => {
  it('takes the date that opens a sentence after a headline that gives none', () => {
    expectDates([
      [
        '市政协十四届四次会议闭幕\n1月28日下午,会议圆满完成各项议程。',
        '2024-01-29',
        [[[4], '2024-01-28']],
      ],
      // A dateline may open the lead before its date.
      [
        '市政协召开第二十一次常委会议\n天津北方网讯:5月18日,市政协第二十一次常委会议第二次全体会议围绕发展协商议政。',
        '2017-05-19',
        [[[21], '2017-05-18']],
      ],
    ]);
  });

  it('dates a meeting from a day written between its name and its cue', () => {
    expectDates([
      [
        '中新网3月9日电 政协第十一届广州市白云区委员会第二次会议8日在广州开幕。',
        '2022-03-09',
        [[[2], '2022-03-08']],
      ],
      // A session's opening and closing days are one session, not two records.
      [
        '市政协十四届二次会议13日开幕。会议听取了工作报告。1月15日,市政协十四届二次会议闭幕。',
        '2024-01-16',
        [[[2], '2024-01-13']],
      ],
    ]);
  });

  it('reads past when a meeting was held, between its name and the cue', () => {
    expectDates([
      [
        '宁波市鄞州区第十六届人民代表大会常务委员会第二十四次会议于 2010年1月12日举行。区人大常委会主任陈明志出席会议。',
        undefined,
        [[[24], '2010-01-12']],
      ],
      [
        '本网拉萨11月28日讯 自治区十届人大常委会第二十七次会议今天在拉萨召开。自治区人大常委会主任白玛赤林主持会议。',
        '2013-11-28',
        [[[27], '2013-11-28']],
      ],
      [
        '政协敦化市第十二届委员会第五次会议于12月19日至22日上午隆重举行。',
        '2015-12-24',
        [[[5], '2015-12-19']],
      ],
      // A dateline may stand before the lead's date when the session's name opens the sentence.
      [
        '东北网鸡西2月25日讯 2月24日下午,政协鸡西市第十届委员会第四次会议圆满完成大会的各项议程,胜利闭幕。',
        '2010-02-25',
        [[[4], '2010-02-24']],
      ],
      // Words that say more than when stay a gap too long for the name to be what was held.
      ['市政协十四届二次会议精神传达到各乡镇后召开。', '2024-01-16', []],
    ]);
  });

  it('dates a day written alone by the publication month, or the month the sentence names', () => {
    const held = '28日,市长张玉杰主持召开市政府党组会议。';
    expect(datesOf(held, '2025-10-28')).toEqual([[[], '2025-10-28']]);
    // A day later than the publication's is in the month before; without one, no date.
    expect(datesOf(held, '2025-11-02')).toEqual([[[], '2025-10-28']]);
    expect(datesOf(held)).toEqual([[[], null]]);
    // The end of a range is no date of its own; a span of days is no date at all.
    expect(
      datesOf('2022年5月27日至31日,中国共产党重庆市第六次代表大会召开。', '2022-06-01'),
    ).toEqual([[[6], '2022-05-27']]);
    expect(findDates('30日内完成', 0, 5, '2024-06-01')).toEqual([]);
    const text = '2024年5月2日和3日';
    expect(findDates(text, 0, text.length, '2024-08-10').map((d) => d.iso)).toEqual([
      '2024-05-02',
      '2024-05-03',
    ]);
  });
});

describe('meeting records: people', () => {
  it('reads an attendees list that runs over several clauses of titles and names', () => {
    const r = recordsOf(
      '1月28日下午,市政协十四届四次会议闭幕。市委书记张超超,市委副书记、市长马宇骏,市领导李雪荣、赵尔全出席。市政协主席张业主持会议。',
      '2024-01-29',
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.attendees).toEqual(['张超超', '马宇骏', '李雪荣', '赵尔全']);
    expect(r[0]!.chairs).toEqual(['张业']);
  });

  it('reads the bare names before 等 and a group whose 领导 could open the cue (甲、乙等区领导参加)', () => {
    const r = recordsOf('3月3日,区政府召开第2次区长办公会。郭秋香、汪旭霞、段昊等区领导参加会议。');
    expect(r[0]!.attendees).toEqual(['郭秋香', '汪旭霞', '段昊']);
  });

  it('reads no meeting held from one whose holding is a rule or a goal (召开制度; 为党代会召开打下基础)', () => {
    expect(
      recordsOf(
        '3月3日,区政府召开第2次区长办公会。会议进一步完善了会议召开制度。要精心筹备,为党代会召开打下坚实的基础。',
      ),
    ).toHaveLength(1);
    // 研究了…动员会召开事宜: the matters of a meeting to come.
    const matters = recordsOf(
      '9月19日,市政协主席潘赛新主持召开市政协党组会议。会议研究了市政协主题教育动员会召开事宜。潘赛新要求,要抓好落实。',
    );
    expect(matters).toHaveLength(1);
    expect(matters[0]!.speakers).toEqual(['潘赛新']);
    // 以召开…为契机 is an occasion, 会议召开目的 a purpose: neither reports a meeting held.
    expect(
      recordsOf(
        '3月3日,区政府召开第2次区长办公会。要以召开省第九次党代会为契机,加快发展。通过会议,达到了会议召开目的。',
      ),
    ).toHaveLength(1);
  });

  it('reads every chair of a list that is the clause subject (甲、乙分别主持)', () => {
    const r = recordsOf(
      '3月1日,市十三届人大常委会第三十六次会议召开。市人大常委会主任吴敏、副主任韩晓方分别主持会议。',
    );
    expect(r[0]!.chairs).toEqual(['吴敏', '韩晓方']);
  });

  it('reads chairs listed over clauses, one title each (主任甲，副主任乙分别主持; 会议由甲，乙主持)', () => {
    const r = recordsOf(
      '1月29日,市七届人大常委会第三十六次会议召开。市人大常委会主任蒋晓强,市人大常委会副主任安志宏分别主持第一、二次全体会议。',
    );
    // The sittings numbered 第一、二次 are no meeting of their own.
    expect(r).toHaveLength(1);
    expect(r[0]!.chairs).toEqual(['蒋晓强', '安志宏']);
    const by = recordsOf(
      '2月29日,州十二届人大常委会第一次会议在吉首召开。会议由州人大常委会主任刘路平,副主任秦湘赛主持,副主任李万松、董道平出席。',
    );
    expect(by[0]!.chairs).toEqual(['刘路平', '秦湘赛']);
    expect(by[0]!.attendees).toEqual(['李万松', '董道平']);
  });

  it('reads every chair of a list of officials right before 主持 (主席团常务主席甲、乙、丙主持会议)', () => {
    const r = recordsOf(
      '1月4日,市十五届人大一次会议开幕。大会主席团常务主席江凌、徐衣显、杨骁主持会议并在主席台前排就座。',
    );
    expect(r[0]!.chairs).toEqual(['江凌', '徐衣显', '杨骁']);
  });

  it('reads speakers who did something first (出席会议并讲话) or 宣讲, 传达, 致辞', () => {
    const r = recordsOf(
      '12月25日,自治区政协召开十一届二十次主席会议。崔波出席会议并讲话。县委宣讲团成员胡逸宣讲了全会精神。县委常委、办公室主任郭振光传达了市党代会精神。' +
        '本次大会首先由该镇党委书记吴黎明同志致开幕词。',
      '2018-12-26',
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.speakers).toEqual(['崔波', '胡逸', '郭振光', '吴黎明']);
  });
});

describe('findDates', () => {
  it('takes the year before for a month after the publication', () => {
    const [d] = findDates('12月30日', 0, 6, '2024-01-03');
    expect(d?.iso).toBe('2023-12-30');
  });
  it('rejects impossible days', () => {
    expect(findDates('2月30日', 0, 5, '2024-03-01')[0]?.iso).toBeUndefined();
  });
  it('reads a date whose 月 the page lost (1231日下午, 827日上午), not one that reads two ways', () => {
    const isos = (t: string): Array<string | undefined> =>
      findDates(t, 0, t.length, '2021-12-31').map((d) => d.iso);
    expect(isos('委员们,1231日下午,我校在礼堂召开大会。')).toEqual(['2021-12-31']);
    expect(isos('城市创建工作,827日上午,新新街道召开会议。')).toEqual(['2021-08-27']);
    // 114日: 1月14日 or 11月4日; 攻坚120日: a span of days.
    expect(isos('会议于114日在兰州召开。').filter(Boolean)).toEqual([]);
    expect(isos('开展攻坚120日行动。')).toEqual([]);
  });
});

describe('publicationFromUrl', () => {
  it('reads a year and month written with dashes before other digits', () => {
    expect(publicationFromUrl('http://nose99.com/html/llwzzxzxx2017-12-0814874.html')).toBe(
      '2017-12',
    );
  });

  it('reads a day or a year and month from an address', () => {
    expect(publicationFromUrl('http://x.gov.cn/art/2021/6/4/t20210604_1.html')).toBe('2021-06-04');
    expect(publicationFromUrl('https://a.cn/news/local/2021-06-07/22953.html')).toBe('2021-06-07');
    expect(publicationFromUrl('http://tibet.cn/cn/Instant/local/202201/x.html')).toBe('2022-01');
    expect(publicationFromUrl('http://www.hbtctv.cn/p/55171.html')).toBeUndefined();
  });

  it('reads a day from unpadded path parts, a timestamp or a year folder and month-day', () => {
    expect(publicationFromUrl('http://x.gov.cn/DocHtml/1/2013/5/24/00001042.html')).toBe(
      '2013-05-24',
    );
    expect(publicationFromUrl('http://x.cn/news/zjc/2016122916275341261.htm')).toBe('2016-12-29');
    expect(publicationFromUrl('http://x.gov.cn/new.aspx?id=2026012200000003')).toBe('2026-01-22');
    expect(publicationFromUrl('http://www.x.cn/html/2011/ls_1211/11160.shtml')).toBe('2011-12-11');
    // An id that is no date and time of day, and a month 24, give nothing.
    expect(publicationFromUrl('http://x.cn/public/2000000951/2018240541.html')).toBeUndefined();
    expect(publicationFromUrl('http://x.cn/a/20181399887766.html')).toBeUndefined();
  });
  it('gives month-day dates a year from a year and month', () => {
    expect(findDates('3月5日', 0, 4, '2022-03')[0]?.iso).toBe('2022-03-05');
  });
});

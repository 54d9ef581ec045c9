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

  it('reads each speaker of a list of what was heard, each item with its title in 《》', () => {
    expect(
      speakersOf(
        `${opening}会议听取审议了镇长张艳清所作《政府工作报告》和镇人大主席沈凯所作的《人大工作报告》,选举产生了副镇长。`,
      ),
    ).toEqual([['张艳清', '沈凯']]);
    expect(
      speakersOf(
        `${opening}会议听取了省人大常委会副主任李强作的关于《条例(草案)》审议结果的报告、省民政厅厅长王刚作的《关于换届选举的说明》。`,
      ),
    ).toEqual([['李强', '王刚']]);
  });

  it('reads no speaker whose work a place reported on (听取了娄底市贯彻落实…情况汇报)', () => {
    expect(
      speakersOf(
        `${opening}会议听取了娄底市贯彻落实习近平总书记关于湖南工作重要讲话和指示批示情况汇报。`,
      ),
    ).toEqual([[]]);
  });
});

describe('meeting records: speakers named after what was heard', () => {
  it('reads a bare name with 同志 after what the meeting heard (听取了甲同志作的报告)', () => {
    expect(
      speakersOf(
        '4月24日,洽湾镇第二届人民代表大会第二次会议召开。大会听取并审议了吴新欣同志代表镇政府作的《政府工作报告》。',
      ),
    ).toEqual([['吴新欣']]);
    expect(speakersOf(`${opening}会议听取了李三同志所作的关于经济发展情况的报告。`)).toEqual([
      ['李三'],
    ]);
  });

  it('reads a titled speaker whose reading the meeting heard (审议了主任委员甲宣读的《…》)', () => {
    expect(
      speakersOf(
        `${opening}会议审议了省人大法制委员会主任委员牟怀善宣读的《节约用水条例(草案修改稿)》。`,
      ),
    ).toEqual([['牟怀善']]);
  });

  it('reads no speaker from what an official’s speech said unless the meeting heard it', () => {
    expect(speakersOf(`${opening}会议要求,按照省委副书记王刚讲话的要求抓好落实。`)).toEqual([[]]);
  });

  it('takes no name from a list closed by 等 (王琦等同志作了供职报告)', () => {
    expect(speakersOf(`${opening}会上,王琦等同志作了供职报告。`)).toEqual([[]]);
  });
});

describe('meeting records: what a heard official put forward', () => {
  it('reads no speaker in one who put forward a bill another explained (提出的任免案的说明)', () => {
    expect(
      speakersOf(`${opening}会议听取了省人民政府省长尹力向省人大常委会提出的任免案的说明。`),
    ).toEqual([[]]);
  });
});

describe('meeting records: topics heard from a speaker', () => {
  it('reads the official whose 关于…的说明 or 报告 the meeting heard or deliberated', () => {
    expect(
      speakersOf(
        `${opening}会议听取了中央统战部部长尤权关于政协第十三届全国委员会主席、副主席、秘书长、常务委员候选人名单(草案)的说明。`,
      ),
    ).toEqual([['尤权']]);
    expect(
      speakersOf(`${opening}会议审议了提案审查委员会主任李智勇关于提案审查情况的报告(草案)。`),
    ).toEqual([['李智勇']]);
  });

  it('reads no speaker from a topic nothing heard, nor from an agenda to come', () => {
    expect(speakersOf(`${opening}会议传达学习了习近平总书记关于统一战线工作的重要讲话。`)).toEqual([
      [],
    ]);
    expect(
      speakersOf(
        `${opening}据悉,下次会议将审议省长甲乙丙关于政府工作的报告;审议省人大常委会副主任彭友东关于常委会工作的报告。`,
      ),
    ).toEqual([[]]);
  });

  it('still reads a 汇报 cue after a topic that opens its clause (甲关于…的汇报)', () => {
    expect(speakersOf(`${opening}省发改委主任王刚关于全省经济运行情况的汇报。`)).toEqual([
      ['王刚'],
    ]);
  });
});

describe('meeting records: an introduction delivered, and a town that reported', () => {
  it('reads whoever delivered 关于…的介绍 as a speaker', () => {
    expect(
      speakersOf(
        `${opening}会议听取了省委常委、组织部部长胡立杰作的关于提名候选人建议人选的介绍。`,
      ),
    ).toEqual([['胡立杰']]);
  });

  it('reads no speaker in a town that gave a report, but one in a comrade of that shape', () => {
    expect(
      speakersOf(
        '10月22日,东辽县政府在平岗镇召开了全县机械深松整地现场会。平岗镇做了经验介绍,县长王刚讲话。',
      ),
    ).toEqual([['王刚']]);
    expect(
      speakersOf('1月10日,自治州人大一次会议开幕。金之镇同志代表自治州人民政府作报告。'),
    ).toEqual([['金之镇']]);
  });

  it('reads whoever delivered what the meeting deliberated and passed (审议并通过了甲宣读的《…》)', () => {
    expect(
      speakersOf(`${opening}会议审议并通过了市人大常委会秘书长高少安宣读的《代表资格审查报告》。`),
    ).toEqual([['高少安']]);
  });

  it('reads whoever led the reading of a study session (领学)', () => {
    expect(
      speakersOf(
        '3月6日,县委中心组召开集中学习会。县委常委、县纪委书记李元虎领学了《问责条例》实施办法。',
      ),
    ).toEqual([['李元虎']]);
  });

  it('reads no speaker in a surname and a post (周书记作了重要讲话)', () => {
    expect(
      speakersOf('10月8日,农安镇召开安全生产会议。周书记作了重要讲话,武主任通报了情况。'),
    ).toEqual([[]]);
  });
});

describe('meeting records: lists of speakers whose speeches the meeting heard', () => {
  it('reads every name of a list of what was heard, the first after the lead and the last after 和', () => {
    expect(
      speakersOf(
        `${opening}大会听取了金雪梅、杨传喜、李玲和周学玲委员关于发挥文化魅力推进乡村振兴的发言。`,
      ),
    ).toEqual([['金雪梅', '杨传喜', '李玲', '周学玲']]);
    expect(speakersOf(`${opening}会议听取了张海、李明、王强的发言。`)).toEqual([
      ['张海', '李明', '王强'],
    ]);
    // Officials' mentions before what they delivered, 同志 outside the mentions.
    expect(
      speakersOf(`${opening}会议听取了主任张海涛同志、副主任李明华同志关于工作的报告。`),
    ).toEqual([['张海涛', '李明华']]);
  });

  it('reads no speaker whose speech was heard as a recording, nor the owner of a bill someone read', () => {
    expect(speakersOf(`${opening}与会人员共同听取了市委书记王子联、市长于强的讲话录音。`)).toEqual([
      [],
    ]);
    expect(
      speakersOf(
        `${opening}会议审议了市容环境管理委员会主任史晓成宣读的市长李盛霖关于提请审议《条例(草案)》的议案及所作的说明。`,
      ),
    ).toEqual([['史晓成']]);
  });
});

describe('meeting records: a speaker whose first title lost its organ', () => {
  it('reads the speaker after the organ the mention left out, not a name-first mention after a verb', () => {
    expect(
      speakersOf(
        '1月7日,苏州市姑苏区第一届人民代表大会第一次会议开幕。苏州国家历史文化名城保护区党工委副书记、管委会主任、姑苏区委副书记、姑苏区区长沈志栋代表姑苏区人民政府向大会作政府工作报告。',
      ),
    ).toEqual([['沈志栋']]);
    expect(speakersOf(`${opening}会议学习了中央政治局习近平总书记讲话。`)).toEqual([[]]);
  });
});

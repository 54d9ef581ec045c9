import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';

/** The speakers of each record of a made-up report. */
function speakersOf(text: string): string[][] {
  return (annotate({ text, published: '2024-03-02' }).meetings ?? []).map((r) => r.speakers);
}

const opening = '1月13日,县政协十届四次会议举行第二次全体会议。';

describe('meeting records: lists of speakers', () => {
  it('reads a list closed by a count and what they are, with words saying which (6名县政协委员)', () => {
    expect(
      speakersOf(
        `${opening}会上,于立新、郑秀婷、徐国坤、陈忠6名县政协委员,分别围绕乡村振兴、营商环境等课题作了大会发言。`,
      ),
    ).toEqual([['于立新', '郑秀婷', '徐国坤', '陈忠']]);
  });

  it('reads 进行…发言 as what the list before it delivered (等11位界别代表进行专题发言)', () => {
    expect(
      speakersOf(`${opening}会上,钱文晴、李克宇、金丹丹、高永恒等11位界别代表进行专题发言。`),
    ).toEqual([['钱文晴', '李克宇', '金丹丹', '高永恒']]);
  });

  it('reads the list before what they spoke on (8名委员围绕…作大会发言)', () => {
    expect(
      speakersOf(
        `${opening}会上,杨红梅、吴斌新、马春华8名委员围绕拓宽就业渠道、保障粮食安全等内容作大会发言。`,
      ),
    ).toEqual([['杨红梅', '吴斌新', '马春华']]);
  });

  it('reads the subject list of an earlier clause when the cue opens its own', () => {
    expect(
      speakersOf(
        `${opening}董西成、李小平、康元宏8名委员围绕巩固脱贫攻坚成果等课题,阐述各自观点,提出了实实在在的建议。`,
      ),
    ).toEqual([['董西成', '李小平', '康元宏']]);
  });

  it('takes no words of an earlier clause for names when nothing says they are people', () => {
    expect(
      speakersOf(
        '8月2日,省政协举行党组(扩大)会议,传达学习习近平总书记近期重要讲话、指示、文章、回信精神,传达学习全国政协常委会会议精神。',
      ),
    ).toEqual([[]]);
  });

  it('takes no list out of a phrase that names one official (并向新当选的副镇长甲同志表示祝贺)', () => {
    expect(
      speakersOf(
        '今天上午,龙港镇召开十届人大五次会议,依法选举梁亦俊同志为副镇长。会议结束时,与会代表并向新当选的副镇长梁亦俊同志表示祝贺。',
      ),
    ).toEqual([[]]);
  });

  it('counts no one who wrote an instruction as a speaker (作出批示要求)', () => {
    expect(
      speakersOf(
        '1月24日,市委农村工作会议召开。市委书记崔永辉、市长黄文辉对我市做好“三农”工作作出批示要求。市委副书记张毅恭出席会议并讲话。',
      ),
    ).toEqual([['张毅恭']]);
  });

  it('reads a list of one title per clause before 先后发言 as the speakers', () => {
    expect(
      speakersOf(
        `${opening}座谈会上,副市长付建文,市政协副主席梁国栋,市人大常委会副主任卢柳屏、潘济华先后发言。`,
      ),
    ).toEqual([['付建文', '梁国栋', '卢柳屏', '潘济华']]);
  });

  it('reads no speaker from common words that open with a surname (严密部署; 季报告、半年总结)', () => {
    expect(
      speakersOf(
        `${opening}下一步,镇里将加大巡查和打击力度,严密部署,夯实责任。要动态跟进年度重点改革任务,落实月报表、季报告、半年总结制度,统筹好各项措施。`,
      ),
    ).toEqual([[]]);
  });

  it('reads a list over clauses whose speakers 纷纷 spoke in the next one', () => {
    expect(
      speakersOf(
        `${opening}县委常委、副县长蔡普辉,副县长秦中堂,政府副县级干部董振录、张西周、王彪,纷纷就绿化工作提出指导性意见。`,
      ),
    ).toEqual([['蔡普辉', '秦中堂', '董振录', '张西周', '王彪']]);
  });

  it('reads a list of one title per clause before what they spoke on (甲，乙围绕…作了发言)', () => {
    expect(
      speakersOf(
        `${opening}市委常委、滨海新区区委书记连茂君,副市长李文海围绕贯彻落实若干政策措施作了发言。`,
      ),
    ).toEqual([['连茂君', '李文海']]);
  });

  it('reads the officials of a list whose last item names no official (…、无党派人士代表甲等围绕主题，…作了发言)', () => {
    expect(
      speakersOf(
        `${opening}座谈会上,民革市委会主委徐毅松、民盟市委会主委陈群、市工商联主席寿子琪、无党派人士代表张兆国等围绕主题,结合各自工作作了发言。`,
      ),
    ).toEqual([['徐毅松', '陈群', '寿子琪']]);
  });

  it('keeps an earlier clause that did something else out of the list (甲出席会议，乙出席会议并讲话)', () => {
    expect(
      speakersOf(
        `${opening}县委常委、组织部部长王天才出席会议,县委常委、县纪委书记马强出席会议并讲话。`,
      ),
    ).toEqual([['马强']]);
  });

  it('reads the subject of the clause before one that goes on with 并 or 他 as the speaker', () => {
    expect(
      speakersOf('12月5日,区政协召开常委会议。区政协主席姬兆亮主持会议,他表示,一年来成绩显著。'),
    ).toEqual([['姬兆亮']]);
    expect(
      speakersOf(
        '12月5日,区政协召开主席会议。区政协副主席罗松多吉主持会议,并就贯彻落实会议精神提出了明确要求。',
      ),
    ).toEqual([['罗松多吉']]);
  });

  it('reads no name in 向各位 or 向全体 before a thanks (向各位代表表示感谢)', () => {
    expect(
      speakersOf(
        '3月5日,范县第十四届人民代表大会第七次会议开幕。会议结束时,向各位代表和全体工作人员表示衷心的感谢。',
      ),
    ).toEqual([[]]);
  });
});

describe('meeting records: speakers of an exchange', () => {
  it('reads a list of officials who made an exchange (作研讨交流, 作了经验交流)', () => {
    expect(
      speakersOf(
        '3月22日,区委理论学习中心组举行集体学习会。区委书记王明主持会议。区领导李强、杭春芳、王珏围绕主题作研讨交流。',
      ),
    ).toEqual([['李强', '杭春芳', '王珏']]);
  });
});

describe('meeting records: lists of speakers before what they spoke on', () => {
  it('reads a list of bare names that makes up the cue’s clause up to its topic', () => {
    expect(speakersOf(`${opening}会上,徐毅松、陈群、张兆国等围绕主题作了发言。`)).toEqual([
      ['徐毅松', '陈群', '张兆国'],
    ]);
  });

  it('reads a list closed by 等 before its topic in the clause before one opened by 结合', () => {
    expect(
      speakersOf(`${opening}会上,徐毅松、陈群等围绕主题,结合各自工作和调研成果作了发言。`),
    ).toEqual([['徐毅松', '陈群']]);
    // Without 等 or what they are, words in an earlier clause are not taken for names.
    expect(
      speakersOf(`${opening}会上,徐毅松、陈群围绕主题,结合各自工作和调研成果作了发言。`),
    ).toEqual([[]]);
  });
});

describe('meeting records: lists of speakers who did something first', () => {
  it('reads one title per clause before 出席会议并讲话 or 参加会议并就…发言 as the speakers', () => {
    expect(speakersOf(`${opening}区委书记赵同庆,区委副书记、区长毛玉铎出席会议并讲话。`)).toEqual([
      ['赵同庆', '毛玉铎'],
    ]);
    expect(
      speakersOf(
        `${opening}区委常委、副区长金俊峰,副区长倪向军、姚少杰参加会议并就分管领域工作作了发言。`,
      ),
    ).toEqual([['金俊峰', '倪向军', '姚少杰']]);
  });

  it('keeps one who only attended out (甲出席会议，乙出席会议并讲话), and a headline’s chair apart', () => {
    expect(speakersOf(`${opening}区委书记赵同庆出席会议,区长毛玉铎出席会议并讲话。`)).toEqual([
      ['毛玉铎'],
    ]);
    const records = annotate({
      text: '州十三届人大五次会议闭幕\n徐芝文出席并讲话 李为国主持并讲话\n\n1月9日下午,州十三届人大五次会议闭幕。州委书记徐芝文出席会议。州人大常委会主任李为国主持会议。',
      published: '2024-03-02',
    }).meetings;
    expect(records?.map((r) => r.chairs)).toEqual([['李为国']]);
  });
});

describe('meeting records: speakers who announce a decision', () => {
  it('reads one who announces a decision or appointments, not the chair who opens the meeting', () => {
    expect(
      speakersOf(
        '3月5日,市委召开巡察工作动员部署会。市委常委、组织部部长祁松宣布市委巡察组组长、副组长授权任职及任务分工。市委书记王刚主持会议并宣布大会开幕。',
      ),
    ).toEqual([['祁松']]);
  });
});

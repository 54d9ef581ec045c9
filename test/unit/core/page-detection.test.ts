import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate, pageFeatures } from '../../../src/core/index';
import { detectionFeatures } from '../../../src/core/page-detection';
import { pathToFileURL } from 'node:url';
import { corpusDir } from '../../support/corpus-dir';

const SEEDS = pathToFileURL(`${corpusDir()}/seeds/`);
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

const OFFICIALDOM_NOVEL = `第三章 市委书记的难题
上一章 目录 下一章
李达康站在窗前，脸色阴沉。“书记，会议马上开始了。”秘书小王说道。市委书记李达康转过身来：“通知下去，明天上午主持召开常委会，我要听听大家的意见。”他心里明白，这次会议不简单。她看着他，没有说话。“你要记住，”他说，“坚决不能让步。”
加入书签 投推荐票`;

const NOVEL_WITHOUT_CHROME = `市委书记李达康主持召开市委常委会，会议指出，要坚决贯彻省委部署。他看了一眼坐在对面的市长，心里冷笑。“老王，你怎么看？”他问道。市长王大路放下茶杯，说：“我同意书记的意见。”她在一旁记录着，心里却想着昨晚的事情。我知道这事没那么简单，他想。你们都不懂。李达康笑了笑，说：“那就这么定了。”他走出会议室，她跟在后面。“你去哪儿？”她问。他没有回答，我也没有再问。`;

const RECIPE = `红烧肉的做法
食材：五花肉500克，冰糖适量，生抽少许，老抽少许
第一，把肉切块焯水。第二，锅中放油，下冰糖小火炒出糖色，下锅翻炒。一是要选好肉，二是要掌握火候。出锅前大火收汁。`;

const FORUM = `楼主 发表于 2023-01-01 12:00
大家觉得市长张三这个人怎么样？
回复 沙发
2楼 发表于 2023-01-01 13:00
板凳，只看该作者
回复`;

const SHOP = `【包邮】政务笔记本 加入购物车 立即购买 ￥39.00 已售 1000 件 库存 20 店铺 客服`;

/** The value of the feature `name` on a bare text (no officials or meetings read), 0 when absent. */
function featureValue(name: string): (text: string) => number {
  return (text) =>
    detectionFeatures({ text, titledOfficials: 0, meetings: 0 }).find((f) => f.name === name)
      ?.value ?? 0;
}

describe('page detection', () => {
  it.each(seedFiles)('detects the seed %s', (file) => {
    const r = annotate({ text: readFileSync(new URL(file, SEEDS), 'utf8') });
    expect(r.page.isGovNews).toBe(true);
    expect(r.page.score).toBeGreaterThanOrEqual(0.5);
    expect(r.page.signals.length).toBeGreaterThan(0);
  });

  it('still detects a long page of reports, whose schools and companies add up over its length', () => {
    // The seeds repeated to 300,000 characters (the in-page benchmark's page): over that length
    // their few mentions of schools and companies reach the genre words' cap.
    const seeds = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'))
      .join('\n');
    const text = seeds.repeat(Math.ceil(300_000 / seeds.length)).slice(0, 300_000);
    expect(annotate({ text }).page.isGovNews).toBe(true);
  });

  it.each([
    ['officialdom novel', OFFICIALDOM_NOVEL],
    ['novel without chrome', NOVEL_WITHOUT_CHROME],
    ['recipe', RECIPE],
    ['forum', FORUM],
    ['shop', SHOP],
  ])('does not detect a %s', (_name, text) => {
    const r = annotate({ text });
    expect(r.page.isGovNews).toBe(false);
    expect(r.entities.filter((e) => e.kind === 'directive')).toEqual([]);
  });

  it('uses the URL and government CMS meta tags', () => {
    // Little text, so that the score is not already at its ceiling without them.
    const text = '召开常务会议。';
    const bare = annotate({ text });
    const rich = annotate({
      text,
      url: 'https://www.example.gov.cn/art/2022/4/30/art_1.html',
      meta: {
        siteidcode: '1411000003',
        articletitle: '市政府召开常务会议',
        pubdate: '2022-04-30 06:30',
      },
    });
    expect(rich.page.score).toBeGreaterThan(bare.page.score);
    expect(rich.page.isGovNews).toBe(true);
    expect(rich.page.signals.map((s) => s.name)).toEqual(
      expect.arrayContaining(['url.gov-cn', 'meta.site-id-code']),
    );
    expect(rich.page.title).toBe('市政府召开常务会议');
    expect(rich.page.publishedAt).toBe('2022-04-30T06:30+08:00');
  });

  it('does not read 我镇, 我市 or 其他 as the personal pronouns of a story', () => {
    const narrative = featureValue('genre.narrative');
    expect(narrative('会议安排我镇今后工作,我市其他部门参加。')).toBe(0);
    expect(narrative('他笑着对我说,你来了。')).toBeGreaterThan(0);
    // The writer's bureau or commission, as 我市 is the writer's city.
    expect(featureValue('genre.first-person')('我局党组召开会议,我委参加。')).toBe(0);
    expect(featureValue('genre.first-person')('我院党委召开会议。')).toBeGreaterThan(0);
  });

  it('does not count the pronouns of a slogan or a title as a narrator’s or a speaker’s', () => {
    const first = featureValue('genre.first-person');
    expect(first('严防“你帮我点火、我帮你点火”问题,开展“我和我的家乡”活动。')).toBe(0);
    expect(first('《局长听你说》节目将于4月开播。')).toBe(0);
    // A line of dialogue ends a sentence inside its quotes: someone speaking.
    expect(first('“你今年有什么提案?”“今年我关注民宿经济。”')).toBeGreaterThan(0);
  });

  it('takes a pronoun’s rate over at least a short page’s length, not over a two-line brief', () => {
    const narrative = featureValue('genre.narrative');
    const brief = '浙江省政协十届二次会议在杭州隆重召开,徐冠巨主席讲话,他代表常委会作报告。';
    expect(narrative(brief)).toBeLessThan(0.2);
    expect(narrative(brief + '他推开门,她抬起头看着他,他没有说话。'.repeat(8))).toBe(1);
  });

  it('does not read a report’s 他强调 or 她指出 as a story’s narration', () => {
    const narrative = featureValue('genre.narrative');
    expect(
      // Normalised text, as the engine passes it: full-width commas are ASCII.
      narrative('副市长王明到村里调研。他强调,要抓好落实。她指出,要守住底线。他说,要办实事。'),
    ).toBe(0);
    expect(narrative('王明到村里。他说：“走吧。”')).toBeGreaterThan(0);
    expect(narrative('王明到村里。他看了她一眼。')).toBeGreaterThan(0);
  });

  it('tells a company’s own governance from firms a report names, and a campus from schools', () => {
    const feature = (text: string, name: string): number =>
      detectionFeatures({ text, titledOfficials: 0, meetings: 0 }).find((f) => f.name === name)
        ?.value ?? 0;
    const tour = '县委书记张三一行先后到华丰机械有限公司、恒达纺织有限公司和宏远建材集团调研。';
    expect(feature(tour, 'genre.company')).toBe(0);
    expect(feature(tour, 'genre.firm')).toBeGreaterThan(0);
    // Firms listed one after another are the firms a report inspected, not a company's own page.
    const listed = '巡视组进驻甲集团有限公司、乙股份有限公司、丙公司、丁集团等4家企业。';
    expect(feature(listed, 'genre.firm')).toBe(0);
    expect(feature('甲集团有限公司召开年度工作会议,公司董事长、总经理出席。', 'genre.firm')).toBe(
      0.5,
    );
    const board = '公司第三届董事会第十二次会议召开，独立董事发表意见，表决结果：同意9票。';
    expect(feature(board, 'genre.company')).toBeGreaterThan(0);
    const visit = '副县长李四到县第一中学、实验小学检查学校安全工作。';
    expect(feature(visit, 'genre.campus')).toBe(0);
    expect(feature(visit, 'genre.school')).toBeGreaterThan(0);
    expect(
      feature('校党委召开会议，研究本科生和研究生培养工作，全体师生参加。', 'genre.campus'),
    ).toBeGreaterThan(0);
  });

  it('counts a speech’s 我 apart from a narrator’s 他 and 她, and no chapter inside a book title', () => {
    const features = (text: string): Record<string, number> =>
      Object.fromEntries(
        detectionFeatures({ text, titledOfficials: 0, meetings: 0 }).map((f) => [f.name, f.value]),
      );
    const speech = features('组织决定我为市长,我深感使命光荣,我决心不负重托。');
    expect(speech['genre.first-person']).toBeGreaterThan(0);
    expect(speech['genre.narrative'] ?? 0).toBe(0);
    const story = features('他推开门,她抬起头看着他,他没有说话。');
    expect(story['genre.narrative']).toBeGreaterThan(0);
    expect(story['genre.first-person'] ?? 0).toBe(0);
    expect(
      features('会议传达了《关于学习〈习近平谈治国理政〉第三卷的通知》。')['genre.fiction'] ?? 0,
    ).toBe(0);
    expect(features('第三章 县委常委会\n县委书记主持会议。')['genre.fiction']).toBe(1);
    expect(features('会议学习了《习近平谈治国理政》第三卷有关篇目。')['genre.fiction'] ?? 0).toBe(
      0,
    );
    expect(
      features('集体学习了《学习纲要》导语、第十一章。')['genre.fiction'] ?? 0,
      'a chapter a few characters after the book it is from',
    ).toBe(0);
    expect(features('《章程》已印发。\n第三章 县委常委会')['genre.fiction']).toBe(1);
    expect(
      features('党政班子成员一起学习了第二章第一节。')['genre.fiction'] ?? 0,
      'a chapter named in running text',
    ).toBe(0);
    expect(features('官场风云 > 正文_第104章 常委会')['genre.fiction']).toBe(1);
    // A lesson, not a chapter.
    expect(features('街道工委书记在第一节课上传达了会议精神。')['genre.fiction'] ?? 0).toBe(0);
    // Government sites offer a font-size control too; a novel site's reading settings remain.
    expect(features('字体大小:大 中 小\n县委召开常委会会议。')['genre.fiction'] ?? 0).toBe(0);
    expect(features('加入书签 护眼 关灯\n第三章')['genre.fiction']).toBeGreaterThan(0);
  });

  it('counts dialogue after a verb of speech, not a quotation after 街道 or 渠道', () => {
    const dialogue = featureValue('genre.dialogue');
    expect(dialogue('他笑道:“开会了。”她说:“好。”')).toBeGreaterThan(0);
    expect(dialogue('乐华街道“大工委”党建共建活动举行,拓宽融资渠道“双轮驱动”。')).toBe(0);
    // 一道道“…”: a reduplicated measure word, no one speaking.
    expect(dialogue('突破了一道道“看似无法逾越的屏障”,实现了目标。')).toBe(0);
  });

  it('counts quoted sentences as someone speaking, and quoted formulas not', () => {
    const speech = featureValue('genre.quoted-speech');
    expect(
      speech('「奇怪,今天吹什么风?大家来得这么早!」秘书李文哲说。“书记,会议马上开始了。”'),
    ).toBe(1);
    expect(speech('会议要求,深化“放管服”改革,落实“两个确立”,推进“1+N”政策体系。')).toBe(0);
  });

  it('counts officials read from a list or an election as officials with a title', () => {
    const officials = pageFeatures({
      text: '会议选举金永默为中共延吉市第十四届委员会书记,邓开举为中共延吉市纪律检查委员会书记。',
    }).find((f) => f.name === 'content.officials');
    expect(officials?.evidence).toBe('×2');
  });

  it('reads a news dateline without a date, and a people’s congress session as a state body', () => {
    const feature = (text: string, name: string): number =>
      detectionFeatures({ text, titledOfficials: 0, meetings: 0 }).find((f) => f.name === name)
        ?.value ?? 0;
    expect(feature('新疆平安网讯 自治区人大主席团举行第一次会议。', 'chrome.dateline')).toBe(1);
    expect(feature('晨报讯(记者甲)会议闭幕。', 'chrome.dateline')).toBe(1);
    expect(feature('会议通讯录已印发。', 'chrome.dateline')).toBe(0);
    expect(
      feature(
        '柴旦镇召开第十四届人民代表大会第六次会议,人代会选举镇人大主席。',
        'content.gov-bodies',
      ),
    ).toBeGreaterThanOrEqual(0.5);
  });

  it('reads who convenes: an association or a school, not a Party committee, a joint host or an event', () => {
    const convener = featureValue('genre.other-convener');
    expect(convener('2月3日,重庆市世界语协会在总部召开年会。会议由秘书长甲主持。')).toBe(1);
    expect(convener('3月10日下午,龙王庙小学党支部召开全体党员大会。')).toBe(1);
    expect(convener('县委召开常委会会议。县政府举行常务会议。')).toBe(0);
    // Half the meetings: the committee's and the chamber's.
    expect(convener('市委召开常委会会议。嘉兴市山东商会召开理事会。')).toBe(0.5);
    // 政治协商会 ends like 商会; a joint host with a state body; a ceremony as the subject.
    expect(convener('区政治协商会召开常委会议。')).toBe(0);
    expect(convener('市人社局和职业技术学院举办招聘会。')).toBe(0);
    expect(convener('县委召开常委会会议。某集团向某中学捐赠签约仪式举行。')).toBe(0);
    // Adverbs and dates between the subject and its verb; a school naming itself 校.
    expect(convener('11月22日下午,学校组织召开会议传达文件精神。')).toBe(1);
    expect(convener('学校党委12月5日隆重召开大会。')).toBe(1);
    expect(convener('8月28日,校第三次党代会各代表团会议召开。')).toBe(1);
    expect(convener('县委近日召开常委会会议。市委党校召开教学工作会议。')).toBe(0);
    // A numbered event names its body after a bare year; a list item's head lies before the list.
    expect(convener('2021年第二次校纪委全委会在414会议室召开。')).toBe(1);
    expect(convener('巡视组对湟源县,省国有资产公司、省交通控股集团有限公司开展常规巡视。')).toBe(0);
    // A bank's branch, through its Party committee's study group.
    expect(convener('近日,建设银行北京分行党委中心组在通州举办专题联学活动。')).toBe(1);
    expect(convener('近日,县委理论学习中心组举办专题学习。')).toBe(0);
    // The whole 理论学习中心组 is trimmed, not 中心组 alone (工商银行党委理论学习 is no name).
    expect(convener('工商银行党委理论学习中心组及时开展专题学习。')).toBe(1);
    // Whoever goes to a school or an institute convenes there, not the place they go to.
    expect(convener('市委第一巡察组进驻市凉州文化研究院开展巡察。')).toBe(0);
    expect(convener('县长张三到华丰机械有限公司开展调研。')).toBe(0);
    // A word numbered by 次 is the meeting held, even one an association's name ends with.
    expect(convener('全县脱贫攻坚2018年度第一次促进会在县会议中心召开。')).toBe(0);
    expect(convener('宁波市社会组织促进会召开会员大会。')).toBe(1);
    // A farmers' cooperative holds its own meetings.
    expect(convener('寿宁县臻锌园葡萄专业合作社召开了一年一度的分红大会。')).toBe(1);
  });

  it('reads the share of meetings a jurisdiction or a state body convenes', () => {
    const state = featureValue('content.state-convener');
    // A township brief with no official and no number: the town convenes.
    expect(state('3月2日上午,老爷庙乡积极召开秸秆禁烧工作加压推进会,乡村两级干部参加会议。')).toBe(
      1,
    );
    expect(state('近日,礬山镇召开2018年村和社区换届工作动员会。')).toBe(1);
    expect(state('11日,双阳街道召开社区组织换届选举工作会议。')).toBe(1);
    // A sumu is Inner Mongolia's township.
    expect(state('2月12日,伊敏苏木召开解决草原过牧问题工作部署会。')).toBe(1);
    // A committee trimmed of its unit (镇党委 → 镇), a government, half the meetings.
    expect(state('镇党委召开专题会议。县政府举行常务会议。')).toBe(1);
    expect(state('市委召开常委会会议。嘉兴市山东商会召开理事会。')).toBe(0.5);
    // A school, a firm or an event convenes no state meeting.
    expect(state('龙王庙小学党支部召开全体党员大会。某集团有限公司召开年会。')).toBe(0);
    expect(state('签约仪式在县会议中心举行。')).toBe(0);
  });

  it('reads mainland words that hold Taiwan’s or Hong Kong’s (局长会议, 审议会议, 经济特区) as no sign of them', () => {
    const foreign = featureValue('genre.foreign-government');
    expect(foreign('会议传达了全市文化广电和旅游局长会议精神。')).toBe(0);
    // 审议会议 holds 议会; 深圳经济特区, 六枝特区, 新北区 and 西桃园 are on the mainland.
    expect(foreign('会议审议《深圳经济特区公园条例》,听取六枝特区和新北区、西桃园村的汇报。')).toBe(
      0,
    );
    expect(foreign('台北市议会定期会今日开议。')).toBeGreaterThan(0);
  });

  it('reads another state’s organs named after it (老挝国会, 越南政府总理) as its government news', () => {
    const foreign = featureValue('genre.foreign-government');
    const laos =
      '老挝第九届国会第一次会议22日在万象召开,会议选举通伦为国家主席,潘坎为政府总理。老挝国会副主席出席。老挝政府新一届内阁名单获得通过。';
    expect(foreign(laos)).toBeGreaterThan(0);
    expect(annotate({ text: laos }).page.isGovNews).toBe(false);
    // A PRC report names a state once, when its leaders receive a delegation: a weaker sign.
    expect(foreign('省委书记会见越南政府副总理一行。')).toBeLessThan(foreign(laos));
    expect(foreign('县委召开常委会会议,传达学习省委全会精神。')).toBe(0);
  });

  it('counts an association’s or a school’s word, not one inside a report’s (政治协商会议, 政协会议, 行政学院)', () => {
    const association = featureValue('genre.association');
    expect(association('中国人民政治协商会议委员会召开会议。县防汛会商会召开。')).toBe(0);
    expect(association('温州商会召开年会。')).toBeGreaterThan(0);
    // 协会 inside 政协会议; 学院 inside 党校(行政学院).
    expect(association('县政协会议开幕。')).toBe(0);
    expect(featureValue('genre.school')('在县委党校(行政学院)举行。')).toBe(0);
  });

  it('counts sentences a story ends with a particle, not a report’s', () => {
    const particles = featureValue('genre.story-particles');
    expect(particles('乡里召开了党委会。这是他上任以来第一次开会了。该怎么办呢？')).toBe(1);
    expect(particles('县委召开常委会会议。会议传达学习了省委全会精神,研究了有关事项。')).toBe(0);
    // A news site's comment box invites the first comment: chrome, neither a story nor a forum.
    const box = '县委召开常委会会议。\n评论一下\n还没有评论,快来抢沙发吧!\n最热评论';
    expect(particles(box)).toBe(0);
    expect(featureValue('genre.forum')(box)).toBe(0);
  });

  it('counts 着 as a story’s durative aspect, not in 随着 or 着力', () => {
    const durative = featureValue('genre.durative');
    expect(durative('会场上坐满了人,他铁青着脸,看着众人,等着书记开口。')).toBe(1);
    expect(durative('随着改革深入,要着力推动发展,着眼长远,本着实事求是的原则。')).toBe(0);
    // 身着 (wearing) is a word of news reports too.
    expect(durative('身着民族服装的代表们前往大厅。')).toBe(0);
    // Nor the stative verbs of official prose (凝聚着全党的智慧, 洋溢着节日的气氛).
    expect(durative('报告闪耀着思想光芒,凝聚着全党智慧,会场洋溢着热烈气氛。')).toBe(0);
  });

  it('counts an association’s own words, not a report’s', () => {
    const association = featureValue('genre.association');
    expect(
      association('轮值会长潘世军主持会议，常务副会长、理事和会员单位代表参加，秘书处通报工作。'),
    ).toBeGreaterThan(0.5);
    expect(association('县委召开常委会会议，县委书记主持会议并讲话。')).toBe(0);
    // A housing estate's owners' committee governs itself the same way (three words of six).
    expect(association('小区第二届业主委员会选举大会举行,业委会主任由业主大会选出。')).toBe(0.5);
  });

  it('counts a reference page’s definitions, not a document’s or a company’s shorthand', () => {
    const definition = featureValue('genre.definition');
    expect(
      definition('三中全会是中央委员会第三次全体会议的简称。全委会是指党的地方委员会全体会议。'),
    ).toBe(1);
    expect(
      definition('《政府工作报告》(以下简称《报告》)是指导今后五年的纲领。证券简称:山东章鼓。'),
    ).toBe(0);
    expect(definition('重要讲话是指引我们做好工作的根本遵循,实事求是指出问题。')).toBe(0);
  });

  it('counts the words of a biography, which a report of a meeting does not use', () => {
    const reference = featureValue('genre.reference');
    expect(
      reference('乌兰夫 现代政治家。蒙古族。曾任绥蒙政府主席。新中国成立后历任国务院副总理。'),
    ).toBe(1);
    expect(reference('县委书记张三主持召开县委常委会第45次会议,传达学习上级会议精神。')).toBe(0);
    // An encyclopaedia's entry on a place: its area, population and what it is made of.
    expect(reference('某某区隶属某某市,总面积5000平方千米,常住人口30万,下辖5个镇、3个乡。')).toBe(
      1,
    );
  });
});

describe('local government work', () => {
  it('counts how many different words of a county’s or a town’s work a page uses', () => {
    const local = featureValue('content.local-work');
    // Six different words (全县 twice, counted once); eight make the feature whole.
    expect(local('县领导一行到镇调研,要求全县干部群众抓好基层工作,全县上下驻村帮扶。')).toBe(6 / 8);
    expect(local('本店新到一批羽绒被,欢迎选购。')).toBe(0);
  });

  it('detects a brief of county leaders’ visit that names no title, body or meeting', () => {
    // No official with a title, no numbered meeting, no chrome: only the vocabulary of a county's
    // work says whose news this is.
    const brief =
      '3月5日,甲、乙、丙到某某乡调研春耕备耕工作。县领导一行先后深入田间地头,与乡、村干部交流,' +
      '要求全乡要加强基层组织建设,做好驻村帮扶和信访工作,带领干部群众抓好春耕生产。';
    expect(annotate({ text: brief }).page.isGovNews).toBe(true);
  });
});

describe('state bodies', () => {
  it('counts a 党委, 党组 or 纪委 after a place or a state office, not a bare one or a school’s', () => {
    const bodies = featureValue('content.gov-bodies');
    // Six bodies make the feature whole: 镇党委, 自治区党委, 县政府党组 and 局党组 count (and 县政府).
    expect(bodies('镇党委、自治区党委、县政府党组、局党组会议召开。')).toBeCloseTo(5 / 6);
    // A college's own Party meeting names the same bodies with no place before them.
    expect(bodies('党委书记甲主持召开党委会会议,校党委、院纪委、公司党组委员出席。')).toBe(0);
  });

  it('counts the national bodies a reposted national meeting names (国务院, 政治局)', () => {
    const bodies = featureValue('content.gov-bodies');
    expect(bodies('国务院总理李强主持召开国务院常务会议。')).toBeCloseTo(3 / 6);
    expect(bodies('中共中央政治局召开会议。')).toBeCloseTo(1 / 6);
  });
});

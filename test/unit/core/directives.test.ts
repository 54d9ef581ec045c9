import { describe, expect, it } from 'vitest';
import { findDirectives, type RawDirective } from '../../../src/core/directives';
import { isSloganText } from '../../../src/core/quoted-slogans';

/** Runs the directives pass to the end. */
function directives(text: string, slogans: string[] = []): RawDirective[] {
  const steps = findDirectives(text, { slogans });
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const of = (text: string, subtype: RawDirective['subtype']): string[] =>
  directives(text)
    .filter((d) => d.subtype === subtype)
    .map((d) => d.normalized);

describe('the article’s end', () => {
  const article =
    '5月7日，省人大常委会党组召开扩大会议暨第七次主任会议。会议强调，要聚焦“十五五”规划编制，充分发挥人大职能作用，推动各项工作落地见效。';

  it('reads quotes in an article below a share bar', () => {
    const text = `省人大常委会党组召开扩大会议\n发布时间:2025-05-08\n分享到  - 微信\n${article}\n`;
    expect(of(text, 'slogan')).toEqual(['十五五']);
  });

  it('reads quotes below a long navigation menu and an original-title line', () => {
    const menu =
      '惠州日报 东江时报 东江舆情研究院 东江创新发展研究院 东江云媒大数据研究院 惠州东江图片社 东江品牌联盟 粤港澳大湾区主流媒体联盟 东篱俱乐部';
    const text = `${menu}\n原标题\n省人大常委会党组召开扩大会议\n${article}\n`;
    expect(of(text, 'slogan')).toEqual(['十五五']);
  });

  it('leaves out quotes after the related links that close the article', () => {
    const text = `${article}\n相关链接\n“一网通办”上线\n`;
    expect(of(text, 'slogan')).toEqual(['十五五']);
  });
});

describe('slogans', () => {
  it('takes quoted policy formulas', () => {
    const text = '严格落实“三防”,坚持“一校一策、一校一专班”,运用好「一码清」平台,保首季“开门红”。';
    expect(of(text, 'slogan')).toEqual(['三防', '一校一策、一校一专班', '一码清', '开门红']);
  });

  it('leaves quoted names of brands and activities alone', () => {
    const text =
      '打造“郭小沫书游”“沫若艺苑”等公共文化活动,打出“海上清舟·普陀廉岛”品牌,深挖“沫若文化”资源,落实“放管服”改革。';
    expect(of(text, 'slogan')).toEqual(['放管服']);
    // A series, a consultation's topic and a place's nickname are names too.
    expect(
      of(
        '开展“书记讲党课”系列宣讲,围绕“推进城市更新”专题协商,享有“塞上江南”的美誉,落实“放管服”改革。',
        'slogan',
      ),
    ).toEqual(['放管服']);
    // One quoted campaign before 活动 is still a directive.
    expect(of('全力推进“项目攻坚年”活动。', 'slogan')).toEqual(['项目攻坚年']);
  });

  it("leaves a leader's quoted words and a lecture's title alone (关于“…”的重要论述, 以“…”为题) and a notice's (“…”的通知), not a slogan quoted elsewhere", () => {
    expect(
      of(
        '坚决贯彻习近平总书记关于“始终把保障人民生命财产安全放在第一位”的重要论述,落实“三防”责任。',
        'slogan',
      ),
    ).toEqual(['三防']);
    expect(of('教授以“中国经济和城市发展”为题作专题辅导报告。', 'slogan')).toEqual([]);
    expect(of('修改完善后以“两办”名义印发,以“县政府”名义备案。', 'slogan')).toEqual([]);
    expect(of('学习《关于严禁大操大办“谢师宴”“升学宴”的通知》。', 'slogan')).toEqual([]);
    expect(of('围绕“加强组织领导和责任落实”的要求开展工作。', 'slogan')).toEqual([
      '加强组织领导和责任落实',
    ]);
  });

  it('leaves storms and exhibitions alone, and keeps formulas of counted parts whatever their last word', () => {
    expect(of('防御超强台风“桦加沙”,落实“三防”责任。', 'slogan')).toEqual(['三防']);
    expect(isSloganText('政协上海市第九届委员会回顾展')).toBe(false);
    expect(isSloganText('两城三区四基地')).toBe(true);
    expect(isSloganText('红色教育基地')).toBe(false);
    expect(isSloganText('三区三线示范基地')).toBe(false);
  });

  it('leaves a topic that speaks of the writer’s own place alone (我市, 我州)', () => {
    expect(of('围绕“做大做强我市文旅产业”开展调研,落实“放管服”改革。', 'slogan')).toEqual([
      '放管服',
    ]);
    expect(isSloganText('更好推进我州产业扶贫')).toBe(false);
    expect(isSloganText('我为群众办实事')).toBe(true);
  });

  it('leaves honours of a city, a street or a group, forums and alliances alone', () => {
    expect(isSloganText('全国双拥模范城')).toBe(false);
    expect(isSloganText('全省双拥模范城')).toBe(false);
    expect(isSloganText('中国名街')).toBe(false);
    expect(isSloganText('村书记讲坛')).toBe(false);
    expect(isSloganText('新都路党建联盟')).toBe(false);
    expect(isSloganText('广东省抗击新冠肺炎疫情先进集体')).toBe(false);
    expect(isSloganText('巾帼文明岗')).toBe(false);
    expect(isSloganText('京华议事厅')).toBe(false);
    expect(isSloganText('制造立市、文旅兴城')).toBe(true);
  });

  it('leaves a two-character word in scare quotes alone unless it counts', () => {
    expect(of('政协工作贡献“硬核”智慧,争取纳入“盘子”,落实“六稳”“双减”。', 'slogan')).toEqual([
      '六稳',
      '双减',
    ]);
    // Before a policy noun the word names a policy.
    expect(of('对应检未检人员赋“灰码”制度,落实预警“叫应”机制。', 'slogan')).toEqual([
      '灰码',
      '叫应',
    ]);
  });

  it('reads the words of a banner as a slogan however long', () => {
    const banner = '解放思想,真抓实干,为全面建设美丽延吉而不懈奋斗,奋力开启现代化新征程!';
    expect(of(`会场中“${banner}”的大幅标语鼓舞人心。`, 'slogan')).toEqual([banner]);
    expect(of(`主席台对面悬挂着“${banner}”。`, 'slogan')).toEqual([banner]);
    expect(of(`红条幅上写着:“${banner}”。`, 'slogan')).toEqual([banner]);
    // The same words quoted as speech are no banner; nor is a sentence in the middle of one.
    expect(of(`他说:“${banner}”。`, 'slogan')).toEqual([]);
    expect(of(`悬挂着“会议开始。请大家就座”的提示牌。`, 'slogan')).toEqual([]);
  });

  it('reads two-character words quoted in a series as coined terms', () => {
    expect(
      of(
        '推动帮扶从“输血”向“造血”深化,在“学懂”“弄通”“做实”上下功夫,守住“底线”、“红线”。',
        'slogan',
      ),
    ).toEqual(['输血', '造血', '学懂', '弄通', '做实', '底线', '红线']);
    // Alone, or with words between it and the next quotation, the word is still in scare quotes;
    // a holiday stays a holiday in a series.
    expect(of('贡献“硬核”智慧,纳入“盘子”。“中秋”、“国庆”期间值班。', 'slogan')).toEqual([]);
  });

  it('reads a long quoted programme only before the noun that names it', () => {
    const programme = '因地制宜、分类指导,示范先行、有序推进,注重保护、留住乡愁,村民主体、激发动力';
    expect(of(`按照“${programme}”的原则,加快补齐短板。`, 'slogan')).toEqual([programme]);
    expect(of(`以“${programme}”为总目标。`, 'slogan')).toEqual([programme]);
    // The same words quoted as speech, with no goal noun after them, are no formula.
    expect(of(`他说:“${programme}”。`, 'slogan')).toEqual([]);
    // A document's title is no programme before a policy noun either.
    expect(of('按照“关于进一步加强和改进新时代基层人大工作的实施意见”的要求。', 'slogan')).toEqual(
      [],
    );
    // A long quotation that holds a sentence is speech even before a goal noun.
    expect(of('按照“要把工作做实。要把责任压实,把任务落细落小”的要求。', 'slogan')).toEqual([]);
  });

  it('reads slogans quoted inside a quoted title that is none', () => {
    expect(of('审议了「关于优化提升『一江两岸三带』景观带建设」的提案。', 'slogan')).toEqual([
      '一江两岸三带',
    ]);
    expect(
      of('市政协“做好‘粮头食尾’‘畜头肉尾’‘农头工尾’增值大文章”资政会召开。', 'slogan'),
    ).toEqual(['粮头食尾', '畜头肉尾', '农头工尾']);
  });

  it('takes a formula quoted inside a quoted slogan as well', () => {
    expect(of('要出好“构建‘三位一体’监督格局”“三项实招”。', 'slogan')).toEqual([
      '构建‘三位一体’监督格局',
      '三位一体',
      '三项实招',
    ]);
  });

  it('rejects a quoted report section or event opened by a year, and places’ epithets', () => {
    expect(isSloganText('1+4+X')).toBe(true);
    expect(isSloganText('1+3>4')).toBe(true);
    expect(isSloganText('2020')).toBe(false);
    expect(isSloganText('2020年主要工作')).toBe(false);
    expect(isSloganText('2021年项目建设大会战')).toBe(false);
    expect(isSloganText('千年古镇')).toBe(false);
    expect(isSloganText('天然氧吧')).toBe(false);
    // One counted part is a formula even when it ends like a site's or a place's name.
    expect(isSloganText('一张网')).toBe(true);
    expect(isSloganText('六大产业基地')).toBe(true);
    expect(isSloganText('人民网')).toBe(false);
    expect(isSloganText('两个一百年')).toBe(true);
  });

  it('rejects quoted names of working bodies (领导小组, 巡察组, 办公室)', () => {
    expect(isSloganText('青川县灾后重建对口支援工作领导小组')).toBe(false);
    expect(isSloganText('背包巡察组')).toBe(false);
    expect(isSloganText('工作专班')).toBe(false);
    expect(isSloganText('一会一室两小组')).toBe(true);
  });

  it('rejects holidays, source notices and media names', () => {
    expect(isSloganText('五一')).toBe(false);
    expect(isSloganText('来源:中国西藏网')).toBe(false);
    expect(isSloganText('中国西藏网文')).toBe(false);
    expect(isSloganText('人民日报')).toBe(false);
    expect(isSloganText('四个亲自')).toBe(true);
  });

  it('rejects quoted titles of motions, names glossed in parentheses or joined by a dot, and event nicknames', () => {
    expect(isSloganText('关于加大对龙凤示范区的支持力度')).toBe(false);
    expect(isSloganText('市(县)政协工作规范年')).toBe(false);
    expect(isSloganText('先进区（县）')).toBe(false);
    expect(isSloganText('格桑花开·南京墨竹周')).toBe(false);
    expect(isSloganText('新春第一会')).toBe(false);
    expect(isSloganText('新年第一会')).toBe(false);
    expect(isSloganText('改革创新深化年')).toBe(true);
  });

  it('rejects honours and the nickname of a leading cadre', () => {
    expect(isSloganText('湖北省森林城镇')).toBe(false);
    expect(isSloganText('社会管理项目创新奖')).toBe(false);
    expect(isSloganText('全国文明城市')).toBe(false);
    expect(isSloganText('一把手')).toBe(false);
    // A post, an activity and a platform in quotes (驻村“第一书记”, “主题党日”, “学习强国”).
    expect(isSloganText('第一书记')).toBe(false);
    expect(isSloganText('主题党日')).toBe(false);
    expect(isSloganText('学习强国')).toBe(false);
    // A system of Party life, not the nickname of a body.
    expect(isSloganText('三会一课')).toBe(true);
    expect(isSloganText('中国书法之乡')).toBe(false);
    expect(isSloganText('全国县域旅游发展最快百强县')).toBe(false);
    expect(isSloganText('全国优秀共产党员')).toBe(false);
    expect(isSloganText('高品质生活示范区')).toBe(true);
  });

  it('rejects quoted names of bodies, meetings, reports and honours', () => {
    expect(isSloganText('中国人民政治协商会议')).toBe(false);
    expect(isSloganText('中华人民共和国全国人民代表大会')).toBe(false);
    expect(isSloganText('东至县监察委员会')).toBe(false);
    expect(isSloganText('政府工作报告')).toBe(false);
    expect(isSloganText('过去五年工作回顾')).toBe(false);
    expect(isSloganText('时代楷模')).toBe(false);
    expect(isSloganText('人民满意单位')).toBe(false);
    expect(isSloganText('全国先进工作者')).toBe(false);
    expect(isSloganText('政务公开专栏')).toBe(false);
    expect(isSloganText('第一责任人')).toBe(true);
    // Honours a place won from a level of the state.
    expect(isSloganText('国家卫生镇')).toBe(false);
    expect(isSloganText('湖北省生态示范镇')).toBe(false);
    expect(isSloganText('珠三角生态文旅示范镇')).toBe(true);
  });

  it('ignores quotes after the article (related links, copyright)', () => {
    const body = '会议要求,要落实“四方责任”。'.repeat(5);
    const text = `${body}\n版权声明:凡注明“来源:某网”的作品。\n- 山西持续严打“洗洞”盗采行为\n`;
    expect(of(text, 'slogan')).toEqual(Array(5).fill('四方责任'));
  });

  it('reads quotes in an article that a bulleted page layout puts on one bulleted line', () => {
    const prose =
      '张道胜要求,全县上下坚持“一二三四五”工作思路,以“125”工程为总抓手,全力推动经济社会高质量发展。';
    const text = `  • 县政协十届十一次常委会议召开\n  •   昨天,县政协十届十一次常委会议召开。${prose}\n  • 山西持续严打“洗洞”盗采行为\n`;
    expect(of(text, 'slogan')).toEqual(['一二三四五', '125']);
  });

  it('finds the user’s slogans unquoted', () => {
    expect(of('坚持两个毫不动摇。', 'slogan')).toEqual([]);
    expect(
      directives('坚持两个毫不动摇。', ['两个毫不动摇'])
        .filter((d) => d.subtype === 'slogan')
        .map((d) => d.normalized),
    ).toEqual(['两个毫不动摇']);
  });
});

describe('formulas', () => {
  it('reads numbered formulas with their count', () => {
    const text =
      '全面落实第九版防控方案和二十条优化措施,落实支持中小企业24条措施、69项共性任务,严守八项规定。';
    const found = directives(text).filter((d) => d.subtype === 'formula');
    expect(found.map((d) => [d.normalized, d.count])).toEqual([
      ['第九版防控方案', 9],
      ['二十条优化措施', 20],
      ['24条措施', 24],
      ['69项共性任务', 69],
      ['八项规定', 8],
    ]);
  });

  it('does not take an article of a law for a formula', () => {
    expect(of('依据第二十条规定处理。', 'formula')).toEqual([]);
  });
});

describe('imperatives', () => {
  it('takes the head and its clause', () => {
    expect(of('会议强调,要筑牢输入防线,坚决守好外防输入关口。', 'imperative')).toEqual([
      '要筑牢输入防线',
      '坚决守好外防输入关口',
    ]);
  });

  it('skips 要 inside other words', () => {
    expect(of('重要讲话,主要领导,需要时,提出要求。', 'imperative')).toEqual([]);
  });
});

describe('enumerations', () => {
  it('takes 一是/二是, 第一/第二 and 一要/二要 families', () => {
    const text =
      '一是疫情防控要丝毫不松。二是复工复产。\n第一,防控要巩固。第二,开学要落实。\n李云峰强调,一要聚焦防控。二要聚焦重点。';
    const found = directives(text).filter((d) => d.subtype === 'enumeration');
    expect(found.map((d) => [d.normalized, d.count])).toEqual([
      ['一是', 1],
      ['二是', 2],
      ['第一', 1],
      ['第二', 2],
      ['一要', 1],
      ['二要', 2],
    ]);
  });

  it('needs both a first and a second item', () => {
    expect(of('统一是关键。第一时间赶到。', 'enumeration')).toEqual([]);
  });

  it('takes a first marker right after its clause’s subject, not one inside a word', () => {
    expect(of('会议要求各县区一要高度重视;二要提前部署。', 'enumeration')).toEqual([
      '一要',
      '二要',
    ]);
    expect(of('各单位一是要提高站位,二是要压实责任。', 'enumeration')).toEqual(['一是', '二是']);
    expect(of('会议统一要求各地;二要提前部署。', 'enumeration')).toEqual([]);
  });

  it('counts 是 and 要 markers as one numbering when a speaker mixes them', () => {
    expect(of('他强调,一要认识到位;二是压实责任;三要加强督查。', 'enumeration')).toEqual([
      '一要',
      '二是',
      '三要',
    ]);
  });
});

describe('formula nouns', () => {
  it('prefers the longer noun phrase', () => {
    expect(of('实施十项重点任务,开展十二项重点整治。', 'formula')).toEqual([
      '十项重点任务',
      '十二项重点整治',
    ]);
  });
});

describe('counted things', () => {
  it('reads no formula in a tally of projects or priorities', () => {
    expect(
      of('全年实施12个百亿元项目,抓好六大重点,从五个方面全面推进,落实十项重点任务。', 'formula'),
    ).toEqual(['十项重点任务']);
  });
});

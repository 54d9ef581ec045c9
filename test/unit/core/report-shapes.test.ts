import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import type { MeetingEntity } from '../../../src/core/types';
import { officialsOf } from '../../support/officials-of';

const officials = officialsOf;

/** Meetings found in a text. */
function meetings(text: string): MeetingEntity[] {
  return annotate({ text }).entities.filter((e): e is MeetingEntity => e.kind === 'meeting');
}

describe('lists of names', () => {
  it('reads a list written with the small enumeration comma ﹑ as with 、', () => {
    expect(officials('县人大常委会副主任欧阳斌﹑伍楚君参加会议。')).toEqual({
      欧阳斌: ['县人大常委会副主任'],
      伍楚君: ['县人大常委会副主任'],
    });
  });

  it('gives every name after one title that title', () => {
    expect(officials('市委常委张三丰、李四海、王五、赵六、钱七、孙八、周九出席会议。')).toEqual({
      张三丰: ['市委常委'],
      李四海: ['市委常委'],
      王五: ['市委常委'],
      赵六: ['市委常委'],
      钱七: ['市委常委'],
      孙八: ['市委常委'],
      周九: ['市委常委'],
    });
  });

  it('reads names whose characters are also function words, and names without a common surname', () => {
    expect(Object.keys(officials('县领导郭向荣、罗颢、刘会军、尼玛卓玛出席会议。'))).toEqual([
      '郭向荣',
      '罗颢',
      '刘会军',
      '尼玛卓玛',
    ]);
  });

  it('reads a list after a linker and cuts the last name before the word that ends it', () => {
    expect(officials('大会执行主席是卢林、杨汉华、邬江。')).toEqual({
      卢林: ['大会执行主席'],
      杨汉华: ['大会执行主席'],
      邬江: ['大会执行主席'],
    });
    expect(Object.keys(officials('开幕会执行主席由丁和平、黄晓勇、刘攀担任。'))).toEqual([
      '丁和平',
      '黄晓勇',
      '刘攀',
    ]);
  });

  it('keeps names with a middle dot whole, and compound surnames', () => {
    expect(officials('副主席吉尔拉·衣沙木丁、孔星隆、艾则孜·木沙出席。所长欧阳明华主持。')).toEqual(
      {
        '吉尔拉·衣沙木丁': ['副主席'],
        孔星隆: ['副主席'],
        '艾则孜·木沙': ['副主席'],
        欧阳明华: ['所长'],
      },
    );
    expect(Object.keys(officials('受自治区政协主席帕巴拉·格列朗杰委托，会议由他主持。'))).toEqual([
      '帕巴拉·格列朗杰',
    ]);
  });

  it('does not read nouns after 领导 or phrases after a title as names', () => {
    expect(officials('市人大常委会、市政府、市政协领导班子成员,市中级法院院长出席。')).toEqual({});
    expect(officials('引导广大委员牢记嘱托、感恩奋进。')).toEqual({});
    expect(officials('实行县领导包乡镇、乡镇干部包村。')).toEqual({});
  });
});

describe('list and name shapes of the session-9 dev pages', () => {
  it('keeps a list going past a bracketed note after a name', () => {
    expect(officials('大会执行主席姚鸿波、丁国华(市人大)、刘若亮、王玺在主席台前排就座。')).toEqual(
      {
        姚鸿波: ['大会执行主席'],
        丁国华: ['大会执行主席'],
        刘若亮: ['大会执行主席'],
        王玺: ['大会执行主席'],
      },
    );
  });

  it('links a list by 的还有 and 的是, but not by a linker that opens another word', () => {
    expect(officials('当选为市委常委的还有刘学新、吴清、胡文容。')).toEqual({
      刘学新: ['市委常委'],
      吴清: ['市委常委'],
      胡文容: ['市委常委'],
    });
    expect(officials('担任本次会议执行主席的是赫天江、杨振如、裴建宁。')).toEqual({
      赫天江: ['执行主席'],
      杨振如: ['执行主席'],
      裴建宁: ['执行主席'],
    });
    expect(officials('会议审议了市委常委的有关事项。')).toEqual({});
  });

  it('reads names before 不再担任, past a reason and a closing 等(同志)', () => {
    expect(
      officials(
        '乔延春、齐乃贵因年龄原因,不再担任省政协副主席职务,毕泗生不再担任省政协秘书长职务。于洪文、孙立新等同志因年龄和工作变动,不再担任省政协常委职务。',
      ),
    ).toEqual({
      乔延春: ['省政协副主席'],
      齐乃贵: ['省政协副主席'],
      毕泗生: ['省政协秘书长'],
      于洪文: ['省政协常委'],
      孙立新: ['省政协常委'],
    });
    expect(officials('选举马文华等30人为区人大常委会委员。')).toEqual({
      马文华: ['区人大常委会委员'],
    });
  });

  it('ends names where they end: after 的, before a title head, with 和 or 为 before a separator', () => {
    expect(
      officials('受全国政协副主席帕巴拉·格列朗杰的委托,自治区政协副主席高扬主持会议。'),
    ).toEqual({
      '帕巴拉·格列朗杰': ['全国政协副主席'],
      高扬: ['自治区政协副主席'],
    });
    expect(officials('县政协主席候选人亚森·图尔荪向大会作报告。')).toEqual({
      '亚森·图尔荪': ['县政协主席候选人'],
    });
    // A rarer second character (向) with 以及 after it: the longer word after the shorter name.
    expect(officials('开发区管委会主任刘向以及县纪委有关负责同志列席会议。')).toEqual({
      刘向: ['开发区管委会主任'],
    });
    // 畅谈 (talking over what was learnt) follows names as other verbs of reports do.
    expect(officials('区人大常委会主任袁晓林,区政协主席陈勇章畅谈学习体会。')).toEqual({
      袁晓林: ['区人大常委会主任'],
      陈勇章: ['区政协主席'],
    });
    // 告诉记者: an official quoted in an interview, after a Tibetan name without a surname.
    expect(officials('自治区人大常委会副主任、日喀则地委书记丹增朗杰告诉记者。')).toEqual({
      丹增朗杰: ['自治区人大常委会副主任', '日喀则地委书记'],
    });
    // 率 (leading a delegation) never stands inside a name, even before a longer word.
    expect(officials('县委副书记、县长吐尔洪·阿不拉率党政代表团一行8人到衢州考察。')).toEqual({
      '吐尔洪·阿不拉': ['县委副书记', '县长'],
    });
    expect(officials('执行主席王国和、马国强出席。代县长陈大为等在家县委常委参加会议。')).toEqual({
      王国和: ['执行主席'],
      马国强: ['执行主席'],
      陈大为: ['代县长'],
    });
  });

  it('opens no name after a head that belongs to an organ’s name (常委会备案)', () => {
    expect(
      officials(
        '接受周明国辞去县人大代表职务的请求,并报送市人大常委会备案、公告。县人大常委会主任张三主持。',
      ),
    ).toEqual({ 周明国: ['县人大代表'], 张三: ['县人大常委会主任'] });
  });

  it('reads no official in a quotation that a title and a name fill (“委员沙龙”)', () => {
    expect(officials('通过“委员进小院”“委员沙龙”等反映群众心声。县委书记张三出席。')).toEqual({
      张三: ['县委书记'],
    });
  });

  it('reads names that 主持 or 出席 close after a title (no surname, or a function word inside), or 率领 and 带队, not adverbs', () => {
    expect(officials('自治区党委副书记、自治区主席布小林主持会议并讲话。')).toEqual({
      布小林: ['自治区党委副书记', '自治区主席'],
    });
    expect(officials('自治区人大常委会副主任旦科主持会议。州长刀文出席。')).toEqual({
      旦科: ['自治区人大常委会副主任'],
      刀文: ['州长'],
    });
    expect(officials('博州州长巴德玛拉率领党政代表团来到襄阳考察。')).toEqual({
      巴德玛拉: ['博州州长'],
    });
    expect(officials('会议听取了省民政厅厅长更阳作关于《统一全省社区居委会届期》的说明。')).toEqual(
      {
        更阳: ['省民政厅厅长'],
      },
    );
    expect(officials('县委副书记、县政府县长卓玛当周带队赴西宁市调研。')).toEqual({
      卓玛当周: ['县委副书记', '县政府县长'],
    });
    // 其 and 日 stand inside Mongolian names after their first character (木其热, 宝日夫), but a
    // date of two characters (同日) is no name.
    expect(officials('党委副书记、苏木达木其热主持会议。盟政协副主席宝日夫出席。')).toEqual({
      木其热: ['党委副书记', '苏木达'],
      宝日夫: ['盟政协副主席'],
    });
    expect(officials('旗政协主席宝日夫、县委书记冀书刚出席。县长同日主持会议。')).toEqual({
      宝日夫: ['旗政协主席'],
      冀书刚: ['县委书记'],
    });
    expect(officials('县委书记专门主持召开会议。区法检两长依法列席会议。')).toEqual({});
    // A surname and a function word's character in the middle of the given name, closed the same way.
    expect(officials('市委书记陈之常主持会议。副县长张三也出席。')).toEqual({
      陈之常: ['市委书记'],
      张三: ['副县长'],
    });
  });

  it('reads Tibetan and Yi names and rarer surnames, and no department as a name', () => {
    expect(officials('市委常委、常务副市长斯朗尼玛,州长苏嘎尔布出席会议。')).toEqual({
      斯朗尼玛: ['市委常委', '常务副市长'],
      苏嘎尔布: ['州长'],
    });
    expect(officials('区政协主席颉常青作工作报告。省政协副主席焉荣竹出席。')).toEqual({
      颉常青: ['区政协主席'],
      焉荣竹: ['省政协副主席'],
    });
    expect(officials('州政协副主席宛庆丰率队调研。区长菅锋讲话。')).toEqual({
      宛庆丰: ['州政协副主席'],
      菅锋: ['区长'],
    });
    expect(officials('区政协副主席施利君及区人武部、区总工会负责人应邀出席。')).toEqual({
      施利君: ['区政协副主席'],
    });
    expect(officials('市委副书记徐宏源组织召开会议。领导小组成员单位要各司其职。')).toEqual({
      徐宏源: ['市委副书记'],
    });
  });
  it('reads names before 等 and a leaders’ title that 和 joins to another group, and after 通过', () => {
    expect(officials('许勇、王建武、公保扎西等自治区领导和部分老同志出席会议。')).toEqual({
      许勇: ['自治区领导'],
      王建武: ['自治区领导'],
      公保扎西: ['自治区领导'],
    });
    expect(officials('会议通过闫红蕾、郑国志、李冕为大会副秘书长。')).toEqual({
      闫红蕾: ['大会副秘书长'],
      郑国志: ['大会副秘书长'],
      李冕: ['大会副秘书长'],
    });
    expect(officials('督导组副组长黎志刚如是说。洛珠南杰当选为市政协主席。')).toEqual({
      黎志刚: ['副组长'],
      洛珠南杰: ['市政协主席'],
    });
  });
  it('closes a list at 及, reads past 了 and a time word, and a leaders’ title naming several organs', () => {
    expect(
      officials(
        '市领导范志国、王刚、李兵及各县(市、区)主要负责人参加会议。副主任于丽华、李占鹏及17位委员出席。',
      ),
    ).toEqual({
      范志国: ['市领导'],
      王刚: ['市领导'],
      李兵: ['市领导'],
      于丽华: ['副主任'],
      李占鹏: ['副主任'],
    });
    expect(officials('表决并接受了王增志同志辞去区政协秘书长职务。')).toEqual({
      王增志: ['区政协秘书长'],
    });
    expect(officials('市人大常委会副主任杨定华、吴汉民昨天也参加了开幕式。')).toEqual({
      杨定华: ['市人大常委会副主任'],
      吴汉民: ['市人大常委会副主任'],
    });
    expect(officials('束华、杨维超、周中等市委、市人大、市政府领导出席会议。')).toEqual({
      束华: ['市委、市人大、市政府领导'],
      杨维超: ['市委、市人大、市政府领导'],
      周中: ['市委、市人大、市政府领导'],
    });
  });

  it('reads no name inside a word after a head, nor a modifier before one', () => {
    expect(officials('要着力引进一批事关黑河长远发展的大项目。')).toEqual({});
    expect(Object.keys(officials('任命桑维亮为副市长、代理市长。'))).toEqual(['桑维亮']);
    expect(officials('秘书长江兴代出席。')).toEqual({ 江兴代: ['秘书长'] });
    // A date may stand right before a name written before its head.
    expect(officials('4月20日李克强总理主持召开国务院常务会议。')).toEqual({ 李克强: ['总理'] });
  });
  it('reads 和 ending a name before a verb, long Mongolian names in a list, and votes of several', () => {
    expect(officials('市人大常委会主任云公和主持会议。')).toEqual({ 云公和: ['市人大常委会主任'] });
    // 为 links a post there (邹广为代表团团长 is 邹广's post).
    expect(officials('推选邹广为代表团团长。')).toEqual({ 邹广: ['代表团团长'] });
    expect(officials('部长塔勒哈提·居马拜作工作报告。')).toEqual({ '塔勒哈提·居马拜': ['部长'] });
    expect(officials('副主任孙建国、斯钦毕力格、付东海出席。')).toEqual({
      孙建国: ['副主任'],
      斯钦毕力格: ['副主任'],
      付东海: ['副主任'],
    });
    // One with a Chinese surname (祁) is read between two 、, not a run holding a verb (出席).
    const listed = (names: string[], title: string): Record<string, string[]> =>
      Object.fromEntries(names.map((n) => [n, [title]]));
    expect(officials('市领导牛俊雁、祁毕西勒图、于新芳、冯超等出席。')).toEqual(
      listed(['牛俊雁', '祁毕西勒图', '于新芳', '冯超'], '市领导'),
    );
    // The last one, closed by the word that ends the list; a count after a name is none of it.
    expect(officials('政府副旗长特木尔、阿木吉拉图出席会议。')).toEqual(
      listed(['特木尔', '阿木吉拉图'], '政府副旗长'),
    );
    expect(officials('副主席周应华、赵牧、谢定敏四位同志出席会议。')).not.toHaveProperty(
      '谢定敏四位',
    );
    expect(officials('副主任徐为祥、金明、唐广群、刘登石出席,副县长周戍列席。')).toEqual({
      ...listed(['徐为祥', '金明', '唐广群', '刘登石'], '副主任'),
      周戍: ['副县长'],
    });
    expect(officials('杨欣、陈国良分别以309票、308票当选为市政协副主席。')).toEqual({
      杨欣: ['市政协副主席'],
      陈国良: ['市政协副主席'],
    });
  });
  it('skips a bracketed note after a title, and reads no name from common words after a head', () => {
    expect(officials('中央农办秘书局局长(兼)吴宏耀出席。副校长(副院长)李毅出席。')).toEqual({
      吴宏耀: ['中央农办秘书局局长'],
      李毅: ['副校长'],
    });
    expect(officials('市委常委(扩大)会议召开。')).toEqual({});
    expect(officials('在主席台就座的市级领导还有:骆秀燕、张恒、孟和达来。')).toEqual({
      骆秀燕: ['市级领导'],
      张恒: ['市级领导'],
      孟和达来: ['市级领导'],
    });
    expect(officials('习近平总书记来渝视察时强调。把总书记关心的大事办好。')).toEqual({
      习近平: ['总书记'],
    });
  });
  it('reads posts in brackets after names, 选举产生…任, 等…组成人员, and more words after names', () => {
    expect(
      officials(
        '分别是:张庆黎(时任省委书记)、杨崇勇(满族,时任常务副省长)、田向利(女,时任政协副主席)。',
      ),
    ).toEqual({
      张庆黎: ['省委书记'],
      杨崇勇: ['常务副省长'],
      田向利: ['政协副主席'],
    });
    expect(officials('会议选举产生陈旭东任新塘乡人民政府乡长,易婧任新塘乡人大主席。')).toEqual({
      陈旭东: ['新塘乡人民政府乡长'],
      易婧: ['新塘乡人大主席'],
    });
    expect(officials('何开银、安青、屈茂君等县人民政府常务会议组成人员参加。')).toEqual({
      何开银: ['县人民政府常务会议组成人员'],
      安青: ['县人民政府常务会议组成人员'],
      屈茂君: ['县人民政府常务会议组成人员'],
    });
    expect(
      officials(
        '县人武部政委陈少华特邀列席会议。省委书记王东峰第一时间主持召开会议。委员满意度为97%。',
      ),
    ).toEqual({
      陈少华: ['县人武部政委'],
      王东峰: ['省委书记'],
    });
  });
});

describe('plenums, congresses and sessions', () => {
  it('reads plenums written with 中 and with 次', () => {
    const [a, b] = meetings('学习党的十九届四中全会和二十届二中、三中全会精神。');
    expect(a).toMatchObject({ ordinals: [4], term: 19, category: 'plenum', body: '党' });
    expect(b).toMatchObject({ ordinals: [2, 3], term: 20, category: 'plenum' });
    // A plenum written 中全会 with no body before it is the Central Committee's; 中共 names it so.
    expect(b?.body).toBe('党');
    expect(meetings('学习中共十九届六中全会精神。')[0]).toMatchObject({
      ordinals: [6],
      body: '中共',
    });
    expect(meetings('县委十三届五中全会召开')[0]?.body).toBe('县委');
    expect(meetings('县委十三届五次全会召开')[0]).toMatchObject({
      ordinals: [5],
      term: 13,
      body: '县委',
      category: 'plenum',
    });
    // Each item of the list may carry its own 次.
    expect(meetings('认真贯彻落实省委十一届七次、八次、九次全会精神。')[0]).toMatchObject({
      ordinals: [7, 8, 9],
      term: 11,
      body: '省委',
      category: 'plenum',
    });
    expect(meetings('会议表彰了政协秦州区七届三次、四次会议优秀提案。')[0]).toMatchObject({
      ordinals: [3, 4],
      term: 7,
    });
  });

  it('reads Party congresses written N大, but not numbered formulas', () => {
    expect(meetings('深入学习贯彻党的二十大精神')[0]).toMatchObject({
      ordinals: [20],
      category: 'congress',
    });
    expect(meetings('十九大以来，全市打好三大攻坚战。').map((m) => m.ordinals)).toEqual([[19]]);
    expect(meetings('打好三大攻坚战，实施十大工程。')).toEqual([]);
    // After 围绕, 把, 以 or 学习了; before 、 or 各项.
    for (const text of [
      '要围绕十八大、全国政协会议精神抓好工作。',
      '以优良作风把十九大各项决策部署落到实处。',
      '代表们学习了十九大报告。',
      '以十九大报告全文为主要辅导内容。',
    ])
      expect(
        meetings(text).map((m) => m.ordinals),
        text,
      ).toHaveLength(1);
  });

  it('reads sessions of people’s congresses and CPPCC, and enlarged meetings', () => {
    expect(meetings('区政协十三届二次会议开幕')[0]).toMatchObject({
      ordinals: [2],
      term: 13,
      body: '区政协',
      category: 'session',
    });
    expect(meetings('镇人代会第三次会议召开')[0]).toMatchObject({
      ordinals: [3],
      category: 'session',
    });
    expect(meetings('召开市人大常委会党组第三十一次(扩大)会议')[0]).toMatchObject({
      ordinals: [31],
      body: '市人大常委会党组',
      expanded: true,
    });
    // The mark may also stand inside the type, after its first word.
    expect(meetings('中心组开展2026年第二次集中(扩大)学习')[0]).toMatchObject({
      ordinals: [2],
      meetingType: '集中学习',
      expanded: true,
    });
    expect(meetings('北辰区政协召开八届二十一次常委(扩大)会议')[0]).toMatchObject({
      ordinals: [21],
      term: 8,
      meetingType: '常委会会议',
      category: 'meeting',
      expanded: true,
    });
    expect(meetings('主持召开第二十届第 120次常务会议')[0]).toMatchObject({
      ordinals: [120],
      term: 20,
    });
    // Spaces on both sides of an Arabic number (第 32 次): one meeting, not a body read around it.
    expect(meetings('市长周必松主持召开第十六届人民政府第 32 次常务会议,讨论')).toMatchObject([
      { text: '第十六届人民政府第 32 次常务会议', ordinals: [32], term: 16, body: '人民政府' },
    ]);
    expect(meetings('国民党第 25 次代表大会')[0]).toMatchObject({ ordinals: [25] });
    // A headline's space between the number and the type (中共大孟镇第四次 代表大会召开).
    expect(meetings('中共大孟镇第四次 代表大会召开')[0]).toMatchObject({
      ordinals: [4],
      body: '中共大孟镇',
      category: 'congress',
    });
  });

  it('keeps the words before a body out of it', () => {
    expect(meetings('李明就修改完善市委十四届五次全会工作报告征求意见')[0]?.body).toBe('市委');
    expect(meetings('三届县委召开45次常委会会议')[0]?.body).toBe('县委');
    expect(meetings('审议通过的县委常委会第57次会议纪要')[0]).toMatchObject({
      body: '县委常委会',
      text: '县委常委会第57次会议',
    });
    // The term's 委员会 names the committee already named, not a second one.
    expect(meetings('中共电白区委员会召开第十三届委员会第五次全体会议')[0]).toMatchObject({
      body: '中共电白区委员会',
      term: 13,
    });
    // Verbs that take a body as their object end before it (紧扣, 祝贺, 收看, 统一到).
    expect(meetings('会议要求紧扣市委十四届五次全会部署')[0]?.body).toBe('市委');
    expect(meetings('热烈祝贺市人大十届三次会议胜利召开')[0]?.body).toBe('市人大');
    expect(meetings('集中收听收看县人民代表大会第三次会议开幕')[0]?.body).toBe('县人民代表大会');
    // A CPPCC's chairs' council and a standing committee's council of directors are organs with
    // their own numbering: the body that met.
    expect(meetings('市政协召开第56次主席会议')[0]).toMatchObject({
      body: '市政协主席会议',
      meetingType: '主席会议',
    });
    // 全面 is part of a committee's name (全面深化改革委员会), not an adverb before a body.
    expect(meetings('主持召开市委全面深化改革委员会第十五次会议')[0]?.body).toBe(
      '市委全面深化改革委员会',
    );
  });
});

describe('detection from content alone', () => {
  it('takes a two-line brief without URL or chrome for a report', () => {
    const r = annotate({
      text: '5月8日，县委召开第36次常委会会议。县委书记王建国主持会议并讲话。会议指出，要抓好安全生产。会议要求，各级各部门要压实责任。',
    });
    expect(r.page.isGovNews).toBe(true);
  });

  it('makes one decision at the threshold it is given', () => {
    const text = '县委召开第36次常委会会议，县委书记王建国主持会议并讲话。';
    const { score } = annotate({ text }).page;
    expect(annotate({ text, threshold: score }).page.isGovNews).toBe(true);
    expect(annotate({ text, threshold: Math.min(1, score + 0.01) }).page.isGovNews).toBe(false);
  });

  it('leaves a listed company’s board meeting alone', () => {
    const r = annotate({
      text: '某某股份有限公司第三届董事会第十二次会议于2024年3月5日召开，董事长张三主持会议，应出席董事9名，实际出席9名。会议审议通过了《关于2023年度利润分配的议案》，表决结果：同意9票，反对0票，弃权0票。证券代码：600000 证券简称：某某股份 公告编号：2024-012',
    });
    expect(r.page.isGovNews).toBe(false);
  });
});

describe('quoted formulas', () => {
  it('takes quoted digit formulas and phrase lists as slogans, not nicknames of meetings', () => {
    const slogans = annotate({
      text: '县委书记王建国主持召开县委常委会第5次会议。会议强调，要推进“1+N”政策体系，落实“干字当头、目标倒逼、问题导向、重点发力、以上率下”，深化“放管服”改革，传达全国“两会”精神。',
    })
      .entities.filter((e) => e.kind === 'directive' && e.subtype === 'slogan')
      .map((e) => (e.kind === 'directive' ? e.normalized : ''));
    expect(slogans).toEqual(['1+N', '干字当头、目标倒逼、问题导向、重点发力、以上率下', '放管服']);
  });

  it('takes “一府两院”, which counts bodies like a formula, as a slogan, and “两委” as a nickname', () => {
    const slogans = annotate({
      text: '县委书记王建国主持召开县委常委会第5次会议。会议强调，要支持“一府两院”依法履职，配齐配强村“两委”班子。',
    })
      .entities.filter((e) => e.kind === 'directive' && e.subtype === 'slogan')
      .map((e) => (e.kind === 'directive' ? e.normalized : ''));
    expect(slogans).toEqual(['一府两院']);
  });
});

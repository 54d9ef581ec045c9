import { describe, expect, it } from 'vitest';
import { annotate, toSimplified } from '../../../src/core/index';
import { officialsOf as officials } from '../../support/officials-of';

/** The officials `names`, each with the titles `titles`. */
const holding = (titles: string | string[], names: string[]) =>
  Object.fromEntries(names.map((name) => [name, typeof titles === 'string' ? [titles] : titles]));

describe('list and name shapes of the session-10 dev pages', () => {
  it('reads a list after a note on its order, and 旷 as a surname', () => {
    expect(officials('大会执行主席是(按姓名笔画排列):旷立伟、陈琛、周耀辉。')).toEqual({
      旷立伟: ['大会执行主席'],
      陈琛: ['大会执行主席'],
      周耀辉: ['大会执行主席'],
    });
  });

  it('reads the names after a title and a colon even when the first has no common surname', () => {
    expect(officials('闭幕会的执行主席:松萍、王建功、伍绍江。会议由松萍主持。')).toEqual({
      松萍: ['执行主席'],
      王建功: ['执行主席'],
      伍绍江: ['执行主席'],
    });
    // A phrase after the colon that no separator ends as a name is still none.
    expect(officials('县长:责任重大,要抓好。')).toEqual({});
  });

  it('reads a given name opened by a function word’s character before a head (胡和平书记)', () => {
    expect(officials('重点学习了省委胡和平书记的重要讲话。')).toEqual({ 胡和平: ['省委书记'] });
    expect(officials('由魏小平副局长、赵日恒副局长分别传达了会议精神。')).toEqual({
      魏小平: ['副局长'],
      赵日恒: ['副局长'],
    });
  });

  it('ends a list of names at an organ (及区政府、区人大), but not at a name surnamed 区', () => {
    expect(officials('副区长郑学龙及区人大、区政协负责同志参加。')).toEqual({ 郑学龙: ['副区长'] });
    expect(officials('副区长郑学龙、区海涛出席。')).toEqual({
      郑学龙: ['副区长'],
      区海涛: ['副区长'],
    });
  });

  it('reads a Tibetan name without a surname before its head whole (向巴平措副委员长)', () => {
    expect(officials('会议由向巴平措副委员长主持。')).toEqual({ 向巴平措: ['副委员长'] });
    expect(officials('会议由王明副委员长主持。')).toEqual({ 王明: ['副委员长'] });
  });

  it('reads a name that 同志 closes whatever its characters (朱栋会同志, 杨里同志)', () => {
    expect(officials('会议由党委副书记朱栋会同志主持。镇长杨里同志作报告。')).toEqual({
      朱栋会: ['党委副书记'],
      杨里: ['镇长'],
    });
    // 和 joining 与会同志, and 等 closing a list, are not part of a name.
    expect(officials('县委书记和与会同志交流。')).toEqual({});
    expect(officials('专职副书记肖伟等同志陪同。')).toEqual({ 肖伟: ['专职副书记'] });
  });

  it('reads no name in a common word before a head (关键时刻总书记, 新时代总书记)', () => {
    expect(officials('关键时刻总书记亲自把脉定向,新时代总书记指出方向。')).toEqual({});
  });

  it('reads a title whose holders also sat on the rostrum, and a space before a 、', () => {
    expect(
      officials('担任大会执行主席并在主席台前排就座的有:胡果雄、夏海蓉、周向阳 、贺金平。'),
    ).toEqual({
      胡果雄: ['大会执行主席'],
      夏海蓉: ['大会执行主席'],
      周向阳: ['大会执行主席'],
      贺金平: ['大会执行主席'],
    });
  });

  it('keeps a meeting’s own post whole after 本次 (本次大会执行主席)', () => {
    expect(officials('本次大会执行主席吴俊清、王建忠、常书铭出席会议。')).toEqual({
      吴俊清: ['大会执行主席'],
      王建忠: ['大会执行主席'],
      常书铭: ['大会执行主席'],
    });
  });

  it('names the place of a leaders’ list (鸡西市领导), but not a word before its unit (全市领导)', () => {
    expect(officials('鸡西市领导张常荣、丛祥荣、朱玉文出席会议。')).toEqual({
      张常荣: ['鸡西市领导'],
      丛祥荣: ['鸡西市领导'],
      朱玉文: ['鸡西市领导'],
    });
    expect(officials('会议和全市领导唐正安、吴旭敦出席。')).toEqual({
      唐正安: ['市领导'],
      吴旭敦: ['市领导'],
    });
    expect(officials('在主席台就座的市党政军领导有刘正兴、周玉梅。')).toEqual({
      刘正兴: ['市党政军领导'],
      周玉梅: ['市党政军领导'],
    });
  });

  it('reads a listed name that opens with a common word (方向平) and the names after it', () => {
    expect(Object.keys(officials('大会的执行主席是:李忠、郑向阳、方向平、洪淦虎、王逸。'))).toEqual(
      ['李忠', '郑向阳', '方向平', '洪淦虎', '王逸'],
    );
    expect(officials('副市级领导刘建业及经信局、宣传部、公安局主要领导参加。')).toEqual({
      刘建业: ['副市级领导'],
    });
  });

  it('reads on past a note in a list separated by spaces (时立军(女) 曹学成)', () => {
    expect(officials('山东省人民政府副省长:王仁元 时立军(女) 曹学成 李明先')).toEqual(
      holding('山东省人民政府副省长', ['王仁元', '时立军', '曹学成', '李明先']),
    );
  });

  it('reads names a site separates with commas after one title, not a clause after a name', () => {
    expect(officials('副县长孙菁菁,黄旺,回彬,吕振,各乡镇主要负责人参加会议。')).toEqual({
      孙菁菁: ['副县长'],
      黄旺: ['副县长'],
      回彬: ['副县长'],
      吕振: ['副县长'],
    });
    expect(officials('县长王明,强调,要抓好落实。')).toEqual({ 王明: ['县长'] });
    expect(officials('副县长李四,王五出席会议。')).toEqual({ 李四: ['副县长'] });
    // Once commas have made the list, a word that follows names closes its last name.
    expect(officials('副主席李闯,刘传谊,向秀忠参加会议。')).toEqual({
      李闯: ['副主席'],
      刘传谊: ['副主席'],
      向秀忠: ['副主席'],
    });
  });

  it('reads a list of city leaders opened by a Mongolian name (额登毕力格, 吉日木图)', () => {
    expect(officials('市领导额登毕力格、苗程玉、吉日木图、张秀玲分别参加。')).toEqual({
      额登毕力格: ['市领导'],
      苗程玉: ['市领导'],
      吉日木图: ['市领导'],
      张秀玲: ['市领导'],
    });
  });

  it('reads the leaders of a Party working committee or a state farm listed after one title', () => {
    expect(officials('工委领导戈亮、高扬、许绍杰参加学习。')).toEqual({
      戈亮: ['工委领导'],
      高扬: ['工委领导'],
      许绍杰: ['工委领导'],
    });
    expect(officials('县领导戴兵,农场领导尹显洪、张毅参加会议。')).toEqual({
      戴兵: ['县领导'],
      尹显洪: ['农场领导'],
      张毅: ['农场领导'],
    });
  });

  it('reads the first name of a list that 以及 joins to the clause before (,以及甲、乙等县领导)', () => {
    expect(officials('县政协主席喻亚军,以及胡德强、汤智斌、周泽祥等县领导出席。')).toEqual({
      喻亚军: ['县政协主席'],
      ...holding('县领导', ['胡德强', '汤智斌', '周泽祥']),
    });
  });

  it('reads the first name of a list closed by 等县领导 after a linker, 等在家县领导 and 等常委会领导', () => {
    expect(officials('出席会议的还有邱清燕、周久虎、唐湘黔等县领导。')).toEqual({
      邱清燕: ['县领导'],
      周久虎: ['县领导'],
      唐湘黔: ['县领导'],
    });
    expect(officials('在主席台就座的还有陈云、谢辉、孔维政等在家县领导。')).toEqual({
      陈云: ['县领导'],
      谢辉: ['县领导'],
      孔维政: ['县领导'],
    });
    // A standing committee's or a congress's leaders, named by the organ rather than the level.
    expect(
      officials('县人大常委会召开第十九次主任会议,谢友先、李玲玲等常委会领导出席会议。'),
    ).toEqual({
      谢友先: ['常委会领导'],
      李玲玲: ['常委会领导'],
    });
    // Or as members of the leading bodies, those at home.
    expect(officials('范秀燎、黄庆忠等在家的县四套领导班子成员参加了会议。')).toEqual({
      范秀燎: ['县四套领导班子成员'],
      黄庆忠: ['县四套领导班子成员'],
    });
    // Or by their rank, after 其他 (the others of that rank).
    expect(officials('就座的还有:高玉勇、王威、杨静锋等其他副处级以上领导。')).toEqual({
      高玉勇: ['副处级以上领导'],
      王威: ['副处级以上领导'],
      杨静锋: ['副处级以上领导'],
    });
  });

  it('reads 同志 after each elected name and a name after 和', () => {
    expect(officials('唐浩同志、濮雁同志和李省同志当选为留山镇副镇长。')).toEqual({
      唐浩: ['留山镇副镇长'],
      濮雁: ['留山镇副镇长'],
      李省: ['留山镇副镇长'],
    });
  });

  it('ends a name before 代 and a head, and before 围绕', () => {
    expect(officials('会议听取王奔代区长所作的报告。')).toEqual({ 王奔: ['代区长'] });
    expect(officials('区委副书记、区长吴金城围绕委员们关心的问题作了通报。')).toEqual({
      吴金城: ['区委副书记', '区长'],
    });
  });

  it('reads a leaders’ list whose organ carries a note, and no name in 有关单位', () => {
    expect(officials('市政府(林管局)领导林宏坤、白波及有关单位负责同志参加会议。')).toEqual({
      林宏坤: ['市政府(林管局)领导'],
      白波: ['市政府(林管局)领导'],
    });
  });

  it('reads a nominee after the post, a resignation asked for, and 杲 as a surname', () => {
    expect(officials('盟委副书记、盟长提名人选郭玉峰主持。区委书记杲云出席。')).toEqual({
      郭玉峰: ['盟委副书记', '盟长提名人选'],
      杲云: ['区委书记'],
    });
    expect(officials('会议接受赵先良请求辞去伊春市人民政府副市长职务。')).toEqual({
      赵先良: ['伊春市人民政府副市长'],
    });
  });

  it('ends a list at 及 before the next title, and a name before 进行 or 莅', () => {
    expect(officials('副市长汪华辉、黄智迅及市政府秘书长李慷出席。')).toEqual({
      汪华辉: ['副市长'],
      黄智迅: ['副市长'],
      李慷: ['市政府秘书长'],
    });
    expect(officials('管委会主任吴宏进行调研。省委书记彭清华莅攀宣讲。')).toEqual({
      吴宏: ['管委会主任'],
      彭清华: ['省委书记'],
    });
  });

  it('reads no person from 来 and a place’s short name after leaders, nor from 都要', () => {
    expect(officials('会议传达学习省政府主要领导来航调研活动精神。每位常委都要讲政治。')).toEqual(
      {},
    );
  });

  it('folds 玨 to 珏', () => {
    expect(toSimplified('王玨')).toBe('王珏');
  });
});

describe('name shapes of the session-11 dev pages', () => {
  it('reads a name before 组织, and the rarer surnames 咸 and 遇', () => {
    expect(officials('县委巡察组副组长何炎远组织学习了文件。')).toEqual({
      何炎远: ['县委巡察组副组长'],
    });
    expect(Object.keys(officials('会议将审议自治区主席咸辉关于政府工作的报告。'))).toEqual([
      '咸辉',
    ]);
    expect(officials('会议听取了省人大法制委员会主任委员遇明作的报告。')).toEqual({
      遇明: ['省人大法制委员会主任委员'],
    });
  });

  it('starts a title after a verb and its 了', () => {
    expect(officials('会议听取了市政府副市长王明作的报告。')).toEqual({ 王明: ['市政府副市长'] });
  });

  it('starts a title after what one official did to another (县长甲在听取副县长乙…)', () => {
    expect(officials('会上,县长王华在听取市委副书记刘焰波的工作汇报后讲话。')).toEqual({
      王华: ['县长'],
      刘焰波: ['市委副书记'],
    });
    expect(officials('县长王华正在主持副县长刘焰波的述职会。')).toEqual({
      王华: ['县长'],
      刘焰波: ['副县长'],
    });
  });

  it('reads no name in a unanimous vote or an oath to the constitution', () => {
    const found = officials(
      '杨梅岭同志(女)全票当选为三和镇人民政府镇长。会上还举行了新当选镇长向宪法宣誓仪式。',
    );
    expect(Object.keys(found)).not.toContain('全票');
    expect(Object.keys(found)).not.toContain('向宪法');
  });

  it('reads Tibetan names that begin 罗松, 昂文, 旦正 or 齐美', () => {
    expect(officials('自治区政协副主席罗松多吉主持会议。')).toEqual({
      罗松多吉: ['自治区政协副主席'],
    });
    expect(Object.keys(officials('会议由局党组书记、局长昂文才仁主持。'))).toEqual(['昂文才仁']);
  });

  it('reads 以…同志为总书记 as a title, and 成立/成员 as no name', () => {
    expect(officials('全镇人民要紧密团结在以习近平同志为总书记的党中央周围。')).toEqual({
      习近平: ['总书记'],
    });
    expect(Object.keys(officials('成立以县长张三为组长的工作领导小组。'))).toEqual(['张三']);
    expect(officials('坚持以人民为中心的发展思想。')).toEqual({});
  });

  it('reads no name in words that open with a surname (学习贯彻, 任免决定, 和政协, 先后, 司法)', () => {
    expect(officials('今天上午,省党委中心组学习贯彻重要讲话座谈会在长沙举行。')).toEqual({});
    expect(officials('宣布省委组织部关于开发区主要领导任免决定。')).toEqual({});
    expect(officials('市政协常委、委员和政协参加单位要提高站位。')).toEqual({});
    expect(officials('会上,12位村(社区)书记和班子成员先后进行了发言。')).toEqual({});
    expect(officials('各乡镇党委书记、政法委员、综治中心主任、司法所长参加会议。')).toEqual({});
    expect(officials('各行政村(社区)党总支书记,各村民小组党支部书记参加会议。')).toEqual({});
    // Idioms and groups in a list: 靠前指挥、严阵以待 vouch for each other, 及 joins a group.
    expect(officials('镇领导靠前指挥、严阵以待,各分管领导分别带队。')).toEqual({});
    expect(officials('副院长王守荣及干部职工、部分服务对象代表参加。')).toEqual({
      王守荣: ['副院长'],
    });
    expect(officials('副主任维色、桑顶·多吉帕姆·德庆曲珍出席。')).toEqual({
      维色: ['副主任'],
      '桑顶·多吉帕姆·德庆曲珍': ['副主任'],
    });
  });

  it('reads the list after a level’s 领导干部 (县级领导干部甲、乙), not the cadres of every level', () => {
    expect(officials('大会主席团中的县级领导干部赵丽玲、王小鹏、王俊超出席会议。')).toEqual({
      赵丽玲: ['县级领导干部'],
      王小鹏: ['县级领导干部'],
      王俊超: ['县级领导干部'],
    });
    expect(officials('户县县级领导干部深入乡镇、部门进行调研。')).toEqual({});
    expect(officials('各级领导干部要带头深入到机关、企业。')).toEqual({});
  });

  it.each([
    [
      'reads the national leaders listed after 党和国家领导人, and the chairs a session 推定',
      '党和国家领导人胡锦涛、吴邦国、温家宝等在主席台就座。',
      { 胡锦涛: ['党和国家领导人'], 吴邦国: ['党和国家领导人'], 温家宝: ['党和国家领导人'] },
    ],
    [
      'reads the national leaders listed after 党和国家领导人, and the chairs a session 推定',
      '会议推定马正勇、王庆利为市八届人大二次会议主席团常务主席。',
      {
        马正勇: ['市八届人大二次会议主席团常务主席'],
        王庆利: ['市八届人大二次会议主席团常务主席'],
      },
    ],
    [
      'reads the rarer surnames 先, 别, 摆 and 赤, also opening a list',
      '副主席先大友、刘安东参加。副县长别必雄主持。',
      { 先大友: ['副主席'], 刘安东: ['副主席'], 别必雄: ['副县长'] },
    ],
    [
      'reads the rarer surnames 先, 别, 摆 and 赤, also opening a list',
      '副县长摆向阳出席。镇长赤光明讲话。',
      { 摆向阳: ['副县长'], 赤光明: ['镇长'] },
    ],
    [
      'reads a name before 召开 or 开展, with 又 opening or 里 ending its given name',
      '常务副区长闫启东召开调度会。县长韦佳开展调研。',
      { 闫启东: ['常务副区长'], 韦佳: ['县长'] },
    ],
    [
      'reads a name before 召开 or 开展, with 又 opening or 里 ending its given name',
      '省委宣传部部长许又声出席会议。县委书记沈鹏里主持召开常委会。',
      { 许又声: ['省委宣传部部长'], 沈鹏里: ['县委书记'] },
    ],
    [
      'reads the names listed after 有关领导',
      '市政协副主席及有关领导蒋西爱、黎萍、王岚出席会议。',
      { 蒋西爱: ['有关领导'], 黎萍: ['有关领导'], 王岚: ['有关领导'] },
    ],
    [
      'reads no name in 有关 after 领导 (主要领导有关批示)',
      '要贯彻落实市委主要领导有关批示要求。',
      {},
    ],
    [
      'reads no surname 由 in 由 before a name and its head',
      '会上,首先由刘莉副区长对方案作说明。',
      { 刘莉: ['副区长'] },
    ],
    [
      'reads no surname 由 in 由 before a name and its head',
      '首先由袁镇长对全镇的防汛工作作部署。',
      {},
    ],
    [
      'reads no surname 和 in 和 before a name and its head, but keeps 和 without a surname after it',
      '听取述职报告和周新书记的点评。会议由和晓燕副县长主持。',
      { 周新: ['书记'], 和晓燕: ['副县长'] },
    ],
    [
      'ends a name before 近期 or 致欢迎辞, and reads 巨 as a surname',
      '传达了四川省委书记刘奇葆近期关于援藏工作的讲话。',
      { 刘奇葆: ['四川省委书记'] },
    ],
    [
      'ends a name before 近期 or 致欢迎辞, and reads 巨 as a surname',
      '市委书记陈安众致欢迎辞。州委书记巨克中出席。',
      { 陈安众: ['市委书记'], 巨克中: ['州委书记'] },
    ],
    [
      'starts a title after a break word (由, 该, 了, 和 after a name), not inside a name',
      '闭幕式由兴庆区人大常委会主任孔令杰主持。',
      { 孔令杰: ['兴庆区人大常委会主任'] },
    ],
    [
      'starts a title after a break word (由, 该, 了, 和 after a name), not inside a name',
      '会议审议并通过了县政府副县长王明作的报告。',
      { 王明: ['县政府副县长'] },
    ],
    [
      'starts a title after a break word (由, 该, 了, 和 after a name), not inside a name',
      '首先由该镇党委副书记王怀茂讲话。',
      { 王怀茂: ['镇党委副书记'] },
    ],
    [
      'starts a title after a break word (由, 该, 了, 和 after a name), not inside a name',
      '省委书记汪洋和省委常委张广宁出席。',
      { 汪洋: ['省委书记'], 张广宁: ['省委常委'] },
    ],
    [
      'starts a title after a break word (由, 该, 了, 和 after a name), not inside a name',
      '全国政协农业和农村委员会副主任薛延忠,呼和浩特市委书记包钢出席。',
      { 薛延忠: ['全国政协农业和农村委员会副主任'], 包钢: ['呼和浩特市委书记'] },
    ],
    [
      'keeps 大会, 主席团, 组织 and 局 opening a title',
      '大会主席团常务主席王国和主持会议。大会执行主席李明出席。',
      { 王国和: ['大会主席团常务主席'], 李明: ['大会执行主席'] },
    ],
    [
      'keeps 大会, 主席团, 组织 and 局 opening a title',
      '组织部长刘鹏、局党组书记马振平出席。',
      { 刘鹏: ['组织部长'], 马振平: ['局党组书记'] },
    ],
    [
      'reads no name in 强调, 方案, 简要, 时任, 安监, 海南 or 习总 after a head',
      '王黎明副省长强调:要抓好落实。',
      { 王黎明: ['副省长'] },
    ],
    [
      'reads no name in 强调, 方案, 简要, 时任, 安监, 海南 or 习总 after a head',
      '主持人简要介绍了背景,时任市长主持会议,安监站长参加。',
      {},
    ],
    [
      'reads no name in 强调, 方案, 简要, 时任, 安监, 海南 or 习总 after a head',
      '要贯彻落实习总书记重要讲话精神。',
      {},
    ],
  ])('%s: %s', (_shape, text, expected) => {
    expect(officials(text)).toEqual(expected);
  });
});

describe('name shapes of the session-16 dev pages', () => {
  it.each([
    [
      'reads a title opened by a 的 clause after a count of others (19名代表…列席的部长)',
      '19名代表外加列席的文化和旅游部部长雒树刚,在会议室中间围坐。',
      { 雒树刚: ['文化和旅游部部长'] },
    ],
    ['reads no name after a count of holders', '276位区人大代表陆续来到会场。', {}],
    [
      'ends a name before 问道 or 专题',
      '丰台区纪委书记、区监委主任李正斌问道。省长陆昊专题听取防汛工作汇报。',
      { 李正斌: ['丰台区纪委书记', '区监委主任'], 陆昊: ['省长'] },
    ],
    [
      'reads a three-character name ending in 为 before 同志',
      '市长姜有为同志在市政府会议室主持召开会议。会议选举邹广为代表团团长。',
      { 姜有为: ['市长'], 邹广: ['代表团团长'] },
    ],
    [
      'reads 法检两长 (the heads of the court and the procuratorate) as a title, not a name',
      '市法检两长原占斌、周东曙出席。县政协副主席王小鹏及法检两长列席会议。',
      { 原占斌: ['市法检两长'], 周东曙: ['市法检两长'], 王小鹏: ['县政协副主席'] },
    ],
    [
      'ends a name before 满怀 or 见面, and reads no name in 信心',
      '市教育局党委书记吴应海满怀信心地说。市委书记、市长郭永航见面沟通。政协委员信心满怀。',
      { 吴应海: ['市教育局党委书记'], 郭永航: ['市委书记', '市长'] },
    ],
    [
      'reads the last three-character name of a list before 参加 or 出席 whatever its characters',
      '副主任张忠、董其鑫参加会议。党组成员韩保来、李志宏、张院生出席会议。',
      {
        张忠: ['副主任'],
        董其鑫: ['副主任'],
        韩保来: ['党组成员'],
        李志宏: ['党组成员'],
        张院生: ['党组成员'],
      },
    ],
    [
      'reads 怀 as a surname, not 怀着 before a head',
      '天津市委副书记怀进鹏为市政协常委作报告。怀着深厚感情,市委书记王明讲话。',
      { 怀进鹏: ['天津市委副书记'], 王明: ['市委书记'] },
    ],
    [
      'reads a given name ending in 书, 之, 社 or 第 before a head or a word that follows names',
      '和栗战书委员长讲话要求。唐连第副主席传达,王维之副主席作报告。省委书记鹿心社出席。',
      {
        栗战书: ['委员长'],
        唐连第: ['副主席'],
        王维之: ['副主席'],
        鹿心社: ['省委书记'],
      },
    ],
    [
      'reads no name ending in 为 that links a post (选举李轩为副镇长)',
      '选举张小峰、李轩为副镇长。',
      { 张小峰: ['副镇长'], 李轩: ['副镇长'] },
    ],
    [
      'ends a name before 相继, and reads 鸟 as a surname',
      '县人民医院党委书记易洪海相继发言。鸟成云、索海卿、赵生启等市领导参加。',
      {
        易洪海: ['县人民医院党委书记'],
        鸟成云: ['市领导'],
        索海卿: ['市领导'],
        赵生启: ['市领导'],
      },
    ],
    [
      'reads a Tibetan name holding 次 as the last item of a list before 出席会议',
      '市政府副市长李东、索朗次仁出席会议。',
      { 李东: ['市政府副市长'], 索朗次仁: ['市政府副市长'] },
    ],
    [
      'reads a list whose separators a site doubled (王坤英、、陈丰、、、惠旻)',
      '副主席王坤英、、陈丰、、孟凡香、、、惠旻出席会议。',
      { 王坤英: ['副主席'], 陈丰: ['副主席'], 孟凡香: ['副主席'], 惠旻: ['副主席'] },
    ],
    [
      'reads a listed Tibetan name that opens with 次 (次仁央宗), before a comma or a verb',
      '副市长平措、次仁央宗,检察长刘发林列席会议。副县长张强、次旦卓玛出席会议。',
      {
        平措: ['副市长'],
        次仁央宗: ['副市长'],
        刘发林: ['检察长'],
        张强: ['副县长'],
        次旦卓玛: ['副县长'],
      },
    ],
    [
      'reads no name in 班子 or 相关 after a head or a list',
      '市政协主席王炯代表新一届市政协主席班子表示。副市长李峰、温海波及相关单位参加会议。',
      { 王炯: ['市政协主席'], 李峰: ['副市长'], 温海波: ['副市长'] },
    ],
  ])('%s: %s', (_shape, text, expected) => {
    expect(officials(text)).toEqual(expected);
  });

  it('reads no name, not even a mention, in 为国 or 为民 after a list', () => {
    const names = annotate({ text: '县长王明、为民服务。副县长李四、为国争光。' })
      .entities.filter((e) => e.kind === 'official')
      .map((e) => e.name);
    expect([...new Set(names)]).toEqual(['王明', '李四']);
  });
});

describe('name shapes of the session-17 dev pages', () => {
  it.each([
    ['reads 总干事 as a head', '研究中心总干事郑堆率调研组一行深入我州。', { 郑堆: ['总干事'] }],
    [
      'ends a name before 递交 and starts a title after 向',
      '各村向镇党委书记周德库递交了责任状。',
      { 周德库: ['镇党委书记'] },
    ],
  ])('%s: %s', (_shape, text, expected) => {
    expect(officials(text)).toEqual(expected);
  });

  it('reads a leaders’ list opened by a name of a rare surname (丑生荣)', () => {
    expect(officials('县领导丑生荣、兰永武、王希海等参加会议。')).toEqual({
      丑生荣: ['县领导'],
      兰永武: ['县领导'],
      王希海: ['县领导'],
    });
  });
});

describe('name shapes of the session-25 dev pages', () => {
  it.each([
    [
      'three characters between a 、 and the 和 before the last item are a name',
      '副主任甲某、赵大为和秘书长钱小明出席会议。',
      { 甲某: ['副主任'], 赵大为: ['副主任'], 钱小明: ['秘书长'] },
    ],
    [
      'not before 以及, which is the conjunction',
      '副主任甲某、孙鹏以及秘书长钱小明出席会议。',
      { 甲某: ['副主任'], 孙鹏: ['副主任'], 钱小明: ['秘书长'] },
    ],
    [
      'nor cut a Mongolian name that ends in 和',
      '执行主席巴特尔、那顺孟和、吴团英出席。',
      { 巴特尔: ['执行主席'], 那顺孟和: ['执行主席'], 吴团英: ['执行主席'] },
    ],
    [
      'a word after names that opens a head (调研 in 副调研员) ends no name',
      '省民委财务处处长吴国才、办公室主任蒙小敏、财务处副调研员杨小桢等陪同。',
      { 吴国才: ['省民委财务处处长'], 蒙小敏: ['办公室主任'], 杨小桢: ['财务处副调研员'] },
    ],
    [
      'a prefecture’s Party committee (地委) opens a title',
      '地委书记张小山主持会议,地委副书记、行署专员李小四出席。',
      { 张小山: ['地委书记'], 李小四: ['地委副书记', '行署专员'] },
    ],
  ])('%s: %s', (_shape, text, expected) => {
    expect(officials(text)).toEqual(expected);
  });
});

describe('name shapes of the session-34 dev pages', () => {
  it('reads a list of untitled names that is the subject of an attendance cue', () => {
    expect(officials('会议闭幕。徐小勇、王志、张有力、陈廷剑在主席台前排就座。')).toEqual(
      holding([], ['徐小勇', '王志', '张有力', '陈廷剑']),
    );
    expect(officials('嵇文、洪小琳、李少中等出席会议。')).toEqual(
      holding([], ['嵇文', '洪小琳', '李少中']),
    );
    // A title given elsewhere on the page still reaches the name.
    expect(officials('副主席董小军主持。岳华峰、董小军应邀出席。')).toEqual({
      董小军: ['副主席'],
      岳华峰: [],
    });
  });

  it('reads no untitled list that stops short of the cue, nor one name alone', () => {
    expect(officials('市政府办、公安、财政、卫健、交通等单位主要负责人参加会议。')).toEqual({});
    expect(officials('张有力出席会议。')).toEqual({});
    expect(officials('王平等同志和没有参加会议的委员。')).toEqual({});
  });

  it('ends a list’s last name before a conjunction and a count (李自昌和21名委员)', () => {
    expect(officials('副主任周一新、王灵芝、李自昌和21名委员出席会议。')).toEqual(
      holding('副主任', ['周一新', '王灵芝', '李自昌']),
    );
    // A Mongolian name that ends in 和 keeps it when no count follows.
    expect(officials('执行主席巴特尔、那顺孟和、吴团英出席。')).toEqual(
      holding('执行主席', ['巴特尔', '那顺孟和', '吴团英']),
    );
  });

  it('reads the academic posts of lecturers at a study session (党校教授, 院士, 研究员, 讲师)', () => {
    expect(officials('东莞市委党校教授孙霄汉作宣讲报告。')).toEqual({
      孙霄汉: ['东莞市委党校教授'],
    });
    expect(Object.keys(officials('中国科学院院士李景虹出席并作主旨报告。'))).toEqual(['李景虹']);
    expect(officials('县委党校讲师白庆庆以《融入双城经济圈》为题宣讲。')).toEqual({
      白庆庆: ['县委党校讲师'],
    });
    // 教授 as a verb opens no title.
    expect(officials('为做好工作教授了方法、提供了遵循。')).toEqual({});
  });

  it('reads a discipline inspector’s post (纪检监察员) as a title', () => {
    expect(officials('区纪委监委常委王晓勤、案管室纪检监察员张慧娟陪同。')).toEqual({
      王晓勤: ['区纪委监委常委'],
      张慧娟: ['案管室纪检监察员'],
    });
  });

  it('ends a name before an adverb that opens the verb (紧紧, 全面, 正在, 立即)', () => {
    expect(officials('会上镇长刘东益紧紧围绕安全生产作了部署。')).toEqual({ 刘东益: ['镇长'] });
    expect(officials('市台办主任孙光木全面汇报了工作。')).toEqual({ 孙光木: ['市台办主任'] });
    expect(officials('镇武装部部长卢毅立即带领干部开展行动。')).toEqual({ 卢毅: ['镇武装部部长'] });
    // 这是 opens the clause, not the title.
    expect(officials('这是县委书记张宏志正在给全县党员干部讲授党课。')).toEqual({
      张宏志: ['县委书记'],
    });
  });
});

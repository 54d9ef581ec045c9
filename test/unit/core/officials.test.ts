import { describe, expect, it } from 'vitest';
import { findOfficials, type RawOfficial } from '../../../src/core/officials';
import { matchNameAt } from '../../../src/core/official-names';
import { inferLevel } from '../../../src/core/official-titles';

/** Runs the officials pass to the end. */
function officials(text: string, excluded: string[] = []): RawOfficial[] {
  const steps = findOfficials(text, { excludedNames: new Set(excluded) });
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** name → titles seen across mentions. */
function byName(text: string, excluded: string[] = []): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of officials(text, excluded)) {
    const list = (out[o.name] ??= []);
    for (const t of o.titles) if (!list.includes(t)) list.push(t);
  }
  return out;
}

describe('findOfficials', () => {
  it('reads title chains joined by 、 and ， before a name', () => {
    const text =
      '今天上午,市委书记、市人大常委会主任,市疫情处置工作领导小组组长王大海主持召开会议。省委常委、临汾市委书记陈小东出席。';
    expect(byName(text)).toEqual({
      王大海: ['市委书记', '市人大常委会主任', '市疫情处置工作领导小组组长'],
      陈小东: ['省委常委', '临汾市委书记'],
    });
  });

  it('takes modifiers and national bodies into the title', () => {
    const text =
      '市委副书记、代市长刘一鸣提出要求,国务院联防联控机制工作组组长欧阳明指导。常务副市长周强讲话。';
    expect(byName(text)).toEqual({
      刘一鸣: ['市委副书记', '代市长'],
      欧阳明: ['国务院联防联控机制工作组组长'],
      周强: ['常务副市长'],
    });
  });

  it('reads names before a head and leaders’ lists', () => {
    const text =
      '会议传达学习习近平总书记重要讲话。县领导孙丽、赵刚 钱明出席会议。王金山省长讲话。';
    const r = byName(text);
    expect(r['习近平']).toEqual(['总书记']);
    expect(r['孙丽']).toEqual(['县领导']);
    expect(r['赵刚']).toEqual(['县领导']);
    expect(r['钱明']).toEqual(['县领导']);
    expect(r['王金山']).toEqual(['省长']);
  });

  it('links later bare mentions to the same person', () => {
    const text = '省委书记林武主持召开会议。\n林武指出,要抓好落实。林武强调,要统筹。森林武警在场。';
    const found = officials(text);
    const lin = found.filter((o) => o.name === '林武');
    expect(lin.map((o) => o.role)).toEqual(['titled', 'mention', 'mention']);
    expect(new Set(lin.map((o) => o.personId)).size).toBe(1);
    expect(lin[1]?.titles).toEqual(['省委书记']);
    expect(lin[0]?.level).toBe('provincial');
  });

  it('never takes places, reporters or plain words for officials', () => {
    const text =
      '曲沃县、霍州市、古县汇报了工作。认真吸取榆社、五台山等地教训。落实县长、局长、校长“三长”负责制。(记者 张浩)';
    expect(officials(text)).toEqual([]);
    expect(byName('市长张浩出席。', ['张浩'])).toEqual({});
  });

  it('does not run a list into other text', () => {
    expect(byName('及其他市领导在主会场参加会议。')).toEqual({});
  });

  it('stops a name at the verb after it', () => {
    expect(matchNameAt('严俊提出指导意见', 0)).toBe(2);
    expect(matchNameAt('张新伟提具体要求', 0)).toBe(3);
    expect(matchNameAt('蓝佛安作具体要求', 0)).toBe(3);
    expect(matchNameAt('会议强调', 0)).toBe(-1);
  });
});

describe('inferLevel', () => {
  it('reads the level from the titles', () => {
    expect(inferLevel(['总书记'])).toBe('national');
    expect(inferLevel(['省委副书记'])).toBe('provincial');
    expect(inferLevel(['临汾市委书记'])).toBe('municipal');
    expect(inferLevel(['县领导'])).toBe('county');
    expect(inferLevel(['镇长'])).toBe('township');
  });
});

describe('names before titles', () => {
  it('reads 赵革书记 and 李四副市长 after a clause opening', () => {
    const r = byName('会上赵革书记指出,要抓落实。张三市长、李四副市长出席。');
    expect(r).toEqual({ 赵革: ['书记'], 张三: ['市长'], 李四: ['副市长'] });
  });
});

describe('names sharing a title chain', () => {
  it('gives every name joined by 、 the titles before the first', () => {
    const r = byName('市纪委副书记、市监委副主任黎晓军、范志诚,市纪委常委邵丽娟出席会议。');
    expect(r).toEqual({
      黎晓军: ['市纪委副书记', '市监委副主任'],
      范志诚: ['市纪委副书记', '市监委副主任'],
      邵丽娟: ['市纪委常委'],
    });
  });
});

describe('spaces and unknown words around names', () => {
  it('reads a name after a space that follows the title', () => {
    const found = officials('市委书记 张三主持会议。');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: '张三', titles: ['市委书记'], start: 0, end: 7 });
    expect(found[0]?.nameStart).toBe(5);
  });

  it('reads two-character names spaced out to the width of three', () => {
    expect(byName('市委副书记、市长张 浩出席会议。')).toEqual({ 张浩: ['市委副书记', '市长'] });
    expect(byName('市领导王　伟、李建国、赵　四出席会议。')).toEqual({
      王伟: ['市领导'],
      李建国: ['市领导'],
      赵四: ['市领导'],
    });
    // Two spaces between names separate them; they are not one spaced-out name.
    expect(byName('市领导王  伟出席')).toEqual({});
  });

  it('takes a department after 、 into the title chain', () => {
    expect(byName('市委常委、宣传部部长陈晓东出席。')).toEqual({
      陈晓东: ['市委常委', '宣传部部长'],
    });
    // Without a chain a department opens a title when its name is one (宣传, 组织, 统战).
    expect(byName('会上宣传部部长陈晓东讲话。')).toEqual({ 陈晓东: ['宣传部部长'] });
  });

  it('reads a name before a possessive 的', () => {
    expect(byName('在县委副书记孙七的陪同下调研。')).toEqual({ 孙七: ['县委副书记'] });
    expect(byName('市长张浩的讲话')).toEqual({ 张浩: ['市长'] });
  });

  it('prefers a longer word after a shorter name (张浩陪同, not 张浩陪)', () => {
    expect(matchNameAt('张浩陪同', 0)).toBe(2);
    expect(matchNameAt('王小明在会上', 0)).toBe(3);
    expect(matchNameAt('王建国同志', 0)).toBe(3);
  });

  it('reads a name before an adverb of a speech verb (反复强调, 特别指出), 反馈 or 随行', () => {
    expect(byName('省委常委、市委书记梅克保反复强调,要抓好落实。')).toEqual({
      梅克保: ['省委常委', '市委书记'],
    });
    expect(byName('县长王建国一再要求各乡镇落实责任。')).toEqual({ 王建国: ['县长'] });
    expect(byName('副市长李强特别指出,要守住底线。')).toEqual({ 李强: ['副市长'] });
    expect(byName('省委巡视组组长徐泽高讲话,副组长张湘祥反馈巡视情况。')).toEqual({
      徐泽高: ['省委巡视组组长'],
      张湘祥: ['副组长'],
    });
    expect(byName('县长罗海涛到奎山镇调研,县农委主任冯立明随行检查调研。')).toEqual({
      罗海涛: ['县长'],
      冯立明: ['县农委主任'],
    });
  });

  it('reads a name before 并 or words of how the speaker felt (心情沉重地说, 感触很深)', () => {
    expect(byName('镇长杨小义并就2023年农村工作进行安排部署。')).toEqual({ 杨小义: ['镇长'] });
    expect(byName('县纪委第三室主任刘育林心情沉重地说。')).toEqual({
      刘育林: ['县纪委第三室主任'],
    });
    expect(byName('村委会主任秦忠感触很深。')).toEqual({ 秦忠: ['村委会主任'] });
    expect(byName('副县长王建国深有感触地说。')).toEqual({ 王建国: ['副县长'] });
    expect(byName('广东省委书记汪洋参与了分组讨论。县政府和政协领导相互通报了工作情况。')).toEqual({
      汪洋: ['广东省委书记'],
    });
    expect(byName('区委副书记、区长毛世梁采取“四不两直”方式检查。')).toEqual({
      毛世梁: ['区委副书记', '区长'],
    });
  });

  it('reads no name in a post or a former organ before a head (纪检书记, 原政协副主席)', () => {
    const r = byName('各乡镇党委书记、纪检书记,县直机关纪检组长,原政协副主席甲某参加会议。');
    expect(Object.keys(r)).not.toContain('纪检');
    expect(Object.keys(r)).not.toContain('原政协');
  });

  it('reads a name that stands between a title and the next title of a list', () => {
    expect(byName('县委副书记、县人民政府县长萨尔娜,县人大常委会主任杜森出席。')).toEqual({
      萨尔娜: ['县委副书记', '县人民政府县长'],
      杜森: ['县人大常委会主任'],
    });
    // A Mongolian name may end in 和; 、 parts the items as well as a comma.
    expect(byName('旗政协主席钢布和、副主席温都苏出席。')).toEqual({
      钢布和: ['旗政协主席'],
      温都苏: ['副主席'],
    });
    // A name with a surname between commas, after a titled one, shares its titles.
    expect(byName('县委常委、副县长郭世文,杨帆,县人大副主任李宏芳参加会议。')).toEqual({
      郭世文: ['县委常委', '副县长'],
      杨帆: ['县委常委', '副县长'],
      李宏芳: ['县人大副主任'],
    });
    // Lists of posts, a post's holder asking, a count of posts: no name between the titles.
    expect(byName('会议通过了秘书长名单、副秘书长名单,委员组召集人名单。')).toEqual({});
    expect(byName('书记接受省纪委委员询问,其他市委书记提交书面述职。')).toEqual({});
    expect(byName('大会选举副镇长两名、镇人大副主席一名。')).toEqual({});
    // 总指挥长 is one head, not 总指挥 and a name 长黄鹤麟.
    expect(byName('援疆前方指挥部总指挥长黄鹤麟,吉木萨尔县委书记李刚出席。')).toEqual({
      黄鹤麟: ['总指挥长'],
      李刚: ['吉木萨尔县委书记'],
    });
  });

  it('resolves a name before an unknown word from the names the page gives elsewhere', () => {
    expect(byName('市长张浩督战一线。')).toEqual({});
    const r = byName('市长张浩督战一线。副市长张浩出席。');
    expect(r).toEqual({ 张浩: ['市长', '副市长'] });
  });
});

describe('names written before their post', () => {
  it('reads elections: 当选为, 当选, 选举…为, one post after another', () => {
    expect(
      byName(
        '经全体委员投票选举,陶迪当选为政协鄂托克前旗第十一届委员会主席;于国强、秦岭峰当选为副主席。肖锦华当选镇长,罗正忠、阳岚当选为副镇长。',
      ),
    ).toEqual({
      陶迪: ['政协鄂托克前旗第十一届委员会主席'],
      于国强: ['副主席'],
      秦岭峰: ['副主席'],
      肖锦华: ['镇长'],
      罗正忠: ['副镇长'],
      阳岚: ['副镇长'],
    });
    expect(
      byName(
        '会议选举吴华球为洋青镇人大主席,潘凯为洋青镇人大副主席;选举高华同志为官底镇第十九届人民政府镇长。',
      ),
    ).toEqual({
      吴华球: ['洋青镇人大主席'],
      潘凯: ['洋青镇人大副主席'],
      高华: ['官底镇第十九届人民政府镇长'],
    });
    // A vote's margin between the name and the cue.
    expect(byName('杨军同志高票当选为罗布泊镇人民政府副镇长,张三全票当选为县长。')).toEqual({
      杨军: ['罗布泊镇人民政府副镇长'],
      张三: ['县长'],
    });
  });

  it('reads a list after a note on its order and a colon with a space (委员(按…排列): 甲、乙)', () => {
    expect(
      byName('大会宣布了新当选的区人大常委会委员(按姓名笔划顺序排列): 王心权、刘庆义、李德球。'),
    ).toMatchObject({
      王心权: [expect.any(String)],
      刘庆义: [expect.any(String)],
      李德球: [expect.any(String)],
    });
  });

  it('reads 周密 as a name in a list (市政府党组成员周密、黄炜)', () => {
    expect(byName('市委常委、市政府党组成员周密、黄炜出席会议。')).toEqual({
      周密: ['市委常委', '市政府党组成员'],
      黄炜: ['市委常委', '市政府党组成员'],
    });
  });

  it('reads a name before 从 and none in 任命 (杨武林从…; ,任命闵虹为…)', () => {
    expect(byName('市人大常委会农村办副主任杨武林从立法背景等方面作了解读。')).toEqual({
      杨武林: ['市人大常委会农村办副主任'],
    });
    expect(
      byName('任命杨汝北为河南省人大常委会办公厅主任,任命闵虹为河南省人大常委会副秘书长。'),
    ).toEqual({ 杨汝北: ['河南省人大常委会办公厅主任'], 闵虹: ['河南省人大常委会副秘书长'] });
  });

  it('reads no name in 展开 after a title (与各界政协委员展开交流)', () => {
    expect(byName('市委书记张三与各界政协委员展开深入交流。')).toEqual({ 张三: ['市委书记'] });
  });

  it('opens a title with a leading group named without its place (领导小组成员甲、乙)', () => {
    expect(byName('领导小组成员郑大泉、刘兴东出席会议。领导小组副组长余刚平主持。')).toEqual({
      郑大泉: ['领导小组成员'],
      刘兴东: ['领导小组成员'],
      余刚平: ['领导小组副组长'],
    });
  });

  it('reads 和 before a group as a conjunction, not a surname (组成人员和人大代表)', () => {
    expect(byName('县长王明和人大代表一起调研。常委会组成人员和人大代表要抓紧调研。')).toEqual({
      王明: ['县长'],
    });
    expect(byName('李四、赵五等委员和同志们聚焦产业发展。')).toEqual({
      李四: ['委员'],
      赵五: ['委员'],
    });
    expect(byName('副县长和晓燕出席会议。')).toEqual({ 和晓燕: ['副县长'] });
    // Two posts joined: 书记和主任 names no 和主.
    expect(byName('社区党支部书记和主任要靠前指挥。')).toEqual({});
    // A post and a matter joined: 代表和人事任免 names no 和人事.
    expect(byName('会议听取了关于补选全国人民代表大会代表和人事任免议案的说明。')).toEqual({});
  });

  it('reads a deputy’s post in full (补选甲、乙为山西省第十四届人民代表大会代表)', () => {
    expect(byName('会议补选汪海洲、陈凯为山西省第十四届人民代表大会代表。')).toEqual({
      汪海洲: ['山西省第十四届人民代表大会代表'],
      陈凯: ['山西省第十四届人民代表大会代表'],
    });
  });

  it('reads a name before 个人 (副主任孙国荣个人履职情况报告)', () => {
    expect(byName('书面审议了街道办事处副主任孙国荣个人履职情况报告。')).toEqual({
      孙国荣: ['街道办事处副主任'],
    });
  });

  it('reads 武装部长 as a title, not a name before 部长 (镇党委委员、武装部长胡山林)', () => {
    expect(byName('镇党委委员、武装部长胡山林讲话。镇党委委员、人武部长王刚出席。')).toEqual({
      胡山林: ['镇党委委员', '武装部长'],
      王刚: ['镇党委委员', '人武部长'],
    });
  });

  it('reads names with rare surnames (禤, 琚, 矫, 赛)', () => {
    expect(byName('副主席索南吉和秘书长赛尔桑在主席台前排就座。')).toEqual({
      索南吉: ['副主席'],
      赛尔桑: ['秘书长'],
    });
    expect(byName('秘书长禤沛钧出席会议。')).toEqual({ 禤沛钧: ['秘书长'] });
    expect(byName('区政协主席琚海鹏列席会议。')).toEqual({ 琚海鹏: ['区政协主席'] });
    expect(byName('市政协党组副书记矫健,市政协副主席郑君出席。')).toEqual({
      矫健: ['市政协党组副书记'],
      郑君: ['市政协副主席'],
    });
  });

  it('reads names ending in 月 or 年, and a name before 聆听', () => {
    expect(byName('乡党委副书记张耀月宣读了倡议书。')).toEqual({ 张耀月: ['乡党委副书记'] });
    expect(byName('市委书记孙建年主持会议。')).toEqual({ 孙建年: ['市委书记'] });
    expect(byName('市政协秘书长徐熔聆听报告会。')).toEqual({ 徐熔: ['市政协秘书长'] });
  });

  it('reads a name before its head after 围绕 (围绕蒋超良书记讲话精神)', () => {
    expect(byName('代表们围绕蒋超良书记讲话精神进行讨论。')).toEqual({ 蒋超良: ['书记'] });
  });

  it('reads a clause that opens with a name linked to its post (，郑钢淼为大会秘书长)', () => {
    expect(
      byName('大会主席团由85人组成,郑钢淼为大会秘书长。常务委员7人,李秋斯为第一副主任。'),
    ).toEqual({
      郑钢淼: ['大会秘书长'],
      李秋斯: ['第一副主任'],
    });
    // 都是为了: no name opens the clause, and no post closes it.
    expect(byName('他们都是为了争那个差额的副市长。')).toEqual({});
  });

  it('reads a person passed for a post after 通过了 (通过了李义翠同志为大会秘书长)', () => {
    expect(byName('会议通过了主席团成员名单;通过了李义翠同志为大会秘书长。')).toEqual({
      李义翠: ['大会秘书长'],
    });
  });

  it('reads appointments whose names hold the link word (任命姜有为、李晋修为副省长)', () => {
    expect(
      byName('会议决定任命姜有为、李晋修为吉林省副省长。马俊清同志任中共吉林省委副书记。'),
    ).toEqual({
      姜有为: ['吉林省副省长'],
      李晋修: ['吉林省副省长'],
      马俊清: ['中共吉林省委副书记'],
    });
  });

  it('reads names a decision gives a post (决定甲、乙为…副秘书长) and a division’s commander', () => {
    expect(byName('会议决定宋军继、惠新安为省十四届人大一次会议副秘书长。')).toEqual({
      宋军继: ['省十四届人大一次会议副秘书长'],
      惠新安: ['省十四届人大一次会议副秘书长'],
    });
    expect(byName('会议决定任命潘俊同志为区人民政府副区长。')).toEqual({
      潘俊: ['区人民政府副区长'],
    });
    expect(byName('七师党委书记刘新建,副师长蔡新平出席。')['蔡新平']).toEqual(['副师长']);
  });

  it('reads dismissals and a list closed by a leaders’ title', () => {
    expect(byName('会议通过关于免去刘志勇政协第十一届委员会副主席职务的决定。')).toEqual({
      刘志勇: ['政协第十一届委员会副主席'],
    });
    expect(
      byName('5月24日,县委书记王国玺主持召开会议,李锡勇、张思民、王建林等县领导出席会议。'),
    ).toEqual({
      王国玺: ['县委书记'],
      李锡勇: ['县领导'],
      张思民: ['县领导'],
      王建林: ['县领导'],
    });
  });

  it('reads 任 between a two-character name and its post as the link (刘程任副组长)', () => {
    expect(byName('会议宣布成立领导小组,姜若鸣任组长,刘程任副组长。')).toEqual({
      姜若鸣: ['组长'],
      刘程: ['副组长'],
    });
  });

  it('reads each person of a dismissal list joined by 、 (免去甲的…职务、乙的…职务)', () => {
    expect(
      byName('会议决定,免去孙海献的市发展和改革委员会主任职务、李新的市交通局局长职务。'),
    ).toEqual({ 孙海献: ['市发展和改革委员会主任'], 李新: ['市交通局局长'] });
  });

  it('reads no name in common words after a head (人选安排, 宣布主席团)', () => {
    expect(byName('会议协商通过了专门委员会负责人人选安排。')).toEqual({});
    expect(byName('通过了委员会成员名单;宣布主席团常务委员会成员名单。')).toEqual({});
  });

  it('reads dismissals with 同志的, 等 or several posts, a reason before 辞去, and a bare 任', () => {
    expect(
      byName(
        '免去张永辉同志的某区人民法院副院长、审判委员会委员、审判员职务;免去季明同志的某区人大常委会副主任职务。',
      ),
    ).toEqual({ 张永辉: ['某区人民法院副院长'], 季明: ['某区人大常委会副主任'] });
    expect(byName('会议表决通过了免去杨冬生等同志某委员会主任职务的决定。')).toEqual({
      杨冬生: ['某委员会主任'],
    });
    expect(byName('会议接受陈昌旭因工作变动辞去毕节市副市长职务的请求。')).toEqual({
      陈昌旭: ['毕节市副市长'],
    });
    expect(byName('宣布省委决定:苏君任白银市委书记;吴金城任浦东新区代区长。')).toEqual({
      苏君: ['白银市委书记'],
      吴金城: ['浦东新区代区长'],
    });
    // 任 ending 兼任, 曾任 or 担任 is no cue of its own.
    expect(byName('他曾担任市长,李荣灿兼任县委书记。')).toEqual({});
    expect(byName('政府副苏木达包杨陪同。')).toEqual({ 包杨: ['政府副苏木达'] });
  });

  it('leaves clauses alone whose words before the cue are no names', () => {
    expect(byName('全体代表一致同意当选为主席。这项工作为全市重点。')).toEqual({});
    expect(byName('他担任过多年主任。')).toEqual({});
  });

  it('reads a given name that opens with a rarer character when a word closes it', () => {
    expect(byName('市委书记陈其春主持召开会议。')).toEqual({ 陈其春: ['市委书记'] });
    // 李书记主持: no name 李书记.
    expect(byName('李书记主持召开会议。')).not.toHaveProperty('李书记');
  });

  it('reads 选举出…同志为, counts before 同志, votes before 当选 and accepted resignations', () => {
    expect(
      byName('选举出穆兴科同志为镇人大主席,李玮同志为镇长,杜渐、马锋两位同志为副镇长。'),
    ).toEqual({ 穆兴科: ['镇人大主席'], 李玮: ['镇长'], 杜渐: ['副镇长'], 马锋: ['副镇长'] });
    expect(byName('经选举,王华同志以52票全票当选为文龙镇人民政府镇长。')).toEqual({
      王华: ['文龙镇人民政府镇长'],
    });
    expect(byName('经会议表决,决定接受郑红云辞去县政府副县长职务。')).toEqual({
      郑红云: ['县政府副县长'],
    });
    // 提名…为: a nomination names the post the person is a candidate for.
    expect(byName('会议宣布省市委决定。提名朱永兴同志为涟水县县长候选人。')).toEqual({
      朱永兴: ['涟水县县长候选人'],
    });
    // 妥, a surname of Gansu's and Ningxia's Hui; 则 opening a given name before 主持.
    expect(byName('县人大常委会副主任妥保平主持召开会议。')).toEqual({
      妥保平: ['县人大常委会副主任'],
    });
    expect(byName('市人大常委会副主任郑则丰主持会议。')).toEqual({
      郑则丰: ['市人大常委会副主任'],
    });
    // A count in digits closes the list without 等.
    expect(byName('宋小明、向美芳、王毅3名同志当选阳和乡人民政府副乡长。')).toEqual({
      宋小明: ['阳和乡人民政府副乡长'],
      向美芳: ['阳和乡人民政府副乡长'],
      王毅: ['阳和乡人民政府副乡长'],
    });
    // 审议了, 通过了: a resignation reviewed or passed, not only accepted.
    expect(byName('会议审议了谢磊同志辞去龙港镇副镇长职务的报告。')).toEqual({
      谢磊: ['龙港镇副镇长'],
    });
    expect(byName('大会一致通过了缪惠文同志辞去镇人大主席职务。')).toEqual({
      缪惠文: ['镇人大主席'],
    });
  });
});

describe('lists of names in the shapes of the eighth collection round (dev split)', () => {
  it('reads a list whose 、 a site glues a comma to', () => {
    expect(byName('区政协主席会议成员张文,、刘海,、赵明、孙立在主席台就座。')).toEqual({
      张文: ['区政协主席会议成员'],
      刘海: ['区政协主席会议成员'],
      赵明: ['区政协主席会议成员'],
      孙立: ['区政协主席会议成员'],
    });
  });

  it('reads names before 等 and the post they share, and stops a name at 等', () => {
    expect(byName('周平、吴建华、郑东等省人大代表参加会议。')).toEqual({
      周平: ['省人大代表'],
      吴建华: ['省人大代表'],
      郑东: ['省人大代表'],
    });
    expect(byName('副省长钱伟、孙大明等。')).toEqual({ 钱伟: ['副省长'], 孙大明: ['副省长'] });
  });

  it('reads a post opened by a named place and its level (寿光市级领导班子成员)', () => {
    expect(byName('会议作出部署。李鹏、王霞、武治强等寿光市级领导班子成员参加。')).toEqual({
      李鹏: ['寿光市级领导班子成员'],
      王霞: ['寿光市级领导班子成员'],
      武治强: ['寿光市级领导班子成员'],
    });
    // A modifier before the level is no place: the title starts at it.
    expect(byName('以及其他副县级干部刘中文出席。')).toEqual({ 刘中文: ['副县级干部'] });
  });

  it("reads a leaders' list after an organ with 领导, and a committee written before name and head", () => {
    expect(byName('县人大常委会领导李强、王芳出席会议。')).toEqual({
      李强: ['县人大常委会领导'],
      王芳: ['县人大常委会领导'],
    });
    expect(byName('会议传达了市委陈建平书记的讲话精神。')).toEqual({ 陈建平: ['市委书记'] });
  });

  it('reads a state organ of a place written before name and head (县政协张善强主席)', () => {
    expect(byName('最后,县政协张善强主席作总结讲话。')).toEqual({ 张善强: ['县政协主席'] });
    expect(byName('会上,县人民政府陈鸿宁县长讲话。')).toEqual({ 陈鸿宁: ['县人民政府县长'] });
    expect(byName('会上,市人大常委会李明主任讲话。')).toEqual({ 李明: ['市人大常委会主任'] });
  });

  it('reads the place named before such an organ (北海市政协黄漱鲁副主席, 中共海城区委曾伟副书记)', () => {
    expect(byName('闭幕大会上,北海市政协黄漱鲁副主席、中共海城区委曾伟副书记分别致辞。')).toEqual({
      黄漱鲁: ['北海市政协副主席'],
      曾伟: ['中共海城区委副书记'],
    });
    expect(byName('会议由北海市委黄明书记主持。')).toEqual({ 黄明: ['北海市委书记'] });
  });

  it('reads the names listed after a counted title and 是: (新选出的10名…副主席是:甲、乙)', () => {
    expect(byName('新选出的3名政协第九届山东省委员会副主席是:王久祜、林书香、周鸿兴。')).toEqual({
      王久祜: ['副主席'],
      林书香: ['副主席'],
      周鸿兴: ['副主席'],
    });
    expect(byName('会议应到276位区人大代表,实到270位。')).toEqual({});
  });

  it('reads elected lists whose names carry notes (马志武(回族)、冯桃莲(女)为…; …当选)', () => {
    expect(
      byName(
        '会议选举周萌、马志武(回族)、冯桃莲(女)为省人大常委会副主任。毛伟明、吴忠琼(女)、秦义当选副省长。',
      ),
    ).toEqual({
      周萌: ['省人大常委会副主任'],
      马志武: ['省人大常委会副主任'],
      冯桃莲: ['省人大常委会副主任'],
      毛伟明: ['副省长'],
      吴忠琼: ['副省长'],
      秦义: ['副省长'],
    });
  });

  it('reads a name before 审议 (省人大常委会主任陆浩审议政府工作报告)', () => {
    expect(byName('省委书记、省人大常委会主任陆浩审议政府工作报告。')).toEqual({
      陆浩: ['省委书记', '省人大常委会主任'],
    });
  });

  it('reads a name before 重要 (国务院总理李克强重要批示精神)', () => {
    expect(byName('会议传达了国务院总理李克强重要批示精神,国务院副总理汪洋重要讲话精神。')).toEqual(
      {
        李克强: ['国务院总理'],
        汪洋: ['国务院副总理'],
      },
    );
  });

  it('reads no head in 市长期 (向庄河市长期以来的支持), a name before 市长 elsewhere', () => {
    expect(byName('对庄河市长期以来的支持表示感谢。王奔市长出席。')).toEqual({ 王奔: ['市长'] });
  });

  it('reads no name in 班长 (以王君正书记为班长的自治区党委)', () => {
    expect(byName('紧密团结在以王君正书记为班长的自治区党委周围。')).toEqual({
      王君正: ['书记'],
    });
  });

  it('reads 首长 as a head (驻贵部队首长崔永红), and no name in 首长负责制', () => {
    expect(byName('驻贵部队首长崔永红在主席台就座。实行首长负责制。')).toEqual({
      崔永红: ['首长'],
    });
  });

  it('reads a dismissal by 免除 and 一职 (免除路正阳同志常务副县长一职)', () => {
    expect(byName('会议决定,免除路正阳同志常务副县长一职,免除孟凡哲同志副县长职务。')).toEqual({
      路正阳: ['常务副县长'],
      孟凡哲: ['副县长'],
    });
  });

  it('reads a name before 用 and none in 相聚 (队长张永军用维吾尔语…; 领导相聚)', () => {
    expect(byName('第一书记、工作队队长张永军用维吾尔语带领大家学习。')).toEqual({
      张永军: ['第一书记', '工作队队长'],
    });
    expect(byName('各州市政府主要领导相聚在甘南。')).toEqual({});
  });

  it('reads no title head into a dotted name (主席团常务主席雷·额尔德尼、罗啸天)', () => {
    expect(byName('大会执行主席、主席团常务主席雷·额尔德尼、罗啸天在主席台前排就座。')).toEqual({
      '雷·额尔德尼': ['大会执行主席', '主席团常务主席'],
      罗啸天: ['大会执行主席', '主席团常务主席'],
    });
  });

  it('reads a list after a descriptive title and 有:, and a dotted name before 为 and a post', () => {
    expect(byName('在主席台就座的大会主席团其他成员有:李明、赵刚、孙红。')).toEqual({
      李明: ['大会主席团其他成员'],
      赵刚: ['大会主席团其他成员'],
      孙红: ['大会主席团其他成员'],
    });
    expect(byName('地区人大工委主任艾力·买买提为代表团副团长。')).toEqual({
      '艾力·买买提': ['地区人大工委主任'],
    });
  });

  it('reads a longer Mongolian name that punctuation closes, 河长 and 致开幕词', () => {
    expect(byName('旗人大常委会主任宝音满都呼,旗政协主席郝明参加会议。')).toEqual({
      宝音满都呼: ['旗人大常委会主任'],
      郝明: ['旗政协主席'],
    });
    // A verb that closes bare names (主持) ends it as punctuation does.
    expect(byName('旗人大常委会主任宝音满都呼主持会议。')).toEqual({
      宝音满都呼: ['旗人大常委会主任'],
    });
    expect(byName('区政协主席、区级河长周文清前往检查。')).toEqual({
      周文清: ['区政协主席', '区级河长'],
    });
    expect(byName('镇党委书记阮明致开幕词。')).toEqual({ 阮明: ['镇党委书记'] });
  });

  it('reads no name from a common word after a title (总书记关于…)', () => {
    expect(byName('深入学习习近平总书记关于党的建设的重要思想。')).not.toHaveProperty('关于');
    expect(byName('深入学习习近平总书记关于党的建设的重要思想。')).not.toHaveProperty('关于党');
  });

  it('reads an unusual name inside a list when a surname name follows its 、', () => {
    expect(byName('市政协副主席亚古、岳明、达娃出席。')).toEqual({
      亚古: ['市政协副主席'],
      岳明: ['市政协副主席'],
      达娃: ['市政协副主席'],
    });
    expect(byName('区政府党组成员张强、是峰、薛红出席。')).toEqual({
      张强: ['区政府党组成员'],
      是峰: ['区政府党组成员'],
      薛红: ['区政府党组成员'],
    });
  });

  it('reads names after 增选, a name before 关于, and rarer surnames and minority starts', () => {
    expect(byName('会议增选马立、张平为市政协副主席。')).toEqual({
      马立: ['市政协副主席'],
      张平: ['市政协副主席'],
    });
    expect(byName('听取了县长张辉关于工作情况的汇报。')).toEqual({ 张辉: ['县长'] });
    expect(byName('副主任才殿华、荀凤林出席,省长巴音朝鲁主持。')).toEqual({
      才殿华: ['副主任'],
      荀凤林: ['副主任'],
      巴音朝鲁: ['省长'],
    });
  });

  it('reads surnames of the Hundred Family Surnames and others rarer still, and 黄金 opening a name', () => {
    expect(
      byName('市政协副主席庾建设,市人大常委会党组书记睢利,省委常委苻彩香,县委书记黄金盛出席。'),
    ).toEqual({
      庾建设: ['市政协副主席'],
      睢利: ['市人大常委会党组书记'],
      苻彩香: ['省委常委'],
      黄金盛: ['县委书记'],
    });
  });

  it('reads a name ending in 其, counted groups after 等, and a new title inside a list', () => {
    expect(byName('区领导宋明、王元其参加会议。')).toEqual({
      宋明: ['区领导'],
      王元其: ['区领导'],
    });
    expect(byName('党组成员吴贵,秘书长周琴,赵凌等17名常委出席了会议。')).toMatchObject({
      赵凌: ['常委'],
    });
    expect(byName('投票选举王丽娟等15名同志为市人大常委会委员。')).toEqual({
      王丽娟: ['市人大常委会委员'],
    });
    expect(byName('市人大常委会主任周美英、副主任韩凤玲、胡亚琦出席会议。')).toEqual({
      周美英: ['市人大常委会主任'],
      韩凤玲: ['副主任'],
      胡亚琦: ['副主任'],
    });
  });

  it('ends a list where an item opens with an organ and a head (人大主任)', () => {
    expect(byName('市委副书记、市长李铁群、人大主任车启明、政协主席张柏吉出席。')).toEqual({
      李铁群: ['市委副书记', '市长'],
      车启明: ['人大主任'],
      张柏吉: ['政协主席'],
    });
  });

  it('reads 负责人, 负责同志 and any 助理 as heads, and no name in a group they join (和相关负责人)', () => {
    expect(byName('市政府秘书长江兴,省高速公司总经理助理王昌引出席会议。')).toEqual({
      江兴: ['市政府秘书长'],
      王昌引: ['省高速公司总经理助理'],
    });
    expect(
      byName('县公安消防大队负责人江秀峰出席。省法院主要负责同志龚稼立、林贻影出席。'),
    ).toEqual({
      江秀峰: ['县公安消防大队负责人'],
      龚稼立: ['省法院主要负责同志'],
      林贻影: ['省法院主要负责同志'],
    });
    expect(byName('29家单位主要负责人和相关负责人、科室负责人和分管负责人参加会议。')).toEqual({});
    expect(byName('县直代表组负责同志和拟任命人员列席会议。成员单位负责人相继发言。')).toEqual({});
  });

  it('reads a name between a department and its head (财政局苏桂国书记), not inside a word', () => {
    expect(
      byName('会议听取了财政局苏桂国书记关于划拨事宜的汇报,听取了机关事务管理局赵国强主任的汇报。'),
    ).toEqual({ 苏桂国: ['财政局书记'], 赵国强: ['机关事务管理局主任'] });
    expect(byName('在县委组织部杨成平部长的发言中。')).toEqual({ 杨成平: ['县委组织部部长'] });
    expect(
      byName('会议邀请了市地方志办公室原副主任翟屯建。传达全国党委和政府秘书长会议精神。'),
    ).not.toHaveProperty('公室原');
    expect(byName('传达全国党委和政府秘书长会议精神。县农业农村局植保站站长王广莲指导。')).toEqual({
      王广莲: ['县农业农村局植保站站长'],
    });
  });

  it('reads the posts of a township Party committee (政法委员, 组织委员) as heads in a chain', () => {
    expect(byName('会上，镇党委副书记、政法委员孙万军宣读了表彰决定。')).toEqual({
      孙万军: ['镇党委副书记', '政法委员'],
    });
    expect(byName('镇党委委员、组织委员刘泽林作总结发言。')).toEqual({
      刘泽林: ['镇党委委员', '组织委员'],
    });
  });

  it('keeps the place before a head in the title (南昌市市长, 乌鲁木齐市副市长, 南昌县县长)', () => {
    expect(
      byName('会上,南昌市市长高世文、乌鲁木齐市副市长李彬讲话。南昌县县长刘亚康出席。'),
    ).toEqual({
      高世文: ['南昌市市长'],
      李彬: ['乌鲁木齐市副市长'],
      刘亚康: ['南昌县县长'],
    });
  });

  it('reads no name in a city or county whose level opens the head (伊春市长董文琴)', () => {
    expect(byName('8月16日晚,伊春市长董文琴主持召开全市防汛工作视频调度会议。')).toEqual({
      董文琴: ['市长'],
    });
    expect(byName('会上,高世文市长讲话。')).toEqual({ 高世文: ['市长'] });
  });

  it('reads the list after 在家领导 and before 等县“四大家”领导', () => {
    expect(byName('在家领导向家宝、张仕太、孙高晓,秘书长杜和平参加会议。')).toEqual({
      向家宝: ['在家领导'],
      张仕太: ['在家领导'],
      孙高晓: ['在家领导'],
      杜和平: ['秘书长'],
    });
    expect(byName('陈栋、张功玉、孙国强等县“四大家”领导参加会议。')).toEqual({
      陈栋: ['县“四大家”领导'],
      张功玉: ['县“四大家”领导'],
      孙国强: ['县“四大家”领导'],
    });
  });

  it('ends a name before what the official then did (发言, 布置, 回应, 阐述, 报告)', () => {
    expect(byName('会上,县长王刚发言,副县长李四发言。镇长张玉珍布置工作。')).toEqual({
      王刚: ['县长'],
      李四: ['副县长'],
      张玉珍: ['镇长'],
    });
    expect(byName('区长刘一回应关切。副区长赵二阐述意见。局长孙三报告工作。')).toEqual({
      刘一: ['区长'],
      赵二: ['副区长'],
      孙三: ['局长'],
    });
    // The words follow 作 as often: they cut no name without a surname, nor one before 致.
    expect(byName('部长塔勒哈提·居马拜作大会发言。')).toEqual({ '塔勒哈提·居马拜': ['部长'] });
    expect(byName('人大常委会主任王君致欢迎辞。')).toEqual({ 王君: ['人大常委会主任'] });
  });

  it('reads 场长 as a head, and no name in 新当选 or 先辈', () => {
    expect(byName('卢家林场副场长高井龙宣读了表彰决定。')).toEqual({ 高井龙: ['副场长'] });
    expect(byName('县委书记、新当选县人大常委会主任梁权财讲话。')).not.toHaveProperty('新当选');
    expect(byName('宣传政协委员先辈的壮烈故事。')).toEqual({});
  });

  it('reads 主持人, 召集人 and 发言人 as heads', () => {
    expect(byName('会议由主席团会议主持人李桂明主持。')).toEqual({ 李桂明: ['主席团会议主持人'] });
    expect(byName('自治区党委常委、秘书长,自治区党委新闻发言人周异决介绍情况。')).toEqual({
      周异决: ['自治区党委常委', '秘书长', '自治区党委新闻发言人'],
    });
    expect(byName('主席团常务主席召集人蒋良主持会议。')).toEqual({
      蒋良: ['主席团常务主席召集人'],
    });
  });

  it('reads Tibetan names with no surname after a title', () => {
    expect(byName('市政协主席公保扎西主持会议。')).toEqual({ 公保扎西: ['市政协主席'] });
    expect(byName('县长江拥洛追讲话。')).toEqual({ 江拥洛追: ['县长'] });
  });

  it('reads no person from a counted group, a verb phrase or a post after a title', () => {
    expect(byName('276位区人大代表陆续来到会场。')).toEqual({});
    expect(byName('全区政协委员齐聚首府,共商大计。')).toEqual({});
    expect(byName('临时党支部书记由团长担任。')).toEqual({});
  });
});

describe('names that are not Chinese-surname names, and words that are not names', () => {
  it('reads a Mongolian name with no dot after a title, ended by the word after it', () => {
    expect(byName('旗政协主席巴根那主持会议并讲话。')).toEqual({ 巴根那: ['旗政协主席'] });
  });

  it('keeps the last character of a transliterated name before 就 (加尔木哈买提就…)', () => {
    expect(byName('行署专员木合亚提·加尔木哈买提就春节期间疫情防控进行调研。')).toEqual({
      木合亚提·加尔木哈买提: ['行署专员'],
    });
  });

  it('reads 那 inside a transliterated name (沙恒别克·贾那提别克, 那仁·巴特尔)', () => {
    expect(byName('县人大常委会主任沙恒别克·贾那提别克、政协主席张强出席。')).toEqual({
      '沙恒别克·贾那提别克': ['县人大常委会主任'],
      张强: ['政协主席'],
    });
    expect(byName('县长那仁·巴特尔出席会议。')).toEqual({ '那仁·巴特尔': ['县长'] });
  });

  it('reads a long Tibetan name part that a list’s 、 closes (达扎·尕让托布旦拉西降措、)', () => {
    expect(byName('大会的执行主席是李强、达扎·尕让托布旦拉西降措、米建康、泽久。')).toEqual({
      李强: ['执行主席'],
      达扎·尕让托布旦拉西降措: ['执行主席'],
      米建康: ['执行主席'],
      泽久: ['执行主席'],
    });
  });

  it('reads transliterated names whose dot stands between spaces (肖开提 · 依明)', () => {
    expect(byName('自治区人大常委会主任肖开提 · 依明主持会议。')).toEqual({
      肖开提·依明: ['自治区人大常委会主任'],
    });
    expect(byName('副主任托乎提 · 亚克夫、木合亚提 · 加尔木哈买提出席会议。')).toEqual({
      托乎提·亚克夫: ['副主任'],
      木合亚提·加尔木哈买提: ['副主任'],
    });
  });

  it('reads an instructor (教导员) and a name before 发布 (a press conference)', () => {
    expect(byName('区消防救援大队教导员胡波传达《通知》。')).toEqual({
      胡波: ['区消防救援大队教导员'],
    });
    expect(byName('中共沈阳市委副书记刘晓东发布,根据《党章》。')).toEqual({
      刘晓东: ['中共沈阳市委副书记'],
    });
  });

  it('reads a four-character Tibetan name closed by a one-character verb, and 才仁 names', () => {
    expect(byName('委员会副主任索朗仁增作关于条例草案的说明。')).toEqual({
      索朗仁增: ['委员会副主任'],
    });
    expect(byName('市委副书记、市长才仁郎公主持会议并讲话。')).toEqual({
      才仁郎公: ['市委副书记', '市长'],
    });
    // A two-character word still wins where one follows within reach.
    expect(byName('州长次仁向巴主持会议。')).toEqual({ 次仁向巴: ['州长'] });
  });

  it('reads no name from a meeting after a title or a place and its organ before a head', () => {
    expect(byName('5月14日,县政府召开县长周例会,听取汇报。')).toEqual({});
    expect(byName('审议通过《工作方案》及区政协副秘书长分工调整建议。')).toEqual({});
  });

  it('reads a member named before 委员 (姜莉委员代表民进发言), but not before an organ or a plural', () => {
    expect(byName('吴忠庆委员代表民建苏州市委发言;姜莉委员代表民进苏州市委发言。')).toEqual({
      吴忠庆: ['委员'],
      姜莉: ['委员'],
    });
    // 委员会 is an organ, 委员们 a group, 有关 and 党员 no name's start.
    expect(byName('报送区监察委员会和有关专门委员会审议。')).toEqual({});
    expect(byName('同时要求委员们加强学习,向政协委员们致以问候。')).toEqual({});
    expect(byName('有关政协委员、党员委员参加座谈。')).toEqual({});
    // The text may end right after the head.
    expect(byName('会议的记录人是吴忠庆委员')).toEqual({ 吴忠庆: ['委员'] });
  });

  it('reads staff officers (参谋, 参谋长) as titles', () => {
    expect(byName('参加会议的有赛罕区消防大队参谋邱鹏,省军区副参谋长苏明宗。')).toEqual({
      邱鹏: ['参谋'],
      苏明宗: ['省军区副参谋长'],
    });
  });

  it('reads forest and lake chiefs (林长, 湖长), but no name in 林长制落实 or 林长抓特色', () => {
    expect(
      byName('县委书记、县级林长余力主持会议,县政府副县长、常务副林长徐岱毅参加会议并讲话。'),
    ).toEqual({
      余力: ['县委书记', '县级林长'],
      徐岱毅: ['县政府副县长', '常务副林长'],
    });
    expect(
      byName('会议听取了全县信访工作、林长制落实情况汇报。要求区级林长抓督促、功能区林长抓特色。'),
    ).toEqual({});
    // 名额 is a word (委员名额), not a name after the title 委员.
    expect(byName('审议通过政协第十三届广州市委员会参加单位、委员名额和人选名单。')).toEqual({});
  });
});

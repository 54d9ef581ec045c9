/**
 * Chinese surnames (simplified): the common single-character surnames and the compound ones.
 * Used to recognise a name after a title, in a leaders' list or in a byline.
 */

/** Single-character surnames, roughly by frequency. */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由' +
  '傅习洪汪邢项祝董鲍娄殷闫阎郗芮宦艾冼雒逄佀訾仉蔚晏郦闪竺虎肇凤酆费弓韶郇黄钮郏缑寿莘羿谯濮郄杞禄蓟厍霍靖鄂蔺钭';

/** Compound surnames. */
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '闾丘',
  '端木',
  '申屠',
  '太史',
  '澹台',
  '公冶',
  '呼延',
  '南宫',
  '西门',
  '百里',
  '东郭',
  '万俟',
  '独孤',
  '拓跋',
];

const SINGLE_SET = new Set(SINGLE);
/** 1 for a single surname, 2 for the first character of a compound surname (3 for both). */
const SURNAME_TABLE = new Uint8Array(0x10000);
for (const ch of SINGLE) {
  const c = ch.charCodeAt(0);
  SURNAME_TABLE[c] = (SURNAME_TABLE[c] ?? 0) | 1;
}
for (const name of COMPOUND_SURNAMES) {
  const c = name.charCodeAt(0);
  SURNAME_TABLE[c] = (SURNAME_TABLE[c] ?? 0) | 2;
}
const COMPOUND_SET = new Set(COMPOUND_SURNAMES);

/** True when the character is a common single-character surname. */
export function isSurname(ch: string): boolean {
  return SINGLE_SET.has(ch);
}

/** Length of the surname at `text[at]` (2 for a compound surname, 1 for a single one, 0 if none). */
export function surnameLengthAt(text: string, at: number): number {
  const t = SURNAME_TABLE[text.charCodeAt(at)] ?? 0;
  if (t === 0) return 0;
  if (t & 2 && COMPOUND_SET.has(text.slice(at, at + 2))) return 2;
  return t & 1;
}

/**
 * Characters that almost never occur inside a given name but often follow or precede one
 * (function words, verbs, organisation characters), so a name candidate containing one is rejected.
 */
export const NON_NAME_CHARS = new Set(
  '的了和与及在是为对向从由把被将就也都而并或等之其这那该此各每某个们我你他她它省市县区乡镇村委局厅部办组院会议记书届次第年月日号时分上下内外里网报社讯稿者编审责副务说讲指出席持召到去称将已曾又再还则给带率赴亲作做提看听表',
);

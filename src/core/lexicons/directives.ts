/**
 * Vocabulary of directive phrases (simplified): imperative heads, formula shapes, and quoted
 * strings that are not directives (holidays, sources, media names).
 */

/** Heads of an imperative clause, longest first where they overlap. */
export const IMPERATIVE_HEADS = [
  '严格落实',
  '坚决',
  '确保',
  '务必',
  '必须',
  '严禁',
  '切实',
  '务求',
  '不得',
  '要',
];

/** Characters before 要 that make it part of another word (重要, 主要, 需要…). */
export const NOT_BEFORE_YAO = '重主需只紧必简摘纲首机政概想扼提撮切';
/** Characters after 要 that make it part of another word (要求, 要素, 要点…). */
export const NOT_AFTER_YAO = '求素点件闻害员领是么紧道塞职冲义旨事览务案地诀命价账';

/** Holidays and festivals, often quoted (“五一”) but never directives. */
export const HOLIDAYS = new Set([
  '五一',
  '十一',
  '国庆',
  '春节',
  '元旦',
  '清明',
  '端午',
  '中秋',
  '七一',
  '八一',
  '三八',
  '六一',
  '五四',
  '双十一',
  '双11',
  '双十二',
  '元宵',
  '重阳',
  '七夕',
  '腊八',
  '除夕',
  '冬至',
  '小年',
  '两节',
  '618',
]);

/** Endings of quoted media, works and sources (“中国西藏网”, “人民日报”). */
export const MEDIA_ENDING =
  /(?:网|网文|网站|报|日报|晚报|周刊|杂志|电视台|广播|频道|公众号|客户端|app|APP|出版社|通讯社|新闻|节)$/;

/** Openings of quoted notices that are not directives (“来源:…”). */
export const NOTICE_OPENING = /^(?:来源|转载|原标题|作者|记者|编辑|责任编辑|摘自|转自|图片|视频)/;

/** Measure words of numbered formulas (二十条, 69项, 第九版, 三大). */
export const FORMULA_MEASURES = ['条', '项', '版', '大'];

/** Nouns that end a numbered formula. */
export const FORMULA_NOUNS = [
  '措施',
  '举措',
  '意见',
  '规定',
  '要求',
  '办法',
  '政策',
  '任务',
  '方案',
  '工程',
  '行动',
  '制度',
  '原则',
  '禁令',
  '纪律',
  '准则',
  '清单',
  '目标',
  '攻坚战',
  '战略',
  '重点',
  '机制',
  '整治',
  '专项行动',
  '改革',
  '项目',
  '实事',
  '承诺',
  '标准',
];

/** Lines after which the article is over (copyright, related links, editor lines). */
export const ARTICLE_END =
  /^[\s(（【]*(?:版权声明|相关阅读|相关新闻|相关链接|相关稿件|相关文章|推荐阅读|延伸阅读|热点推荐|热门推荐|上一篇|下一篇|扫一扫|责任编辑|责编|原标题|分享到|打印本页|关闭窗口)/m;

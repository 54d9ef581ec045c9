/**
 * Decides whether a page is a Chinese government / Party news report: a 0–1 score from signals
 * in the URL, government-CMS meta tags, page chrome and content, minus signals of other genres
 * (fiction, recipes, shops, forums). Reads normalised (simplified) text.
 */
import { LiteralMatcher } from './text/literal-matcher';
import type { PageSignal } from './types';

/** What detection looks at besides the text. */
export interface DetectionInput {
  text: string;
  url?: string;
  meta?: Record<string, string>;
  /** Officials with a title found by the engine. */
  titledOfficials: number;
  /** Numbered meetings found by the engine. */
  meetings: number;
}

/** Characters read from the top and the bottom of long pages. */
const SAMPLE_HEAD = 60_000;
const SAMPLE_TAIL = 15_000;

/** Score at and above which a page counts as government news. */
export const GOV_NEWS_THRESHOLD = 0.5;

/** Hosts of Party and state media (and their provincial/municipal editions). */
const PARTY_MEDIA_HOSTS =
  /(?:^|\.)(?:people\.com\.cn|xinhuanet\.com|news\.cn|cctv\.com|cntv\.cn|chinanews\.com(?:\.cn)?|gmw\.cn|ce\.cn|cnr\.cn|youth\.cn|china\.com\.cn|chinadaily\.com\.cn|qstheory\.cn|12371\.cn|ccdi\.gov\.cn|tibet\.cn|chinatibetnews\.com|dzwww\.com|sxdaily\.com\.cn|southcn\.com|cnwest\.com|hebnews\.cn|jschina\.com\.cn|zjol\.com\.cn|hunantoday\.cn|rednet\.cn|thepaper\.cn|bjnews\.com\.cn|cqnews\.net|scol\.com\.cn|hubeidaily\.net|ynet\.com|xinmin\.cn|jfdaily\.com|dahe\.cn|hinews\.cn|nmgnews\.com\.cn|ts\.cn|taiyuan\.cn|jnnews\.tv)$/i;

/** CMS meta names used by government and Party-media sites. */
const GOV_META = [
  'articletitle',
  'pubdate',
  'contentsource',
  'sitename',
  'siteidcode',
  'columnname',
  'columntype',
  'catalogname',
  'sitedomain',
];

/** Vocabulary of Party documents. */
const PARTY_TERMS = new LiteralMatcher([
  '习近平',
  '总书记',
  '党中央',
  '贯彻落实',
  '深入学习',
  '决策部署',
  '政治站位',
  '两个维护',
  '四个意识',
  '统筹推进',
]);
/** Chrome of novel sites. */
const FICTION_CHROME = new LiteralMatcher([
  '书架',
  '上一章',
  '下一章',
  '加入书签',
  '章节目录',
  '投推荐票',
  '小说',
  '本章完',
  '最新章节',
  '阅读设置',
]);
const RECIPE_WORDS = new LiteralMatcher([
  '食材',
  '用料',
  '做法',
  '调料',
  '适量',
  '翻炒',
  '下锅',
  '焯水',
  '勾芡',
  '少许',
  '腌制',
  '出锅',
  '大火',
  '小火',
]);
const SHOP_WORDS = new LiteralMatcher([
  '加入购物车',
  '立即购买',
  '包邮',
  '已售',
  '库存',
  '¥',
  '￥',
  '优惠券',
  '店铺',
  '运费',
  '客服',
]);
const FORUM_WORDS = new LiteralMatcher([
  '楼主',
  '回复',
  '发表于',
  '沙发',
  '板凳',
  '帖子',
  '楼层',
  '只看该作者',
  '发帖',
  '跟帖',
]);

/** Counts occurrences of a word list, up to `cap`. */
function countWords(text: string, words: LiteralMatcher, cap = 50): number {
  let n = 0;
  for (
    let i = words.nextIndex(text, 0);
    i >= 0 && n < cap;
    i = words.nextIndex(text, i + words.lastWord.length)
  )
    n++;
  return n;
}

/** Counts matches of a global pattern, up to `cap`. */
function countOf(text: string, re: RegExp, cap = 50): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(text)) n++;
  return n;
}

/** Host name of a URL, or '' when it does not parse. */
function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Scores a page; returns the score, the signals behind it and the decision. */
export function detectPage(input: DetectionInput): {
  isGovNews: boolean;
  score: number;
  signals: PageSignal[];
} {
  const signals: PageSignal[] = [];
  const add = (name: string, weight: number, evidence?: string): void => {
    signals.push({
      name,
      weight,
      ...(evidence !== undefined ? { evidence: evidence.slice(0, 80) } : {}),
    });
  };
  // A sample is enough to recognise the genre; chrome sits at the top and the bottom.
  const text =
    input.text.length > SAMPLE_HEAD + SAMPLE_TAIL
      ? `${input.text.slice(0, SAMPLE_HEAD)}\n${input.text.slice(-SAMPLE_TAIL)}`
      : input.text;

  // URL.
  const host = hostOf(input.url);
  if (/(?:^|\.)gov\.cn$/.test(host)) add('url.gov-cn', 0.35, host);
  else if (PARTY_MEDIA_HOSTS.test(host)) add('url.party-media', 0.25, host);
  else if (/(?:^|\.)(?:org\.cn)$|news|ribao|daily|rb\.|dj\./.test(host))
    add('url.news-host', 0.1, host);

  // Meta tags of government CMSs.
  const meta = input.meta ?? {};
  const metaText = (k: string): string => {
    const v: unknown = meta[k];
    return typeof v === 'string' ? v.trim() : '';
  };
  const metaHits = GOV_META.filter((k) => metaText(k) !== '');
  const siteId = metaText('siteidcode');
  if (siteId) add('meta.site-id-code', 0.3, siteId);
  else if (metaHits.length > 0)
    add('meta.gov-cms', Math.min(0.3, 0.1 * metaHits.length), metaHits.join(','));

  // Page chrome.
  const chrome: [string, RegExp, number][] = [
    ['chrome.source', /来源[:：]\s*[\u4e00-\u9fff]/, 0.1],
    ['chrome.editor', /责任编辑|责编[:：]|编审[:：]/, 0.1],
    ['chrome.original-title', /原标题[:：]/, 0.05],
    ['chrome.published', /发布时间|更新时间|发布日期|发稿时间/, 0.05],
    ['chrome.icp', /ICP备|公网安备|网站标识码/, 0.1],
    ['chrome.gov-site-code', /网站标识码|政府网站|人民政府(?:办公室|办公厅)?主办/, 0.1],
    ['chrome.breadcrumb', /(?:当前位置|您的位置|您当前的位置)\s*[:：]|首页\s*(?:>|>>|›|»)/, 0.05],
    [
      'chrome.dateline',
      /(?:网|报|社|台)\s*\d{1,2}月\d{1,2}日[讯电]|[(（]记者\s*[\u4e00-\u9fff]{2,4}[)）]|记者\s*[\u4e00-\u9fff]{2,3}\s*(?:报道|摄)/,
      0.1,
    ],
  ];
  for (const [name, re, w] of chrome) {
    const m = re.exec(text);
    if (m) add(name, w, m[0]);
  }

  // Content.
  const chaired = /主持召开|主持会议|主持并讲话|出席会议|出席并讲话/.exec(text);
  if (chaired) add('content.chaired-meeting', 0.15, chaired[0]);
  const says = countOf(text, /会议(?:指出|强调|要求|认为|决定|传达|听取|审议)/g);
  if (says > 0) add('content.meeting-says', 0.1, `会议… ×${says}`);
  const stressed = countOf(text, /(?:强调|指出|要求)[,，:：]/g);
  if (stressed >= 2) add('content.emphasised', 0.05, `强调/指出 ×${stressed}`);
  const party = countWords(text, PARTY_TERMS);
  if (party >= 2) add('content.party-terms', 0.1, `×${party}`);
  if (input.titledOfficials >= 2) add('content.officials', 0.15, `×${input.titledOfficials}`);
  else if (input.titledOfficials === 1) add('content.officials', 0.05, '×1');
  if (input.meetings > 0) add('content.meeting-number', 0.1, `×${input.meetings}`);
  const enumer = countOf(text, /(?:^|[\s，,。])(?:一是|二是|三是|一要|二要|第一[，,]|第二[，,])/gm);
  if (enumer >= 2) add('content.enumeration', 0.05, `×${enumer}`);

  // Other genres.
  const chapters = countOf(text, /第[0-9一二三四五六七八九十百千零〇两]+[章回节卷](?![程])/g);
  const fictionChrome = FICTION_CHROME.next(text, 0)?.word;
  if (chapters >= 1 || fictionChrome) {
    add('genre.fiction', -0.6, fictionChrome ?? `第…章 ×${chapters}`);
  }
  // Dialogue-heavy prose with personal pronouns reads like a story, not a report.
  const dialogue = countOf(
    text,
    /[说道问喊笑叫答][:：,，]?\s*[“「]|[”」][，,]?\s*[他她我你]/g,
    200,
  );
  const pronouns = countOf(text, /[他她你我](?![市省县区国们])/g, 2000);
  const perK = (n: number): number => (n * 1000) / Math.max(1, text.length);
  if (dialogue >= 3 && perK(dialogue) > 1) add('genre.dialogue', -0.35, `对话 ×${dialogue}`);
  if (perK(pronouns) > 6 && pronouns >= 8) add('genre.narrative', -0.25, `人称 ×${pronouns}`);
  const recipe = countWords(text, RECIPE_WORDS);
  if (recipe >= 3) add('genre.recipe', -0.5, `×${recipe}`);
  const shop = countWords(text, SHOP_WORDS);
  if (shop >= 3) add('genre.shop', -0.5, `×${shop}`);
  const forum = countWords(text, FORUM_WORDS);
  if (forum >= 3) add('genre.forum', -0.4, `×${forum}`);

  const sum = signals.reduce((a, s) => a + s.weight, 0);
  const score = Math.round(Math.max(0, Math.min(1, sum)) * 100) / 100;
  return { isGovNews: score >= GOV_NEWS_THRESHOLD, score, signals };
}

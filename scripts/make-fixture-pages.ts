/**
 * Generates the demo and E2E fixture pages in `test/fixtures/pages/` (committed output).
 *
 * Each seed text of `../shared/corpus/seeds` becomes `seed-NNN.html`: the seed's own lines are kept
 * verbatim and given the page chrome the real sites have (breadcrumbs, 来源/作者/日期 line,
 * editor line, footer with ICP number, CMS meta tags). Chrome the seed text lacks is added with
 * neutral wording and no person names, so the corpus gold facts stay valid for the pages. One
 * traditional page renders some pinyin glosses as `<ruby>` instead of inline `網(wǎng)`.
 * Also writes non-government pages (novel, recipe, English) and an index linking every page.
 *
 * Run: `npx tsx scripts/make-fixture-pages.ts` (reads the corpus seeds: see test/support/corpus-dir.ts).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../test/support/corpus-dir';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS_DIR = join(corpusDir(), 'seeds');
const OUT_DIR = join(ROOT, 'test', 'fixtures', 'pages');

/** What a seed line is on the page. */
type Role =
  | 'topbar'
  | 'breadcrumb'
  | 'title'
  | 'subtitle'
  | 'info'
  | 'lead'
  | 'p'
  | 'original-title'
  | 'editor'
  | 'copyright'
  | 'related-heading'
  | 'related-item'
  | 'qrcode'
  | 'footer';

/** How one seed is laid out, and the site chrome it lacks. */
interface SeedLayout {
  seed: string;
  lang: 'zh-CN' | 'zh-Hant';
  siteName: string;
  column: string;
  pubDate: string;
  source: string;
  /** Headline used for `<title>`/meta when the seed has no title line of its own. */
  syntheticTitle?: string;
  /** Role rules tried in order on each non-empty seed line; unmatched lines are paragraphs. */
  rules: Array<[RegExp | number, Role]>;
  /** Chrome added only when the seed has no line with that role. */
  breadcrumb: string;
  info: string;
  editor: string;
  footer: string[];
  /** Number of inline pinyin glosses in the body rendered as `<ruby>` (0 = keep inline). */
  rubyGlosses: number;
}

const HANT_FOOTER = (icp: string, beian: string, code: string, owner: string): string[] => [
  '關於我們 | 網站地圖 | 聯繫我們 | 版權聲明',
  `主辦單位:${owner}`,
  `${icp}  網站標識碼:${code}`,
  beian,
];

const LAYOUTS: SeedLayout[] = [
  {
    seed: '000',
    lang: 'zh-Hant',
    siteName: '太原新聞網',
    column: '今日頭條',
    pubDate: '2022-04-30 06:30',
    source: '太原日報',
    rules: [
      [/^您當前的位置/, 'breadcrumb'],
      [1, 'title'],
      [2, 'subtitle'],
      [/^來源:/, 'info'],
      [/^\(責編/, 'editor'],
    ],
    breadcrumb: '',
    info: '',
    editor: '',
    footer: HANT_FOOTER(
      '晉ICP備05002319號-1',
      '晉公網安備 14010502000231號',
      '1401000049',
      '太原日報社',
    ),
    rubyGlosses: 8,
  },
  {
    seed: '001',
    lang: 'zh-Hant',
    siteName: '中國西藏網',
    column: '今日新聞',
    pubDate: '2022-11-24 08:10',
    source: '山西日報',
    rules: [
      [0, 'title'],
      [/^版權/, 'copyright'],
      [/^- /, 'related-item'],
    ],
    breadcrumb: '首頁 > 今日新聞 > 正文',
    info: '來源:山西日報 2022-11-24 08:10',
    editor: '責任編輯:新聞中心',
    footer: HANT_FOOTER(
      '京ICP備12024326號-1',
      '京公網安備 11010802020123號',
      '1100000061',
      '中國西藏網',
    ),
    rubyGlosses: 0,
  },
  {
    seed: '002',
    lang: 'zh-CN',
    siteName: '临汾新闻网',
    column: '今日新闻',
    pubDate: '2020-03-26 10:04:25',
    source: '临汾日报',
    rules: [
      [/^\d{4}年\d+月\d+日\|/, 'topbar'],
      [/^首页 >/, 'breadcrumb'],
      [2, 'title'],
      [/来源:/, 'info'],
      [/^原标题:/, 'original-title'],
      [/^\(责任编辑/, 'editor'],
      [/^合作单位$/, 'footer'],
    ],
    breadcrumb: '',
    info: '',
    editor: '',
    footer: [
      '关于我们 | 广告服务 | 联系我们 | 网站地图',
      '主办:临汾日报社  晋ICP备09003614号-2  网站标识码:1410000012',
      '晋公网安备 14100202000117号',
    ],
    rubyGlosses: 0,
  },
  {
    seed: '003',
    lang: 'zh-CN',
    siteName: '吕梁市人民政府网',
    column: '吕梁要闻',
    pubDate: '2020-03-14 11:30:53',
    source: '吕梁日报',
    rules: [
      [0, 'title'],
      [/^来源:/, 'info'],
      [2, 'lead'],
      [3, 'lead'],
      [/^扫一扫/, 'qrcode'],
      [/^(首页\s|吕梁市人民政府办公室主办|地址:|版权所有:|晋公网安备)/, 'footer'],
    ],
    breadcrumb: '首页 > 政务公开 > 吕梁要闻 > 正文',
    info: '',
    editor: '责任编辑:市政府信息中心',
    footer: [],
    rubyGlosses: 0,
  },
  {
    seed: '004',
    lang: 'zh-Hant',
    siteName: '濟寧新聞網',
    column: '濟寧要聞',
    pubDate: '2020-02-07 12:05',
    source: '濟寧新聞網',
    syntheticTitle: '全市疫情防控工作視頻會議召開',
    rules: [[/^相關/, 'related-heading']],
    breadcrumb: '首頁 > 濟寧要聞 > 正文',
    info: '來源:濟寧新聞網 2020-02-07 12:05',
    editor: '責任編輯:新聞中心',
    footer: HANT_FOOTER(
      '魯ICP備10002148號-1',
      '魯公網安備 37080202000158號',
      '3708000021',
      '濟寧日報社',
    ),
    rubyGlosses: 0,
  },
];

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Inline gloss shape of the converted pages: one Han character followed by `(pinyin)`. */
const GLOSS = /(\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/gu;

/** Escapes a line, rendering its first `budget.left` inline glosses as ruby. */
function renderLine(text: string, budget: { left: number }): string {
  if (budget.left <= 0) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(GLOSS)) {
    if (budget.left <= 0) break;
    budget.left -= 1;
    out += escapeHtml(text.slice(last, m.index)) + `<ruby>${m[1]}<rt>${m[2]}</rt></ruby>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/** Assigns a role to every non-empty line of a seed. */
function classifyLines(lines: string[], layout: SeedLayout): Role[] {
  return lines.map((line, index) => {
    for (const [test, role] of layout.rules) {
      if (typeof test === 'number' ? test === index : test.test(line)) return role;
    }
    return 'p';
  });
}

/** Builds the HTML page of one seed. */
function renderSeedPage(seedText: string, layout: SeedLayout, pageName: string): string {
  const lines = seedText.split(/\r?\n/).filter((l) => l.trim() !== '');
  const roles = classifyLines(lines, layout);
  const budget = { left: layout.rubyGlosses };
  const linesOf = (role: Role): string[] => lines.filter((_, i) => roles[i] === role);
  const first = (role: Role): string | undefined => linesOf(role)[0];
  const hant = layout.lang === 'zh-Hant';

  const title = first('title') ?? layout.syntheticTitle;
  if (!title) throw new Error(`seed ${layout.seed}: no title line and no synthetic title`);
  const plainTitle = title.replace(GLOSS, '$1');
  const body: string[] = [];

  const topbar = first('topbar');
  body.push('<header class="site-header">');
  if (topbar) body.push(`  <div class="topbar">${escapeHtml(topbar)}</div>`);
  body.push(`  <div class="site-name">${escapeHtml(layout.siteName)}</div>`);
  body.push(
    `  <nav class="site-nav"><a href="index.html">${hant ? '首頁' : '首页'}</a> <a href="index.html">${escapeHtml(layout.column)}</a></nav>`,
  );
  body.push('</header>');

  const crumb = first('breadcrumb') ?? layout.breadcrumb;
  body.push(`<div class="breadcrumb">${escapeHtml(crumb)}</div>`);

  body.push('<main class="article">');
  body.push(`  <h1 class="article-title">${renderLine(title, budget)}</h1>`);
  for (const s of linesOf('subtitle'))
    body.push(`  <h2 class="article-subtitle">${renderLine(s, budget)}</h2>`);
  body.push(`  <div class="article-info">${escapeHtml(first('info') ?? layout.info)}</div>`);
  body.push('  <div class="article-content" id="zoom">');
  lines.forEach((line, i) => {
    const role = roles[i];
    if (role === 'lead') body.push(`    <p class="lead">${renderLine(line, budget)}</p>`);
    if (role === 'p') body.push(`    <p>${renderLine(line, budget)}</p>`);
    if (role === 'original-title')
      body.push(`    <p class="original-title">${escapeHtml(line)}</p>`);
  });
  body.push('  </div>');
  body.push(`  <div class="editor">${escapeHtml(first('editor') ?? layout.editor)}</div>`);
  const copyright = first('copyright');
  if (copyright) body.push(`  <div class="copyright-note">${escapeHtml(copyright)}</div>`);
  const qrcode = first('qrcode');
  if (qrcode) body.push(`  <div class="qrcode">${escapeHtml(qrcode)}</div>`);
  body.push('</main>');

  const relatedHeading = first('related-heading');
  const relatedItems = linesOf('related-item');
  if (relatedHeading || relatedItems.length) {
    body.push('<aside class="related">');
    body.push(`  <h3>${escapeHtml(relatedHeading ?? (hant ? '相關新聞' : '相关新闻'))}</h3>`);
    if (relatedItems.length) {
      body.push('  <ul>');
      // The seed's "- " is the extractor's list bullet, not part of the headline.
      for (const item of relatedItems)
        body.push(`    <li><a href="index.html">${escapeHtml(item.replace(/^- /, ''))}</a></li>`);
      body.push('  </ul>');
    }
    body.push('</aside>');
  }

  const footer = linesOf('footer');
  body.push('<footer class="site-footer">');
  for (const f of footer.length && !layout.footer.length ? footer : [...footer, ...layout.footer])
    body.push(`  <p>${escapeHtml(f)}</p>`);
  body.push('</footer>');

  const meta: Array<[string, string]> = [
    ['SiteName', layout.siteName],
    ['ColumnName', layout.column],
    ['ArticleTitle', plainTitle],
    ['PubDate', layout.pubDate],
    ['ContentSource', layout.source],
    ['ContentType', 'Text'],
  ];
  return [
    '<!doctype html>',
    `<html lang="${layout.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...meta.map(([n, c]) => `<meta name="${n}" content="${escapeHtml(c)}">`),
    `<title>${escapeHtml(plainTitle)}_${escapeHtml(layout.siteName)}</title>`,
    '<link rel="stylesheet" href="site.css">',
    '</head>',
    `<body data-fixture="${pageName}">`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Asserts that every non-empty seed line survives in the page text, glosses as ruby included. */
function checkSeedKept(seedText: string, html: string, name: string): void {
  const pageText = html
    .replace(/<ruby>(.)<rt>([^<]+)<\/rt><\/ruby>/gu, '$1($2)')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  for (const line of seedText.split(/\r?\n/)) {
    if (line.trim() && !pageText.includes(line.replace(/^- /, ''))) {
      throw new Error(`${name}: seed line lost: ${line.slice(0, 40)}`);
    }
  }
}

/** A simple page with its own chrome, for the non-government demo pages. */
function renderPlainPage(opts: {
  lang: string;
  title: string;
  siteName: string;
  name: string;
  body: string[];
}): string {
  return [
    '<!doctype html>',
    `<html lang="${opts.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(opts.title)}</title>`,
    '<link rel="stylesheet" href="site.css">',
    '</head>',
    `<body data-fixture="${opts.name}">`,
    `<header class="site-header"><div class="site-name">${escapeHtml(opts.siteName)}</div></header>`,
    ...opts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const paragraphs = (ps: string[], indent = '  '): string[] =>
  ps.map((p) => `${indent}<p>${escapeHtml(p)}</p>`);

/** Officialdom-novel chapter: official titles and meetings in fiction, not government news. */
function renderNovel(): string {
  const nav =
    '<nav class="chapter-nav"><a href="index.html">上一章</a> <a href="index.html">目录</a> <a href="index.html">书架</a> <a href="index.html">下一章</a></nav>';
  return renderPlainPage({
    lang: 'zh-CN',
    title: '第八十七章 常委会上的交锋_官路青云_书海阁小说网',
    siteName: '书海阁小说网',
    name: 'novel.html',
    body: [
      '<div class="breadcrumb">书海阁 > 都市小说 > 官路青云 > 第八十七章</div>',
      '<div class="reader-tools"><a href="index.html">加入书架</a> <a href="index.html">投推荐票</a> <a href="index.html">章节报错</a></div>',
      nav,
      '<main class="chapter">',
      '  <h1>第八十七章 常委会上的交锋</h1>',
      '  <div class="chapter-info">作者:青山客  字数:2315  更新时间:2023-06-18 21:40</div>',
      '  <div class="chapter-content">',
      ...paragraphs(
        [
          '周一早上八点半,清河县委常委会准时在三楼小会议室召开。',
          '陈默推门进去的时候,县长高建业已经坐在了椭圆形会议桌的右手边,正低头翻看一份文件,连眼皮都没有抬一下。',
          '“人都到齐了,开会吧。”县委书记沈从文清了清嗓子,“今天主要研究两件事,一是开发区的拆迁补偿方案,二是下半年的招商引资任务。”',
          '组织部长刘海涛冲陈默使了个眼色。陈默心里明白,今天这一关,不好过。',
          '高建业合上文件,慢条斯理地说:“拆迁的事,县政府已经研究过三次了,我看就按原方案办,没有必要再拿到常委会上来议。”',
          '陈默放下茶杯,平静地说:“高县长,原方案里有四百多户的补偿标准,比周边县低了将近三成。群众意见很大,上周信访局接待了一百多人次。”',
          '会议室里一下子安静下来,只有空调嗡嗡作响。',
          '沈从文看了看两人,笑着摆摆手:“都是为了工作嘛。这样,方案先放一放,由陈默同志牵头,一周之内拿出一个新的意见来。”',
          '散会后,刘海涛追上陈默,压低声音说:“老弟,你今天可是把高县长得罪狠了。”',
          '陈默望着窗外的梧桐树,半晌才说:“得罪人总比对不起老百姓强。”',
        ],
        '    ',
      ),
      '  </div>',
      '</main>',
      nav,
      '<footer class="site-footer"><p>本站所有小说均来源于网友上传,仅供阅读交流。</p><p>Copyright 书海阁小说网</p></footer>',
    ],
  });
}

/** A home-cooking recipe page. */
function renderRecipe(): string {
  return renderPlainPage({
    lang: 'zh-CN',
    title: '家常红烧肉的做法_下厨笔记',
    siteName: '下厨笔记',
    name: 'recipe.html',
    body: [
      '<div class="breadcrumb">首页 > 菜谱 > 家常菜 > 红烧肉</div>',
      '<main class="recipe">',
      '  <h1>家常红烧肉</h1>',
      '  <div class="recipe-info">难度:简单  时间:90分钟  口味:咸鲜微甜</div>',
      '  <p>肥而不腻、入口即化的红烧肉,是很多人心中“妈妈的味道”。不放一滴水,只用黄酒焖煮,肉香更浓。</p>',
      '  <h2>用料</h2>',
      '  <ul>',
      ...[
        '五花肉 500克',
        '冰糖 30克',
        '黄酒 300毫升',
        '生抽 2汤匙',
        '老抽 1汤匙',
        '姜 4片',
        '葱 2根',
        '八角 2个',
      ].map((i) => `    <li>${escapeHtml(i)}</li>`),
      '  </ul>',
      '  <h2>做法</h2>',
      '  <ol>',
      ...[
        '五花肉切成三厘米见方的块,冷水下锅,加姜片和黄酒焯水,撇去浮沫后捞出沥干。',
        '锅中放少许油,小火放入冰糖,炒至枣红色冒小泡。',
        '倒入五花肉翻炒,让每块肉都均匀裹上糖色。',
        '加入生抽、老抽、八角和葱段,倒入黄酒没过肉块。',
        '大火烧开后转小火,盖上锅盖焖一个小时。',
        '开盖大火收汁,汤汁浓稠发亮即可出锅。',
      ].map((s) => `    <li>${escapeHtml(s)}</li>`),
      '  </ol>',
      '  <h2>小贴士</h2>',
      '  <p>炒糖色一定要用小火,糖色炒过了会发苦。收汁时要不停翻动,防止粘锅。</p>',
      '</main>',
      '<footer class="site-footer"><p>下厨笔记 · 用心做好每一餐</p></footer>',
    ],
  });
}

/** An English news page: no Chinese text at all. */
function renderEnglish(): string {
  return renderPlainPage({
    lang: 'en',
    title: 'City council approves new riverside park - Riverton Gazette',
    siteName: 'Riverton Gazette',
    name: 'english.html',
    body: [
      '<div class="breadcrumb">Home > Local news > Article</div>',
      '<main class="article">',
      '  <h1>City council approves new riverside park</h1>',
      '  <div class="article-info">By Staff Reporter · Updated March 3, 2024</div>',
      ...paragraphs([
        'The Riverton city council voted 7 to 2 on Tuesday night to turn the old freight yard along the river into a public park.',
        'The plan includes a playground, a walking trail and a small amphitheater for summer concerts. Construction is expected to start next spring.',
        'Residents who spoke at the meeting mostly supported the project, although some asked the council to add more parking near the entrance.',
        'The park will be paid for with a state grant and money from the city budget set aside for recreation.',
      ]),
      '</main>',
      '<footer class="site-footer"><p>© Riverton Gazette. All rights reserved.</p></footer>',
    ],
  });
}

/** The demo index linking every page. */
function renderIndex(pages: Array<{ file: string; title: string }>): string {
  return renderPlainPage({
    lang: 'zh-CN',
    title: 'Zhengwen Lens demo pages',
    siteName: 'Zhengwen Lens 政闻透镜 — demo pages',
    name: 'index.html',
    body: [
      '<main>',
      '  <h1>Demo pages 演示页面</h1>',
      '  <p>Government news pages built from the corpus seeds, and pages of other genres that must not be detected.</p>',
      '  <ul class="demo-list">',
      ...pages.map((p) => `    <li><a href="${p.file}">${escapeHtml(p.title)}</a></li>`),
      '  </ul>',
      '</main>',
    ],
  });
}

const STYLE = `/* Shared look of the fixture pages; a file so pages work under a strict CSP. */
body { margin: 0 auto; max-width: 960px; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #222; line-height: 1.8; }
.site-header { border-bottom: 3px solid #b4161b; padding: 8px 16px; }
.topbar { font-size: 12px; color: #666; }
.site-name { font-size: 24px; font-weight: bold; color: #b4161b; }
.site-nav a { margin-right: 12px; color: #333; }
.breadcrumb { font-size: 13px; color: #666; padding: 8px 16px; }
.article, .chapter, .recipe, main { padding: 0 16px 24px; }
.article-title { text-align: center; font-size: 26px; }
.article-subtitle { text-align: center; font-size: 18px; font-weight: normal; color: #444; }
.article-info, .chapter-info, .recipe-info { text-align: center; font-size: 13px; color: #888; border-bottom: 1px solid #ddd; padding-bottom: 8px; }
.article-content p, .chapter-content p { text-indent: 2em; }
.lead { text-align: center; font-weight: bold; }
.editor { text-align: right; color: #666; }
.related { padding: 0 16px; border-top: 1px dashed #ccc; }
.site-footer { border-top: 1px solid #ddd; background: #f5f5f5; text-align: center; font-size: 12px; color: #666; padding: 12px; }
ruby rt { font-size: 0.55em; color: #888; }
`;

/** Writes every page. */
function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const seedFiles = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const index: Array<{ file: string; title: string }> = [];
  for (const layout of LAYOUTS) {
    const seedFile = seedFiles.find((f) => f.startsWith(`${layout.seed}_`));
    if (!seedFile) throw new Error(`seed ${layout.seed} not found in ${SEEDS_DIR}`);
    const text = readFileSync(join(SEEDS_DIR, seedFile), 'utf8');
    const name = `seed-${layout.seed}.html`;
    const html = renderSeedPage(text, layout, name);
    checkSeedKept(text, html, name);
    writeFileSync(join(OUT_DIR, name), html);
    const title = html.match(/<meta name="ArticleTitle" content="([^"]*)">/)?.[1] ?? name;
    index.push({ file: name, title: `${layout.siteName}: ${title}` });
  }
  writeFileSync(join(OUT_DIR, 'novel.html'), renderNovel());
  writeFileSync(join(OUT_DIR, 'recipe.html'), renderRecipe());
  writeFileSync(join(OUT_DIR, 'english.html'), renderEnglish());
  index.push(
    { file: 'novel.html', title: '官场小说章节 (officialdom novel chapter, not news)' },
    { file: 'recipe.html', title: '家常红烧肉 (recipe, not news)' },
    { file: 'english.html', title: 'English local news (no Chinese text)' },
  );
  writeFileSync(join(OUT_DIR, 'index.html'), renderIndex(index));
  writeFileSync(join(OUT_DIR, 'site.css'), STYLE);
  console.log(`wrote ${index.length + 2} files to ${OUT_DIR}`);
}

main();

/**
 * Decides whether a page is a Chinese government / Party meeting report. The page is described by
 * features (URL, CMS meta tags, page chrome, content, signs of other genres), each scaled to 0–1;
 * a logistic regression fitted on the dev split of the real-page corpus (`npm run fit:detection`,
 * weights in `lexicons/detection-weights.json`) turns them into a probability. The one decision
 * is `score >= threshold`, the threshold being the user's setting or the fitted default.
 * Reads normalised (simplified) text.
 */
import { LiteralCounter, LiteralMatcher } from './text/literal-matcher';
import { alternationOf, wordsOf } from './lexicons/index';
import { countConveners } from './page-conveners';
import weightsFile from './lexicons/detection-weights.json';
import type { PageSignal } from './types';
import { GOV_NEWS_THRESHOLD, isGovNewsScore } from './gov-news-decision';

/** What detection looks at besides the text. */
export interface DetectionInput {
  /** The page's normalised text (simplified, full-width marks as ASCII: 他说,). */
  text: string;
  url?: string;
  meta?: Record<string, string>;
  /**
   * Officials with a title found by the engine (titled, or read from a titled list; no bare
   * mention, no untitled list).
   */
  titledOfficials: number;
  /** Numbered meetings found by the engine. */
  meetings: number;
}

/** One feature of a page: its value (0–1) and what triggered it. */
export interface DetectionFeature {
  name: string;
  value: number;
  evidence?: string;
}

/** Characters read from the top and the bottom of long pages. */
const SAMPLE_HEAD = 60_000;
const SAMPLE_TAIL = 15_000;

/** The fitted model: intercept, one weight per feature, and the default decision threshold. */
interface DetectionWeights {
  intercept: number;
  threshold: number;
  weights: Record<string, number>;
}
const MODEL = weightsFile as DetectionWeights;

const PARTY_MEDIA_HOSTS = new Set(wordsOf('detection', 'partyMediaHosts'));
const GOV_META = wordsOf('detection', 'govMeta');
/** A word list as a matcher, built once. */
const matcherOf = (list: string): LiteralMatcher => new LiteralMatcher(wordsOf('detection', list));
const UNPLACED_BODIES = new Set(wordsOf('detection', 'unplacedBodies'));
const BODY_PLACES = new Set(wordsOf('detection', 'bodyPlaces'));
const FICTION_CHROME = matcherOf('fictionChrome');
/** Fewest characters a pronoun's or a dialogue's rate is taken over. */
const RATE_MIN_CHARS = 600;
/** Length of page over which another genre's words count in full. */
const GENRE_WINDOW = 3000;
/** Another state's government named the way its news names it (老挝国会, 越南政府, 日本内阁). */
const FOREIGN_STATE_ORGANS = wordsOf('detection', 'foreignStates').flatMap((state) =>
  wordsOf('detection', 'foreignStateOrgans').map((organ) => state + organ),
);
/**
 * Other genres' words: the feature each feeds, the count that makes it 1 (on a short page), and
 * whether a word in a list (甲公司、乙集团等) is a report's naming of many rather than the genre's own.
 */
const GENRES: readonly [
  feature: string,
  words: readonly string[],
  full: number,
  listedByReports?: boolean,
][] = [
  ['genre.recipe', wordsOf('detection', 'recipeWords'), 5],
  ['genre.shop', wordsOf('detection', 'shopWords'), 5],
  ['genre.forum', wordsOf('detection', 'forumWords'), 5],
  ['genre.company', wordsOf('detection', 'companyWords'), 6],
  ['genre.firm', wordsOf('detection', 'firmWords'), 6, true],
  ['genre.association', wordsOf('detection', 'associationWords'), 6],
  ['genre.campus', wordsOf('detection', 'campusWords'), 6],
  ['genre.school', wordsOf('detection', 'schoolWords'), 6],
  ['genre.hospital', wordsOf('detection', 'hospitalWords'), 6],
  ['genre.sports', wordsOf('detection', 'sportsWords'), 5],
  ['genre.reference', wordsOf('detection', 'referenceWords'), 3],
  [
    'genre.foreign-government',
    [...wordsOf('detection', 'foreignGovWords'), ...FOREIGN_STATE_ORGANS],
    4,
  ],
];
const NOT_PRONOUN_AFTER = `[${wordsOf('detection', 'notPronounAfter').join('')}]`;
/** A personal pronoun, not 我市 (the writer's city) or 其他 (other), nor a report's 他强调. */
const PRONOUN_RE = new RegExp(
  `(?<![${wordsOf('detection', 'notPronounBefore').join('')}])` +
    `(?:[他她](?!${NOT_PRONOUN_AFTER}|${alternationOf(wordsOf('detection', 'reportingAfterPronoun'))})` +
    `|[你我](?!${NOT_PRONOUN_AFTER}))`,
  'g',
);
/** A story's narrator speaks of 他 and 她; a report quoting a speech (表态发言) has 我 and 你. */
const THIRD_PERSON = '他她';

/** Longest slogan or title whose pronouns are its own words, not a narrator's. */
const SLOGAN_REACH = 16;
/** A title in 《》 or 〈〉, or a quotation with no sentence mark inside (“我和我的五峰”). */
const SLOGAN_OR_TITLE_RE = new RegExp(
  `《[^《》\\n]{1,${SLOGAN_REACH}}》|〈[^〈〉\\n]{1,${SLOGAN_REACH}}〉|[“「][^“”「」，。？！：；,.?!:;\\n]{1,${SLOGAN_REACH}}[”」]`,
  'y',
);

/** True when the pronoun at `at` is a word of a slogan or a title (“你帮我点火”, 《局长听你说》). */
function isInSloganOrTitle(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - SLOGAN_REACH; i--) {
    if (!'“「《〈'.includes(text.charAt(i))) continue;
    SLOGAN_OR_TITLE_RE.lastIndex = i;
    const m = SLOGAN_OR_TITLE_RE.exec(text);
    return m !== null && i + m[0].length > at;
  }
  return false;
}

/** The narrator's 他/她 and a speech's 我/你, counted in one scan, each up to `cap`. */
function countPronouns(text: string, cap: number): { third: number; first: number } {
  PRONOUN_RE.lastIndex = 0;
  let third = 0;
  let first = 0;
  for (
    let m = PRONOUN_RE.exec(text);
    m && (third < cap || first < cap);
    m = PRONOUN_RE.exec(text)
  ) {
    if (isInSloganOrTitle(text, m.index)) continue;
    if (THIRD_PERSON.includes(m[0])) third = Math.min(cap, third + 1);
    else first = Math.min(cap, first + 1);
  }
  return { third, first };
}
const REPORT_SAYS = new RegExp(`会议(?:${wordsOf('detection', 'reportVerbs').join('|')})`, 'g');

/** A sentence ended by a particle of narration or speech (…开会了。 怎么办呢？). */
const STORY_PARTICLE_RE = new RegExp(
  `[${wordsOf('detection', 'storyParticles').join('')}][。！？!?]`,
  'g',
);

/** 着 as the durative aspect of narration (坐着, 铁青着脸), not 随着 or 着力. */
const DURATIVE_RE = new RegExp(
  `(?<!${alternationOf(wordsOf('detection', 'notDurativeBefore'))})着(?![${wordsOf('detection', 'notDurativeAfter').join('')}])`,
  'g',
);

/** A term defined as a reference page defines it (…的简称, 是指…), not a document's shorthand. */
const DEFINITION_RE = new RegExp(
  `(?<!${alternationOf(wordsOf('detection', 'notDefinitionBefore'))})(?:${alternationOf(wordsOf('detection', 'definitionMarks'))})(?![${wordsOf('detection', 'notDefinitionAfter').join('')}])`,
  'g',
);

/** A quotation that asks, exclaims or ends a sentence inside its quotes. */
const QUOTED_SENTENCE_RE =
  /[“「『](?:[^”」』]{0,119}[?？!！]|[^”」』]{0,119}[。…])[^”」』]{0,119}?[”」』]/g;

/**
 * A 党委, 党组 or 纪委 is a state body's only after a place or a state office (镇党委, 局党组),
 * since schools, hospitals and firms have them too (校党委, 党委书记); other names always are.
 */
const isStateBodyAt = (text: string, word: string, at: number): boolean =>
  !UNPLACED_BODIES.has(word) || BODY_PLACES.has(text.charAt(at - 1));

/** Words of reports holding another genre's word (协商会 holds 商会). */
const HOLDERS = wordsOf('detection', 'reportWordsHoldingGenreWords');
/** A genre's word that is not part of a report's word holding it (商会 in 政治协商会议). */
const isGenreWordAt = (text: string, word: string, at: number): boolean =>
  !HOLDERS.some((h) => {
    const i = h.indexOf(word);
    return i >= 0 && text.startsWith(h, at - i);
  });

/** Marks after a name that make it one of a list (甲公司、乙集团等). */
const LIST_MARKS = new Set(wordsOf('detection', 'firmListMarks'));
/**
 * A genre's word, unless what it names is one of a list (甲公司、乙集团等6家): a report naming
 * many, not the genre's own page.
 */
const isUnlistedGenreWordAt = (text: string, word: string, at: number): boolean =>
  isGenreWordAt(text, word, at) && !LIST_MARKS.has(text.charAt(at + word.length));

/** Most words of one list a page is counted for. */
const WORD_CAP = 50;
/** The word lists counted on every page, in one pass: the report's, then other genres'. */
const COUNTED = new LiteralCounter(
  [
    { words: wordsOf('detection', 'chairVerbs') },
    { words: wordsOf('detection', 'partyTerms') },
    { words: wordsOf('detection', 'govBodies'), keep: isStateBodyAt },
    { words: wordsOf('detection', 'localWorkWords'), distinct: true },
    ...GENRES.map(([, words, , listed]) => ({
      words,
      keep: listed === true ? isUnlistedGenreWordAt : isGenreWordAt,
    })),
  ],
  WORD_CAP,
);

/** A verb of speech before a quotation, or a quotation closing before a pronoun. */
const DIALOGUE_RE = /[说道问喊笑叫答][:：,，]?\s*[“「]|[”」][，,]?\s*[他她我你]/g;
const NOT_SPEECH_WORDS = new Set(wordsOf('detection', 'notSpeechWords'));

/** A line of dialogue, not a quotation after 街道 or 渠道 (街道“大工委”). */
const isSpeechAt =
  (text: string) =>
  (at: number): boolean =>
    !NOT_SPEECH_WORDS.has(text.slice(at - 1, at + 1));

/** Counts matches of a global pattern, up to `cap`, those at which `keep` holds if it is given. */
function countOf(text: string, re: RegExp, cap = 50, keep?: (at: number) => boolean): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m && n < cap; m = re.exec(text)) if (!keep || keep(m.index)) n++;
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

/** True when `host` is one of `hosts` or a subdomain of one. */
function hostIn(host: string, hosts: ReadonlySet<string>): boolean {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1))
    if (hosts.has(h)) return true;
  return false;
}

/** Page chrome of news and government sites: name, pattern. */
const CHROME: [string, RegExp][] = [
  ['chrome.source', /来源[:：]\s*[\u4e00-\u9fff]/],
  ['chrome.editor', /责任编辑|责编[:：]|编审[:：]/],
  ['chrome.published', /发布时间|更新时间|发布日期|发稿时间|原标题[:：]/],
  ['chrome.gov-site', /ICP备|公网安备|网站标识码|政府网站|人民政府(?:办公室|办公厅)?主办/],
  ['chrome.breadcrumb', /(?:当前位置|您的位置|您当前的位置)\s*[:：]|首页\s*(?:>|>>|›|»)/],
  [
    'chrome.dateline',
    /(?:网|报|社|台)\s*\d{1,2}月\d{1,2}日[讯电]|(?:网|报|台)讯[\s(（]|[(（]记者\s*[\u4e00-\u9fff]{2,4}[)）]|记者\s*[\u4e00-\u9fff]{2,3}\s*(?:报道|摄)/,
  ],
];

/** The page's features, each 0–1 (only those above 0 are listed). */
export function detectionFeatures(input: DetectionInput): DetectionFeature[] {
  const out: DetectionFeature[] = [];
  const add = (name: string, value: number, evidence?: string): void => {
    if (value > 0)
      out.push({
        name,
        value: Math.min(1, value),
        ...(evidence !== undefined ? { evidence: evidence.slice(0, 80) } : {}),
      });
  };
  // A sample is enough to recognise the genre; chrome sits at the top and the bottom.
  const text =
    input.text.length > SAMPLE_HEAD + SAMPLE_TAIL
      ? `${input.text.slice(0, SAMPLE_HEAD)}\n${input.text.slice(-SAMPLE_TAIL)}`
      : input.text;

  const host = hostOf(input.url);
  if (/(?:^|\.)gov\.cn$/.test(host)) add('url.gov-cn', 1, host);
  else if (hostIn(host, PARTY_MEDIA_HOSTS)) add('url.party-media', 1, host);
  else if (/(?:^|\.)(?:org\.cn)$|news|ribao|daily|rb\.|dj\./.test(host))
    add('url.news-host', 1, host);

  const meta = input.meta ?? {};
  const metaText = (k: string): string => {
    const v: unknown = meta[k];
    return typeof v === 'string' ? v.trim() : '';
  };
  const metaHits = GOV_META.filter((k) => metaText(k) !== '');
  if (metaText('siteidcode')) add('meta.site-id-code', 1, metaText('siteidcode'));
  else if (metaHits.length > 0) add('meta.gov-cms', metaHits.length / 3, metaHits.join(','));

  for (const [name, re] of CHROME) {
    const m = re.exec(text);
    if (m) add(name, 1, m[0]);
  }

  const [chaired = 0, party = 0, bodies = 0, local = 0, ...genreCounts] = COUNTED.count(text);
  add('content.chaired-meeting', chaired / 2, `×${chaired}`);
  const says = countOf(text, REPORT_SAYS);
  add('content.meeting-says', says / 3, `会议… ×${says}`);
  const stressed = countOf(text, /(?:强调|指出|要求)[,，:：]/g);
  add('content.emphasised', stressed / 4, `强调/指出 ×${stressed}`);
  add('content.party-terms', party / 6, `×${party}`);
  add('content.gov-bodies', bodies / 6, `×${bodies}`);
  add('content.local-work', local / 8, `×${local}`);
  add('content.officials', input.titledOfficials / 4, `×${input.titledOfficials}`);
  add('content.meeting-number', input.meetings / 2, `×${input.meetings}`);
  const enumer = countOf(text, /(?:^|[\s，,。])(?:一是|二是|三是|一要|二要|第一[，,]|第二[，,])/gm);
  add('content.enumeration', enumer / 3, `×${enumer}`);

  const defined = countOf(text, DEFINITION_RE);
  add('genre.definition', defined / 2, `简称/是指 ×${defined}`);
  const chapters = countChapters(text);
  const fictionChrome = FICTION_CHROME.next(text, 0)?.word;
  if (chapters >= 1 || fictionChrome)
    add('genre.fiction', 1, fictionChrome ?? `第…章 ×${chapters}`);
  // Dialogue-heavy prose with personal pronouns reads like a story, not a report.
  const dialogue = countOf(text, DIALOGUE_RE, 200, isSpeechAt(text));
  // A quoted sentence (“书记，会议马上开始了。”, 「今天吹什么风?」) is someone speaking: reports quote
  // formulas and titles, stories quote people.
  const uttered = countOf(text, QUOTED_SENTENCE_RE);
  add('genre.quoted-speech', uttered / 2, `“…。” ×${uttered}`);
  const particles = countOf(text, STORY_PARTICLE_RE, 50, (at) =>
    isGenreWordAt(text, text.charAt(at), at),
  );
  add('genre.story-particles', particles / 2, `…了。 ×${particles}`);
  const durative = countOf(text, DURATIVE_RE);
  add('genre.durative', durative / 3, `…着 ×${durative}`);
  const { third, first } = countPronouns(text, 2000);
  // A rate over a short brief is noise: one 他 in 200 characters is no story.
  const perK = (n: number): number => (n * 1000) / Math.max(RATE_MIN_CHARS, text.length);
  add('genre.dialogue', perK(dialogue) / 3, `对话 ×${dialogue}`);
  add('genre.narrative', perK(third) / 12, `他/她 ×${third}`);
  add('genre.first-person', perK(first) / 12, `我/你 ×${first}`);
  // The share of meetings convened by an association, a school or a firm, whatever the length.
  const conveners = countConveners(text);
  // And the share a jurisdiction or a state body convenes (城郊乡召开, 县政府召开): a report's.
  if (conveners.clauses > 0) {
    add('genre.other-convener', conveners.other / conveners.clauses, conveners.example);
    add('content.state-convener', conveners.state / conveners.clauses, `×${conveners.state}`);
  }
  // Counted as on a page of GENRE_WINDOW characters: a long report (a city's work plan, a
  // whole session's bulletin) names schools and companies by the dozen without being either.
  const scale = Math.min(1, GENRE_WINDOW / Math.max(1, text.length));
  GENRES.forEach(([name, , full], k) => {
    const n = genreCounts[k] ?? 0;
    add(name, (n / full) * scale, `×${n}`);
  });
  return out;
}

/**
 * 第三章, 第十回: a chapter heading of a story (not 章程, or 第一节课, a lesson). A heading opens a
 * line or follows a mark (正文_第3章, 书名 > 第3章); one that follows a word is named in running
 * text (学习了第二章第一节: a study session's reading).
 */
const CHAPTER_RE =
  /(?<![\u4e00-\u9fff])第[0-9一二三四五六七八九十百千零〇两]+[章回节卷](?![程课])/g;
/** Most characters between a book title and a chapter it cites (《…》导语、第十一章). */
const MAX_CITED_GAP = 6;
/** A book title closing at most MAX_CITED_GAP characters before, with no sentence end between. */
const CITED_CHAPTER_RE = new RegExp(`》[^。！？!?》]{0,${MAX_CITED_GAP}}$`);

/** Longest book title a chapter number may stand in (《习近平谈治国理政》第三卷). */
const MAX_BOOK_TITLE = 40;

/**
 * Chapter headings outside book citations: a report cites 《…第三卷》 or 《习近平谈治国理政》第三卷
 * without being a story.
 */
function countChapters(text: string): number {
  CHAPTER_RE.lastIndex = 0;
  let n = 0;
  for (let m = CHAPTER_RE.exec(text); m && n < 50; m = CHAPTER_RE.exec(text)) {
    const open = text.lastIndexOf('《', m.index);
    const inTitle =
      open >= 0 && m.index - open <= MAX_BOOK_TITLE && text.lastIndexOf('》', m.index) < open;
    // 《学习纲要》导语、第十一章: a chapter named a few characters after a book title is cited.
    const afterTitle = CITED_CHAPTER_RE.test(
      text.slice(Math.max(0, m.index - MAX_CITED_GAP - 1), m.index),
    );
    if (!inTitle && !afterTitle) n++;
  }
  return n;
}

/** The fitted probability for a list of features, with each feature's contribution as a signal. */
export function scoreFeatures(features: readonly DetectionFeature[]): {
  score: number;
  signals: PageSignal[];
} {
  let logit = MODEL.intercept;
  const signals: PageSignal[] = [];
  for (const f of features) {
    const w = MODEL.weights[f.name] ?? 0;
    const contribution = Math.round(w * f.value * 100) / 100;
    logit += w * f.value;
    signals.push({
      name: f.name,
      weight: contribution,
      ...(f.evidence !== undefined ? { evidence: f.evidence } : {}),
    });
  }
  signals.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const score = Math.round((1 / (1 + Math.exp(-logit))) * 100) / 100;
  return { score, signals };
}

/** Scores a page; returns the score, the signals behind it and the decision at `threshold`. */
export function detectPage(
  input: DetectionInput,
  threshold = GOV_NEWS_THRESHOLD,
): { isGovNews: boolean; score: number; signals: PageSignal[] } {
  const { score, signals } = scoreFeatures(detectionFeatures(input));
  return { isGovNews: isGovNewsScore(score, threshold), score, signals };
}

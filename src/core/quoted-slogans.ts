/**
 * Quoted slogans of the directives pass: which quotations are policy formulas and catch-phrases
 * (“三防”, “1+N”, a banner's words) rather than names, holidays, notices or speech.
 */
import { CHINESE_NUMERAL_CHARS } from './numerals';
import { codeUnitFlags } from './text/code-unit-flags';
import { LiteralMatcher } from './text/literal-matcher';
import { alternationOf, wordsOf } from './lexicons/index';
import { inBullet } from './article-extent';
import type { RawDirective } from './directives';

const HOLIDAYS = new Set(wordsOf('directives', 'holidays'));
const MEDIA_ENDING = new RegExp(
  `(?:${alternationOf([...wordsOf('directives', 'mediaEndings'), ...wordsOf('directives', 'quotedNameEndings')])})$`,
);
const NOT_SLOGANS = new Set(wordsOf('directives', 'notSlogans'));
const OWN_PLACE = new RegExp(alternationOf(wordsOf('directives', 'ownPlaceWords')));
const NAME_NOUNS = new LiteralMatcher(wordsOf('directives', 'nounsAfterQuotedNames'));
const LISTED_NAME_NOUNS = new LiteralMatcher(wordsOf('directives', 'nounsAfterListedNames'));
const NAME_LEADS = wordsOf('directives', 'nounsBeforeQuotedNames');
const LEADER_WORDS = new LiteralMatcher(wordsOf('directives', 'leaderWordsAfterQuote'));
/** Quoted strings listed after a closing quote (“甲”、“乙”等): skipped to reach the noun after them. */
const MORE_QUOTED = /^(?:[、，,]?[“「『‘"][^“”「」『』‘’"\n]{1,32}[”」』’"])*(等?)/;
/** Quoted formulas written with digits and symbols: “1+N”, “4+1”, “1+4+X”, “1+3>4”, “12345”. */
const DIGIT_FORMULA = /^(?:[0-9]+(?:[+>][0-9A-Za-z]+)+|[0-9]{3,6})$/;
/** A formula of counted parts (“两城三区四基地”, “一核两翼”): a directive whatever its last word. */
const COUNTED_PARTS = new RegExp(
  `^(?:[${CHINESE_NUMERAL_CHARS}]+[^${CHINESE_NUMERAL_CHARS}\\s]{1,3}){2,}$`,
);
/** A formula of one counted part (“一张网”, “六大产业基地”): numeral, measure word, a few nouns. */
const COUNTED_PART = new RegExp(
  `^[${CHINESE_NUMERAL_CHARS}]+[${wordsOf('directives', 'countedMeasures').join('')}][\u4e00-\u9fff]{1,4}$`,
);
/** Longest quoted list of phrases (“干字当头、目标倒逼、问题导向、重点发力、以上率下”). */
const MAX_LISTED_SLOGAN = 32;
const NOTICE_OPENING = new RegExp(
  `^(?:${alternationOf([...wordsOf('directives', 'noticeOpenings'), ...wordsOf('directives', 'documentOpenings')])})`,
);
/** Quotations up to the longest programme read (see {@link MAX_PROGRAMME}). */
export const QUOTE_RE =
  /“([^“”\n]{1,160})”|「([^「」\n]{1,160})」|『([^『』\n]{1,160})』|‘([^‘’\n]{1,160})’|"([^"\n]{1,160})"/g;
/** Longest quoted programme (按照“…”的总体思路) read as a formula. */
const MAX_PROGRAMME = 160;
const POLICY_NOUNS = new LiteralMatcher(wordsOf('directives', 'policyNouns'));
/** Words between a quotation and its policy noun (“…”的原则, 以“…”为总目标). */
const BEFORE_POLICY_NOUN = '的为';
/** Characters that open a formula that counts (“六稳”, “双减”, “1+N”). */
const COUNTING_START = new RegExp(
  `^[0-9${CHINESE_NUMERAL_CHARS}${wordsOf('directives', 'countingWords').join('')}]`,
);

/** A year at the start of a quotation (2020年, 2008年度). */
const YEAR_OPENING = /^(?:19|20)\d{2}年/;
/** A quoted honour a place won (“全国重点镇”, “湖北省生态示范镇”): see honourOpenings. */
const HONOUR = new RegExp(
  `^(?:${alternationOf(wordsOf('directives', 'honourOpenings'))}|[\\u4e00-\\u9fff]{2,3}省).*[${wordsOf('directives', 'honourPlaceUnits').join('')}]$`,
);
/** An opening quote inside a quotation. */
const NESTED_QUOTE_RE = /[“「『‘"]/;

/**
 * True when the quoted text reads like a policy formula rather than a name, holiday or notice.
 * `paired`: the quotation stands in a series with another (“输血”向“造血”), so a two-character
 * word in it is a coined term rather than a word in scare quotes.
 */
export function isSloganText(s: string, paired = false): boolean {
  const t = s.trim();
  if (DIGIT_FORMULA.test(t) && !/^(?:19|20)\d{2}$/.test(t)) return true;
  const listed =
    /[、，,]/.test(t) && t.split(/[、，,]/).every((p) => p.length > 0 && p.length <= 8);
  if (t.length === 0 || t.length > (listed ? MAX_LISTED_SLOGAN : 20)) return false;
  if (!/[\u4e00-\u9fff]/.test(t)) return false;
  if (!paired && isScareQuotedWord(t)) return false;
  // Sentence marks and book titles are speech or citations; a parenthesis (市(县)) glosses a name;
  // words joined by a middle dot name an event or a brand (格桑花开·南京墨竹周).
  if (/[。！？!?；;：:《》()（）]|[\u4e00-\u9fff][·•][\u4e00-\u9fff]/.test(t)) return false;
  // “2020年主要工作”, “2021年项目建设大会战”: a year opens a report's section or an event.
  if (
    HOLIDAYS.has(t) ||
    NOT_SLOGANS.has(t) ||
    NOTICE_OPENING.test(t) ||
    YEAR_OPENING.test(t) ||
    HONOUR.test(t) ||
    OWN_PLACE.test(t)
  )
    return false;
  if (MEDIA_ENDING.test(t) && !COUNTED_PARTS.test(t) && !COUNTED_PART.test(t)) return false;
  return true;
}

const SERIES_JOINERS = codeUnitFlags(wordsOf('directives', 'quotedSeriesJoiners').join(''));
const OPENING_QUOTES = codeUnitFlags('“「『‘"');
const CLOSING_QUOTES = codeUnitFlags('”」』’"');

/**
 * True when the quotation from `start` to `end` has another right before or after it, at most
 * one joining character away (“清朗”“净网”, “红线”、“底线”, “输血”向“造血”).
 */
function inQuotedSeries(text: string, start: number, end: number): boolean {
  const before = SERIES_JOINERS[text.charCodeAt(start - 1)] === 1 ? start - 2 : start - 1;
  if (before >= 0 && CLOSING_QUOTES[text.charCodeAt(before)] === 1) return true;
  const after = SERIES_JOINERS[text.charCodeAt(end)] === 1 ? end + 1 : end;
  return OPENING_QUOTES[text.charCodeAt(after)] === 1;
}

/** Two characters that count nothing (“卷面”, “硬核”): a word in scare quotes, unlike “六稳”. */
function isScareQuotedWord(t: string): boolean {
  return /^[\u4e00-\u9fff]{2}$/.test(t) && !COUNTING_START.test(t);
}

/**
 * True when a quotation that is no catch-phrase by its own shape, ending at `at`, names a policy:
 * a programme too long for a catch-phrase or a word in scare quotes, before a policy noun
 * (按照“因地制宜、分类指导……”的原则, “灰码”制度), holding no sentence or nested quote.
 */
function namesAPolicy(text: string, inner: string, at: number): boolean {
  const t = inner.trim();
  if (!(t.length > 20 || isScareQuotedWord(t)) || t.length > MAX_PROGRAMME) return false;
  if (/[。！？!?；;：:《》“”「」『』‘’"]/.test(t)) return false;
  // “关于…的议案”的要求, “2024年…”: a document's or an event's title before the noun.
  if (NOTICE_OPENING.test(t) || YEAR_OPENING.test(t) || OWN_PLACE.test(t)) return false;
  const k = BEFORE_POLICY_NOUN.includes(text.charAt(at)) ? at + 1 : at;
  return POLICY_NOUNS.wordAt(text, k) !== undefined;
}

const BANNER_NOUNS = new LiteralMatcher(wordsOf('directives', 'bannerNouns'));
const BANNER_LEADS = wordsOf('directives', 'bannerLeads');
/** Most characters between a banner's quotation and its noun (的巨幅, 大红). */
const MAX_BEFORE_BANNER_NOUN = 4;

/**
 * True when the quotation `inner` from `start` to `end` is the text of a banner (会场悬挂着“…”,
 * “…”的大幅标语): a slogan whatever its length, a closing exclamation mark or full stop allowed.
 */
function isBannerText(text: string, inner: string, start: number, end: number): boolean {
  const t = inner.trim().replace(/[。！!]$/, '');
  if (t.length === 0 || t.length > MAX_PROGRAMME || /[。！？!?：:《》]/.test(t)) return false;
  const lead = /[:：]/.test(text.charAt(start - 1)) ? start - 1 : start;
  if (BANNER_LEADS.some((w) => text.startsWith(w, lead - w.length))) return true;
  for (let k = 0; k <= MAX_BEFORE_BANNER_NOUN; k++) {
    if (BANNER_NOUNS.wordAt(text, end + k) !== undefined) return true;
    if (!/[\u4e00-\u9fff]/.test(text.charAt(end + k))) return false;
  }
  return false;
}

/**
 * True when the quotation from `start` to `at` names a brand, activity or campaign (“甲”品牌)
 * or a storm (台风“杜苏芮”), or quotes a leader's words (关于“…”的重要论述).
 */
function namesAThing(text: string, start: number, at: number): boolean {
  if (NAME_LEADS.some((w) => text.startsWith(w, start - w.length))) return true;
  if (
    text.startsWith('关于', start - 2) &&
    text.charAt(at) === '的' &&
    LEADER_WORDS.wordAt(text, at + 1) !== undefined
  )
    return true;
  const more = MORE_QUOTED.exec(text.slice(at, at + 200));
  const after = at + (more?.[0].length ?? 0);
  if (NAME_NOUNS.wordAt(text, after) !== undefined) return true;
  return more?.[1] === '等' && LISTED_NAME_NOUNS.wordAt(text, after) !== undefined;
}

/** Slogans in quotes from the match `at.m`, up to the first one at or past `limit`. */
export function readQuotedSlogans(
  text: string,
  articleEnd: number,
  bullets: readonly [number, number][],
  out: RawDirective[],
  at: { m: RegExpExecArray | null },
  limit: number,
): number {
  for (let m = at.m; m && m.index < articleEnd; m = QUOTE_RE.exec(text)) {
    if (m.index >= limit) {
      at.m = m;
      return m.index;
    }
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    const end = m.index + m[0].length;
    const paired = isScareQuotedWord(inner.trim()) && inQuotedSeries(text, m.index, end);
    if (
      !(
        isSloganText(inner, paired) ||
        namesAPolicy(text, inner, end) ||
        isBannerText(text, inner, m.index, end)
      ) ||
      inBullet(bullets, m.index) ||
      namesAThing(text, m.index, end)
    ) {
      // 「关于优化提升『一江两岸三带』景观带建设」: a title that is no slogan may quote one.
      if (NESTED_QUOTE_RE.test(inner)) QUOTE_RE.lastIndex = m.index + 1;
      continue;
    }
    out.push({
      start: m.index,
      end,
      subtype: 'slogan',
      normalized: inner.trim(),
    });
    // “构建‘三位一体’监督格局”: the formula quoted inside a slogan is one of its own.
    if (NESTED_QUOTE_RE.test(inner)) QUOTE_RE.lastIndex = m.index + 1;
  }
  at.m = null;
  return -1;
}

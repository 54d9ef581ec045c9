/**
 * The place of a meeting record (临汾市, 哈尔滨市松北区, 新疆维吾尔自治区, 全国): read from its
 * body's name, the titles of its people, the jurisdictions the page names (`lexicons/places.json`),
 * the page's text or the site's name, with the place words of `lexicons/records.json`.
 */
import { alternationOf, mapOf, wordsOf } from './lexicons/index';
import { LiteralMatcher } from './text/literal-matcher';
import type { RawOfficial } from './officials';
import { NUMBER_LEAD_RE } from './record-bodies';
import { longestFirst, recordWords as words } from './record-text';
import {
  PROVINCE_NAMES,
  PROVINCES,
  provinceInText,
  provinceOfSite,
  provinceOpening,
  REGION_NAMES,
  REGIONS,
} from './record-provinces';

const NATIONAL = longestFirst('nationalBodies');
/** Level words, longest first: 自治区 before 区. */
const LEVEL_ALT = alternationOf([...words('levelWords'), ...words('levelChars')]);
const ORGANS = alternationOf(words('organsAfterPlace'));
const TITLE_ORGANS = alternationOf([...words('organsAfterPlace'), ...words('titleOnlyOrgans')]);
const NOT_PLACE_START = new Set(words('notPlaceStarts'));
const NOT_PLACE_NAME = new Set(words('notPlaceNames'));
/** 中共临汾市委, 政协太原市委员会: the place follows these words. */
const PREFIX_ALT = alternationOf(words('placeBodyPrefixes'));
const BODY_PREFIX_RE = new RegExp(`^(?:${PREFIX_ALT})`);
/** 中共 right before a name in running text. */
const PREFIX_BEFORE_RE = new RegExp(`(?:${PREFIX_ALT})$`);
/** One jurisdiction of a chain (哈尔滨市|松北区): a name of one to seven ideographs and its level. */
const SEGMENT_RE = new RegExp(`^[\\u4e00-\\u9fff]{1,7}?(?:${LEVEL_ALT})`);
/** What may follow a jurisdiction's name in a body: an organ, or nothing. */
const ORGAN_RE = new RegExp(`^(?:${ORGANS}|$)`);
/** What may follow it in a conference's name (干部职工大会): anything. */
const ANYTHING = /^/;
/** How a conference's name ends (大会, 推进会, 工作会议). */
const CONFERENCE_RE = /会议?$/;
/** An organ right after a level word in running text (sticky: tried at one position). */
const ORGAN_AFTER_RE = new RegExp(`(?:${ORGANS})`, 'y');
/** True when the code unit at `at` is an ideograph of the basic block (U+4E00–U+9FFF). */
const ideographAt = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  return c >= 0x4e00 && c <= 0x9fff;
};
/** What may follow a jurisdiction's name in a title: an organ, or a head such as 长. */
const TITLE_ORGAN_RE = new RegExp(`^(?:${TITLE_ORGANS})`);
/** A level opening the body (省委, 全市, 自治区党委): the place's name must come from elsewhere. */
const LEVEL_FIRST_RE = new RegExp(`^全?(${LEVEL_ALT})`);
/** 太原新闻网, 吕梁日报: the two characters before these name the site's place. */
const SITE_RE = new RegExp(`^([\\u4e00-\\u9fff]{2})(?:${alternationOf(words('siteNameEndings'))})`);
/** The site's name as the page's head may give it (太原新闻网讯). */
const SITE_IN_PAGE_RE = new RegExp(
  `[\\u4e00-\\u9fff]{2}(?:${alternationOf(words('siteNameEndingsInPage'))})`,
);
/** Characters of the page's head searched for the site's name. */
const SITE_REACH = 400;
/** The jurisdictions of `lexicons/places.json` (沈阳市, 宁晋县, 海珠区). */
const PLACE_NAMES = new LiteralMatcher([
  ...wordsOf('places', 'prefectures'),
  ...wordsOf('places', 'counties'),
]);
/** Jurisdictions by their names in pinyin (shenqiu → 沈丘县), as sites' addresses spell them. */
const PINYIN_NAMES = mapOf('places', 'pinyinNames');
/** The host of an address (http://www.shenqiu.gov.cn/… → www.shenqiu.gov.cn). */
const HOST_RE = /^[a-z][a-z\d+.-]*:\/\/([^/?#:@]+)/i;
/** Counties of one character before 县 (歙县): read only where a body opens with one. */
const ONE_CHARACTER_COUNTIES = new Set(wordsOf('places', 'oneCharacterCounties'));
/**
 * Jurisdictions of `names` ending in `level` by their short form (镇江 → 镇江市), less those one
 * of `alsoWords` lists; a name of one character before its level (绛县) has no short form.
 */
function byShortForm(
  names: readonly string[],
  level: string,
  alsoWords: (stem: string) => boolean,
): Map<string, string> {
  return new Map(
    names
      .filter((c) => c.endsWith(level) && c.length > 2)
      .map((c) => [c.slice(0, -1), c] as const)
      .filter(([stem]) => !alsoWords(stem)),
  );
}
const STEMS_ALSO_WORDS = new Set(words('placeStemsAlsoWords'));
/** Prefecture-level cities by their short form (镇江 → 镇江市), less those that are also words. */
const CITY_BY_STEM = byShortForm(wordsOf('places', 'prefectures'), '市', (stem) =>
  STEMS_ALSO_WORDS.has(stem),
);
const CITY_STEMS = new LiteralMatcher(CITY_BY_STEM.keys());
const COUNTY_STEMS_ALSO_WORDS = new Set(words('countyStemsAlsoWords'));
/**
 * Counties, districts and banners by level and short form (县 → 修水 → 修水县), less those that
 * are also words or name a province or a city (河北, 西安).
 */
const COUNTY_BY_STEM = new Map(
  words('countyLevelChars').map((level) => [
    level,
    byShortForm(
      wordsOf('places', 'counties'),
      level,
      (stem) =>
        COUNTY_STEMS_ALSO_WORDS.has(stem) || PROVINCES.includes(stem) || CITY_BY_STEM.has(stem),
    ),
  ]),
);
/** A county's short form counts when named this often: one mention is as often some other word. */
const MIN_SHORT_NAME_MENTIONS = 2;
const COUNTY_STEMS = new LiteralMatcher(
  [...COUNTY_BY_STEM.values()].flatMap((byStem) => [...byStem.keys()]),
);

/**
 * What the page says about places, worked out once per level and shared by all its records: a
 * long page has hundreds of records and thousands of officials, and reading every title and the
 * whole text again for each record made it quadratic.
 */
export class PagePlaces {
  private readonly byLevel = new Map<string, string | undefined>();
  private provinces: Map<string, number> | undefined;
  private titles: readonly string[] | undefined;
  private named: Map<string, number> | undefined;
  private stems: Map<string, number> | undefined;
  private countyStems: Map<string, number> | undefined;

  /**
   * The page's text and everyone it names (their titles come after a record's own people's),
   * and its address.
   */
  constructor(
    readonly text: string,
    private readonly officials: readonly RawOfficial[],
    url?: string,
  ) {
    const host = HOST_RE.exec(url ?? '')?.[1]?.toLowerCase() ?? '';
    // Own keys only: a host such as constructor.example names no place.
    this.sitePlaces = host
      .split('.')
      .flatMap((label) =>
        Object.hasOwn(PINYIN_NAMES, label) ? [PINYIN_NAMES[label] as string] : [],
      );
  }

  /** The jurisdictions the site's address names in pinyin (shenqiu.gov.cn → 沈丘县). */
  private readonly sitePlaces: readonly string[];

  /** The jurisdiction of `level` the site's address names in pinyin, if any. */
  siteAddressPlaceOf(level: string): string | undefined {
    return this.sitePlaces.find((place) => place.endsWith(level));
  }

  /** The place of `level` the page's officials' titles or its text give, if any. */
  placeOf(level: string): string | undefined {
    if (this.byLevel.has(level)) return this.byLevel.get(level);
    this.titles ??= this.officials.flatMap((o) => o.titles);
    const found =
      placeFor(level, this.titles) ??
      this.namedPlaceOf(level) ??
      placeInPage(level, this.text) ??
      this.shortNamedCountyOf(level);
    this.byLevel.set(level, found);
    return found;
  }

  /**
   * The county, district or banner of `level` the page names most often by its short form only
   * (修水连接线 → 修水县), unless inside a name, if any.
   */
  private shortNamedCountyOf(level: string): string | undefined {
    const byStem = COUNTY_BY_STEM.get(level);
    if (byStem === undefined) return undefined;
    this.countyStems ??= countWords(this.text, COUNTY_STEMS);
    return this.mostNamedShortForm(this.countyStems, byStem, MIN_SHORT_NAME_MENTIONS);
  }

  /**
   * The place of `byStem` whose short form `counts` holds most often, and at least `least` times,
   * unless the short form stands inside an official's name (宫镇江).
   */
  private mostNamedShortForm(
    counts: Map<string, number>,
    byStem: ReadonlyMap<string, string>,
    least: number,
  ): string | undefined {
    const stem = mostOf(
      counts,
      (s) =>
        byStem.has(s) &&
        (counts.get(s) ?? 0) >= least &&
        !this.officials.some((o) => o.name.includes(s)),
    );
    return stem === undefined ? undefined : byStem.get(stem);
  }

  /**
   * The jurisdiction the page names most often, of any level (the first named, on a tie), or
   * the province it names most when it names none below.
   */
  mostNamedPlace(): string | undefined {
    const below = this.mostNamed(() => true);
    if (below) return below;
    this.provinces ??= countWords(this.text, PROVINCE_NAMES);
    return mostOf(this.provinces, () => true);
  }

  /** The jurisdiction of `level` the page names most often (the first named, on a tie), if any. */
  private namedPlaceOf(level: string): string | undefined {
    const best = this.mostNamed((name) => name.endsWith(level));
    if (best || level !== '市') return best;
    // 镇江, 日喀则: a city the page names only in its short form, unless inside a name (宫镇江).
    this.stems ??= countWords(this.text, CITY_STEMS);
    return this.mostNamedShortForm(this.stems, CITY_BY_STEM, 1);
  }

  /** The gazetteer's jurisdiction `keep` accepts that the page names most often. */
  private mostNamed(keep: (name: string) => boolean): string | undefined {
    this.named ??= countWords(this.text, PLACE_NAMES);
    return mostOf(this.named, keep);
  }
}

/** How often `text` holds each word of `matcher`, in the order of first mention. */
function countWords(text: string, matcher: LiteralMatcher): Map<string, number> {
  const counts = new Map<string, number>();
  for (let hit = matcher.next(text, 0); hit; hit = matcher.next(text, hit.index + hit.word.length))
    counts.set(hit.word, (counts.get(hit.word) ?? 0) + 1);
  return counts;
}

/** The most frequent word of `counts` that `keep` accepts (the first counted, on a tie). */
function mostOf(counts: Map<string, number>, keep: (word: string) => boolean): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [word, n] of counts) if (n > most && keep(word)) [best, most] = [word, n];
  return best;
}

/** The place of `level` that one of `titles` opens with (临汾市委书记, 四川省委常委), if any. */
function placeFor(level: string, titles: readonly string[]): string | undefined {
  if (level === '省' || level === '自治区') return provinceInTitles(titles, level);
  return placeOpeningIn(titles, level);
}

/**
 * The first place of `level` one of `titles` opens with. A loop of its own: inside `placeFor` it
 * was optimised mid-loop for one level and thrown away when `placeFor` took a province next.
 */
function placeOpeningIn(titles: readonly string[], level: string): string | undefined {
  for (const t of titles) {
    const place = placeOpening(t, level);
    if (place) return place;
  }
  return undefined;
}

/** The place of `level` the page's text names, if any. */
function placeInPage(level: string, text: string): string | undefined {
  if (level === '省' || level === '自治区') return provinceInText(text, level);
  return placeInText(text, level);
}

/** Place of a record: named in its body, in the titles of its people, or in the page. */
export function placeOf(
  body: string,
  people: readonly RawOfficial[],
  page: PagePlaces,
  source: string | undefined,
): string | null {
  if (NATIONAL.some((w) => body.startsWith(w))) return '全国';
  const core = body.replace(BODY_PREFIX_RE, '');
  const named = innermostPlaceOf(core, ORGAN_RE, true) ?? conferencePlaceOf(core, page);
  if (named) return named;
  const province = PROVINCES.find((p) => core.startsWith(p));
  if (province) return core.startsWith(`${province}省`) ? `${province}省` : province;
  const region = REGION_NAMES.find((p) => core.startsWith(p));
  if (region) return REGIONS[region] ?? region;
  const level = LEVEL_FIRST_RE.exec(core)?.[1];
  if (!level) return PLACE_NAMES.wordAt(core, 0) ?? page.mostNamedPlace() ?? null;
  const found =
    placeFor(
      level,
      people.flatMap((o) => o.titles),
    ) ??
    page.placeOf(level) ??
    page.siteAddressPlaceOf(level);
  if (found) return found;
  // 黑龙江日报's 省委常委会: a province's paper or site reports on its own province.
  if (level === '省' || level === '自治区')
    return provinceOfSite(source ?? page.text.slice(0, SITE_REACH), level) ?? level;
  // The site: 太原新闻网, 吕梁日报.
  const text = page.text;
  const site = SITE_RE.exec(source ?? text.slice(0, SITE_REACH).match(SITE_IN_PAGE_RE)?.[0] ?? '');
  if (site?.[1] && level !== '镇' && level !== '乡') return `${site[1]}${level}`;
  return level;
}

/**
 * The jurisdiction opening the name of a conference it held (小中甸镇干部职工大会 → 小中甸镇), when
 * the gazetteer knows it or the page names it elsewhere before an organ (推进乡(镇)监察工作动员会
 * opens with no place).
 */
function conferencePlaceOf(core: string, page: PagePlaces): string | undefined {
  if (!CONFERENCE_RE.test(core)) return undefined;
  const place = innermostPlaceOf(core, ANYTHING, true);
  if (!place || PLACE_NAMES.wordAt(place, 0) === place || ONE_CHARACTER_COUNTIES.has(place))
    return place;
  return namedBeforeOrgan(page.text, place) ? place : undefined;
}

/** True when `text` names `place` right before an organ somewhere (鲟鱼镇党委). */
function namedBeforeOrgan(text: string, place: string): boolean {
  for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + 1)) {
    ORGAN_AFTER_RE.lastIndex = at + place.length;
    if (ORGAN_AFTER_RE.test(text)) return true;
  }
  return false;
}

/**
 * The innermost jurisdiction of the chain opening `s` when an organ (or nothing) follows the chain:
 * 哈尔滨市松北区委员会 → 松北区, 琉璃庙镇人民代表大会 → 琉璃庙镇; undefined when `s` opens with no
 * place. A county of one character (歙县) counts only `inBody` (in a title, 代县长 is no county's).
 */
function innermostPlaceOf(s: string, organ = ORGAN_RE, inBody = false): string | undefined {
  let end = 0;
  let found: string | undefined;
  for (;;) {
    let segment = SEGMENT_RE.exec(s.slice(end))?.[0];
    // 歙县, 兴县: a county of one character before its level is known by name; so is one whose
    // name opens with a level's character (镇康县, 镇平县).
    if (
      !segment ||
      !(isPlaceName(segment.slice(0, -1)) || (inBody && ONE_CHARACTER_COUNTIES.has(segment)))
    )
      segment = inBody ? PLACE_NAMES.wordAt(s, end) : undefined;
    if (!segment) break;
    end += segment.length;
    if (organ.test(s.slice(end))) found = segment;
  }
  return found;
}

/** Modifiers opening a title (代理区长, 常务副市长). */
const MODIFIER_LEAD_RE = new RegExp(`^(?:${alternationOf(wordsOf('titles', 'modifiers'))})+`);

/** The place at the start of a title when it is a named jurisdiction of `level` (临汾市委书记). */
function placeOpening(title: string, level: string): string | undefined {
  // 十二届市政协主席, 代理区长: the term or the modifier the title opens with is no place.
  const place = innermostPlaceOf(
    title.replace(BODY_PREFIX_RE, '').replace(NUMBER_LEAD_RE, '').replace(MODIFIER_LEAD_RE, ''),
    TITLE_ORGAN_RE,
  );
  return place?.endsWith(level) && place.length > level.length ? place : undefined;
}

/** The province of `level` (省, 自治区) the first of `titles` that names one opens with. */
function provinceInTitles(titles: readonly string[], level: string): string | undefined {
  for (const t of titles) {
    const p = provinceOpening(t.replace(BODY_PREFIX_RE, ''), level);
    if (p) return p;
  }
  return undefined;
}

/**
 * A jurisdiction of `level` the page names before an organ (和田县政府, 中共阜城县第十四届…). Two
 * characters before an organ can be other words (并在市政府, 听取市政府, 下午区委), so a name
 * counts when the page gives it twice, or once where a name must stand: opening a line, or
 * after 中共.
 */
function placeInText(text: string, level: string): string | undefined {
  const seen = new Map<string, { count: number; firm: boolean; at: number }>();
  // Two ideographs, the level word, an organ: found from each level word (a pattern opening
  // with a class of ideographs was tried at every position of the page).
  for (let q = text.indexOf(level, 2); q >= 0;) {
    const at = q - 2;
    ORGAN_AFTER_RE.lastIndex = q + level.length;
    if (!ideographAt(text, at) || !ideographAt(text, at + 1) || !ORGAN_AFTER_RE.test(text)) {
      q = text.indexOf(level, q + 1);
      continue;
    }
    // The next name starts after this level word, as a global pattern's next match would.
    const name = text.slice(at, q);
    q = text.indexOf(level, q + level.length + 2);
    if (!isPlaceName(name)) continue;
    const place = `${name}${level}`;
    const entry = seen.get(place) ?? { count: 0, firm: false, at };
    entry.count++;
    entry.firm ||= standsAsName(text, at);
    seen.set(place, entry);
  }
  let best: [string, { count: number; firm: boolean; at: number }] | undefined;
  for (const e of seen) {
    const [, v] = e;
    if (v.count < 2 && !v.firm) continue;
    if (!best || v.count > best[1].count || (v.count === best[1].count && v.at < best[1].at))
      best = e;
  }
  return best?.[0];
}

const LEVEL_CHAR_SET = new Set(words('levelChars'));

/**
 * True when `word`, standing where a person's bare name might, names a place instead: a
 * jurisdiction of the gazetteer (嘉兴市) or a city's short form (宁波); with `byLevel`, also a name
 * before a level character (台州五市), which a person's name may end with too (金之镇).
 */
export function namesAPlace(word: string, byLevel = false): boolean {
  if (PLACE_NAMES.wordAt(word, 0)?.length === word.length || CITY_BY_STEM.has(word)) return true;
  return (
    byLevel &&
    word.length >= 3 &&
    LEVEL_CHAR_SET.has(word.slice(-1)) &&
    isPlaceName(word.slice(0, -1))
  );
}

/** True when `name` (before a level character) may name a jurisdiction: not 全, 副, 召开, 下午…. */
function isPlaceName(name: string): boolean {
  return (
    name.length > 1 &&
    ![...name].some((c) => NOT_PLACE_START.has(c)) &&
    !NOT_PLACE_NAME.has(name.slice(-2))
  );
}

/** True when a name at `at` cannot be the tail of other words: a line opens with it, or 中共. */
function standsAsName(text: string, at: number): boolean {
  if (PREFIX_BEFORE_RE.test(text.slice(Math.max(0, at - 5), at))) return true;
  let s = at;
  while (s > 0 && /[ \t\u3000]/.test(text.charAt(s - 1))) s--;
  return s === 0 || text.charAt(s - 1) === '\n';
}

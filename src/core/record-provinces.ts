/**
 * Provinces as a meeting record's place (四川省, 新疆维吾尔自治区, 上海市): named at the start of a title
 * or a body, in the page's text (not as part of a site's name such as 山西日报), by the site or
 * paper that reports, and by their full names. The words are those of `lexicons/records.json`.
 */
import { alternationOf, mapOf } from './lexicons/index';
import { LiteralMatcher } from './text/literal-matcher';
import { longestFirst, recordWords as words } from './record-text';

/** Provinces by their short names (四川, 黑龙江), longest first. */
export const PROVINCES = longestFirst('provinces');
/** Autonomous regions: short name → full name (新疆 → 新疆维吾尔自治区). */
export const REGIONS = mapOf('records', 'regions');
/** The regions' short names, longest first. */
export const REGION_NAMES = Object.keys(REGIONS).sort((a, b) => b.length - a.length);
/** 中国西藏网, 山西日报: a province named as part of a site's or channel's name. */
const PROVINCE_AS_SITE_RE = new RegExp(`^(?:${alternationOf(words('notProvinceAfter'))})`);
/** Provinces by their full names (山东省, 上海市, 西藏自治区). */
export const PROVINCE_NAMES = new LiteralMatcher([
  ...PROVINCES.map((p) => `${p}省`),
  ...words('municipalities'),
  ...Object.values(REGIONS),
]);

/** The short names of `level` (省 or 自治区). */
const namesOf = (level: string): readonly string[] => (level === '省' ? PROVINCES : REGION_NAMES);

/** The full name of the province of `level` whose short name is `name` (四川 → 四川省). */
const fullName = (level: string, name: string): string =>
  level === '省' ? `${name}省` : (REGIONS[name] ?? name);

/** The province of `level` that `s` opens with (四川省委常委 → 四川省), if any. */
export function provinceOpening(s: string, level: string): string | undefined {
  const name = namesOf(level).find((w) => s.startsWith(w));
  return name === undefined ? undefined : fullName(level, name);
}

/** True when a province's name ending at `end` is part of a site's name (山西日报). */
const partOfSite = (text: string, end: number): boolean =>
  PROVINCE_AS_SITE_RE.test(text.slice(end, end + 2));

/** The first province of `level` the page names (not as a site). */
export function provinceInText(text: string, level: string): string | undefined {
  // One pass through the text, not one per name: the first position where a name stands (not
  // as a site), the earlier name of the list at the same position.
  const { firsts, byFirst } = namesByFirstUnit(namesOf(level));
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (firsts[c] !== 1) continue;
    const list = byFirst.get(c);
    if (list === undefined) continue;
    for (const w of list)
      if (text.startsWith(w, at) && !partOfSite(text, at + w.length)) return fullName(level, w);
  }
  return undefined;
}

/** The province of `level` whose site or paper `head` names (黑龙江日报, 中国西藏网), if any. */
export function provinceOfSite(head: string, level: string): string | undefined {
  for (const name of namesOf(level))
    for (let at = head.indexOf(name); at >= 0; at = head.indexOf(name, at + 1))
      if (partOfSite(head, at + name.length)) return fullName(level, name);
  return undefined;
}

/** Names by their first code unit, and 1 at each such unit. */
interface FirstUnits {
  firsts: Uint8Array;
  byFirst: Map<number, string[]>;
}
const firstUnitTables = new Map<readonly string[], FirstUnits>();

/** `names` grouped by their first code unit, each group in the order of `names` (built once). */
function namesByFirstUnit(names: readonly string[]): FirstUnits {
  let table = firstUnitTables.get(names);
  if (table === undefined) {
    table = { firsts: new Uint8Array(65536), byFirst: new Map() };
    for (const w of names) {
      if (w === '') continue;
      const c = w.charCodeAt(0);
      const list = table.byFirst.get(c) ?? [];
      list.push(w);
      table.byFirst.set(c, list);
      table.firsts[c] = 1;
    }
    firstUnitTables.set(names, table);
  }
  return table;
}

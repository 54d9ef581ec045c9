/**
 * The place of a meeting record (临汾市, 山西省): read from its body's name, the titles of its
 * people, the page's text or the site's name, with the place words of `lexicons/records.json`.
 */
import { alternationOf } from './lexicons/index';
import type { RawOfficial } from './officials';
import { longestFirst, recordWords as words } from './record-text';
import { isHan } from './text/normalize';

const PROVINCES = longestFirst('provinces');
const LEVELS = words('levelChars').join('');
const ORGANS = alternationOf(words('organsAfterPlace'));
const NOT_PLACE_START = new Set(words('notPlaceStarts'));
/** 中共临汾市委, 政协太原市委员会: the place follows these words. */
const BODY_PREFIX_RE = new RegExp(`^(?:${alternationOf(words('placeBodyPrefixes'))})`);
/** A level opening the body (省委, 全市): the place's name must come from elsewhere. */
const LEVEL_FIRST_RE = new RegExp(`^全?([${LEVELS}])`);
/** 中国西藏网, 山西日报: a province named as part of a site's or channel's name. */
const PROVINCE_AS_SITE_RE = new RegExp(`^(?:${alternationOf(words('notProvinceAfter'))})`);
/** 太原新闻网, 吕梁日报: the two characters before these name the site's place. */
const SITE_RE = new RegExp(`^([\\u4e00-\\u9fff]{2})(?:${alternationOf(words('siteNameEndings'))})`);
/** The site's name as the page's head may give it (太原新闻网讯). */
const SITE_IN_PAGE_RE = new RegExp(
  `[\\u4e00-\\u9fff]{2}(?:${alternationOf(words('siteNameEndingsInPage'))})`,
);
/** Characters of the page's head searched for the site's name. */
const SITE_REACH = 400;

/** Place of a record: named in its body, in the titles of its people, or in the page. */
export function placeOf(
  body: string,
  text: string,
  people: readonly RawOfficial[],
  source: string | undefined,
): string | null {
  const core = body.replace(BODY_PREFIX_RE, '');
  const named = new RegExp(`^([\\u4e00-\\u9fff]{1,6}?[${LEVELS}])(?:${ORGANS}|自治)`).exec(core);
  if (named?.[1] && named[1].length > 1) return named[1];
  const provinceFirst = PROVINCES.find((p) => core.startsWith(p));
  if (provinceFirst)
    return core.startsWith(`${provinceFirst}省`) ? `${provinceFirst}省` : provinceFirst;
  const level = LEVEL_FIRST_RE.exec(core)?.[1] ?? named?.[1];
  if (!level) return null;
  if (level === '省') {
    for (const t of people.flatMap((o) => o.titles)) {
      const p = PROVINCES.find((w) => t.startsWith(w));
      if (p) return `${p}省`;
    }
    // The first province named in the page, not as a site's name (中国西藏网).
    let best: { w: string; at: number } | undefined;
    for (const w of PROVINCES) {
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        if (PROVINCE_AS_SITE_RE.test(text.slice(at + w.length, at + w.length + 2))) continue;
        if (!best || at < best.at) best = { w, at };
        break;
      }
    }
    return best ? `${best.w}省` : '省';
  }
  // Two-character names before the level and an organ: 临汾市委书记, 和田县政府.
  const re = new RegExp(`([\\u4e00-\\u9fff]{2})${level}(?:${ORGANS})`, 'g');
  for (const t of people.flatMap((o) => o.titles)) {
    const m = new RegExp(`^([\\u4e00-\\u9fff]{2})${level}(?:${ORGANS})`).exec(t);
    if (m?.[1] && !NOT_PLACE_START.has(m[1].charAt(0))) return `${m[1]}${level}`;
  }
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? '';
    // The name opens its run of ideographs (,临汾市委书记), or follows 中共.
    const before = text.charAt(m.index - 1);
    const opens =
      m.index === 0 || !isHan(before.charCodeAt(0)) || text.startsWith('中共', m.index - 2);
    if (opens && !NOT_PLACE_START.has(name.charAt(0)) && !NOT_PLACE_START.has(name.charAt(1)))
      return `${name}${level}`;
  }
  // The site: 太原新闻网, 吕梁日报.
  const site = SITE_RE.exec(source ?? text.slice(0, SITE_REACH).match(SITE_IN_PAGE_RE)?.[0] ?? '');
  if (site?.[1] && level !== '镇' && level !== '乡') return `${site[1]}${level}`;
  return level;
}

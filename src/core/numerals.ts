/**
 * Parses the numerals Chinese meeting reports use for ordinals and counts: Arabic digits, common
 * Chinese numerals (二十六, 一百二十一, 两, 〇/零, 廿, 卅), digit-by-digit forms (一〇八) and
 * financial numerals (贰拾陆).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const UNITS: Record<string, number> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

/** Tens written as one character. */
const TENS: Record<string, number> = { 廿: 20, 卅: 30, 卌: 40 };

/** Characters that can appear in a Chinese numeral (for building regular expressions). */
export const CHINESE_NUMERAL_CHARS =
  '零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬廿卅卌';

/** Characters of a numeral in Arabic or Chinese digits. */
export const NUMERAL_CHARS = `0123456789${CHINESE_NUMERAL_CHARS}`;

/** A numeral in Arabic or Chinese digits, as a regular-expression fragment. */
export const NUMERAL_PATTERN = `(?:[0-9]+|[${CHINESE_NUMERAL_CHARS}]+)`;

/** Parses a numeral below 10,000 without 万 (section of a larger number). */
function parseSection(s: string): number | undefined {
  if (s === '') return 0;
  const hasUnit = [...s].some((ch) => ch in UNITS || ch in TENS);
  if (!hasUnit) {
    // Digit-by-digit: 一〇八 → 108.
    let v = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let zeroSinceUnit = false;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0 && digit !== 0) return undefined;
      if (d === 0) zeroSinceUnit = true;
      digit = d;
      continue;
    }
    const tens = TENS[ch];
    if (tens !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined;
      total += tens;
      digit = undefined;
      lastUnit = 10;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十 alone means 一十 (十五 = 15).
    total +=
      (digit === undefined || (digit === 0 && unit === 10 && total === 0) ? 1 : digit) * unit;
    digit = undefined;
    lastUnit = unit;
    zeroSinceUnit = false;
  }
  if (digit !== undefined) {
    // 一百二 means 120, 一百零二 means 102.
    total +=
      !zeroSinceUnit && lastUnit >= 100 && lastUnit !== Infinity ? (digit * lastUnit) / 10 : digit;
  }
  return total;
}

/**
 * Parses a numeral to an integer: `115`, `一百二十一`, `二十六`, `两`, `廿五`, `贰拾陆`,
 * `一〇八`, `三万` (full-width digits too). Returns undefined when it is not a numeral.
 */
export function parseNumeral(input: string): number | undefined {
  const s = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s === '') return undefined;
  if (/^[0-9]+$/.test(s)) {
    const v = Number(s);
    return Number.isSafeInteger(v) ? v : undefined;
  }
  const wan = s.split(/[万萬]/);
  if (wan.length > 2) return undefined;
  if (wan.length === 2) {
    const high = parseSection(wan[0] === '' ? '一' : (wan[0] ?? ''));
    const low = parseSection(wan[1] ?? '');
    if (high === undefined || low === undefined) return undefined;
    return high * 10000 + low;
  }
  return parseSection(s);
}

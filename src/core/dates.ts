/**
 * Dates written in report text: 3月25日, 2024年3月5日, 二〇二四年三月五日, 今天, 昨日. Month-day
 * dates take their year from the publication date; relative days count from it.
 */
import { mapOf, wordsOf } from './lexicons/index';
import { parseNumeral } from './numerals';
import { endsWithAny } from './record-text';

/** A date written in the text, in the offsets of the text searched. */
export interface TextDate {
  start: number;
  end: number;
  /** ISO `YYYY-MM-DD`, or undefined when the year (or the publication date) is not known. */
  iso: string | undefined;
}

const RELATIVE_DAYS = mapOf('records', 'relativeDays');
const LUNAR_CALENDAR = wordsOf('records', 'lunarCalendarWords');
const RELATIVE_WORDS = Object.keys(RELATIVE_DAYS).sort((a, b) => b.length - a.length);

/** Zero as written in years: 〇 (U+3007), and the look-alike ○ (U+25CB) many pages type instead. */
const ZEROS = '〇○零';
const YEAR = `(?:\\d{4}|[${ZEROS}一二三四五六七八九]{4})`;
/** A month's or a day's number, in Arabic or Chinese numerals. */
export const MONTH_DAY = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
/**
 * (year 年)? month 月 day 日|号, Arabic or Chinese numerals; a newspaper's day relative to its issue
 * with the day's number in brackets (昨(15)日, 今(3)日); a day of the month (本月五日); or a
 * day alone in Arabic digits (28日，市政府党组召开…), not a span of days (30日内) nor the end of a
 * range (27日至31日); or a month and day whose 月 the page lost (1231日下午).
 */
const DATE_RE = new RegExp(
  `(?:(${YEAR})\\s*年\\s*|(?<!\\d))(${MONTH_DAY})\\s*月\\s*(${MONTH_DAY}|[廿卅][一二三四五六七八九]?)\\s*[日号]|[昨今][(（](\\d{1,2})[)）]日|本月(${MONTH_DAY})[日号]|${RELATIVE_WORDS.join('|')}|(?<![\\d月.．/\\-至到~～—])(\\d{1,2})日(?![内以之前后])|(?<![\\d月.．/\\-至到~～—])(\\d{3,4})日(?=[上下]午|晚|早|[,，讯电在])`,
  'g',
);

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The month and day of a date whose 月 a page lost (1231日下午, 827日上午, 428日，): four digits
 * are the month's two and the day's, three the month's one and the day's two; none when three
 * digits read both ways (114日: 1月14日 or 11月4日).
 */
function gluedMonthDay(digits: string): [number | undefined, number | undefined] {
  const split = digits.length - 2;
  const month = Number(digits.slice(0, split));
  const day = Number(digits.slice(split));
  const other = digits.length === 3 ? Number(digits.slice(0, 2)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || (other >= 10 && other <= 12))
    return [undefined, undefined];
  return [month, day];
}

/** A year in Arabic digits or Chinese digit-by-digit form (二〇二四, 二○二四). */
function parseYear(written: string): number | undefined {
  return parseNumeral(written.replace(/○/g, '〇'));
}

/** A full date, year first, in Arabic or Chinese numerals (2024年3月5日, 二〇二四年三月五日). */
const FULL_DATE_RE = new RegExp(
  `(${YEAR})\\s*年\\s*(${MONTH_DAY})\\s*月\\s*(${MONTH_DAY}|[廿卅][一二三四五六七八九]?)\\s*[日号]`,
);

/**
 * The first full date written in `text` (year, month and day, in Arabic or Chinese numerals) as
 * ISO `YYYY-MM-DD`, or undefined when there is none or it is not a real day.
 */
export function parseWrittenDate(text: string): string | undefined {
  const m = FULL_DATE_RE.exec(text);
  if (!m) return undefined;
  const year = parseYear(m[1] ?? '');
  const month = parseNumeral(m[2] ?? '');
  const day = parseNumeral(m[3] ?? '');
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return isoDay(year, month, day);
}

/** `YYYY-MM-DD` of a valid day, or undefined. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The day `days` after an ISO date (negative: before). */
function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The publication date's day (`YYYY-MM-DD`) when `published` starts with one. */
export function publicationDay(published: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * Days in addresses, year, month and day in that order: `/t20210604_`, `/2021-06/04/`; a path of
 * unpadded parts (`/2013/5/24/`); a timestamp of date and time of day (`/2021012914255372179.htm`,
 * `?id=2026012200000003`); a content system's year folder and month-day (`/2012/zxbd_1217/`).
 */
const URL_DAYS: readonly RegExp[] = [
  /(?:^|[^\d])(20\d{2})[-/_]?([01]\d)[-/_]?([0-3]\d)(?!\d)/,
  /\/(20\d{2})\/(\d{1,2})\/(\d{1,2})\//,
  /(?:^|[^\d])(20\d{2})([01]\d)([0-3]\d)(?:[01]\d|2[0-3])[0-5]\d[0-5]\d/,
  /\/(20\d{2})\/[a-z]+_([01]\d)([0-3]\d)\//i,
];

/**
 * The publication date an address gives (`/t20210604_`, `/2021-06/04/`, `/202106/`): a day, or a
 * year and month (`YYYY-MM`) when that is all it says.
 */
export function publicationFromUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  for (const re of URL_DAYS) {
    const day = re.exec(url);
    const iso = day && isoDay(Number(day[1]), Number(day[2]), Number(day[3]));
    if (iso) return iso;
  }
  const month = /(?:^|[^\d])(20\d{2})(?:[-_]([01]\d)[-_]|\/?([01]\d)\/)/.exec(url);
  const mm = month?.[2] ?? month?.[3];
  return month && mm && Number(mm) >= 1 && Number(mm) <= 12 ? `${month[1]}-${mm}` : undefined;
}

/**
 * The year a page most often writes (`2017年`), for month-day dates of a page that gives no
 * publication date; undefined when it writes none.
 */
export function yearFromText(text: string): string | undefined {
  const counts = new Map<string, number>();
  // 规划(2021-2030年): a plan's period counts by its first year; the last is a target.
  for (const m of text.matchAll(
    /(?:^|[^\d])((?:19|20)\d{2})(?:\s*年?\s*[-—–~～至到]\s*(?:19|20)\d{2})?\s*年/g,
  )) {
    const y = m[1] as string;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  if (best === undefined) return undefined;
  // 2022年财政预算执行情况及2023年预算: a report on one year and the next is made in the next.
  const next = String(Number(best[0]) + 1);
  return counts.has(next) ? next : best[0];
}

/**
 * The date of a day written alone (28日): in the publication's month, or the month before when the
 * day is later than the publication's; undefined without a publication month.
 */
function dayInMonthOf(day: number, published: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(published ?? '');
  if (!m) return undefined;
  let year = Number(m[1]);
  let month = Number(m[2]);
  if (m[3] !== undefined && day > Number(m[3])) {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return isoDay(year, month, day);
}

/** What follows a dateline's day (1月12日讯, 1月12日电). */
const DATELINE_ENDS = '讯电';

/** The day of the last date in `dates` that has one (a dateline's, a range's start). */
const lastDayOf = (dates: readonly TextDate[]): string | undefined =>
  dates.findLast((d) => d.iso !== undefined)?.iso;

/**
 * Every date written in `text[from, to)`, read against the publication day. A month-day date
 * later than the publication (a December meeting reported in January) belongs to the year before.
 */
export function findDates(
  text: string,
  from: number,
  to: number,
  published: string | undefined,
): TextDate[] {
  const pub = publicationDay(published);
  // A year and month (from an address), or a year alone: enough for a month-day date's year.
  const pubYear = pub ?? /^\d{4}(?:-\d{2})?$/.exec(published ?? '')?.[0];
  const out: TextDate[] = [];
  // 湖南日报1月12日讯 今天上午: a dateline's day is the day its 今天 means, whenever it was printed.
  let dateline: string | undefined;
  const part = text.slice(from, to);
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(part); m; m = DATE_RE.exec(part)) {
    const start = from + m.index;
    const end = start + m[0].length;
    // 农历2022年11月19日: a lunar day names no day of the calendar the page dates by.
    if (endsWithAny(text, start, LUNAR_CALENDAR)) continue;
    const rel = RELATIVE_DAYS[m[0]];
    if (rel !== undefined) {
      // 本报济南1月9日讯 今天下午: without a publication day, the day before is today.
      const base = dateline ?? pub ?? lastDayOf(out);
      out.push({ start, end, iso: base ? shiftDay(base, Number(rel)) : undefined });
      continue;
    }
    if (m[4] !== undefined) {
      // 昨(15)日: the day is counted back from the issue, not from a date written before it.
      out.push({ start, end, iso: dayInMonthOf(Number(m[4]), dateline ?? pub ?? pubYear) });
      continue;
    }
    if (m[5] !== undefined) {
      // 本月五日: a day of the month (its year and month alone, so no month before).
      const day = parseNumeral(m[5]);
      const month = (dateline ?? pub ?? pubYear)?.slice(0, 7);
      out.push({ start, end, iso: day ? dayInMonthOf(day, month) : undefined });
      continue;
    }
    if (m[6] !== undefined) {
      // 5月2日…3日: a day alone is in the month of the date before it, if one was written.
      const prev = lastDayOf(out);
      const iso = prev
        ? isoDay(Number(prev.slice(0, 4)), Number(prev.slice(5, 7)), Number(m[6]))
        : dayInMonthOf(Number(m[6]), pubYear);
      out.push({ start, end, iso });
      continue;
    }
    const [month, day] =
      m[7] !== undefined
        ? gluedMonthDay(m[7])
        : [parseNumeral(m[2] ?? ''), parseNumeral(m[3] ?? '')];
    if (month === undefined || day === undefined) continue;
    let year = m[1] !== undefined ? parseYear(m[1]) : undefined;
    if (year === undefined && pubYear) {
      year = Number(pubYear.slice(0, 4));
      const guess = isoDay(year, month, day);
      const latest = pub
        ? shiftDay(pub, 31)
        : pubYear.length === 4
          ? `${pubYear}-12-31`
          : `${pubYear}-31`;
      if (guess && guess > latest) year -= 1;
    }
    const iso = year === undefined ? undefined : isoDay(year, month, day);
    out.push({ start, end, iso });
    if (iso && DATELINE_ENDS.includes(text.charAt(end))) dateline = iso;
  }
  return out;
}

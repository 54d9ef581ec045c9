/**
 * Dates as the UI's language writes them (`Intl.DateTimeFormat` with the UI locale): the clips'
 * and meetings' ISO dates stay ISO in data and exports, and only their display follows the
 * reader's language ("Mar 25, 2020", "2020年3月25日").
 */
import { uiLocale } from './i18n';

/** An ISO date's parts: year, and month and day when it has them. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Formatters by locale and precision: building one is far slower than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

type Precision = 'year' | 'month' | 'day';
const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'short', timeZone: 'UTC' },
  day: { dateStyle: 'medium', timeZone: 'UTC' },
};

function formatterOf(locale: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, OPTIONS[precision]);
    formatters.set(key, f);
  }
  return f;
}

/**
 * The calendar date an ISO string names, read as written: the date part of a date-time is the
 * page's own day, so it is taken as a UTC day and never shifted by the reader's time zone.
 */
function calendarDateOf(iso: string): { date: Date; precision: Precision } | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [, y, mo, d] = m;
  const precision: Precision = d ? 'day' : mo ? 'month' : 'year';
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  return Number.isNaN(date.getTime()) ? null : { date, precision };
}

/**
 * `iso` (`2020`, `2020-03`, `2020-03-25` or a date-time) as a date in `locale` (the UI's by
 * default); text that is not an ISO date is returned as it is.
 */
export function formatDay(iso: string, locale: string = uiLocale()): string {
  const parsed = calendarDateOf(iso);
  if (!parsed) return iso;
  return formatterOf(locale, parsed.precision).format(parsed.date);
}

/** From `first` to `last` in `locale` ("Mar 25 – Jun 2, 2020"), or one date when they are equal. */
export function formatDaySpan(first: string, last: string, locale: string = uiLocale()): string {
  if (first === last) return formatDay(first, locale);
  const a = calendarDateOf(first);
  const b = calendarDateOf(last);
  if (!a || !b || a.precision !== b.precision || a.date > b.date) {
    return `${formatDay(first, locale)} – ${formatDay(last, locale)}`;
  }
  return formatterOf(locale, a.precision).formatRange(a.date, b.date);
}

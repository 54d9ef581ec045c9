/**
 * Dates in the popup, library and options follow the UI language: the locale comes from the
 * `uiLang` message of the browser's UI language, and formatting is `Intl`'s for that locale.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The `uiLang` message the mocked browser answers (what `_locales/<lang>` says). */
let uiLang = '';
vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string) => (key === 'uiLang' ? uiLang : '') } },
}));

const { formatDay, formatDaySpan } = await import('../../../src/ui/dates');
const { uiLocale } = await import('../../../src/ui/i18n');

afterEach(() => {
  uiLang = '';
});

describe('dates in the UI language', () => {
  it.each([
    ['en', 'Mar 25, 2020', 'Mar 2020'],
    ['zh-CN', '2020年3月25日', '2020年3月'],
    ['zh-TW', '2020年3月25日', '2020年3月'],
  ])('writes dates as the %s UI does', (lang, day, month) => {
    uiLang = lang;
    expect(uiLocale()).toBe(lang);
    expect(formatDay('2020-03-25')).toBe(day);
    expect(formatDay('2020-03')).toBe(month);
    expect(formatDay('2020')).toBe('2020' + (lang === 'en' ? '' : '年'));
    // Intl's own text for the locale, not a hand-made pattern.
    const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    expect(formatDay('2020-03-25')).toBe(intl.format(Date.UTC(2020, 2, 25)));
  });

  it('follows the UI language, not a fixed one', () => {
    uiLang = 'en';
    const english = formatDay('2024-12-01');
    uiLang = 'zh-CN';
    expect(formatDay('2024-12-01')).not.toBe(english);
    expect(formatDay('2024-12-01')).toBe('2024年12月1日');
  });

  it("keeps a date-time on the page's own day, whatever the reader's time zone", () => {
    uiLang = 'en';
    expect(formatDay('2020-03-25T23:30:00+08:00')).toBe('Mar 25, 2020');
    expect(formatDay('2020-03-25T00:10:00')).toBe('Mar 25, 2020');
  });

  it('falls back to English when the message is missing or not a language tag', () => {
    expect(uiLocale()).toBe('en');
    uiLang = 'not a tag!';
    expect(uiLocale()).toBe('en');
    expect(formatDay('2020-03-25')).toBe('Mar 25, 2020');
  });

  it('returns text that is not an ISO date unchanged', () => {
    expect(formatDay('')).toBe('');
    expect(formatDay('三月')).toBe('三月');
  });

  it('writes a span as one range, or one date when both ends are the same', () => {
    uiLang = 'en';
    expect(formatDaySpan('2020-03-25', '2020-03-25')).toBe('Mar 25, 2020');
    expect(formatDaySpan('2020-03-25', '2020-06-02')).toMatch(/^Mar 25\s–\sJun 2, 2020$/);
    expect(formatDaySpan('2020-03', '2020-03-25')).toBe('Mar 2020 – Mar 25, 2020');
    uiLang = 'zh-CN';
    expect(formatDaySpan('2020-03-25', '2021-01-04')).toBe(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
        Date.UTC(2020, 2, 25),
        Date.UTC(2021, 0, 4),
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseNumeral } from '../../../src/core/numerals';
import { parseOrdinalList } from '../../../src/core/meeting-numbers';

describe('parseNumeral', () => {
  it.each([
    ['115', 115],
    ['１２', 12],
    ['二十六', 26],
    ['十', 10],
    ['十五', 15],
    ['一百二十一', 121],
    ['一百零八', 108],
    ['一百二', 120],
    ['两', 2],
    ['廿五', 25],
    ['卅', 30],
    ['一〇八', 108],
    ['二〇二二', 2022],
    ['三千零五', 3005],
    ['贰拾陆', 26],
    ['壹佰贰拾壹', 121],
    ['三万', 30000],
    ['零', 0],
  ])('%s → %i', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it.each(['', 'abc', '十十', '五二十', '百一千'])('rejects %j', (text) => {
    expect(parseNumeral(text)).toBeUndefined();
  });
});

describe('parseOrdinalList', () => {
  it('splits lists and expands short ranges', () => {
    expect(parseOrdinalList('二十五、二十六')).toEqual([25, 26]);
    expect(parseOrdinalList('三至五')).toEqual([3, 4, 5]);
    expect(parseOrdinalList('12和第13')).toEqual([12, 13]);
  });
  it('rejects non-numerals', () => {
    expect(parseOrdinalList('某')).toBeUndefined();
  });
});

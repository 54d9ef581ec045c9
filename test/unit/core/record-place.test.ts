import { describe, expect, it } from 'vitest';
import { PagePlaces, placeOf } from '../../../src/core/record-place';

/** The place of a record whose body is `body`, on a page of `text` that names no officials. */
const placeOn = (body: string, text: string): string | null =>
  placeOf(body, [], new PagePlaces(text, []), undefined);

describe('record places: a body that names no level', () => {
  it('takes the jurisdiction the page names most, below a province first', () => {
    expect(placeOn('主席会议', '沈阳市政协召开主席会议。沈阳市政协主席出席。辽宁省政协')).toBe(
      '沈阳市',
    );
  });

  it('takes the province or the municipality the page names most when it names none below', () => {
    expect(
      placeOn('第57次会议', '山东省人大常委会召开第57次主任会议。山东省人大常委会主任主持。'),
    ).toBe('山东省');
    expect(placeOn('专题协商座谈会', '上海市委召开专题协商座谈会。上海市委书记主持。')).toBe(
      '上海市',
    );
    expect(placeOn('座谈会', '座谈会召开。')).toBeNull();
  });
});

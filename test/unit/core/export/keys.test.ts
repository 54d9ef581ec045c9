import { describe, expect, it } from 'vitest';
import {
  jurisdictionOfTitle,
  meetingKeyOf,
  peopleOfDocument,
  personKeyOf,
  seriesKeyOf,
} from '../../../../src/core/export/keys';

describe('jurisdictionOfTitle', () => {
  it.each([
    ['临汾市委书记', '临汾市'],
    ['中共临汾市委副书记', '临汾市'],
    ['山西省委常委', '山西省'],
    ['北京市委书记', '北京市'],
    ['太原市人民政府市长', '太原市'],
    ['省委常委', null],
    ['市长', null],
    ['国务院总理', null],
  ])('%s → %s', (title, place) => expect(jurisdictionOfTitle(title)).toBe(place));
});

describe('personKeyOf', () => {
  it('keys on name and a named jurisdiction', () => {
    expect(personKeyOf({ name: '董一兵', jurisdiction: '临汾市', titles: ['市委书记'] })).toBe(
      '临汾市/董一兵',
    );
  });
  it('keeps two people of one name apart by place, or by title when no place is known', () => {
    const a = personKeyOf({ name: '王伟', jurisdiction: '临汾市' });
    const b = personKeyOf({ name: '王伟', jurisdiction: '吕梁市' });
    expect(a).not.toBe(b);
    expect(personKeyOf({ name: '王伟', jurisdiction: '市', titles: ['副市长'] })).toBe(
      '?/王伟/副市长',
    );
    expect(personKeyOf({ name: '王伟' })).toBe('?/王伟');
  });
  it('keeps its separator out of the parts', () => {
    expect(personKeyOf({ name: 'a/b', jurisdiction: '临汾市' }).split('/')).toHaveLength(2);
  });
});

describe('seriesKeyOf and meetingKeyOf', () => {
  it('joins a body written with or without its place', () => {
    const keys = ['临汾市委', '市委', '中共临汾市委'].map((body) =>
      seriesKeyOf({ place: '临汾市', body, type: '专题会议' }),
    );
    expect(new Set(keys)).toEqual(new Set(['临汾市/市委/专题会议']));
  });
  it('joins a name written with 会议 or with 会', () => {
    const keys = ['市政府常务会议', '市政府常务会'].map((body) =>
      seriesKeyOf({ place: '临汾市', body, type: '常务会议' }),
    );
    expect(new Set(keys)).toEqual(new Set(['临汾市/市政府常务会/常务会议']));
  });
  it('keeps two cities’ 市委常委会 apart, and types apart', () => {
    const lf = seriesKeyOf({ place: '临汾市', body: '市委常委会', type: 'meeting' });
    const ll = seriesKeyOf({ place: '吕梁市', body: '市委常委会', type: 'meeting' });
    expect(lf).not.toBe(ll);
    expect(seriesKeyOf({ place: '临汾市', body: '市委', type: '专题会议' })).not.toBe(
      seriesKeyOf({ place: '临汾市', body: '市委', type: '常委会' }),
    );
    expect(seriesKeyOf({ place: '市', body: '市委常委会', type: null })).toBe('?/市委常委会/?');
  });
  it('adds ordinals and date for one meeting', () => {
    expect(
      meetingKeyOf({
        place: '临汾市',
        body: '市委',
        type: '专题会议',
        ordinals: [26],
        date: '2020-03-25',
      }),
    ).toBe('临汾市/市委/专题会议/26/2020-03-25');
  });
});

describe('peopleOfDocument', () => {
  it('reads a place from titles, else from the meeting, unless a title of another level rules it out', () => {
    const people = peopleOfDocument(
      [
        { name: '董一兵', titles: ['市委书记'] },
        { name: '林武', titles: ['省委书记'] },
        { name: '李云峰', titles: ['临汾市委副书记'] },
      ],
      [{ place: '临汾市', people: ['董一兵', '林武', '张勇'] }],
    );
    expect(people.get('董一兵')?.key).toBe('临汾市/董一兵');
    expect(people.get('李云峰')?.key).toBe('临汾市/李云峰');
    // A 省委书记 is not of 临汾市.
    expect(people.get('林武')?.key).toBe('?/林武/省委书记');
    // Named only in the meeting: its place.
    expect(people.get('张勇')?.key).toBe('临汾市/张勇');
  });
});

import { describe, expect, it } from 'vitest';
import { buildPeopleIndex, buildSeriesIndex } from '../../../../src/core/clips/indexes';
import { makeClip, meeting, official, sampleMeeting } from '../../../support/clip-fixtures';

const page = (publishedAt: string) => ({
  isGovNews: true,
  score: 0.9,
  script: 'simplified' as const,
  byline: [],
  publishedAt,
});

describe('people index', () => {
  const clips = [
    makeClip({
      url: 'https://a.cn/2',
      page: page('2022-05-10'),
      entities: [official('韦韬', ['太原市委书记'])],
    }),
    makeClip({
      url: 'https://a.cn/1',
      page: page('2022-04-30'),
      entities: [
        official('韦韬', ['山西省委常委', '太原市委书记']),
        official('韦韬', ['太原市委书记'], 30),
        official('张新伟', ['太原市长']),
      ],
    }),
    makeClip({
      url: 'https://a.cn/3',
      page: page('2023-01-04'),
      entities: [official('韦韬', ['山西省副省长']), official('韦韬', ['太原市委书记'], 40)],
    }),
  ];

  it('keys people on name and jurisdiction: two 王伟 of two cities are two people', () => {
    const index = buildPeopleIndex([
      makeClip({ entities: [official('王伟', ['临汾市委常委'])] }),
      makeClip({ entities: [official('王伟', ['吕梁市委常委'])] }),
      makeClip({ entities: [official('王伟', ['临汾市政府副市长'])] }),
    ]);
    expect(index.map((p) => [p.key, p.sightings.length])).toEqual([
      ['临汾市/王伟', 2],
      ['吕梁市/王伟', 1],
    ]);
  });

  it('gives each title its first and last date seen, one sighting per clip', () => {
    const index = buildPeopleIndex(clips);
    // The first jurisdiction a clip's titles name keys the person: the province on two clips,
    // the city on one (the key rather splits than merges; the researcher merges).
    const wei = index.find((p) => p.key === '山西省/韦韬')!;
    expect(wei.sightings.map((s) => s.date)).toEqual(['2022-04-30', '2023-01-04']);
    expect(wei.titles).toEqual([
      { title: '山西省委常委', firstDate: '2022-04-30', lastDate: '2022-04-30', clips: 1 },
      { title: '太原市委书记', firstDate: '2022-04-30', lastDate: '2023-01-04', clips: 2 },
      { title: '山西省副省长', firstDate: '2023-01-04', lastDate: '2023-01-04', clips: 1 },
    ]);
    expect([wei.firstDate, wei.lastDate]).toEqual(['2022-04-30', '2023-01-04']);
    expect(index.find((p) => p.key === '太原市/韦韬')?.sightings).toHaveLength(1);
  });

  it('counts meeting participants of a clip’s records, placed by the meeting', () => {
    const index = buildPeopleIndex([makeClip({ entities: [], meetings: [sampleMeeting()] })]);
    expect(index.map((p) => p.key).sort()).toEqual(
      ['临汾市/董一兵', '临汾市/李云峰', '临汾市/李朝旗', '临汾市/常青', '临汾市/陈忠辉'].sort(),
    );
  });
});

describe('series index', () => {
  it('keys series on place, body and type: two cities’ 市委常委会 are two series', () => {
    const lf = sampleMeeting({ body: '市委常委会', meetingType: '常委会', ordinals: [3] });
    const index = buildSeriesIndex([
      makeClip({ meetings: [lf] }),
      makeClip({ meetings: [{ ...lf, place: '吕梁市', ordinals: [9] }] }),
      makeClip({ meetings: [{ ...lf, body: '临汾市委常委会', ordinals: [4] }] }),
    ]);
    expect(index.map((s) => [s.key, s.meetings.map((m) => m.ordinals[0])])).toEqual([
      ['临汾市/市委常委会/常委会', [3, 4]],
      ['吕梁市/市委常委会/常委会', [9]],
    ]);
    expect(index[0]).toMatchObject({ place: '临汾市', body: '市委常委会', type: '常委会' });
  });

  it('joins one meeting reported by two clips, dated by its record', () => {
    const a = makeClip({
      url: 'https://a.cn/1',
      page: page('2020-03-26'),
      meetings: [sampleMeeting()],
    });
    const b = makeClip({
      url: 'https://b.cn/1',
      page: page('2020-03-27'),
      meetings: [sampleMeeting()],
    });
    const [series] = buildSeriesIndex([b, a]);
    expect(series!.meetings).toHaveLength(1);
    expect(series!.meetings[0]).toMatchObject({
      key: '临汾市/市委/专题会议/26/2020-03-25',
      date: '2020-03-25',
      dateHeld: true,
    });
    expect(series!.meetings[0]!.sightings.map((s) => s.clipId)).toEqual([a.id, b.id]);
  });

  it('reads mentions of a clip saved before records, of unknown place, dated by the page', () => {
    const old = makeClip({ page: page('2022-04-30'), entities: [meeting('市委常委会', [115])] });
    delete old.meetings;
    const [series] = buildSeriesIndex([old]);
    expect(series).toMatchObject({ key: '?/市委常委会/会议', place: null, pageBody: '市委常委会' });
    expect(series!.meetings[0]).toMatchObject({ date: '2022-04-30', dateHeld: false });
  });

  it('leaves out unnumbered meetings', () => {
    expect(buildSeriesIndex([makeClip({ meetings: [sampleMeeting({ ordinals: [] })] })])).toEqual(
      [],
    );
  });
});

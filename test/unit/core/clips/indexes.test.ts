import { describe, expect, it } from 'vitest';
import { buildMeetingSeriesIndex, buildOfficialsIndex } from '../../../../src/core/clips/indexes';
import { makeClip, meeting, official } from '../../../support/clip-fixtures';

const page = (publishedAt: string) => ({
  isGovNews: true,
  score: 0.9,
  script: 'simplified' as const,
  byline: [],
  publishedAt,
});

describe('officials and meeting-series indexes', () => {
  const clips = [
    makeClip({
      url: 'https://a.cn/2',
      page: page('2022-05-10'),
      entities: [official('韦韬', ['市委书记']), meeting('市委常委会', [116])],
    }),
    makeClip({
      url: 'https://a.cn/1',
      page: page('2022-04-30'),
      entities: [
        official('韦韬', ['省委常委', '市委书记']),
        official('韦韬', ['市委书记'], 30),
        official('张新伟', ['市长']),
        meeting('市委常委会', [115]),
        meeting('市委常委会', [115], 50),
      ],
    }),
  ];

  it('follows a person: titles in first-seen order, one sighting per clip, dates', () => {
    const index = buildOfficialsIndex(clips);
    expect(index.map((e) => e.name)).toEqual(['韦韬', '张新伟']);
    const wei = index[0]!;
    expect(wei.titles).toEqual(['省委常委', '市委书记']);
    expect(wei.sightings.map((s) => s.date)).toEqual(['2022-04-30', '2022-05-10']);
    expect(wei.firstDate).toBe('2022-04-30');
    expect(wei.lastDate).toBe('2022-05-10');
  });

  it('follows a meeting series: ordinals in order, each meeting once', () => {
    const series = buildMeetingSeriesIndex(clips);
    expect(series).toHaveLength(1);
    expect(series[0]!.body).toBe('市委常委会');
    expect(series[0]!.meetings.map((m) => [m.ordinals[0], m.date])).toEqual([
      [115, '2022-04-30'],
      [116, '2022-05-10'],
    ]);
  });
});

/** Test clips and a tiny traditional→simplified double (the engine's converter is tested there). */
import {
  createClipFromDraft,
  type Clip,
  type ClipDraft,
  type ClipMeeting,
} from '../../src/core/clips/model';
import { createSearchNormaliser, stripPinyinGlosses } from '../../src/core/clips/search';
import type { Entity } from '../../src/core/types';

const T2S: Record<string, string> = {
  韋: '韦',
  韜: '韬',
  網: '网',
  會: '会',
  議: '议',
  記: '记',
  書: '书',
  長: '长',
  開: '开',
  導: '导',
  組: '组',
  領: '领',
  節: '节',
  講: '讲',
  話: '话',
  聞: '闻',
  報: '报',
};

/** Double of the engine's `toSimplified`: a few characters, glosses stripped. */
export function toSimplifiedDouble(text: string): string {
  return [...stripPinyinGlosses(text)].map((ch) => T2S[ch] ?? ch).join('');
}

/** Normaliser wired with the double. */
export const testNormaliser = createSearchNormaliser(toSimplifiedDouble);

/** An official entity. */
export function official(name: string, titles: string[], start = 0): Entity {
  return {
    kind: 'official',
    text: titles.join('、') + name,
    simplified: titles.join('、') + name,
    start,
    end: start + name.length + 4,
    name,
    titles,
    personId: `p-${name}`,
    role: 'titled',
    nameStart: start,
    nameEnd: start + name.length,
  };
}

/** A meeting entity. */
export function meeting(body: string, ordinals: number[], start = 0): Entity {
  return {
    kind: 'meeting',
    text: `${body}第${ordinals.join('、')}次会议`,
    simplified: `${body}第${ordinals.join('、')}次会议`,
    start,
    end: start + 10,
    ordinals,
    body,
    meetingType: '会议',
  };
}

/** A meeting record as a clip keeps it (seed-002's meeting). */
export function sampleMeeting(overrides: Partial<ClipMeeting> = {}): ClipMeeting {
  return {
    name: '市委第二十六次专题会议',
    body: '市委',
    type: 'meeting',
    meetingType: '专题会议',
    term: null,
    ordinals: [26],
    expanded: false,
    date: '2020-03-25',
    place: '临汾市',
    chairs: ['董一兵'],
    speakers: ['董一兵', '李云峰'],
    attendees: ['李朝旗', '常青', '陈忠辉'],
    relayed: ['省委第二十五、二十六次专题会议精神'],
    ...overrides,
  };
}

/** A realistic draft: a traditional passage with pinyin glosses, as on the seed pages. */
export function makeDraft(overrides: Partial<ClipDraft> = {}): ClipDraft {
  const exact =
    '省委常委、市委書記韋韜主持召開市疫情防控工作領導小組第115次會議,太原新聞網(wǎng)報道。';
  const simplified =
    '省委常委、市委书记韦韬主持召开市疫情防控工作领导小组第115次会议,太原新闻网报道。';
  return {
    url: 'https://www.example.gov.cn/news/2022-04/30/c_1.htm',
    title: '韋韜主持召開市疫情防控工作領導小組第115次會議',
    page: {
      isGovNews: true,
      score: 0.93,
      script: 'traditional',
      source: '太原日报',
      publishedAt: '2022-04-30T06:30',
      byline: ['殷雪鸢'],
    },
    quote: { exact, simplified },
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '4月29日,', suffix: '傳達學習' },
      position: { type: 'TextPositionSelector', start: 120, end: 120 + exact.length },
    },
    entities: [
      official('韦韬', ['省委常委', '市委书记'], 0),
      meeting('市疫情防控工作领导小组', [115], 20),
    ],
    wholeArticle: false,
    ...overrides,
  };
}

let counter = 0;

/** A stored clip made from a draft, with a deterministic time. */
export function makeClip(
  overrides: Partial<ClipDraft> = {},
  at = '2026-11-01T10:00:00.000Z',
): Clip {
  counter += 1;
  return createClipFromDraft(makeDraft(overrides), new Date(Date.parse(at) + counter));
}

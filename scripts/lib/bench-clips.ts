/**
 * The benchmark library: deterministic, realistic clips (a passage with an official, a meeting,
 * a slogan, sometimes a note and a tag), the same on every run.
 */
import { createClipFromDraft, type Clip } from '../../src/core/clips/model';
import type { Entity } from '../../src/core/types';

/** Deterministic pseudo-random numbers, so every run stores the same library. */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦';
const GIVEN = '建国新伟明华强军海涛韬文斌志勇平波辉刚红霞丽静';
const TITLES = [
  '市委书记',
  '市长',
  '市委副书记',
  '常务副市长',
  '副市长',
  '市委常委',
  '秘书长',
  '省委常委',
];
const BODIES = [
  '市委常委会',
  '市政府常务会议',
  '市疫情防控工作领导小组',
  '市委全面深化改革委员会',
  '县委常委会',
];
const SLOGANS = ['高质量发展', '统筹发展和安全', '两个维护', '疫情要防住', '经济要稳住'];
const SITES = [
  'www.taiyuan.gov.cn',
  'www.linfen.gov.cn',
  'www.lvliang.gov.cn',
  'www.jining.gov.cn',
  'news.example.cn',
];
const TAGS = ['防疫', '经济', '人事', '会议', '改革', '安全', '民生'];
const FILLER =
  '会议强调，要坚持以人民为中心的发展思想，认真贯彻落实党中央决策部署，统筹疫情防控和经济社会发展，扎实做好各项工作。';

/** A realistic stored clip: a passage with officials, a meeting, a slogan, sometimes a note. */
export function makeBenchClip(i: number, rnd: () => number): Clip {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const name = pick([...SURNAMES]) + pick([...GIVEN]) + (rnd() < 0.5 ? pick([...GIVEN]) : '');
  const title = pick(TITLES);
  const body = pick(BODIES);
  const ordinal = 1 + Math.floor(rnd() * 200);
  const slogan = pick(SLOGANS);
  const head = `${title}${name}主持召开${body}第${ordinal}次会议。`;
  const text = `${head}${FILLER}会议指出，要坚持“${slogan}”。${FILLER.slice(0, 20 + Math.floor(rnd() * 40))}`;
  const entities: Entity[] = [
    {
      kind: 'official',
      text: title + name,
      simplified: title + name,
      start: 0,
      end: title.length + name.length,
      name,
      titles: [title],
      personId: `p${i}`,
      role: 'titled',
      nameStart: title.length,
      nameEnd: title.length + name.length,
    },
    {
      kind: 'meeting',
      text: `${body}第${ordinal}次会议`,
      simplified: `${body}第${ordinal}次会议`,
      start: head.indexOf(body),
      end: head.length - 1,
      ordinals: [ordinal],
      body,
      meetingType: '会议',
    },
    {
      kind: 'directive',
      text: slogan,
      simplified: slogan,
      start: text.indexOf(slogan),
      end: text.indexOf(slogan) + slogan.length,
      subtype: 'slogan',
      normalized: slogan,
    },
  ];
  const site = pick(SITES);
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 1000) * 86_400_000);
  const url = `https://${site}/news/${day.toISOString().slice(0, 10)}/${i}.htm`;
  return createClipFromDraft(
    {
      url,
      title: `${name}主持召开${body}会议`,
      page: {
        isGovNews: true,
        score: 0.7 + rnd() * 0.3,
        script: 'simplified',
        source: '日报',
        publishedAt: day.toISOString().slice(0, 10),
        byline: ['记者'],
      },
      quote: { exact: text, simplified: text },
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: text, prefix: '本报讯 ', suffix: '会议要求' },
        position: { type: 'TextPositionSelector', start: 200, end: 200 + text.length },
      },
      entities,
      wholeArticle: false,
      note: rnd() < 0.3 ? `备注${i}：关注${name}的讲话` : '',
      tags: rnd() < 0.6 ? [pick(TAGS)] : [],
    },
    new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    `bench-${String(i).padStart(6, '0')}`,
  );
}

/** `count` benchmark clips, always the same ones. */
export function makeBenchClips(count: number): Clip[] {
  const rnd = createRandom(42);
  return Array.from({ length: count }, (_, i) => makeBenchClip(i, rnd));
}

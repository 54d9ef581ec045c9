import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  annotate,
  annotateSteps,
  hasChineseText,
  toSimplified,
  type AnnotateResult,
} from '../../../src/core/index';
import { codeUnits, marks } from '../../../src/core/text/buffers';
import { pathToFileURL } from 'node:url';
import { corpusDir } from '../../support/corpus-dir';

const SEEDS = pathToFileURL(`${corpusDir()}/seeds/`);
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
const GLOSSED_SEED = seeds.find((s) => s.includes('(wǎng)')) ?? '';

/** Checks the invariants every result must keep. */
function expectWellFormed(input: string, r: AnnotateResult): void {
  let last = -1;
  for (const e of r.entities) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    expect(e.end).toBeLessThanOrEqual(input.length);
    expect(e.start).toBeGreaterThanOrEqual(last);
    last = e.start;
    expect(input.slice(e.start, e.end)).toBe(e.text);
    for (const at of [e.start, e.end]) {
      const c = input.charCodeAt(at);
      const p = input.charCodeAt(at - 1);
      const splits = c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
      expect(splits).toBe(false);
    }
  }
  expect(r.page.score).toBeGreaterThanOrEqual(0);
  expect(r.page.score).toBeLessThanOrEqual(1);
  expect(() => JSON.stringify(r)).not.toThrow();
}

describe('annotate', () => {
  it('keeps original offsets through pinyin glosses and traditional script', () => {
    const r = annotate({ text: GLOSSED_SEED });
    expectWellFormed(GLOSSED_SEED, r);
    expect(r.page.pinyinAnnotations).toBe(true);
    expect(r.page.script).toBe('traditional');
    const official = r.entities.find((e) => e.kind === 'official' && e.role === 'titled');
    expect(official?.kind).toBe('official');
    if (official?.kind === 'official') {
      expect(GLOSSED_SEED.slice(official.nameStart, official.nameEnd)).toMatch(
        /^[\u4e00-\u9fff]{2,4}$/,
      );
      expect(official.simplified).not.toMatch(/\(/);
    }
  });

  it.each(seeds.map((s, i) => [i, s] as const))(
    'gives well-formed results on seed %i',
    (_i, text) => {
      expectWellFormed(text, annotate({ text }));
    },
  );

  it('gives the same result step by step, yielding on long text', () => {
    const text = seeds.join('\n').repeat(4);
    let yields = 0;
    const steps = annotateSteps({ text });
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThan(3);
    expect(r.value).toEqual(annotate({ text }));
  });

  it('keeps interleaved runs apart (shared buffers are not mixed up)', () => {
    const a = annotateSteps({ text: seeds[0] ?? '' });
    const b = annotateSteps({ text: seeds[1] ?? '' });
    let ra = a.next();
    let rb = b.next();
    while (!ra.done || !rb.done) {
      if (!ra.done) ra = a.next();
      if (!rb.done) rb = b.next();
    }
    expect(ra.value).toEqual(annotate({ text: seeds[0] ?? '' }));
    expect(rb.value).toEqual(annotate({ text: seeds[1] ?? '' }));
  });

  it('keeps the characters a page writes in a name (张乾山, not 张干山)', () => {
    const names = (text: string): string[] => [
      ...new Set(
        annotate({ text }).entities.flatMap((e) => (e.kind === 'official' ? [e.name] : [])),
      ),
    ];
    expect(
      names(
        '5月4日上午,曹县县委书记张乾山先后到黄河故道国家湿地公园、伊尹公园等项目施工一线,实地督导调研项目建设情况。每到一处,张乾山认真听取相关负责人工作汇报。',
      ),
    ).toEqual(['张乾山']);
    // A traditional page's names are simplified with the rest of it, but for 乾 (qián in names;
    // their 干 is written 幹), glossed or not.
    expect(names('縣委書記張乾山主持會議並講話,強調要做好各項工作,切實抓好落實。')).toEqual([
      '张乾山',
    ]);
    expect(names('縣委書記李幹傑主持會議並講話,強調要做好各項工作,切實抓好落實。')).toEqual([
      '李干杰',
    ]);
    expect(
      names('縣(xiàn)委書(shū)記(jì)周乾隆主持會(huì)議(yì)並講話(huà),強調要做好各項工作。'),
    ).toEqual(['周乾隆']);
  });

  it('takes user titles, organisations and slogans', () => {
    const text = '会议由市委书记张三主持。首席代表李四出席。坚持两个毫不动摇。';
    const before = annotate({ text });
    const after = annotate({ text, lexicon: { titles: ['首席代表'], slogans: ['两个毫不动摇'] } });
    const names = (r: AnnotateResult): string[] =>
      r.entities.flatMap((e) => (e.kind === 'official' ? [e.name] : []));
    expect(names(before)).toEqual(['张三']);
    expect(names(after)).toEqual(['张三', '李四']);
    expect(
      after.entities.some((e) => e.kind === 'directive' && e.normalized === '两个毫不动摇'),
    ).toBe(true);
  });
});

describe('bad input', () => {
  it('ignores meta values that are not strings', () => {
    const meta = { pubdate: 5, siteidcode: null } as unknown as Record<string, string>;
    expect(() => annotate({ text: '市委书记张三主持召开会议。', meta })).not.toThrow();
  });

  it('handles empty and non-string text', () => {
    expect(annotate({ text: '' }).entities).toEqual([]);
    expect(annotate({ text: '' }).page.script).toBe('none');
    expect(annotate({ text: undefined as unknown as string }).entities).toEqual([]);
  });

  it('leaves text without Chinese at once', () => {
    const english = 'The city council met on Tuesday. '.repeat(3000);
    const r = annotate({ text: english, url: 'https://example.com/' });
    expect(r.page).toMatchObject({ isGovNews: false, score: 0, script: 'none' });
    expect(r.entities).toEqual([]);
    expect(hasChineseText(english)).toBe(false);
    expect(hasChineseText(`${english}市委`)).toBe(true);
  });

  it('survives binary garbage and unpaired surrogates', () => {
    let bytes = '';
    for (let i = 0; i < 20_000; i++) bytes += String.fromCharCode((i * 7919) % 65536);
    const garbage = `${bytes}\uD800市委书记\uDC00张三主持召开\uD83D第1次会议\uDE00`;
    const r = annotate({ text: garbage });
    expectWellFormed(garbage, r);
  });

  it('handles 10 MB of text', () => {
    const line = 'x'.repeat(2000) + '省委书记林武主持召开省委第121次专题会议。\n';
    const text = line.repeat(Math.ceil(10_000_000 / line.length));
    const r = annotate({ text });
    expect(r.entities.filter((e) => e.kind === 'meeting').length).toBeGreaterThan(4000);
    expectWellFormed(text.slice(0, 100_000), annotate({ text: text.slice(0, 100_000) }));
  }, 60_000);
});

describe('helpers', () => {
  it('toSimplified strips glosses and converts script', () => {
    expect(toSimplified('網(wǎng)站長(zhǎng)說(shuō)明')).toBe('网站长说明');
    expect(toSimplified('市委書記')).toBe('市委书记');
  });
});

describe('stopping early', () => {
  it('gives the shared buffers back when a run is abandoned at any step', () => {
    const text = '市委书记韦韬主持召开市委常委会第12次会议，要求压实责任。'.repeat(2000);
    // The buffers each pool keeps between runs.
    const units = codeUnits.borrow(text.length + 1);
    const covered = marks.borrow(text.length + 1);
    codeUnits.giveBack(units);
    marks.giveBack(covered);
    let steps = 0;
    for (let stopAt = 1; ; stopAt++) {
      const run = annotateSteps({ text });
      let done = false;
      for (let k = 0; k < stopAt && !done; k++) done = run.next().done === true;
      if (done) break;
      run.return(undefined as never);
      steps = stopAt;
      const u = codeUnits.borrow(16);
      const c = marks.borrow(16);
      expect(u.buffer).toBe(units.buffer);
      expect(c.buffer).toBe(covered.buffer);
      codeUnits.giveBack(u);
      marks.giveBack(c);
    }
    expect(steps).toBeGreaterThan(10);
  });

  it('reads directives on a report full of another field’s words, but not in a story', () => {
    const health =
      '市卫健委召开第3次党组会议，研究医院改革。会议要求，各医院要改善患者就医体验，医生和护理人员要提升诊疗水平，深化“放管服”改革，落实“最多跑一次”。';
    const slogans = (text: string): string[] =>
      annotate({ text })
        .entities.filter((e) => e.kind === 'directive' && e.subtype === 'slogan')
        .map((e) => e.text);
    expect(slogans(health)).toEqual(['“放管服”', '“最多跑一次”']);
    const story =
      '县委书记李达康主持召开第3次常委会。他看了一眼对面的她，说道：“就这么办。”她笑了，他也笑了，她说：“好的。”';
    expect(slogans(story)).toEqual([]);
  });

  it('detects a short report of a leader’s visit that says 他 twice, and reads its directives', () => {
    const visit =
      '7月3日，副市长王明到城南区调研乡村振兴和生态保护工作。王明一行先后来到城南区高新产业园、青山村和河道治理现场，详细了解产业发展、项目建设和河长制落实情况。在青山村，他仔细察看村容村貌，与村干部和群众亲切交谈，询问种植收益和务工收入。在河道治理现场，王明沿河步行察看，听取河道清淤、岸线整治和污水管网建设进展汇报。在高新产业园，王明走进车间，了解企业订单、用工和技术改造情况，鼓励企业加大研发投入，拓展市场空间。随后，王明一行还察看了青山村的农家书屋、卫生室和养老服务站，详细了解基本公共服务运行情况。调研中，他指出，城南区要坚持全市“一盘棋”，持续改善人居环境，让群众有更多获得感。';
    const result = annotate({ text: visit });
    // Two pronouns in 300 characters are no story: the rate is taken over at least 600.
    expect(result.page.isGovNews).toBe(true);
    expect(
      result.entities
        .filter((e) => e.kind === 'directive' && e.subtype === 'slogan')
        .map((e) => e.text),
    ).toEqual(['“一盘棋”']);
  });
});

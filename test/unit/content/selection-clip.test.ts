// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/index';
import type { AnnotateResult, Entity } from '../../../src/core/types';
import { extractPageText } from '../../../src/dom/page-text';
import { rangeFromOffsets } from '../../../src/dom/dom-ranges';
import {
  articleSpan,
  buildClipDraft,
  entitiesWithin,
  paragraphSpan,
  selectionSpan,
} from '../../../src/content/selection-clip';
import { anchorQuote } from '../../../src/content/clip-anchoring';

const official = (text: string, start: number): Entity => ({
  kind: 'official',
  text,
  simplified: text,
  start,
  end: start + text.length,
  name: text.slice(-2),
  titles: [text.slice(0, -2)],
  personId: 'p1',
  role: 'titled',
  nameStart: start + text.length - 2,
  nameEnd: start + text.length,
});

function resultWith(entities: Entity[]): AnnotateResult {
  return {
    page: {
      isGovNews: true,
      score: 0.9,
      signals: [],
      script: 'traditional',
      pinyinAnnotations: false,
      source: '太原日报',
      byline: ['记者甲'],
      editors: [],
    },
    entities,
  };
}

describe('buildClipDraft', () => {
  const text = '头条\n市委書記張三主持召開會議，強調要抓好落實。\n尾部';
  const start = text.indexOf('市委');
  const entity = official('市委書記張三', start);
  const draft = buildClipDraft(
    {
      text,
      result: resultWith([entity]),
      url: 'https://example.gov.cn/a.html',
      title: '标题',
      toSimplified: (s) => s.replace('書記', '书记').replace('張', '张'),
    },
    { start: start - 1, end: text.indexOf('。') + 1 },
    false,
  )!;

  it('trims white space and keeps the exact and simplified quote', () => {
    expect(draft.quote.exact).toBe('市委書記張三主持召開會議，強調要抓好落實。');
    expect(draft.quote.simplified.startsWith('市委书记张三')).toBe(true);
  });

  it('has W3C selectors with up to 32 characters of context', () => {
    expect(draft.selectors.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: draft.quote.exact,
      prefix: '头条\n',
      suffix: '\n尾部',
    });
    expect(draft.selectors.position).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + draft.quote.exact.length,
    });
    const long = 'x'.repeat(100);
    const d2 = buildClipDraft(
      {
        text: long + '正文' + long,
        result: resultWith([]),
        url: 'u',
        title: 't',
        toSimplified: (s) => s,
      },
      { start: 100, end: 102 },
      true,
    )!;
    expect(d2.selectors.quote.prefix).toHaveLength(32);
    expect(d2.selectors.quote.suffix).toHaveLength(32);
    expect(d2.wholeArticle).toBe(true);
  });

  it('re-bases the entities to the passage', () => {
    expect(draft.entities).toHaveLength(1);
    const e = draft.entities[0]!;
    expect(draft.quote.exact.slice(e.start, e.end)).toBe('市委書記張三');
    if (e.kind !== 'official') throw new Error('kind');
    expect(draft.quote.exact.slice(e.nameStart, e.nameEnd)).toBe('張三');
  });

  it('copies the page facts', () => {
    expect(draft.page).toEqual({
      isGovNews: true,
      score: 0.9,
      script: 'traditional',
      source: '太原日报',
      byline: ['记者甲'],
    });
  });

  it("keeps the page's meeting records, whatever part of it is clipped", () => {
    const page =
      '5月8日上午，县委书记王建国主持召开县委第36次常委会会议。县领导张华、赵强出席会议。';
    const result = annotate({ text: page, published: '2023-05-09' });
    const tail = buildClipDraft(
      { text: page, result, url: 'u', title: 't', toSimplified: (s) => s },
      { start: page.indexOf('县领导'), end: page.length },
      false,
    )!;
    expect(tail.meetings).toHaveLength(1);
    expect(tail.meetings![0]).toMatchObject({
      ordinals: [36],
      chairs: ['王建国'],
      date: '2023-05-08',
    });
    // A result without records (merged outside the engine) gives a draft without the field.
    expect('meetings' in draft).toBe(false);
  });

  it('leaves out entities that stick out of the passage and refuses empty spans', () => {
    expect(entitiesWithin([entity], start + 1, start + 20)).toEqual([]);
    expect(
      buildClipDraft(
        { text: '   ', result: resultWith([]), url: 'u', title: 't', toSimplified: (s) => s },
        { start: 0, end: 3 },
        false,
      ),
    ).toBeNull();
  });
});

describe('selection and article spans', () => {
  it('reads the selection in page-text offsets', () => {
    const p = document.createElement('p');
    p.append('会议强调', Object.assign(document.createElement('b'), { textContent: '要落实' }));
    document.body.replaceChildren(p);
    const pt = extractPageText(document.body);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(rangeFromOffsets(pt, 2, 6)!);
    expect(selectionSpan(pt, sel)).toEqual({ start: 2, end: 6 });
    sel.removeAllRanges();
    expect(selectionSpan(pt, sel)).toBeNull();
  });

  it('prefers an <article> holding the entities', () => {
    const nav = document.createElement('nav');
    nav.textContent = '首页 新闻';
    const article = document.createElement('article');
    article.textContent = '市委書記張三主持召開會議，強調要抓好落實工作的各项要求。';
    document.body.replaceChildren(nav, article);
    const pt = extractPageText(document.body);
    const start = pt.text.indexOf('市委');
    const span = articleSpan(document, pt, [official('市委書記張三', start)]);
    expect(pt.text.slice(span.start, span.end).trim()).toBe(article.textContent);
  });

  it('widens a mention to its paragraph', () => {
    const text = '甲\n乙丙丁\n戊';
    expect(paragraphSpan(text, 3, 4)).toEqual({ start: 2, end: 5 });
  });
});

describe('anchorQuote', () => {
  const text = '前文。会议强调，要抓好落实。中间。会议强调，要抓好落实。后文。';
  const second = text.lastIndexOf('会议强调');
  const quote = {
    type: 'TextQuoteSelector' as const,
    exact: '会议强调，要抓好落实。',
    prefix: '中间。',
    suffix: '后文。',
  };

  it('uses the recorded position when it still holds the quote', () => {
    expect(
      anchorQuote(text, quote, { type: 'TextPositionSelector', start: second, end: second + 11 }),
    ).toEqual({ found: 'exact', start: second, end: second + 11 });
  });

  it('picks the occurrence whose context matches when the position moved', () => {
    expect(
      anchorQuote('新增一行。' + text, quote, { type: 'TextPositionSelector', start: 3, end: 14 }),
    ).toMatchObject({ found: 'exact', start: second + 5 });
  });

  it('falls back to a fuzzy match when the text was edited', () => {
    const edited = text.replaceAll('会议强调，要抓好落实。', '会议强调：要抓好落实！');
    const a = anchorQuote(edited, quote);
    expect(a.found).toBe('fuzzy');
    expect(edited.slice(a.start, a.end)).toContain('要抓好落实');
    expect(a.start).toBe(edited.lastIndexOf('会议强调'));
  });

  it('reports none when nothing is close', () => {
    expect(anchorQuote('完全无关的文字内容', quote).found).toBe('none');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractPageText, extractPageTextSteps } from '../../../src/dom/page-text';
import {
  buildNodeIndex,
  offsetOfPoint,
  offsetsFromRange,
  rangeFromOffsets,
} from '../../../src/dom/dom-ranges';

/** Builds a body from a list of [tag, text | children] without any HTML parsing. */
function el(tag: string, ...children: Array<Node | string>): HTMLElement {
  const e = document.createElement(tag);
  for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function page(...children: Node[]): HTMLElement {
  document.body.replaceChildren(...children);
  return document.body;
}

describe('rangeFromOffsets', () => {
  it('covers text split across inline elements', () => {
    const body = page(el('p', '市委书记', el('b', '张'), el('i', '三'), '主持会议'));
    const pt = extractPageText(body);
    const start = pt.text.indexOf('市委书记张三');
    const range = rangeFromOffsets(pt, start, start + 6)!;
    expect(range.toString()).toBe('市委书记张三');
  });

  it('maps across block boundaries, the synthetic line break is not in the range', () => {
    const body = page(el('p', '第一段'), el('p', '第二段'));
    const pt = extractPageText(body);
    expect(pt.text).toBe('第一段\n第二段\n');
    const range = rangeFromOffsets(pt, 1, 6)!;
    expect(range.toString()).toBe('一段第二');
  });

  it('skips ruby annotations: the highlight covers the base characters', () => {
    const ruby = el('ruby', '政', el('rt', 'zhèng'), '府');
    const body = page(el('p', '市', ruby, '工作'));
    const pt = extractPageText(body);
    expect(pt.text).toBe('市政府工作\n');
    const range = rangeFromOffsets(pt, 1, 3)!;
    const rendered = range.cloneContents().textContent;
    expect(rendered).toContain('政');
    expect(rendered).toContain('府');
    expect(range.startContainer.textContent).toBe('政');
    expect(range.endContainer.textContent).toBe('府');
  });

  it('leaves out script, style, textarea, inputs and contenteditable', () => {
    const editable = el('div', '可编辑的文字');
    editable.setAttribute('contenteditable', 'true');
    const body = page(
      el('p', '正文'),
      el('script', 'var x = "脚本";'),
      el('style', '.a{}'),
      el('textarea', '输入框'),
      editable,
      el('p', '结尾'),
    );
    expect(extractPageText(body).text).toBe('正文\n结尾\n');
  });

  it('returns null for spans with no text node', () => {
    const body = page(el('p', '甲'), el('p', '乙'));
    const pt = extractPageText(body);
    expect(rangeFromOffsets(pt, 1, 2)).toBeNull();
    expect(rangeFromOffsets(pt, 3, 3)).toBeNull();
  });
});

describe('offsets from the DOM', () => {
  it('round-trips a user selection spanning elements', () => {
    const body = page(el('p', '会议强调，', el('em', '要坚持'), '稳中求进'), el('p', '下一段'));
    const pt = extractPageText(body);
    const start = pt.text.indexOf('强调');
    const end = pt.text.indexOf('求进') + 2;
    const range = rangeFromOffsets(pt, start, end)!;
    expect(offsetsFromRange(pt, range)).toEqual({ start, end });
  });

  it('handles boundaries inside elements', () => {
    const p1 = el('p', '甲乙');
    const p2 = el('p', '丙丁');
    const body = page(p1, p2);
    const pt = extractPageText(body);
    const range = document.createRange();
    range.setStart(body, 1);
    range.setEnd(body, 2);
    expect(offsetsFromRange(pt, range)).toEqual({ start: 3, end: 5 });
  });

  it('maps a caret point back to a text offset', () => {
    const body = page(el('p', '甲乙', el('b', '丙丁')));
    const pt = extractPageText(body);
    const b = body.querySelector('b')!.firstChild!;
    expect(offsetOfPoint(pt, buildNodeIndex(pt), b, 1)).toBe(3);
    expect(offsetOfPoint(pt, buildNodeIndex(pt), body, 0)).toBeNull();
  });
});

describe('extractPageTextSteps', () => {
  it('pauses and yields the same text as the one-shot walk', () => {
    const paras = Array.from({ length: 50 }, (_, i) => el('p', `第${i}段`, el('span', '内容')));
    const body = page(...paras);
    const gen = extractPageTextSteps(body, 10);
    let pauses = 0;
    let step = gen.next();
    while (!step.done) {
      pauses++;
      step = gen.next();
    }
    expect(pauses).toBeGreaterThan(5);
    expect(step.value.text).toBe(extractPageText(body).text);
  });
});

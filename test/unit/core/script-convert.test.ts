import { describe, expect, it } from 'vitest';
import { from, to } from 'opencc-js/preset/t2cn';
import type { DictGroup } from 'opencc-js/core';
import {
  foldTraditionalZhu,
  getSimplifyTable,
  simplifyCodeUnit,
} from '../../../src/core/text/script-convert';
import { normalize } from '../../../src/core/text/normalize';

/** Single-character pairs of every dictionary in the groups (phrase entries skipped). */
function singleCharPairs(groups: readonly DictGroup[] | undefined): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const group of groups ?? [])
    for (const dict of group) {
      const entries =
        typeof dict === 'string'
          ? dict.split('|').map((e) => e.split(' ') as [string, string])
          : [...dict];
      for (const [k = '', v = ''] of entries) if ([...k].length === 1) pairs.set(k, v);
    }
  return pairs;
}

describe('script conversion table', () => {
  it('has every single-character pair of the whole opencc-js tw → cn preset', () => {
    // The engine imports only the two character dictionaries; the preset's phrase dictionaries
    // must add nothing it would then miss.
    const variants = singleCharPairs(from.tw);
    const toSimplified = singleCharPairs(to.cn);
    const table = getSimplifyTable();
    let checked = 0;
    for (const [src, dst] of toSimplified) {
      const s = src.charCodeAt(0);
      if (src.length !== 1 || dst.length !== 1 || src === dst) continue;
      expect(table[s], src).toBe(dst.charCodeAt(0));
      checked++;
    }
    for (const [src, variant] of variants) {
      const dst = toSimplified.get(variant);
      if (toSimplified.has(src) || dst === undefined || src.length !== 1 || dst.length !== 1)
        continue;
      if (src !== dst) expect(table[src.charCodeAt(0)], src).toBe(dst.charCodeAt(0));
    }
    expect(checked).toBeGreaterThan(2500);
  });

  it('converts Taiwan variants through the OpenCC standard form', () => {
    expect(String.fromCharCode(simplifyCodeUnit('裡'.charCodeAt(0)))).toBe('里');
    expect(String.fromCharCode(simplifyCodeUnit('會'.charCodeAt(0)))).toBe('会');
    expect(simplifyCodeUnit('会'.charCodeAt(0))).toBe('会'.charCodeAt(0));
  });
});

describe('著 on traditional pages', () => {
  it('folds the 着 of 着力, 随着 and 坐着 but keeps 著名, 显著 and a name before a mark', () => {
    expect(foldTraditionalZhu('落实“四个著力”，随著发展，他坐著看著会场')).toBe(
      '落实“四个着力”，随着发展，他坐着看着会场',
    );
    expect(foldTraditionalZhu('著名作家的名著成效显著')).toBe('著名作家的名著成效显著');
    expect(foldTraditionalZhu('执行主席张君著、李明')).toBe('执行主席张君著、李明');
  });

  it('folds on a traditional page only: simplified text already writes 着 where it means it', () => {
    expect(normalize('會議強調，要堅持“四個著力”，圍繞中心工作。').text).toBe(
      '会议强调，要坚持“四个着力”，围绕中心工作。',
    );
    expect(normalize('会议强调，要坚持“四个著力”，围绕中心工作。').text).toBe(
      '会议强调，要坚持“四个著力”，围绕中心工作。',
    );
  });
});

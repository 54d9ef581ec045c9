import { describe, expect, it } from 'vitest';
import type { AnnotateResult, Entity } from '../../../src/core/types';
import {
  computePrf,
  countDetection,
  formatReport,
  scoreCase,
  sumTallies,
  type Gold,
} from '../../support/gold-score';

const gold: Gold = {
  doc: 'synthetic',
  script: 'simplified',
  pinyinAnnotations: false,
  isGovNews: true,
  officials: [
    { name: '甲一', titles: ['市委书记'] },
    { name: '乙二', titles: ['市委副书记', '市长'] },
  ],
  optionalOfficials: ['丙三'],
  notOfficials: ['记者丁'],
  meetings: [
    { ordinals: [26], body: '市委' },
    { ordinals: [25, 26], body: '省委' },
  ],
  slogans: ['三防', '一校一策、一校一专班'],
  notSlogans: ['五一'],
  ignoredQuotes: ['稳'],
  formulas: ['24条措施'],
  enumerations: ['一是', '二是'],
};

/** Builds an official mention. */
function official(name: string, titles: string[]): Entity {
  return {
    kind: 'official',
    text: name,
    simplified: name,
    start: 0,
    end: name.length,
    name,
    titles,
    personId: name,
    role: 'titled',
    nameStart: 0,
    nameEnd: name.length,
  };
}

/** Builds a directive of a subtype. */
function directive(subtype: 'slogan' | 'formula' | 'enumeration', normalized: string): Entity {
  return {
    kind: 'directive',
    subtype,
    normalized,
    text: normalized,
    simplified: normalized,
    start: 0,
    end: 1,
  };
}

/** Builds a meeting reference. */
function meeting(ordinals: number[], body?: string): Entity {
  return {
    kind: 'meeting',
    ordinals,
    text: 'x',
    simplified: 'x',
    start: 0,
    end: 1,
    ...(body ? { body } : {}),
  };
}

/** A result with the given entities and detection. */
function result(entities: Entity[], isGovNews = true): AnnotateResult {
  return {
    page: {
      isGovNews,
      score: isGovNews ? 0.9 : 0.1,
      signals: [],
      script: 'simplified',
      pinyinAnnotations: false,
      byline: [],
      editors: [],
    },
    entities,
  };
}

describe('scoreCase', () => {
  it('scores a perfect result as perfect, titles united over mentions', () => {
    const s = scoreCase(
      'p',
      gold,
      result([
        official('甲一', ['市委书记']),
        official('乙二', ['市委副书记']),
        official('乙二', ['市长']),
        official('丙三', []),
        meeting([26], '市委'),
        meeting([26, 25], '省委'),
        directive('slogan', '三防'),
        directive('slogan', '一校一策、一校一专班'),
        directive('slogan', '稳'),
        directive('formula', '24条措施'),
        directive('enumeration', '一是'),
        directive('enumeration', '二是'),
      ]),
    );
    for (const kind of ['officials', 'meetings', 'slogans', 'formulas', 'enumerations'] as const)
      expect(computePrf(s.kinds[kind]).f1, kind).toBe(1);
    expect(s.titles).toEqual({ found: 3, total: 3, missing: [] });
    expect(s.bodies).toEqual({ matched: 2, total: 2, mismatches: [] });
    expect(s.violations).toEqual([]);
  });

  it('counts forbidden and unknown items as false positives and reports missing titles', () => {
    const s = scoreCase(
      'n',
      gold,
      result([
        official('甲一', ['书记']),
        official('记者丁', []),
        meeting([26], '省委'),
        directive('slogan', '五一'),
        directive('slogan', '三防'),
      ]),
    );
    expect(s.kinds.officials).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 1,
      missing: ['乙二'],
      extra: ['记者丁'],
    });
    expect(s.titles.missing).toEqual(['甲一: 市委书记', '乙二: 市委副书记', '乙二: 市长']);
    expect(s.kinds.meetings).toMatchObject({ tp: 1, fp: 0, fn: 1, missing: ['25,26'] });
    expect(s.bodies.mismatches).toEqual(['[26] 市委 ≠ 省委']);
    expect(s.kinds.slogans).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.violations).toEqual(['official 记者丁', 'slogan 五一']);
    const prf = computePrf(s.kinds.officials);
    expect(prf.precision).toBe(0.5);
    expect(prf.recall).toBe(0.5);
  });

  it('scores only detection on pages gold says are not government news', () => {
    const negative: Gold = { ...gold, isGovNews: false, officials: [], meetings: [], slogans: [] };
    const s = scoreCase('neg', negative, result([official('某人', ['市委书记'])], true));
    expect(s.scoredEntities).toBe(false);
    expect(sumTallies([s], 'officials')).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(countDetection([s])).toEqual({ correct: 0, total: 1 });
    expect(formatReport('set', [s])).toMatch(/✗ neg/);
    // The real splits' reports give each figure a page-bootstrap interval.
    expect(formatReport('set', [s], { intervals: true })).toMatch(
      /detection +0\/1 correct \(0\.000, 95% 0\.000–0\.000\)/,
    );
    expect(formatReport('set', [s])).not.toMatch(/95%/);
  });
});

describe('scoreCase: persons', () => {
  it('groups mentions by personId, so a bare mention adds to its person', () => {
    const bare = { ...official('乙二', ['市长']), personId: 'p9', name: '' };
    const named = { ...official('乙二', ['市委副书记']), personId: 'p9' };
    const s = scoreCase('m', gold, result([official('甲一', ['市委书记']), named, bare]));
    expect(s.kinds.officials).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(s.titles).toEqual({ found: 3, total: 3, missing: [] });
  });
});

describe('computePrf', () => {
  it('treats an empty side as perfect and no overlap as zero', () => {
    expect(computePrf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(computePrf({ tp: 0, fp: 2, fn: 3 }).f1).toBe(0);
    expect(computePrf({ tp: 3, fp: 1, fn: 0 }).f1).toBeCloseTo(6 / 7);
  });
});

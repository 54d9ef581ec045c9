import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../../support/bootstrap';

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('bootstrapInterval', () => {
  it('gives the same interval on every run, around the figure, narrowing with more pages', () => {
    // 90 of 100 pages right: the accuracy 0.9 with a binomial spread of about ±0.06.
    const pages = Array.from({ length: 100 }, (_, i) => (i < 90 ? 1 : 0));
    const [low, high] = bootstrapInterval(pages, mean);
    expect(bootstrapInterval(pages, mean)).toEqual([low, high]);
    expect(low).toBeGreaterThan(0.82);
    expect(low).toBeLessThan(0.88);
    expect(high).toBeGreaterThan(0.92);
    expect(high).toBeLessThanOrEqual(0.96);
    const many = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? 0 : 1));
    const [manyLow, manyHigh] = bootstrapInterval(many, mean);
    expect(manyHigh - manyLow).toBeLessThan((high - low) / 3);
  });

  it('collapses on pages that all agree, and says nothing of no pages', () => {
    expect(bootstrapInterval([1, 1, 1], mean)).toEqual([1, 1]);
    expect(bootstrapInterval([], mean).every(Number.isNaN)).toBe(true);
  });
});

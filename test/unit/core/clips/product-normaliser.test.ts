import { describe, expect, it } from 'vitest';
import { filterClips } from '../../../../src/core/clips/filters';
import { productNormaliser } from '../../../../src/core/clips/product-normaliser';
import { makeClip } from '../../../support/clip-fixtures';

describe('product search normaliser (engine toSimplified)', () => {
  it('matches names across scripts both ways and ignores glosses', () => {
    expect(productNormaliser.normalise('韋韜')).toBe(productNormaliser.normalise('韦韬'));
    expect(productNormaliser.normalise('太原新聞網(wǎng)')).toBe('太原新闻网');
    const clip = makeClip({ note: '會議紀要' });
    for (const q of ['韦韬', '韋韜', '会议纪要', '會議紀要', '新聞網(wǎng)']) {
      expect(filterClips([clip], { text: q }, productNormaliser).total, q).toBe(1);
    }
  });
});

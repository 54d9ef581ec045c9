import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClipHandlers } from '../../../src/background/clip-handlers';
import { ClipStore } from '../../../src/background/clip-store';
import { PendingAnchors } from '../../../src/background/pending-anchors';
import {
  toSimplifiedPhrases,
  withPhraseSimplifiedQuote,
} from '../../../src/background/phrase-simplify';
import { productNormaliser } from '../../../src/core/clips/product-normaliser';
import { toSimplified } from '../../../src/core/index';
import { makeDraft } from '../../support/clip-fixtures';

describe('toSimplifiedPhrases', () => {
  it('converts phrase by phrase: 乾隆 stays 乾隆 where 乾 alone becomes 干', () => {
    expect(toSimplifiedPhrases('乾隆年間,天氣乾燥')).toBe('乾隆年间,天气干燥');
    // The engine's per-character conversion, kept for matching on the page, gets this wrong.
    expect(toSimplified('乾隆')).toBe('干隆');
  });

  it('folds Taiwan variants and phrases, strips pinyin glosses and full-width digits', () => {
    expect(toSimplifiedPhrases('台灣的裏面')).toBe('台湾的里面');
    expect(toSimplifiedPhrases('太原新聞網(wǎng)第１１５次會議')).toBe('太原新闻网第115次会议');
    expect(toSimplifiedPhrases('頭髮與發展')).toBe('头发与发展');
  });

  it('leaves simplified text as it is', () => {
    const text = '市委书记韦韬主持召开市疫情防控工作领导小组第115次会议';
    expect(toSimplifiedPhrases(text)).toBe(text);
  });
});

describe('clips/save', () => {
  it('stores the phrase-level simplified quote once, whatever the content script sent', async () => {
    const store = new ClipStore(productNormaliser);
    const handlers = createClipHandlers({
      store,
      pending: new PendingAnchors(),
      openTab: () => Promise.resolve(1),
    });
    const exact = '清乾隆年間修建的會館';
    const draft = makeDraft({ quote: { exact, simplified: '清干隆年间修建的会馆' } });
    const { clip } = await handlers['clips/save']({ draft }, {});
    expect(clip.quote).toEqual({ exact, simplified: '清乾隆年间修建的会馆' });
    expect((await store.get(clip.id))?.quote.simplified).toBe('清乾隆年间修建的会馆');
    expect(withPhraseSimplifiedQuote(draft).quote.exact).toBe(exact);
  });
});

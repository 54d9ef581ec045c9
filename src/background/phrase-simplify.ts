/**
 * Phrase-level traditional → simplified conversion of a saved quote (opencc-js, Taiwan standard to
 * mainland): 乾隆 stays 乾隆 where the per-character table of the content script gives 干隆. It runs
 * here, once per clip as it is saved, so the content script keeps only its single-character table.
 */
import { ConverterFactory } from 'opencc-js/core';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import TW_VARIANTS_REV_PHRASES from 'opencc-js/dict/TWVariantsRevPhrases';
import type { ClipDraft } from '../core/clips/model';
import { stripPinyinGlosses } from '../core/clips/search';

let converter: ((text: string) => string) | undefined;

/**
 * The simplified form of a passage: pinyin glosses stripped, converted phrase by phrase (the `tw`
 * → `cn` chain of opencc-js), full-width digits and letters as ASCII as in the engine's text.
 */
export function toSimplifiedPhrases(text: string): string {
  // Built on first use: building the dictionaries' trie takes a few milliseconds.
  converter ??= ConverterFactory(
    [[TW_VARIANTS_REV_PHRASES, TW_VARIANTS_REV]],
    [[TS_PHRASES, TS_CHARACTERS]],
  );
  return converter(stripPinyinGlosses(text)).replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The draft with its simplified quote made again, phrase by phrase, from the exact quote. */
export function withPhraseSimplifiedQuote(draft: ClipDraft): ClipDraft {
  return {
    ...draft,
    quote: { ...draft.quote, simplified: toSimplifiedPhrases(draft.quote.exact) },
  };
}

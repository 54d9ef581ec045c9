/**
 * The search normaliser the extension uses: the engine's `toSimplified` (traditional→simplified,
 * pinyin glosses off) plus the clip folding. Popup, library and background share it so they
 * always agree on what matches.
 */
import { toSimplified } from '../index';
import { createSearchNormaliser } from './search';

/** Normaliser for clip search in the product. */
export const productNormaliser = createSearchNormaliser(toSimplified);

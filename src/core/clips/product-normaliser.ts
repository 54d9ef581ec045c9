/**
 * The search normaliser the extension uses: the engine's traditional→simplified conversion plus
 * the clip folding. Popup, library and background share it so they always agree on matches.
 */
import { convertToSimplified } from '../text/script-convert';
import { createSearchNormaliser } from './search';

/** Normaliser for clip search in the product. */
export const productNormaliser = createSearchNormaliser(convertToSimplified);

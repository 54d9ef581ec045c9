/**
 * The one "government news" decision and its fitted default threshold, in a module of their own so
 * that settings, the popup and the content script can ask it without loading the engine.
 */
import weightsFile from './lexicons/detection-weights.json';

/** Score at and above which a page counts as government news unless the user sets another. */
export const GOV_NEWS_THRESHOLD: number = weightsFile.threshold;

/**
 * The one "government news" decision: the engine, the panel, the popup and saved clips all ask
 * this, with the user's threshold (or the fitted default).
 */
export function isGovNewsScore(score: number, threshold = GOV_NEWS_THRESHOLD): boolean {
  return score >= threshold;
}

/**
 * When the content script annotates a page without being asked: the user's site lists first,
 * then the auto-annotate setting and the engine's detection under the user's threshold.
 */
import { isGovNewsScore } from '../core/gov-news-decision';
import type { AnnotateResult } from '../core/types';
import { isSiteListed, type Settings } from '../shared/settings';

/** Whether a detection result counts as government news under the user's threshold. */
export function isGovUnderSettings(result: AnnotateResult, settings: Settings): boolean {
  return isGovNewsScore(result.page.score, settings.threshold);
}

/** Whether the page should be annotated without being asked. */
export function shouldAutoAnnotate(
  result: AnnotateResult,
  settings: Settings,
  hostname: string,
): boolean {
  if (isSiteListed(hostname, settings.neverOn)) return false;
  if (isSiteListed(hostname, settings.alwaysOn)) return true;
  return settings.autoAnnotate && isGovUnderSettings(result, settings);
}

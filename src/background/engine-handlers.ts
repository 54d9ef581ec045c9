/**
 * The background's engine: tabs send their page text here so that the engine runs where its
 * compiled code and lazily built tables outlive one page, and off the page's own main thread.
 */
import { annotate } from '../core/index';
import type { Handlers } from '../shared/message-kit';
import type { Messages } from '../shared/messages';

/** Handler of `engine/annotate`. */
export function createEngineHandlers(): Pick<Handlers<Messages, unknown>, 'engine/annotate'> {
  return {
    'engine/annotate': async (input) => ({ result: annotate(input) }),
  };
}

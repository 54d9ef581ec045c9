/**
 * The officials the whole engine finds in a text, for tests that check report shapes.
 */
import { annotate } from '../../src/core/index';

/** Official names found in a text (bare mentions left out), with their titles. */
export function officialsOf(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of annotate({ text }).entities)
    if (e.kind === 'official' && e.role !== 'mention') out[e.name] = e.titles;
  return out;
}

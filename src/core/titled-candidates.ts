/**
 * What the titled passes of the officials finder collect: candidates before persons and mentions
 * are linked, and the names a list adds. Works on normalised (simplified) text.
 */
import { nameOf } from './official-names';
import type { RawOfficial } from './officials';

/** An official found by the titled passes, before persons and mentions are linked. */
export type Candidate = Omit<RawOfficial, 'personId'>;

/** A name read from a list, with the titles the list shares. */
export function listed(
  text: string,
  start: number,
  end: number,
  titles: readonly string[],
): Candidate {
  return {
    start,
    end,
    nameStart: start,
    nameEnd: end,
    name: nameOf(text, start, end),
    titles: [...titles],
    role: 'list',
  };
}

/** True when any character of `[s, e)` is already inside a mention. */
export function isCovered(covered: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (covered[k] === 1) return true;
  return false;
}

/**
 * What a list adds for each name `[s, e)` it reads: the name with `titles`, unless `skipCovered`
 * and it lies in a mention already. Both passes' callbacks come from this one function, so the
 * call in `readNameList` sees one kind of callee (two closures from two places made V8 throw its
 * optimised code away).
 */
export function listEmitter(
  text: string,
  covered: Uint8Array,
  found: Candidate[],
  titles: readonly string[],
  skipCovered: boolean,
): (s: number, e: number) => void {
  return (s, e) => {
    if (skipCovered && isCovered(covered, s, e)) return;
    found.push(listed(text, s, e, titles));
    covered.fill(1, s, e);
  };
}

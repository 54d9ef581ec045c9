/**
 * Work per infinite-scroll burst after an incremental update, early vs late in a long session
 * (400 bursts of 30 entities): the entity merge and the panel's digest, which must cost the
 * burst, not the page's whole entity list. For reference, the same merge followed by summarising
 * the whole list afresh (what every burst cost before the digest). Pure logic in Node: no browser,
 * so the ratio is not drowned by the page's own noise as `bench:content`'s halves ratio is.
 * Run: `npx tsx scripts/bench-incremental.ts` (prints late/early per variant, twice each).
 */
import { mergeEditedEntities } from '../src/content/incremental';
import { createEntityDigest, summarizeEntities } from '../src/content/panel/entity-summary';
import type { Entity } from '../src/core/types';

const BURSTS = 400;
const PER_BURST = 30;
const CHARS = 1000;
const REPEATS = 5;

/** One burst's entities, at offsets within its window. */
function burst(b: number): Entity[] {
  const base = { text: 'x', simplified: 'x', confidence: 1 };
  return Array.from({ length: PER_BURST }, (_, i): Entity => {
    const start = i * 30;
    const person = `p${(b * 7 + i) % 500}`;
    if (i % 3 === 0)
      return {
        ...base,
        kind: 'official',
        start,
        end: start + 6,
        name: person,
        titles: [`t${i % 5}`],
        personId: person,
        role: 'titled',
        nameStart: start + 4,
        nameEnd: start + 6,
      } as Entity;
    if (i % 3 === 1)
      return {
        ...base,
        kind: 'meeting',
        start,
        end: start + 8,
        ordinals: [(b + i) % 40],
      } as Entity;
    return {
      ...base,
      kind: 'directive',
      start,
      end: start + 4,
      subtype: 'slogan',
      normalized: `d${(b + i) % 60}`,
    } as Entity;
  });
}

/** Per-burst times (ms) of one session; `wholeSummary`: summarise the whole list each time. */
function session(wholeSummary: boolean): number[] {
  let prev: Entity[] = [];
  const digest = createEntityDigest();
  const times: number[] = [];
  for (let b = 0; b < BURSTS; b++) {
    const window = { start: b * CHARS, end: (b + 1) * CHARS };
    const edited = { mapOffset: (o: number) => o, spans: [window] };
    const found = burst(b);
    const t0 = performance.now();
    let next = prev;
    for (let r = 0; r < REPEATS; r++) {
      const { entities, change } = mergeEditedEntities(prev, edited, [window], found, [0]);
      next = entities;
      if (wholeSummary) summarizeEntities(entities);
      else {
        const kept = change.from === Infinity ? prev.length : 0;
        digest.truncate(kept);
        digest.append(entities.slice(kept));
        if (r < REPEATS - 1) digest.truncate(prev.length);
      }
    }
    times.push(performance.now() - t0);
    prev = next;
  }
  return times;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const whole of [true, false, true, false]) {
  const t = session(whole);
  const early = mean(t.slice(50, 100));
  const late = mean(t.slice(350, 400));
  const name = whole ? 'merge + whole-list summary' : 'merge + digest (shipped)';
  console.log(
    `${name}: per burst, bursts 50–99 ${early.toFixed(3)} ms, bursts 350–399 ${late.toFixed(3)} ms, late/early ${(late / early).toFixed(2)}×`,
  );
}

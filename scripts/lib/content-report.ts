/**
 * The report of `npm run bench:content`'s in-page comparison and changing pages: every figure
 * with its spread over the runs, and its target with a plain verdict.
 */
import { FEED_EVERY_MS, FEED_FOR_MS, type FeedRun } from './dynamic-pages';
import type { ExtensionRun, PeerRun, ScrollPair } from './highlight-runs';
import type { Feel } from './page-feel';
import { line, spread } from './spread';

/** Every figure of one pass over the 1M page (extension, mark.js, baseline, plain page). */
export interface Round {
  /** The extension on the next page a browser loads (its background engine compiled). */
  ext: ExtensionRun;
  /** The extension on the first page of a freshly started browser. */
  extFirst: ExtensionRun;
  mark: PeerRun;
  tw: PeerRun;
  /** The peers started at DOMContentLoaded of a fresh load, like the extension. */
  markDcl: PeerRun;
  twDcl: PeerRun;
  plainFrames: ScrollPair;
  plainLoad: Feel;
}

/** Prints the in-page comparison: times, ratios, what the page felt, scroll frames. */
export function printInPage(rounds: Round[], strings: number): void {
  const pick = (f: (r: Round) => number): number[] => rounds.map(f);
  const { counts } = rounds[0]!.ext;
  const marks = rounds[0]!.mark.made;
  const ranges = rounds[0]!.tw.made;
  console.log(
    `\n## Time to every highlight painted, 1M-character page (ms, ${rounds.length} runs)`,
  );
  console.log(
    line(
      `extension, the next page a browser loads: DOMContentLoaded → painted (${counts})`,
      pick((r) => r.ext.ms),
      null,
    ),
  );
  console.log(
    line(
      'extension, the first page of a freshly started browser (its engine not yet compiled): DOMContentLoaded → painted',
      pick((r) => r.extFirst.ms),
      null,
    ),
  );
  console.log(
    line(
      `mark.js 8, markRegExp of one alternation of the same ${strings} strings, per text node, no acrossElements: call → painted (${marks} <mark>)`,
      pick((r) => r.mark.ms),
      null,
    ),
  );
  console.log(
    line(
      `TreeWalker baseline, same engine, all ${ranges} ranges registered in one task: call → painted`,
      pick((r) => r.tw.ms),
      null,
    ),
  );
  console.log(
    line(
      'mark.js, the same call started at DOMContentLoaded of a fresh load (like the extension): DOMContentLoaded → painted',
      pick((r) => r.markDcl.ms),
      null,
    ),
  );
  console.log(
    line(
      'TreeWalker baseline started at DOMContentLoaded of a fresh load: DOMContentLoaded → painted',
      pick((r) => r.twDcl.ms),
      null,
    ),
  );
  const ratios: Array<[string, (r: Round) => number, number]> = [
    [
      'ratio extension / fair mark.js, both from DOMContentLoaded',
      (r) => r.ext.ms / r.markDcl.ms,
      0.3,
    ],
    ['ratio extension / fair mark.js on the settled page', (r) => r.ext.ms / r.mark.ms, 0.3],
    [
      'ratio extension / TreeWalker baseline, both from DOMContentLoaded',
      (r) => r.ext.ms / r.twDcl.ms,
      1,
    ],
    ['ratio extension / TreeWalker baseline on the settled page', (r) => r.ext.ms / r.tw.ms, 1],
    [
      "ratio extension on a fresh browser's first page / fair mark.js, both from DOMContentLoaded",
      (r) => r.extFirst.ms / r.markDcl.ms,
      0.3,
    ],
    [
      "ratio extension on a fresh browser's first page / TreeWalker baseline, both from DOMContentLoaded",
      (r) => r.extFirst.ms / r.twDcl.ms,
      1,
    ],
  ];
  for (const [label, f, limit] of ratios)
    console.log(line(label, pick(f), { limit, text: `≤ ${limit.toFixed(1)}×` }, 2, '×'));

  console.log(`\n## What the page felt while it was being highlighted (ms, ${rounds.length} runs)`);
  const held = { limit: 50, text: '≤ 50 ms' };
  const feelRows: Array<[string, (r: Round) => Feel, typeof held | null]> = [
    [
      "extension, the page's own first paint → painted (its first layout of the long page left out)",
      (r) => r.ext.afterLayout,
      held,
    ],
    [
      "extension on a fresh browser's first page, the page's own first paint → painted",
      (r) => r.extFirst.afterLayout,
      held,
    ],
    [
      "extension, DOMContentLoaded → painted (the page's own first layout included)",
      (r) => r.ext.feel,
      null,
    ],
    ['mark.js, call → painted (settled page)', (r) => r.mark.feel, null],
    ['mark.js from DOMContentLoaded → painted', (r) => r.markDcl.feel, null],
    ['TreeWalker baseline, call → painted (settled page)', (r) => r.tw.feel, null],
    ['TreeWalker baseline from DOMContentLoaded → painted', (r) => r.twDcl.feel, null],
    [
      "plain page, no extension, DOMContentLoaded → 1.5 s after load (the page's own loading)",
      (r) => r.plainLoad,
      null,
    ],
  ];
  for (const [label, feel, target] of feelRows) {
    console.log(`${label}:`);
    console.log(
      `  ${line(
        '10 ms heartbeat, max lateness',
        pick((r) => feel(r).beatMax),
        target,
      )}`,
    );
    console.log(
      `  ${line(
        '10 ms heartbeat, p95 lateness',
        pick((r) => feel(r).beatP95),
        null,
      )}`,
    );
    console.log(
      `  ${line(
        'longest rAF gap',
        pick((r) => feel(r).rafMaxGap),
        null,
      )}`,
    );
    console.log(
      `  ${line(
        'longest long-animation-frame',
        pick((r) => feel(r).loafMax),
        null,
      )}; blocking ${spread(pick((r) => feel(r).loafBlockingMax))}`,
    );
  }

  console.log(
    `\n## Scroll frames after annotation vs the same page without the extension (ms, ${rounds.length} runs)`,
  );
  console.log(
    '(60 frames scrolling 240 px each; "work" = from the frame\'s rAF callback to the next task: its style, layout and paint)',
  );
  const within = { limit: 1.2, text: '≤ 1.2×' };
  for (const kind of ['scroll', 'restyle'] as const) {
    const label = kind === 'scroll' ? 'scroll' : 'scroll + restyle of the whole page each frame';
    const ext = (r: Round) => r.ext.frames[kind];
    const plain = (r: Round) => r.plainFrames[kind];
    console.log(`${label}:`);
    console.log(
      `  with extension: frame work, median frame ${spread(
        pick((r) => ext(r).workMedian),
        1,
      )}, p95 frame ${spread(
        pick((r) => ext(r).workP95),
        1,
      )}; rAF interval, median frame ${spread(
        pick((r) => ext(r).intervalMedian),
        1,
      )}, p95 frame ${spread(
        pick((r) => ext(r).intervalP95),
        1,
      )}`,
    );
    console.log(
      `  plain page: frame work, median frame ${spread(
        pick((r) => plain(r).workMedian),
        1,
      )}, p95 frame ${spread(
        pick((r) => plain(r).workP95),
        1,
      )}; rAF interval, median frame ${spread(
        pick((r) => plain(r).intervalMedian),
        1,
      )}, p95 frame ${spread(
        pick((r) => plain(r).intervalP95),
        1,
      )}`,
    );
    console.log(
      `  ${line(
        'ratio of frame work (median)',
        pick((r) => ext(r).workMedian / plain(r).workMedian),
        within,
        2,
        '×',
      )}`,
    );
    console.log(
      `  ${line(
        'ratio of frame work (p95)',
        pick((r) => ext(r).workP95 / plain(r).workP95),
        within,
        2,
        '×',
      )}`,
    );
    console.log(
      `  ${line(
        'ratio of rAF interval (median)',
        pick((r) => ext(r).intervalMedian / plain(r).intervalMedian),
        within,
        2,
        '×',
      )}`,
    );
  }
}

/** Prints the changing pages: the feed with and without the extension, and the late article. */
export function printDynamic(
  feeds: Array<{ ext: FeedRun; plain: FeedRun }>,
  late: number[],
  oneShotUsPerChar: number,
): void {
  const bursts = feeds[0]!.ext.latencies.length;
  const chars = feeds[0]!.ext.charsAdded;
  console.log(
    `\n## Infinite scroll: a burst every ${FEED_EVERY_MS} ms for ${FEED_FOR_MS / 1000} s (${bursts} bursts, ${chars.toLocaleString('en')} characters added; ${feeds.length} runs)`,
  );
  const lat = (f: FeedRun, q: 'median' | 'max'): number => {
    const xs = [...f.latencies].sort((a, b) => a - b);
    return q === 'max' ? xs[xs.length - 1]! : xs[Math.floor((xs.length - 1) / 2)]!;
  };
  const target = { limit: 1500, text: '≤ 1500 ms' };
  console.log(
    line(
      'burst arrival → its first range registered in CSS.highlights, median over bursts (ms)',
      feeds.map((f) => lat(f.ext, 'median')),
      target,
    ),
  );
  console.log(
    line(
      'burst arrival → its first range registered, max over bursts (ms)',
      feeds.map((f) => lat(f.ext, 'max')),
      target,
    ),
  );
  const never = feeds.map((f) => f.ext.latencies.filter((x) => !Number.isFinite(x)).length);
  console.log(
    `bursts never highlighted (within 3 s after the last burst): ${never.join(', ')} of ${bursts} per run`,
  );
  const mb = (b: number): number => b / 1024 / 1024;
  console.log(
    `JS heap after GC, before → after the feed (MB): with extension ${feeds.map((f) => `${mb(f.ext.heapBefore).toFixed(1)} → ${mb(f.ext.heapAfter).toFixed(1)}`).join('; ')}; without ${feeds.map((f) => `${mb(f.plain.heapBefore).toFixed(1)} → ${mb(f.plain.heapAfter).toFixed(1)}`).join('; ')}`,
  );
  console.log(
    line(
      "heap growth the extension adds (its growth minus the plain page's), MB",
      feeds.map(
        (f) => mb(f.ext.heapAfter - f.ext.heapBefore) - mb(f.plain.heapAfter - f.plain.heapBefore),
      ),
      null,
      1,
    ),
  );
  console.log(
    line(
      "extension's JS time (sampled CPU profile) during the feed and 3 s after it (ms)",
      feeds.map((f) => f.ext.extensionMs),
      null,
    ),
  );
  const perChar = feeds.map((f) => (f.ext.extensionMs * 1000) / f.ext.charsAdded);
  console.log(line('… per character added (µs)', perChar, null, 2));
  console.log(
    `  (annotating the 1M page in one go cost ${oneShotUsPerChar.toFixed(2)} µs of extension JS per character in the traced run; work proportional to the text added stays near that, work that re-reads the page grows with its length)`,
  );
  console.log(
    line(
      '… ratio to the one-shot cost per character',
      perChar.map((x) => x / oneShotUsPerChar),
      null,
      1,
      '×',
    ),
  );
  console.log(
    line(
      "… second half of the feed (and the quiet after it) / first half, equal text added (≈1: proportional to the text added; above: grows with the page's length)",
      feeds.map((f) => f.ext.secondHalfMs / f.ext.firstHalfMs),
      null,
      2,
      '×',
    ),
  );
  console.log(`\n## Late Chinese: an article inserted 3 s after load (${late.length} runs)`);
  console.log(
    line(
      'insertion → tab status annotated, asked every 20 ms (ms; no figure = not within 8 s)',
      late,
      {
        limit: 2000,
        text: '≤ 2000 ms',
      },
    ),
  );
}

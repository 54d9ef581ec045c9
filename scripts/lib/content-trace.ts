/**
 * Chrome traces of a page's renderer for `npm run bench:content`: long main-thread tasks with what
 * they spent their time on (script by URL, style, layout, paint, intersection observers, GC), the
 * page's own first layout, and the extension's script time.
 */
import type { CDPSession } from 'playwright-core';

/** One Chrome trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

/** Trace categories: the DevTools timeline (tasks, script, style, layout, paint) and V8's GC. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'v8',
  'disabled-by-default-v8.gc',
].join(',');

/** Starts a trace through `cdp`; the returned function stops it and answers its events. */
export async function startTrace(
  cdp: CDPSession,
  categories: string[] = TRACE_CATEGORIES.split(','),
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** Event names worth naming inside a long task (the rest is summed as "other"). */
export const TASK_PARTS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.run': 'script',
  TimerFire: 'script',
  RunMicrotasks: 'microtasks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'prepaint',
  Paint: 'paint',
  Layerize: 'layerize',
  'IntersectionObserverController::computeIntersections': 'intersections',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
  ParseHTML: 'parse-html',
};

/** A long main-thread task of the page's renderer and where its time went. */
export interface TracedTask {
  /** Milliseconds after the content script first ran. */
  at: number;
  ms: number;
  parts: Record<string, number>;
  scripts: string[];
  /** Trace clock (microseconds) of its start and end. */
  span: [number, number];
  /**
   * It holds the page's own first layout: the work a page of a million characters does once,
   * with or without the extension (before DOMContentLoaded or just after it, as loading goes).
   */
  pageFirstLayout: boolean;
}

/** Whether a trace event ran one of the extension's scripts. */
export const isExtensionScript = (e: TraceEvent): boolean =>
  TASK_PARTS[e.name] === 'script' && (e.args?.data?.url ?? '').startsWith('chrome-extension://');

/**
 * The page renderer's main-thread tasks longer than `minMs` from the first task that ran the
 * content script on: the page is static, so what follows is the extension's doing (its scripts,
 * and the style, layout and paint work its changes cause).
 */
export function longTracedTasks(events: TraceEvent[], pageUrl: string, minMs = 40): TracedTask[] {
  const first = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(pageUrl),
  );
  if (!first) return [];
  const { pid, tid } = first;
  const thread = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const extStart = thread.find(isExtensionScript)?.ts ?? Infinity;
  // The page's first layout: its first Layout event at least half as long as its longest.
  const layouts = thread.filter((e) => e.name === 'Layout');
  const longestLayout = Math.max(0, ...layouts.map((e) => e.dur!));
  const firstLayout = layouts.find((e) => e.dur! >= longestLayout / 2);
  // Outermost task events only (RunTask wraps ThreadControllerImpl::RunTask in some versions).
  const tasks: TraceEvent[] = [];
  for (const e of thread) {
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const last = tasks[tasks.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) tasks.push(e);
  }
  const out: TracedTask[] = [];
  for (const task of tasks) {
    if (task.ts + task.dur! <= extStart || task.dur! < minMs * 1000) continue;
    const end = task.ts + task.dur!;
    const parts: Record<string, number> = {};
    const scripts = new Set<string>();
    // Sum each part's outermost events only (a FunctionCall inside a FunctionCall counts once).
    const openUntil: Record<string, number> = {};
    const biggest = new Map<string, number>();
    for (const e of thread) {
      if (e.ts < task.ts || e.ts >= end || e === task) continue;
      const part = TASK_PARTS[e.name];
      if (!part) {
        // Unnamed work still gets a name when it is big: "(V8.CompileModule)", "(ParseHTML)"…
        if (e.dur! >= 10_000 && !/RunTask|Receive mojo|PerformMicrotaskCheckpoint/.test(e.name))
          biggest.set(e.name, Math.max(biggest.get(e.name) ?? 0, e.dur! / 1000));
        continue;
      }
      const url = e.args?.data?.url;
      if (part === 'script' && url) scripts.add(url.replace(/^chrome-extension:\/\/[^/]+/, 'ext:'));
      if ((openUntil[part] ?? 0) > e.ts) continue;
      openUntil[part] = e.ts + e.dur!;
      parts[part] = (parts[part] ?? 0) + e.dur! / 1000;
    }
    for (const [name, ms] of [...biggest].sort((a, b) => b[1] - a[1]).slice(0, 2))
      parts[`(${name})`] = ms;
    out.push({
      at: (task.ts - extStart) / 1000,
      ms: task.dur! / 1000,
      parts,
      scripts: [...scripts],
      span: [task.ts, end],
      pageFirstLayout:
        firstLayout !== undefined && firstLayout.ts >= task.ts && firstLayout.ts < end,
    });
  }
  return out;
}

/** A V8 CPU profile (the fields read here). */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time (samples) in `span`, as "name (file:line) ms". */
export function topFunctions(profile: CpuProfile, span: [number, number], n = 6): string {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < span[0] || t > span[1]) continue;
    const f = frames.get(id);
    if (!f) continue;
    const file = f.url.slice(f.url.lastIndexOf('/') + 1);
    const key = `${f.functionName || '(anon)'} (${file}:${f.lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? dt) / 1000);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
    .join('; ');
}

/**
 * When the page's own first layout of its million characters ran (its first Layout event at least
 * half as long as its longest), relative to DOMContentLoaded: not to be taken for extension work.
 */
export function pageLayout(events: TraceEvent[], pageUrl: string): string {
  const first = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(pageUrl),
  );
  if (!first) return 'unknown';
  const same = (e: TraceEvent): boolean => e.pid === first.pid && e.tid === first.tid;
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && same(e));
  const layouts = events
    .filter((e) => e.name === 'Layout' && e.ph === 'X' && same(e))
    .sort((a, b) => a.ts - b.ts);
  const longest = Math.max(0, ...layouts.map((e) => e.dur!));
  const big = layouts.find((e) => e.dur! >= longest / 2);
  if (!big || !dcl) return 'unknown';
  return `${(big.dur! / 1000).toFixed(0)} ms long, starting ${((big.ts - dcl.ts) / 1000).toFixed(0)} ms after DOMContentLoaded`;
}

/** One line per traced task: duration, then its parts, largest first. */
export function formatTracedTask(t: TracedTask): string {
  const parts = Object.entries(t.parts)
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');
  const scripts = t.scripts.length ? ` [${t.scripts.join(' ')}]` : '';
  const note = t.pageFirstLayout ? " (the page's own first layout, not counted)" : '';
  return `  ${t.ms.toFixed(0)} ms at +${t.at.toFixed(0)} ms: ${parts || 'no named parts'}${scripts}${note}`;
}

/**
 * The extension's JavaScript time in a sampled CPU profile of the page's isolate, ms: every
 * sample whose stack holds one of its frames (engine continuations resumed by `scheduler.yield`
 * carry no script URL in a trace, but their frames do in a profile), in all and split at
 * `splitAt` (the profile's clock, µs).
 */
export function extensionProfileMs(
  profile: CpuProfile,
  splitAt = Infinity,
): { total: number; before: number; after: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inExtension = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const own = node?.callFrame.url.startsWith('chrome-extension://') ?? false;
    const result = own || (up !== undefined && isExt(up));
    inExtension.set(id, result);
    return result;
  };
  let before = 0;
  let after = 0;
  let t = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    t += profile.timeDeltas[i] ?? 0;
    if (!isExt(id)) continue;
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    if (t < splitAt) before += ms;
    else after += ms;
  }
  return { total: before + after, before, after };
}

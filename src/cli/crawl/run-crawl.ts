/**
 * Runs planned units through the engine: in-process for `--jobs 1`, else on a piscina pool of
 * worker threads. A bounded window of units is in flight and results are written in plan order,
 * so memory stays flat and stdout output does not depend on thread timing.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Progress } from '../progress';
import type { PlanItem } from './plan-units';
import { processUnit, type UnitContext } from './read-unit';
import type { UnitTask } from './unit-worker';
import type { UnitSink } from './unit-sink';
import {
  addCounts,
  emptyCounts,
  type PageCounts,
  type UnitResult,
  type WorkUnit,
} from './work-unit';

/** What a run needs. */
export interface CrawlRun {
  plan: AsyncIterable<PlanItem>;
  jobs: number;
  /** Engine, settings, format and stdin for units run on the main thread. */
  context: UnitContext;
  /** Output format name, for the workers. */
  formatName: string;
  sink: UnitSink;
  progress: Progress;
  /** Called once every planned unit is done (now or earlier), with their ids in plan order. */
  complete?: (unitIds: readonly string[]) => Promise<void>;
}

/** What a run did. */
export interface CrawlSummary extends PageCounts {
  /** Units skipped because an earlier run finished them (`--resume`). */
  unitsResumed: number;
  unitsDone: number;
}

/** Units in flight per worker: enough to keep threads busy while the head unit is written. */
const WINDOW_PER_JOB = 3;

/** `--import` argument that lets worker threads load TypeScript (tsx's loader, by absolute URL). */
function tsxImport(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/**
 * The worker entry next to this module: the compiled `unit-worker.js` when the CLI runs from
 * `npm run build:cli`'s output (plain JS starts in a fraction of the time and heap), else the
 * TypeScript source through tsx (tests, `tsx src/cli/annotate.ts`).
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const compiled = !import.meta.url.endsWith('.ts');
  // A name held in a variable: the bundler would otherwise treat `new URL('…', import.meta.url)` as an asset.
  const name = compiled ? './unit-worker.js' : './unit-worker.ts';
  return {
    filename: new URL(name, import.meta.url).href,
    // Workers do not inherit tsx's hooks in every host (vitest, plain node): load them explicitly.
    execArgv: compiled ? [] : ['--import', tsxImport()],
  };
}

/** Runs one unit somewhere: returns its result. */
type Executor = (unit: WorkUnit) => Promise<UnitResult>;

/**
 * Heap limits of each worker thread, in MB. With V8's defaults (sized from the machine's memory)
 * a worker's heap kept growing over a long crawl: peak RSS with --jobs 2 rose 1.26–1.34× from
 * 1,000 to 10,000 pages. A small young generation and a stated old-generation limit keep it
 * within 1.07× at the same speed; 1 GB still holds the engine's work on a page of 10 million
 * characters (about 200 MB).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };

/** A pool of `jobs` worker threads, each running the unit worker. */
function createPool(jobs: number): Piscina {
  return new Piscina({
    ...workerEntry(),
    minThreads: jobs,
    maxThreads: jobs,
    resourceLimits: WORKER_HEAP,
  });
}

/** Runs every planned unit and writes the results; resolves to the run's tallies. */
export async function runCrawl(run: CrawlRun): Promise<CrawlSummary> {
  const summary: CrawlSummary = { ...emptyCounts(), unitsResumed: 0, unitsDone: 0 };
  const pool = run.jobs > 1 ? createPool(run.jobs) : undefined;
  const inProcess: Executor = (unit) => processUnit(unit, run.context);
  const execute: Executor = (unit) => {
    if (!pool || unit.kind === 'stdin') return inProcess(unit);
    const task: UnitTask = { unit, settings: run.context.settings, format: run.formatName };
    return pool.run(task) as Promise<UnitResult>;
  };
  // Damage found while planning waits in the window too, so stderr follows input order.
  const window: Array<{ unit?: WorkUnit; result: Promise<UnitResult> }> = [];
  const limit = Math.max(1, run.jobs) * WINDOW_PER_JOB;
  // Ids only (short strings), kept for an assembly step; dropped when nothing assembles.
  const unitIds: string[] = [];

  async function writeHead(): Promise<void> {
    const head = window.shift();
    if (!head) return;
    const result = await head.result;
    for (const problem of result.problems) run.progress.log(`annotate: ${problem}`);
    addCounts(summary, result.counts);
    if (!head.unit) return;
    await run.sink.write(result);
    summary.unitsDone++;
    run.progress.advance(head.unit.bytes, result.counts.read);
  }

  try {
    for await (const item of run.plan) {
      if (item.kind === 'damage') {
        const counts = { ...emptyCounts(), errors: 1 };
        const problems = [`${item.key}: ${item.reason}`];
        window.push({ result: Promise.resolve({ id: '', parts: {}, counts, problems }) });
        while (window.length >= limit) await writeHead();
        continue;
      }
      if (run.complete) unitIds.push(item.unit.id);
      if (await run.sink.isDone(item.unit.id)) {
        summary.unitsResumed++;
        run.progress.advance(item.unit.bytes, 0);
        continue;
      }
      const result = execute(item.unit);
      // Handled when it reaches the head; this keeps an early failure from being "unhandled".
      result.catch(() => {});
      window.push({ unit: item.unit, result });
      while (window.length >= limit) await writeHead();
    }
    while (window.length > 0) await writeHead();
  } finally {
    run.progress.stop();
    await pool?.destroy();
  }
  // Reached only when no unit failed: every planned unit's parts are on disk.
  await run.complete?.(unitIds);
  return summary;
}

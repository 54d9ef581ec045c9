/**
 * Worker-thread entry for the piscina pool: annotates one unit with the real engine and returns
 * its encoded output, so page text never crosses threads.
 */
import { Piscina } from 'piscina';
import { annotate } from '../../core/index';
import { findOutputFormat } from './output-format';
import { processUnit } from './read-unit';
import type { ReadSettings, UnitResult, WorkUnit } from './work-unit';

/** A task posted to the pool. */
export interface UnitTask {
  unit: WorkUnit;
  settings: ReadSettings;
  format: string;
}

const encoder = new TextEncoder();

/**
 * A result whose parts are UTF-8 bytes in buffers of their own, listed for transfer: posting
 * moves them to the main thread instead of copying the text there (a copy the main thread would
 * then encode again to write it, while the workers wait for their next unit).
 */
export function movableResult(result: UnitResult): UnitResult {
  const parts: Record<string, Uint8Array> = {};
  for (const [suffix, content] of Object.entries(result.parts))
    // TextEncoder allocates a fresh buffer: never a slice of Node's shared pool, which cannot move.
    parts[suffix] = typeof content === 'string' ? encoder.encode(content) : content;
  const value: UnitResult = { ...result, parts };
  const transfer = Object.values(parts).map((bytes) => bytes.buffer);
  const movable = {
    get [Piscina.transferableSymbol]() {
      return transfer;
    },
    get [Piscina.valueSymbol]() {
      return value;
    },
  };
  // piscina types its symbols as plain `symbol`, so the object does not type as its Transferable.
  return Piscina.move(
    movable as unknown as Parameters<typeof Piscina.move>[0],
  ) as unknown as UnitResult;
}

/** Annotates one unit (the pool calls the default export). */
export default async function runUnitTask(task: UnitTask): Promise<UnitResult> {
  const format = findOutputFormat(task.format);
  if (!format) throw new Error(`unknown output format ${task.format}`);
  const result = await processUnit(task.unit, { annotate, settings: task.settings, format });
  return movableResult(result);
}

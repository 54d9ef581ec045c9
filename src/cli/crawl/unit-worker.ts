/**
 * Worker-thread entry for the piscina pool: annotates one unit with the real engine and returns
 * its encoded output, so page text never crosses threads.
 */
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

/** Annotates one unit (the pool calls the default export). */
export default async function runUnitTask(task: UnitTask): Promise<UnitResult> {
  const format = findOutputFormat(task.format);
  if (!format) throw new Error(`unknown output format ${task.format}`);
  return processUnit(task.unit, { annotate, settings: task.settings, format });
}

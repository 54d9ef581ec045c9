/**
 * Progress bar on stderr for long batches, drawn only on a terminal so logs and pipes stay clean.
 */
import { Presets, SingleBar } from 'cli-progress';

/** Minimal stderr surface the CLI writes to. */
export interface ErrorStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Progress reporting that also knows how to print an error line without garbling the bar. */
export interface Progress {
  advance(file: string): void;
  /** Prints one line on stderr above the bar. */
  log(line: string): void;
  stop(): void;
}

/** Files in a batch above which a bar is worth drawing. */
const PROGRESS_MIN_FILES = 5;

/** A bar for `total` files when `enabled` and stderr is a terminal; otherwise plain stderr lines. */
export function createProgress(total: number, stderr: ErrorStream, enabled: boolean): Progress {
  if (!enabled || total <= PROGRESS_MIN_FILES || !stderr.isTTY) {
    return { advance: () => {}, log: (line) => void stderr.write(`${line}\n`), stop: () => {} };
  }
  const bar = new SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: 'annotate [{bar}] {value}/{total} {file}',
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    advance: (file) => bar.increment(1, { file }),
    log: (line) => {
      // Clear the bar's line first; the next redraw puts the bar back below the message.
      stderr.write(`\r\x1b[2K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}

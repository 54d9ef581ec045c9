/**
 * Progress bar on stderr for long runs (bytes done, pages, pages/s, ETA), drawn only on a
 * terminal so logs and pipes stay clean.
 */
import { Presets, SingleBar } from 'cli-progress';

/** Minimal stderr surface the CLI writes to. */
export interface ErrorStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Progress reporting that also knows how to print an error line without garbling the bar. */
export interface Progress {
  /** Counts a finished unit: its input bytes and the pages it held. */
  advance(bytes: number, pages: number): void;
  /** Prints one line on stderr above the bar. */
  log(line: string): void;
  stop(): void;
}

/**
 * A bar over `totalBytes` of input when `enabled`, the total is known and stderr is a terminal;
 * otherwise plain stderr lines.
 */
export function createProgress(
  totalBytes: number | undefined,
  stderr: ErrorStream,
  enabled: boolean,
): Progress {
  if (!enabled || totalBytes === undefined || !stderr.isTTY) {
    return { advance: () => {}, log: (line) => void stderr.write(`${line}\n`), stop: () => {} };
  }
  const bar = new SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format:
        'annotate [{bar}] {percentage}% | {pages} pages | {rate} pages/s | ETA {eta_formatted}',
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  let pages = 0;
  bar.start(Math.max(totalBytes, 1), 0, { pages: 0, rate: '0' });
  return {
    advance: (bytes, more) => {
      pages += more;
      const seconds = (performance.now() - started) / 1000;
      bar.increment(bytes, { pages, rate: seconds > 0 ? (pages / seconds).toFixed(0) : '0' });
    },
    log: (line) => {
      // Clear the bar's line first; the next redraw puts the bar back below the message.
      stderr.write(`\r\x1b[2K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}

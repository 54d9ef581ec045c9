/** Runs the pandas check of a tidy bundle (test/support/tidy-check.py) and answers its summary. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A Python with pandas: Debian's when present (a pyenv `python3` on PATH may lack pandas). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const SCRIPT = fileURLToPath(new URL('./tidy-check.py', import.meta.url));

/** What the check found. */
export interface TidyCheck {
  rows: Record<string, number>;
  joins: number;
  failures: string[];
}

/** Checks the bundle at `path` (a folder or a zip); failures are reported, not thrown. */
export function checkTidyBundle(path: string): TidyCheck {
  let out: string;
  try {
    out = execFileSync(PYTHON, [SCRIPT, path], { encoding: 'utf8' });
  } catch (err) {
    // Exit code 1 with a summary on stdout: failures found; anything else is a broken check.
    const stdout = (err as { stdout?: string }).stdout ?? '';
    if (!stdout.trim().startsWith('{')) throw err;
    out = stdout;
  }
  return JSON.parse(out) as TidyCheck;
}

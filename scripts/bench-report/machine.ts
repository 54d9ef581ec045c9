/** The report's first section: the machine and browser versions the figures come from. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { table, type Row } from './report-table';

const FIREFOX = process.env.ZWL_FIREFOX ?? '/usr/bin/firefox-esr';

/** Machine and browser versions. */
export function machineRows(chromiumVersion: string): Row[] {
  let firefox = 'not installed';
  try {
    firefox = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as not installed */
  }
  const cpu = cpus();
  return [
    ['CPU', `${cpu[0]?.model ?? 'unknown'}`, `${cpu.length} cores`, ''],
    ['Memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`, '', ''],
    ['Node', process.version, '', ''],
    [
      'Load average (1 min) at the end',
      loadavg()[0]!.toFixed(1),
      'other jobs shared the machine: absolute times are pessimistic',
      '',
    ],
    ['Chromium', chromiumVersion, 'headless', ''],
    ['Firefox', firefox, '(not used by these figures)', ''],
  ];
}

/** The section's Markdown. */
export function machineSection(chromiumVersion: string): string {
  return `## Machine

${table(['', 'Value', 'Note', ''], machineRows(chromiumVersion))}`;
}

/** Rows, tables and number formats shared by the sections of `npm run bench:report`. */

/** One row of a report table. */
export type Row = [string, string, string, string];

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Milliseconds, two decimals below 10 ms. */
export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
/** `a` as a multiple of `b`, or a dash when `b` is not positive. */
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** A Markdown table. */
export function table(head: Row, rows: Row[]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
